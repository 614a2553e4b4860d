// PlanetScale credentials: "pscale_tkn_" (service tokens), "pscale_pw_" (database passwords),
// "pscale_oauth_" (OAuth tokens) + 32-64 chars.
import { EW, family } from './define.js';
import type { DetectorEntry } from './define.js';
import { guidance } from './guidance.js';

function entry(
  kind: string,
  id: string,
  name: string,
  category: DetectorEntry['category'],
  a: string,
  b: string,
): DetectorEntry {
  return {
    id,
    name,
    category,
    keywords: [`pscale_${kind}_`],
    // The last char is not "." so a sentence-ending period stays out of the secret.
    pattern: String.raw`\b(pscale_${kind}_[A-Za-z0-9_.=-]{31,63}[A-Za-z0-9=])${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [{ text: `PLANETSCALE_TOKEN=${a}`, secret: a }, `"${b}"`],
      negatives: [
        `pscale_${kind}_short`,
        `pscale_${kind}_` + 'x'.repeat(43),
        `pscale_${kind}_<token>`,
      ],
    },
  };
}

export default family('planetscale', [
  entry(
    'tkn',
    'planetscale-service-token',
    'PlanetScale service token',
    'token',
    'pscale_tkn_P6hRBHGvsiXpVbKF3_3RqiYWhyd2IwFz8l8nYNvMBsw',
    'pscale_tkn_Q5CBfyyJMGNLNIFL4AvDoCSqrBGa19oeFSBDb2n7c8p',
  ),
  entry(
    'pw',
    'planetscale-password',
    'PlanetScale database password',
    'credentials',
    'pscale_pw_GuF7ybN5Fn9tyupXNxELYIUcR7xeafg4mu44gdjNjh8',
    'pscale_pw_bluFOVFLhDz_3RO1WO4AxhB_V6HykJlIvW6YznRfVNr',
  ),
  entry(
    'oauth',
    'planetscale-oauth-token',
    'PlanetScale OAuth token',
    'token',
    'pscale_oauth_LjId9t5_A1p9SCeN0ZEBTD_Kv5WZyc7D8baWFj0_dTQ',
    'pscale_oauth_6yyXFMgCcXD8xgplp5pwes6ff6xOhH_ZGx0TSgnFLO0',
  ),
]);

// Revoke or rotate: PlanetScale docs, "Service tokens" (and the pscale service-token delete command).
guidance('planetscale', {
  steps:
    "In PlanetScale open Settings > Service tokens, select the leaked token and delete it (or `pscale service-token delete <id>`); a leaked database password is deleted on the database branch's Passwords page. Create a replacement with only the organization and database permissions it needs, update the tools that used it, and check the organization's audit log.",
  url: 'https://planetscale.com/docs/api/service-tokens',
});
