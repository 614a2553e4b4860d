// Hetzner tokens (no prefix): Cloud API tokens are 64 alphanumerics (HCLOUD_TOKEN), DNS API tokens
// 32 alphanumerics (Auth-API-Token header). Reported only after a Hetzner name.
// https://docs.hetzner.cloud/reference/cloud#authentication and
// https://dns.hetzner.com/api-docs#section/Authentication
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

const END = String.raw`(?:$|[^A-Za-z0-9_+/=-])`;

export default family('hetzner', [
  {
    id: 'hetzner-cloud-api-token',
    name: 'Hetzner Cloud API token',
    category: 'token',
    keywords: ['hcloud', 'hetzner'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:hcloud|hetzner)[\w.-]{0,20}?[ ]?(?:api[_-]?)?(?:token|key)${ASSIGN}(?:Bearer\s)?([A-Za-z0-9]{64})${END}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'export HCLOUD_TOKEN=6GvGy08iPuOzTTdBlQggjaPQ9SanHWcqxfVlPTBkDbmiorlQXAEr3pxWpvqMRW96',
          secret: '6GvGy08iPuOzTTdBlQggjaPQ9SanHWcqxfVlPTBkDbmiorlQXAEr3pxWpvqMRW96',
        },
        {
          text: 'provider "hcloud" {\n  token = "x"\n}\nhetzner_api_token: "1AXeNNPMLXXxLy7Wh67LgI2mFSO2I4PvnoFUzX4aNU5A6HSXbRcXhIDSpucLIg5t"',
          secret: '1AXeNNPMLXXxLy7Wh67LgI2mFSO2I4PvnoFUzX4aNU5A6HSXbRcXhIDSpucLIg5t',
        },
      ],
      negatives: [
        'HCLOUD_TOKEN=${HCLOUD_TOKEN}',
        'hcloud_image_sha=ea6fb3ab72c37a29ba206e771b4dc09f1ed611c4ace1b31eaa8a8fcbe4fb01aa',
        'HCLOUD_TOKEN=6GvGy08iPuOzTTdBlQggjaPQ9SanHWcqxfVlPTBkDbmiorlQXAEr3pxWpvqMRW9', // 63
      ],
    },
  },
  {
    id: 'hetzner-dns-api-token',
    name: 'Hetzner DNS API token',
    category: 'token',
    keywords: ['hetzner', 'auth-api-token'],
    ignoreCase: true,
    pattern: String.raw`(?:(?:^|\\[nrt]|[^A-Za-z0-9])hetzner[_-]?dns[\w.-]{0,12}?(?:token|key)|auth-api-token)${ASSIGN}([A-Za-z0-9]{32})${END}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'HETZNER_DNS_API_TOKEN=j89JGaQomrhQwHoxnlESIWxReLII03WT',
          secret: 'j89JGaQomrhQwHoxnlESIWxReLII03WT',
        },
        {
          text: 'curl -H "Auth-API-Token: Mb6tewX3R3P5UrqoOtrxU5PgfDK9JDmR" https://dns.hetzner.com/api/v1/zones',
          secret: 'Mb6tewX3R3P5UrqoOtrxU5PgfDK9JDmR',
        },
      ],
      negatives: [
        'HETZNER_DNS_API_TOKEN=<token>',
        'hetzner_dns_zone_id=j89JGaQomrhQwHoxnlESIWxReLII03WT',
        'Auth-API-Token: ${HETZNER_DNS_TOKEN}',
      ],
    },
  },
]);

// Revoke or rotate: Hetzner documentation (the page this family file already cites for its key format).
guidance('hetzner', {
  steps:
    "Sign in to Hetzner and revoke (delete or regenerate) the leaked Cloud API token or DNS API token where Hetzner manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Hetzner's logs or usage for activity you do not recognise.",
  url: 'https://docs.hetzner.cloud/reference/cloud#authentication',
});
