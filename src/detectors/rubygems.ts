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

// Revoke or rotate: RubyGems documentation (the page this family file already cites for its key format).
guidance('rubygems', {
  steps:
    "Sign in to RubyGems and revoke (delete or regenerate) the leaked API key where RubyGems manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check RubyGems's logs or usage for activity you do not recognise.",
  url: 'https://guides.rubygems.org/api-key-scopes/',
});
