// Grafana and Grafana Cloud tokens.
import { crc32Ascii } from '../engine/checks/crc32.js';
import { bytesToUtf8, decodeBase64 } from '../engine/checks/radix.js';
import { isPlaceholderValue } from '../engine/placeholder.js';
import { E, EW, family } from './define.js';
import { guidance } from './guidance.js';

function decodeJson(b64: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64(b64);
  const text = bytes && bytesToUtf8(bytes);
  if (!text) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function littleEndianHex(n: number): string {
  let out = '';
  for (let i = 0; i < 4; i++) out += ((n >>> (8 * i)) & 0xff).toString(16).padStart(2, '0');
  return out;
}

/** A JSON string field holding a real-looking secret. */
const secretField = (v: unknown): boolean =>
  typeof v === 'string' && v.length >= 16 && !isPlaceholderValue(v);

export default family('grafana', [
  {
    // Grafana Cloud access policy tokens: glc_ + base64 JSON {"o": org, "n": name, "k": secret, "m": {...}}.
    id: 'grafana-cloud-token',
    name: 'Grafana Cloud access policy token',
    category: 'token',
    keywords: ['glc_'],
    pattern: String.raw`\b(glc_eyJ[A-Za-z0-9+/_-]{20,240}={0,2})${E}`,
    window: 1024,
    validate: (t) => {
      const claims = decodeJson(t.slice('glc_'.length));
      return claims !== undefined && 'o' in claims && secretField(claims.k);
    },
    examples: {
      positives: [
        'glc_eyJvIjoiNjUzNjQ0IiwibiI6InN0YWNrLWF1Z29xOS13cml0ZSIsImsiOiI1YjN2TXQzOG44M0lVVGdJUmg0eWhSbEgiLCJtIjp7InIiOiJwcm9kLWV1LXdlc3QtMiJ9fQ==',
        {
          text: 'loki_key: glc_eyJvIjoiMjUxOTQwIiwibiI6InN0YWNrLTg5azN4ay13cml0ZSIsImsiOiJFeHJ2UXRqWEFzbEJRakdZMUFSZm9OVEkiLCJtIjp7InIiOiJwcm9kLWV1LXdlc3QtMiJ9fQ==',
          secret:
            'glc_eyJvIjoiMjUxOTQwIiwibiI6InN0YWNrLTg5azN4ay13cml0ZSIsImsiOiJFeHJ2UXRqWEFzbEJRakdZMUFSZm9OVEkiLCJtIjp7InIiOiJwcm9kLWV1LXdlc3QtMiJ9fQ==',
        },
      ],
      negatives: [
        'glc_<access-policy-token>',
        'glc_eyJvIjoiMSIsIm4iOiJ4In0=', // {"o":"1","n":"x"}: no key
        'static void GLC_DrawWorldModel(entity_t *ent);',
      ],
    },
  },
  {
    // Service account tokens: glsa_<32 alnum>_<CRC-32 of "glsa_<32 alnum>", little-endian hex>
    // (grafana pkg/components/satokengen).
    id: 'grafana-service-account-token',
    name: 'Grafana service account token',
    category: 'token',
    keywords: ['glsa_'],
    pattern: String.raw`\b(glsa_[A-Za-z0-9]{32}_[0-9a-f]{8})${EW}`,
    validate: (t) => littleEndianHex(crc32Ascii(t.slice(0, 37))) === t.slice(38),
    examples: {
      positives: [
        'glsa_mvWvoEtFsVgmEXOLQRVsQEPj4PONRT3x_7e154a61',
        {
          text: "'Authorization': 'Bearer glsa_f8rs07EGrjZ5jB8R56i0PxqolbcTQVlx_00b3a7b0'",
          secret: 'glsa_f8rs07EGrjZ5jB8R56i0PxqolbcTQVlx_00b3a7b0',
        },
      ],
      negatives: [
        'glsa_mvWvoEtFsVgmEXOLQRVsQEPj4PONRT3x_7e154a62', // checksum off by one
        'glsa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_00000000',
        'glsa_mvWvoEtFsVgmEXOLQRVsQEPj4PONRT3x_614a157e', // big-endian checksum
      ],
    },
  },
  {
    // Legacy API keys: base64 JSON {"k": secret, "n": name, "id": org id}, so they start eyJrIjoi.
    id: 'grafana-api-key',
    name: 'Grafana API key (legacy)',
    category: 'api_key',
    keywords: ['eyjrijoi'],
    pattern: String.raw`(?:^|[^A-Za-z0-9+/])(eyJrIjoi[A-Za-z0-9+/]{20,160}={0,2})${E}`,
    validate: (t) => {
      const claims = decodeJson(t);
      return (
        claims !== undefined &&
        secretField(claims.k) &&
        typeof claims.n === 'string' &&
        typeof claims.id === 'number'
      );
    },
    examples: {
      positives: [
        'eyJrIjoicFF6YUwxeXVUT1RObHF5Mm9MWVVYR05LbndKTmFGWDEiLCJuIjoiY2ktZ3NuNG8iLCJpZCI6Njd9',
        {
          text: 'GRAFANA_API_KEY=eyJrIjoiSUI5S2pzbUdMbExCakRwYURjT3Uya2hISnJiYktHT0UiLCJuIjoiY2ktZmUyOHEiLCJpZCI6MjJ9',
          secret:
            'eyJrIjoiSUI5S2pzbUdMbExCakRwYURjT3Uya2hISnJiYktHT0UiLCJuIjoiY2ktZmUyOHEiLCJpZCI6MjJ9',
        },
      ],
      negatives: [
        'eyJrIjoiYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWEiLCJuIjoiZ3JhZmFuYS1jaSIsImlkIjoxMn0=', // k is a placeholder
        'eyJrIjoicFF6YUwxeXVUT1RObHF5Mm9MWVVYR05LbndKTmFGWDEiLCJuIjoiY2ktZ3NuNG8iLCJpZCI6Njd',
        'eyJrIjoic2hvcnQiLCJuIjoiYSIsImlkIjoxfQ==', // {"k":"short",...}
      ],
    },
  },
]);

// Revoke or rotate: Grafana docs, "Service accounts" (service account tokens) and Grafana Cloud "Create access policies and tokens".
guidance('grafana', {
  steps:
    "Delete the leaked service account token in Grafana (Administration > Users and access > Service accounts, the account's token list), or the leaked Cloud access policy token in the Cloud Portal's Access Policies page; migrate legacy API keys to service accounts. Create a replacement limited to the scopes one task needs, update the tools that used it, and check dashboards and data sources for changes you did not make.",
  url: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/',
});
