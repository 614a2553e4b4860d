// Harness API keys: "pat." (personal access token) or "sat." (service account token), then the
// account id (22 base64url), the token id (24 hex) and the secret (20 alphanumerics).
// https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/ ; shape as in
// gitleaks harness.go. The prefix is short, so a token counts only with "harness" or the
// x-api-key header before it (a bare "pat." is common in prose and file names).
import type { MatchContext } from '../engine/types.js';
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

const BODY = String.raw`\.[A-Za-z0-9_-]{22}\.[0-9a-f]{24}\.[A-Za-z0-9]{20}`;

function harnessBefore(_s: string, ctx: MatchContext): boolean {
  const before = ctx.text.slice(Math.max(0, ctx.matchStart - 120), ctx.matchStart).toLowerCase();
  return before.includes('harness') || before.includes('x-api-key');
}

export default family('harness', [
  {
    id: 'harness-personal-access-token',
    name: 'Harness personal access token',
    category: 'token',
    keywords: ['pat.'],
    pattern: String.raw`\b(pat${BODY})${EW}`,
    validate: harnessBefore,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'HARNESS_PLATFORM_API_KEY=pat.FSwugOXdmoCatFrexaZAA0.d7b1d59ebc5b6162941eb709.1TS795qWXef4ZAJVkbeK',
          secret: 'pat.FSwugOXdmoCatFrexaZAA0.d7b1d59ebc5b6162941eb709.1TS795qWXef4ZAJVkbeK',
        },
        {
          text: 'curl -H "x-api-key: pat.EeoIkLqQN4PboqHSw0IHW1.88b08611c69bbbf8262a0cd3.iO9atp9SWGkpmCYL9766" https://app.harness.io/gateway/ng/api/user/currentUser',
          secret: 'pat.EeoIkLqQN4PboqHSw0IHW1.88b08611c69bbbf8262a0cd3.iO9atp9SWGkpmCYL9766',
        },
      ],
      negatives: [
        'harness token pat.FSwugOXdmoCatFrexaZAA0.d7b1d59ebc5b6162941eb709.1TS795qWXef4', // short secret
        'token: pat.EeoIkLqQN4PboqHSw0IHW1.88b08611c69bbbf8262a0cd3.iO9atp9SWGkpmCYL9766', // no Harness context
        'harness_api_key: pat.<accountId>.<tokenId>.<secret>',
      ],
    },
  },
  {
    id: 'harness-service-account-token',
    name: 'Harness service account token',
    category: 'token',
    keywords: ['sat.'],
    pattern: String.raw`\b(sat${BODY})${EW}`,
    validate: harnessBefore,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'harness:\n  api_key: sat.XzdMvA25vcUKa5MnKUb_kC.b6ebb256dc7a902c83bbd250.TD0Jriyenn2ypr9JKbpP',
          secret: 'sat.XzdMvA25vcUKa5MnKUb_kC.b6ebb256dc7a902c83bbd250.TD0Jriyenn2ypr9JKbpP',
        },
        {
          text: 'export HARNESS_TOKEN="sat.EeoIkLqQN4PboqHSw0IHW1.88b08611c69bbbf8262a0cd3.iO9atp9SWGkpmCYL9766"',
          secret: 'sat.EeoIkLqQN4PboqHSw0IHW1.88b08611c69bbbf8262a0cd3.iO9atp9SWGkpmCYL9766',
        },
      ],
      negatives: [
        'harness sat.XzdMvA25vcUKa5MnKUb_kC.b6ebb256dc7a902c83bbd25.TD0Jriyenn2ypr9JKbpP', // 23-hex id
        'the exam sat.XzdMvA25vcUKa5MnKUb_kC.b6ebb256dc7a902c83bbd250.TD0Jriyenn2ypr9JKbpP was late',
        'HARNESS_TOKEN=sat.xxxxxxxxxxxxxxxxxxxxxx.000000000000000000000000.xxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
]);

// Revoke or rotate: Harness documentation (the page this family file already cites for its key format).
guidance('harness', {
  steps:
    "Sign in to Harness and revoke (delete or regenerate) the leaked personal access token or service account token where Harness manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Harness's logs or usage for activity you do not recognise.",
  url: 'https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/',
});
