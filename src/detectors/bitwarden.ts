// Bitwarden Secrets Manager machine-account access tokens: "0." + access token UUID + "." +
// 30-char client secret + ":" + base64 of a 16-byte encryption key.
// https://bitwarden.com/help/access-tokens/ (format from the Bitwarden SDK's AccessToken parser).
import { E, family } from './define.js';
import { guidance } from './guidance.js';

export default family('bitwarden', [
  {
    id: 'bitwarden-secrets-manager-access-token',
    name: 'Bitwarden Secrets Manager access token',
    category: 'token',
    keywords: ['bws', 'bitwarden'],
    pattern: String.raw`(?:^|[^0-9A-Za-z.])(0\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9]{30}:[A-Za-z0-9+/]{22}==)${E}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'export BWS_ACCESS_TOKEN=0.3b6d12e0-80ed-45d5-a457-928c880608ea.gtEEBPpn6boilq7ETfjSYBUnK4uhg0:ZhUDIAwRVZKPsP+hPfTrww==',
          secret:
            '0.3b6d12e0-80ed-45d5-a457-928c880608ea.gtEEBPpn6boilq7ETfjSYBUnK4uhg0:ZhUDIAwRVZKPsP+hPfTrww==',
        },
        {
          text: 'bws secret list --access-token 0.283ac8ce-7045-4dd5-8a8d-91c8d4f0b3e2.O2qVF7tv2Bxzo2ySkvHRyXwDtLn6R9:YZkpbTcEoc7GfaYWUP+5zg==',
          secret:
            '0.283ac8ce-7045-4dd5-8a8d-91c8d4f0b3e2.O2qVF7tv2Bxzo2ySkvHRyXwDtLn6R9:YZkpbTcEoc7GfaYWUP+5zg==',
        },
      ],
      negatives: [
        'BWS_ACCESS_TOKEN=${BWS_ACCESS_TOKEN}',
        'bws project list, project 283ac8ce-7045-4dd5-8a8d-91c8d4f0b3e2',
        'BWS_ACCESS_TOKEN=0.283ac8ce-7045-4dd5-8a8d-91c8d4f0b3e2.O2qVF7tv2Bxzo2ySkvHRyXwDtLn6R9', // no key
      ],
    },
  },
]);

// Revoke or rotate: Bitwarden documentation (the page this family file already cites for its key format).
guidance('bitwarden', {
  steps:
    "Sign in to Bitwarden and revoke (delete or regenerate) the leaked Secrets Manager access token where Bitwarden manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Bitwarden's logs or usage for activity you do not recognise.",
  url: 'https://bitwarden.com/help/access-tokens/',
});
