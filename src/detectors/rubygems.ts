// RubyGems.org API keys: "rubygems_" + 48 hex (https://guides.rubygems.org/api-key-scopes/).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('rubygems', [
  {
    id: 'rubygems-api-key',
    name: 'RubyGems API key',
    category: 'api_key',
    keywords: ['rubygems_'],
    pattern: String.raw`\b(rubygems_[0-9a-f]{48})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'rubygems_88abec7e44e414497eb6e2fca2aa2ddbe0c86017d5bab74f',
        {
          text: 'GEM_HOST_API_KEY=rubygems_f3635be6895503989870c8c5f158cd0e3c8d607a5d6655e5',
          secret: 'rubygems_f3635be6895503989870c8c5f158cd0e3c8d607a5d6655e5',
        },
        {
          text: '---\n:rubygems_api_key: rubygems_88abec7e44e414497eb6e2fca2aa2ddbe0c86017d5bab74f',
          secret: 'rubygems_88abec7e44e414497eb6e2fca2aa2ddbe0c86017d5bab74f',
        },
      ],
      negatives: [
        'rubygems_88azqwke44e414497eb6e2fca2aa2ddbe0c86017d5bab74f', // not hex
        'rubygems_88abec7e44e414497eb6e2fca2aa2ddbe0c86017d5bab74',
        'rubygems_000000000000000000000000000000000000000000000000',
      ],
    },
  },
]);

// Revoke or rotate: RubyGems Guides, "RubyGems.org API keys, their scopes, and CLI usage".
guidance('rubygems', {
  steps:
    "On RubyGems.org open Settings > API keys (after confirming your password) and delete the leaked key, or use Reset to delete every key of the account; move off any legacy-key. Create a new key with only the scopes needed (push for one gem) and an expiry, or use trusted publishing, then check your gems' versions and owners for changes you did not make.",
  url: 'https://guides.rubygems.org/api-key-scopes/',
});
