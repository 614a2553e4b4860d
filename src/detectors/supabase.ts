// Supabase credentials: management-API access tokens "sbp_" + 40 hex, secret API keys
// "sb_secret_...", and the service_role JWT (https://supabase.com/docs/guides/api/api-keys).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';
import { jwtIn } from './jwt-claims.js';

// The key the Supabase CLI prints for every local stack: public, not a leak.
const LOCAL_DEV_SECRET = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz';

export default family('supabase', [
  {
    id: 'supabase-access-token',
    name: 'Supabase access token',
    category: 'token',
    keywords: ['sbp_'],
    pattern: String.raw`\b(sbp_(?:v0_)?[a-f0-9]{40})${EW}`,
    minEntropy: 3,
    // Hand-made values end in a run like "abcdef" or "123456"; random hex practically never does.
    validate: (t) => !/abcdef|012345|123456/.test(t),
    examples: {
      positives: [
        {
          text: 'SUPABASE_ACCESS_TOKEN=sbp_c90d969a789332a203a8566c8eaac84f7c7b539f',
          secret: 'sbp_c90d969a789332a203a8566c8eaac84f7c7b539f',
        },
        'supabase login --token sbp_afd7f4b2da680c5bdfbf5e9896c9f3fea316de47',
      ],
      negatives: [
        'sbp_b781a35a03b3909eda4707821b7b1911077e291',
        'SBP_B781A35A03B3909EDA4707821B7B1911077E291A',
        'sbp_<access-token>',
      ],
    },
  },
  {
    id: 'supabase-secret-key',
    name: 'Supabase secret API key',
    category: 'api_key',
    keywords: ['sb_secret_'],
    pattern: String.raw`\b(sb_secret_[A-Za-z0-9_-]{31,40})${EW}`,
    minEntropy: 3.5,
    validate: (k) => k !== LOCAL_DEV_SECRET,
    examples: {
      positives: [
        {
          text: 'SUPABASE_SECRET_KEY=sb_secret_4CsMc759ExEG0tPH82vS5t_VfxOHFN9',
          secret: 'sb_secret_4CsMc759ExEG0tPH82vS5t_VfxOHFN9',
        },
        'apikey: sb_secret_BvhvRVqMrXJwpZuM3h5By4_XUFeSb4x',
      ],
      negatives: [LOCAL_DEV_SECRET, 'sb_secret_abc', 'SUPABASE_SECRET_KEY=sb_secret_...'],
    },
  },
  {
    // Only near a Supabase name, and only a JWT whose payload says role=service_role: it
    // bypasses row-level security. Other JWTs are left to the jwt family.
    id: 'supabase-service-role-key',
    name: 'Supabase service_role key',
    category: 'api_key',
    keywords: ['supabase', 'service_role'],
    // HS256: the signature is always 43 chars; Supabase payloads are 100-200.
    pattern: String.raw`\b(eyJ[A-Za-z0-9_-]{15,60}\.eyJ[A-Za-z0-9_-]{80,200}\.[A-Za-z0-9_-]{43})${EW}`,
    window: 512,
    priority: 1,
    validate: (t, ctx) => jwtIn(t, ctx)?.payload.role === 'service_role',
    examples: {
      positives: [
        {
          text: 'SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImdzZmtkb2h2YXlicW1raHVmamxjIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTc5MDAwMDAwMCwiZXhwIjoyMTA1MDAwMDAwfQ.wO3c950FOdM5sb58QSf9mha9I2RhjvgT2wYhYCX2WPM',
          secret:
            'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImdzZmtkb2h2YXlicW1raHVmamxjIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTc5MDAwMDAwMCwiZXhwIjoyMTA1MDAwMDAwfQ.wO3c950FOdM5sb58QSf9mha9I2RhjvgT2wYhYCX2WPM',
        },
        {
          text: 'const supabase = createClient(url, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Indlb3Rxb3RzZXhteWR3dHpnYW9pIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTc5MDAwMDAwMCwiZXhwIjoyMTA1MDAwMDAwfQ.svQA6PFC-H4aW9TZu3mXZcY2X21G7Aw5qUgOoiFO_y_")',
          secret:
            'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Indlb3Rxb3RzZXhteWR3dHpnYW9pIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTc5MDAwMDAwMCwiZXhwIjoyMTA1MDAwMDAwfQ.svQA6PFC-H4aW9TZu3mXZcY2X21G7Aw5qUgOoiFO_y_',
        },
      ],
      negatives: [
        'SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Imtsb3JqeHlhdHppdHlwb2VvZXBqIiwicm9sZSI6ImFub24iLCJpYXQiOjE3OTAwMDAwMDAsImV4cCI6MjEwNTAwMDAwMH0.6AoLhNa_jnk9eYAhSCSvtVvA-HpRRasjNaCffTM1uxJ', // anon keys are public
        'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImdzZmtkb2h2YXlicW1raHVmamxjIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTc5MDAwMDAwMCwiZXhwIjoyMTA1MDAwMDAwfQ.wO3c950FOdM5sb58QSf9mha9I2RhjvgT2wYhYCX2WPM', // no Supabase name nearby
      ],
    },
  },
]);

// Revoke or rotate: Supabase Docs, "Rotate a leaked or compromised API key".
guidance('supabase', {
  steps:
    "Create a new secret key in the project's Settings > API Keys, replace the leaked secret or service_role key with it everywhere it is used, then retire the leaked key so it stops granting access (legacy service_role keys end only by migrating to the new API keys and rotating the JWT signing keys). A leaked access token is deleted under Account > Access Tokens. Check the project's logs for requests you did not make.",
  url: 'https://supabase.com/docs/guides/security/rotate-leaked-api-keys',
});
