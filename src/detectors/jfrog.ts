// JFrog Artifactory API keys and reference tokens.
import { bytesToLatin1, decodeBase64 } from '../engine/checks/radix.js';
import { E, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('jfrog', [
  {
    // Artifactory API keys: "AKCp" + 69 base58 chars.
    id: 'jfrog-api-key',
    name: 'JFrog Artifactory API key',
    category: 'api_key',
    keywords: ['akcp'],
    pattern: String.raw`\b(AKCp[1-9A-HJ-NP-Za-km-z]{69})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'AKCp8QtcQyXCcLwXL5M3tEHzHVnCd32aQBhqr7pAahQSwPXLM6nr1Ci9DQbY5JJkB6tDiJ7Ug',
        {
          text: 'curl -H "X-JFrog-Art-Api: AKCp5wFxqRTSLX7XdUC4EjZt2qBEAXSdU2dP5ZYixdPPhR1jjKyQe13huVAA2aXknEoryX2hf" https://acme.jfrog.io/artifactory/api/repositories',
          secret: 'AKCp5wFxqRTSLX7XdUC4EjZt2qBEAXSdU2dP5ZYixdPPhR1jjKyQe13huVAA2aXknEoryX2hf',
        },
      ],
      negatives: [
        'AKCp8QtcQyXCcLwXL5M3tEHzHVnCd32aQBhqr7pAahQSwPXLM6nr1Ci9DQbY5JJkB6tDiJ7U0', // '0' is not base58
        'AKCp8QtcQyXCcLwXL5M3tEHzHVnCd32aQBhqr7pAahQSwPXLM6nr1Ci9DQbY5JJkB6tDiJ7U',
        'AKCpxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    // Reference tokens: base64 of "reftkn:01:<expiry epoch>:<random bytes>".
    id: 'jfrog-reference-token',
    name: 'JFrog reference token',
    category: 'token',
    keywords: ['cmvmdgtuojaxoj'],
    pattern: String.raw`(?:^|[^A-Za-z0-9+/])(cmVmdGtuOjAxOj[A-Za-z0-9+/]{40,60}={0,2})${E}`,
    validate: (t) => {
      const bytes = decodeBase64(t);
      return (
        bytes !== undefined && bytes.length >= 36 && /^reftkn:01:\d{10}:/.test(bytesToLatin1(bytes))
      );
    },
    examples: {
      positives: [
        'cmVmdGtuOjAxOjE4NTgyNTEyNTU6avKHaxHQ9lNVLHOG1SVeZG3TFJKfz+MMH55H',
        {
          text: 'export ARTIFACTORY_ACCESS_TOKEN=cmVmdGtuOjAxOjE4NzU0MjkyNDM6t7i3TNbn77ZjxhrRUiBB8+582smWdsk6BV8v',
          secret: 'cmVmdGtuOjAxOjE4NzU0MjkyNDM6t7i3TNbn77ZjxhrRUiBB8+582smWdsk6BV8v',
        },
        {
          text: 'curl -H "Authorization: Bearer cmVmdGtuOjAxOjE4NTgyNTEyNTU6avKHaxHQ9lNVLHOG1SVeZG3TFJKfz+MMH55H" https://acme.jfrog.io/artifactory/api/system/ping',
          secret: 'cmVmdGtuOjAxOjE4NTgyNTEyNTU6avKHaxHQ9lNVLHOG1SVeZG3TFJKfz+MMH55H',
        },
      ],
      negatives: [
        'cmVmdGtuOjAxOjE4NTgyNTEyNTU6short',
        'cmVmdGtuOjAxOmxhdGVyLW9uLXdlLXNoYWxsLXNlZS13aGF0LXRoaXMtaXMtYWJvdXQ', // "reftkn:01:later-on..."
        'xcmVmdGtuOjAxOjE4NTgyNTEyNTU6avKHaxHQ9lNVLHOG1SVeZG3TFJKfz+MMH55H', // glued to a longer token
      ],
    },
  },
]);

// Revoke or rotate: JFrog REST APIs, "Revoke Token by Value" (identity and reference tokens; API keys are deprecated).
guidance('jfrog', {
  steps:
    "Revoke the leaked access or reference token in the JFrog Platform (the user profile's identity tokens, or an admin's Access Tokens list), or with the Revoke Token API (DELETE /access/api/v1/tokens/revoke with the token value); a leaked legacy API key is revoked from the user profile and replaced by a scoped identity token. Update the build tools that used it, and check the repositories for artifacts you did not push.",
  url: 'https://jfrog.com/help/r/jfrog-rest-apis/revoke-token-by-value',
});
