// Cloudflare API credentials. 2026 formats: prefix + 40 chars + CRC32 of those 40, 8 hex
// (https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/).
import { crc32Ascii } from '../engine/checks/crc32.js';
import { ASSIGN, ci, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** A literal matched case-insensitively with ASCII classes (far cheaper in RE2 than the `i` flag). */

const scannable = (prefix: string): string =>
  String.raw`\b(${prefix}[A-Za-z0-9]{40}[a-f0-9]{8})${EW}`;

function hasCrc(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  return crc32Ascii(body.slice(0, 40)).toString(16).padStart(8, '0') === body.slice(40);
}

/** Name of a Cloudflare credential variable: cloudflare_api_token, CF_API_KEY, X-Auth-Key... */
const CF_NAME = String.raw`(?:${ci('cloudflare')}[\w.-]{0,20}?|\b${ci('cf[_-](?:api[_-])?(?:token|key)')}[\w-]{0,10})`;

export default family('cloudflare', [
  {
    id: 'cloudflare-user-api-token',
    name: 'Cloudflare user API token',
    category: 'token',
    keywords: ['cfut_'],
    pattern: scannable('cfut_'),
    validate: hasCrc,
    examples: {
      positives: [
        {
          text: 'export CLOUDFLARE_API_TOKEN=cfut_Vwj8oFH51fke2PfC0tsHFu063oWTsdClU3uC9pd1b77758b4',
          secret: 'cfut_Vwj8oFH51fke2PfC0tsHFu063oWTsdClU3uC9pd1b77758b4',
        },
        'Authorization: Bearer cfut_3HQjOVswbnAQK0RuUsJS5eYbtLGnHRyX6iHiIPmI4b35c7f7',
      ],
      negatives: [
        'cfut_Vwj8oFH51fke2PfC0tsHFu063oWTsdClU3uC9pd1b77758b5',
        'cfut_3HQjOVswbnAQK0RuUsJS5eYbtLGnHRyX6iHiIPmI4b35c7f',
        'cfut_' + 'A'.repeat(40) + '00000000',
      ],
    },
  },
  {
    id: 'cloudflare-account-api-token',
    name: 'Cloudflare account API token',
    category: 'token',
    keywords: ['cfat_'],
    pattern: scannable('cfat_'),
    validate: hasCrc,
    examples: {
      positives: [
        {
          text: 'CF_API_TOKEN = "cfat_EVCEdzQqNIAilIy0MNXPjPMoIy1WydNpH71OZCRQ36769f81"',
          secret: 'cfat_EVCEdzQqNIAilIy0MNXPjPMoIy1WydNpH71OZCRQ36769f81',
        },
        'cfat_pIfFe1L0egg0RNMYtctNYkyCnNIimasEgv0KhB6Jfce002f7',
      ],
      negatives: [
        'cfat_EVCEdzQqNIAilIy0MNXPjQMoIy1WydNpH71OZCRQ36769f81',
        'cfat_pIfFe1L0egg0RNMYtctNYkyCnNIimasEgv0KhB6Jfce002f7abc',
      ],
    },
  },
  {
    id: 'cloudflare-global-api-key',
    name: 'Cloudflare global API key',
    category: 'api_key',
    keywords: ['cfk_'],
    pattern: scannable('cfk_'),
    validate: hasCrc,
    examples: {
      positives: [
        {
          text: 'X-Auth-Key: cfk_GA2deglQficrBLaPMtBq0xDHAAdDTWaJyEcUDBus5e72616a',
          secret: 'cfk_GA2deglQficrBLaPMtBq0xDHAAdDTWaJyEcUDBus5e72616a',
        },
        'CLOUDFLARE_API_KEY=cfk_xaJI8jmRVYsQtKdi8cpXXJsYQtYzGUfzSzg8owck8c07c2f5',
      ],
      negatives: [
        'cfk_GA2deglQficrBLaPMtBq0xDHAAdDTWaJyEcUDBus5e72616b',
        'cfk_xaJI8jmRVYsQtKdi8cpXXJsYQtYzGUfzSzg8owck8c07',
      ],
    },
  },
  {
    // Pre-2026 API tokens: 40 chars, only beside a Cloudflare name.
    id: 'cloudflare-api-token-legacy',
    name: 'Cloudflare API token (pre-2026 format)',
    category: 'token',
    keywords: ['cloudflare', 'cf_api_token', 'cf-api-token', 'cf_token', 'cf-token', 'cf_api_key'],
    pattern: String.raw`${CF_NAME}${ASSIGN}([A-Za-z0-9_-]{40})${EW}`,
    minEntropy: 3.5,
    validate: (s) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s),
    examples: {
      positives: [
        {
          text: 'CLOUDFLARE_API_TOKEN=swl3tzUgtDSrK0cFwy_GmWGLRHPlEmlOb5AXliqt',
          secret: 'swl3tzUgtDSrK0cFwy_GmWGLRHPlEmlOb5AXliqt',
        },
        {
          text: 'cloudflare_token: "rdPuSVzMCvhq6GmL8N3GCIuoFvbpBWzCahNZHr_1"',
          secret: 'rdPuSVzMCvhq6GmL8N3GCIuoFvbpBWzCahNZHr_1',
        },
      ],
      negatives: [
        'CLOUDFLARE_API_TOKEN=aRlGiReD9luaH5thIdiggJ6MDpYahPM_y1dL2Ps',
        'token: aRlGiReD9luaH5thIdiggJ6MDpYahPM_y1dL2Psq', // no Cloudflare name
        'CLOUDFLARE_API_TOKEN=${CF_TOKEN}',
      ],
    },
  },
  {
    // Pre-2026 global API keys: 37-45 lower-case hex, only beside a Cloudflare name.
    id: 'cloudflare-global-api-key-legacy',
    name: 'Cloudflare global API key (pre-2026 format)',
    category: 'api_key',
    keywords: ['cloudflare', 'cf_api_key', 'cf-api-key', 'cf_key'],
    pattern: String.raw`${CF_NAME}${ASSIGN}([a-f0-9]{37,45})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'CLOUDFLARE_GLOBAL_API_KEY: 5321d79b2e8533ecc99ab80381882e372dd1b',
          secret: '5321d79b2e8533ecc99ab80381882e372dd1b',
        },
        'cloudflare_api_key = "d1a35b8b43d0654de846d1880527c83689fcf"',
      ],
      negatives: [
        'CLOUDFLARE_API_KEY=5004225bce72e7619ed0725159886b602',
        'api_key = 5004225bce72e7619ed0725159886b602dfe3',
      ],
    },
  },
  {
    // Origin CA keys: "v1.0-" + 24 hex + "-" + 146 hex.
    id: 'cloudflare-origin-ca-key',
    name: 'Cloudflare Origin CA key',
    category: 'api_key',
    keywords: ['v1.0-'],
    pattern: String.raw`\b(v1\.0-[a-f0-9]{24}-[a-f0-9]{146})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'CLOUDFLARE_ORIGIN_CA_KEY=v1.0-372fb801e62ae9de9dc8452c-86fceb80ed42493b8d5686117453318fe755a3b14f0d4bf6d889e75713c544bb0667a7644bcccd4ef92f0eeb876e0f2c95a7df2452a317a8fcf6e866d350f96440f60bcf0a03a5e5ac',
          secret:
            'v1.0-372fb801e62ae9de9dc8452c-86fceb80ed42493b8d5686117453318fe755a3b14f0d4bf6d889e75713c544bb0667a7644bcccd4ef92f0eeb876e0f2c95a7df2452a317a8fcf6e866d350f96440f60bcf0a03a5e5ac',
        },
        'X-Auth-User-Service-Key: v1.0-6a4d24adcb06a43e0d2bdd05-e3fd04b6eb9c00c8e238b29a2549fd9da222e53ea1b1ef520b863584b4bc6cb1a63421a1c1313f7dd0ffd7e933e1a6dafb476a82f035841d3fd6883b0fd550d1e853537c453d71f121',
      ],
      negatives: [
        'v1.0-372fb801e62ae9de9dc8452c-86fceb80ed42493b8d5686117453318fe755a3b14f0d4bf6d889e75713c544bb0667a7644bcccd4ef92f0eeb876e0f2c95a7df2452a317a8fcf6e866d350f96440f60bcf0a03a5e5a',
        'v1.0-release-notes',
      ],
    },
  },
]);

// Revoke or rotate: Cloudflare Docs, "Roll tokens".
guidance('cloudflare', {
  steps:
    "In the Cloudflare dashboard (My Profile > API Tokens) roll the leaked API token from its menu: the old secret stops working and the new one keeps the same permissions; or delete it. A leaked Global API Key or Origin CA Key is changed from the same page. Update the services that used it, then check the account's audit log.",
  url: 'https://developers.cloudflare.com/fundamentals/api/how-to/roll-token/',
});
