// Airtable credentials: personal access tokens "pat" + 14 + "." + 64 hex, OAuth access tokens
// "oaa" + 14 + ".v1." + base64url JSON + "." + hex, legacy API keys "key" + 14.
// https://airtable.com/developers/web/guides/personal-access-tokens
import { bytesToUtf8, decodeBase64 } from '../engine/checks/radix.js';
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

// The OAuth token's middle segment is a JSON object (userId, expiresAt, secret, ...).
function hasJsonPayload(token: string): boolean {
  const seg = token.split('.')[2] ?? '';
  const bytes = decodeBase64(seg);
  const text = bytes && bytesToUtf8(bytes);
  if (!text) return false;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

export default family('airtable', [
  {
    // "pat" alone is too common a keyword (path, pattern); the provider name is required nearby.
    id: 'airtable-personal-access-token',
    name: 'Airtable personal access token',
    category: 'token',
    keywords: ['airtable'],
    window: 512,
    pattern: String.raw`\b(pat[A-Za-z0-9]{14}\.[0-9a-f]{64})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'AIRTABLE_TOKEN=patQNFH2g4zYHFCqS.2dbabd32718879ecf4c0164ff464551e07f2c6ee420ecb52c9e98c3c9b4c6b59',
          secret:
            'patQNFH2g4zYHFCqS.2dbabd32718879ecf4c0164ff464551e07f2c6ee420ecb52c9e98c3c9b4c6b59',
        },
        {
          text: 'curl https://api.airtable.com/v0/meta/bases -H "Authorization: Bearer patmoNZKCpt2xYaQx.056fc6f2180c0c2e539c2db6665e9e63e4fc52b446e200466c66d0dedc46bfe6"',
          secret:
            'patmoNZKCpt2xYaQx.056fc6f2180c0c2e539c2db6665e9e63e4fc52b446e200466c66d0dedc46bfe6',
        },
      ],
      negatives: [
        'airtable key=patfqpIZBPU6EAt5xe.458546d9c77b21f8a98141f2a403-d5626010f19efc16c20d57c4f41d44c8c85',
        'AIRTABLE_TOKEN=patQNFH2g4zYHFCqS.2dbabd32718879ecf4c0164ff464551e', // cut short
        'patQNFH2g4zYHFCqS.2dbabd32718879ecf4c0164ff464551e07f2c6ee420ecb52c9e98c3c9b4c6b59', // no context
      ],
    },
  },
  {
    id: 'airtable-oauth-token',
    name: 'Airtable OAuth access token',
    category: 'token',
    keywords: ['.v1.eyj'],
    window: 512,
    pattern: String.raw`\b(oaa[A-Za-z0-9]{14}\.v1\.eyJ[A-Za-z0-9_-]{100,400}\.[0-9a-f]{64})${EW}`,
    validate: hasJsonPayload,
    examples: {
      positives: [
        'oaat3hPkougYX5oZv.v1.eyJ1c2VySWQiOiJ1c3J3ejlmNHM4ZnlFS1pJcyIsImV4cGlyZXNBdCI6IjIwMjYtMDMtMTRUMDk6MTI6NDQuMDAwWiIsIm9hdXRoQXBwbGljYXRpb25JZCI6Im9hcERsVzg3b2ZVSXNWbDZYIiwic2VjcmV0IjoiNzY3Njc3NWVhZmQwNTUwNTcxOTM1NWNmYzE4YTI5N2FhNTAwYTQ3MTc3ZjYzNTVkOGFhYjRlMzVmOTkxZDZmZCJ9.59c5cb01367519d4cc396a22c9815ba8ed096b8512a020435906aa9696b65460',
        {
          text: '"access_token": "oaave3GWl4CI7NmCV.v1.eyJ1c2VySWQiOiJ1c3JDTU54ZnpPbVRXQW5zZCIsIm9hdXRoQXBwbGljYXRpb25JZCI6Im9hcGltbDRlWlhqQk02RnZpIiwiZXhwaXJlc0F0IjoiMjAyNi0wNy0wMVQxODo0MDowMy4wMDBaIiwic2VjcmV0IjoiODgzODA5MzgyOTBmOGZlNTI4OGRhZjM3YTZhNDJmYjkyZTQ4MWQ5MGNmNzQzMzc1MWM4NmI4MzMxZWMxZDUzYSJ9.5f07ff34201bbb76b6fd6ff553067482936974e0a5c097134750cfe9a5841a06"',
          secret:
            'oaave3GWl4CI7NmCV.v1.eyJ1c2VySWQiOiJ1c3JDTU54ZnpPbVRXQW5zZCIsIm9hdXRoQXBwbGljYXRpb25JZCI6Im9hcGltbDRlWlhqQk02RnZpIiwiZXhwaXJlc0F0IjoiMjAyNi0wNy0wMVQxODo0MDowMy4wMDBaIiwic2VjcmV0IjoiODgzODA5MzgyOTBmOGZlNTI4OGRhZjM3YTZhNDJmYjkyZTQ4MWQ5MGNmNzQzMzc1MWM4NmI4MzMxZWMxZDUzYSJ9.5f07ff34201bbb76b6fd6ff553067482936974e0a5c097134750cfe9a5841a06',
        },
      ],
      negatives: [
        // Middle segment is not base64 JSON.
        'oaa36pHy9vNYC0lyv.v1.eyJKb6DJOz9WaLdumgcqabBlu3LLbK3tGcMGKuFB1QMiSSuo3cd7CEks9pHpWdQVEt1cHnjEmab4vyScsCYwPM1xSKTf0AyR606eIWxdhYQbGZhS4S1gn0InEK7.d7a6ca1d7219b8eb344002a5b4686057ed0deab60a695ecead02a58c0290991b',
        'oaat3hPkougYX5oZv.v2.eyJ1c2VySWQiOiJ1c3J3ejlmNHM4ZnlFS1pJcyJ9.59c5cb01367519d4cc396a22c9815ba8',
      ],
    },
  },
  {
    // Deprecated in 2024 but still pasted: "key" + 14 alphanumerics, only next to the word Airtable.
    id: 'airtable-api-key',
    name: 'Airtable API key (legacy)',
    category: 'api_key',
    keywords: ['airtable'],
    ignoreCase: true,
    pattern: String.raw`airtable[\w.-]{0,30}${ASSIGN}(key[A-Za-z0-9]{14})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        { text: 'AIRTABLE_API_KEY=keygQdOtHO6X7g3mO', secret: 'keygQdOtHO6X7g3mO' },
        'airtable_api_key: "keyYKUJbfhDKalAqk"',
      ],
      negatives: [
        'AIRTABLE_API_KEY=keyXXXXXXXXXXXXXX',
        'AIRTABLE_BASE_ID=appYKUJbfhDKalAqk',
        'AIRTABLE_API_KEY=keygQdOtHO6X7g3', // short
      ],
    },
  },
]);

// Revoke or rotate: Airtable Support, "Creating personal access tokens" (managed in the developer hub).
guidance('airtable', {
  steps:
    "In Airtable's developer hub (Personal access tokens) regenerate or delete the leaked token; a leaked OAuth token ends when the integration's access is removed, and legacy API keys no longer work. Create a token with only the scopes and bases it needs, update the scripts that used it, and check the bases' revision history for changes you did not make.",
  url: 'https://support.airtable.com/docs/creating-personal-access-tokens',
});
