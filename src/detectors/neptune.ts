// Neptune.ai API tokens: base64 of a JSON object {"api_address", "api_url", "api_key": UUID}; the
// encoding of '{"api_address":' is a fixed prefix. Checked by decoding.
// https://docs.neptune.ai/setup/setting_api_token/
import { bytesToUtf8, decodeBase64 } from '../engine/checks/radix.js';
import { family } from './define.js';
import { guidance } from './guidance.js';

function isNeptuneToken(s: string): boolean {
  const bytes = decodeBase64(s);
  const text = bytes && bytesToUtf8(bytes);
  if (!text) return false;
  try {
    const v = JSON.parse(text) as { api_key?: unknown };
    return typeof v.api_key === 'string' && v.api_key.length >= 16;
  } catch {
    return false;
  }
}

export default family('neptune', [
  {
    id: 'neptune-api-token',
    name: 'Neptune.ai API token',
    category: 'token',
    keywords: ['eyjhcglfywrkcmvzcyi6'],
    pattern: String.raw`\b(eyJhcGlfYWRkcmVzcyI6[A-Za-z0-9+/]{60,400}={0,2})(?:$|[^A-Za-z0-9+/=_-])`,
    validate: isNeptuneToken,
    window: 512,
    examples: {
      positives: [
        'eyJhcGlfYWRkcmVzcyI6Imh0dHBzOi8vYXBwLm5lcHR1bmUuYWkiLCJhcGlfdXJsIjoiaHR0cHM6Ly9hcHAubmVwdHVuZS5haSIsImFwaV9rZXkiOiJiNDRlNTJlNi0wNjkyLTQ5YzYtODEyZC1iNWJhODBmZDk2OGIifQ==',
        {
          text: 'export NEPTUNE_API_TOKEN="eyJhcGlfYWRkcmVzcyI6Imh0dHBzOi8vYXBwLm5lcHR1bmUuYWkiLCJhcGlfdXJsIjoiaHR0cHM6Ly9hcHAubmVwdHVuZS5haSIsImFwaV9rZXkiOiI5ZTA0MmNkMS1mNmZlLTRhZTItOTEyNi05NWQ4ZjRhM2ZhNTcifQ=="',
          secret:
            'eyJhcGlfYWRkcmVzcyI6Imh0dHBzOi8vYXBwLm5lcHR1bmUuYWkiLCJhcGlfdXJsIjoiaHR0cHM6Ly9hcHAubmVwdHVuZS5haSIsImFwaV9rZXkiOiI5ZTA0MmNkMS1mNmZlLTRhZTItOTEyNi05NWQ4ZjRhM2ZhNTcifQ==',
        },
      ],
      negatives: [
        'NEPTUNE_API_TOKEN="eyJhcGlfYWRkcmVzcyI6..."',
        'eyJhcGlfYWRkcmVzcyI6KluYQtb3cSlrjD5yCUD5Wi4KNaIBgcY20OwCfbrBE175NJ0y4yuJjuHmvdKwP7RQc3duskU8uGdqE4s7fqJNMwJAljzBT7HFZIuM4KlCRBySO0fv8hiX2QMQ', // not base64 JSON
      ],
    },
  },
]);

// Revoke or rotate: Neptune.ai documentation (the page this family file already cites for its key format).
guidance('neptune', {
  steps:
    "Sign in to Neptune.ai and revoke (delete or regenerate) the leaked API token where Neptune.ai manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Neptune.ai's logs or usage for activity you do not recognise.",
  url: 'https://docs.neptune.ai/setup/setting_api_token/',
});
