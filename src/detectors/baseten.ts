// Baseten API keys: 8 alphanumerics + "." + 32 alphanumerics, no prefix; recognised only after a
// Baseten name (BASETEN_API_KEY, or an "Api-Key" header near a Baseten URL).
// https://docs.baseten.co/observability/api-keys
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('baseten', [
  {
    id: 'baseten-api-key',
    name: 'Baseten API key',
    category: 'api_key',
    keywords: ['baseten'],
    ignoreCase: true,
    window: 384,
    pattern: String.raw`(?:(?:^|\\[nrt]|[^A-Za-z0-9])baseten[\w.-]{0,16}(?:api[_.-]?key|key)${ASSIGN}|Api-Key\s{1,4})([A-Za-z0-9]{8}\.[A-Za-z0-9]{32})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'export BASETEN_API_KEY="72qyh6xU.VIWcyUwNytuPhHutb2z6LNFbcGCwIEJq"',
          secret: '72qyh6xU.VIWcyUwNytuPhHutb2z6LNFbcGCwIEJq',
        },
        {
          text: 'curl -X POST https://model-abcd1234.api.baseten.co/environments/production/predict -H "Authorization: Api-Key ONySZY53.IETsES8KVY4QIjHzfYtUCDJadjQJ2rOd"',
          secret: 'ONySZY53.IETsES8KVY4QIjHzfYtUCDJadjQJ2rOd',
        },
      ],
      negatives: [
        'BASETEN_API_KEY="abcd1234..."',
        'BASETEN_API_KEY=69dJJORI.bnL7P17R9bXiNAtTDqLwjgxYr9CbcH',
        'Authorization: Api-Key VRk0NmbA.Oc75vGT2PYzJ7Uc4AKz22T4bdRjuE16H', // no Baseten name nearby
      ],
    },
  },
]);

// Revoke or rotate: Baseten documentation (the page this family file already cites for its key format).
guidance('baseten', {
  steps:
    "Sign in to Baseten and revoke (delete or regenerate) the leaked API key where Baseten manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Baseten's logs or usage for activity you do not recognise.",
  url: 'https://docs.baseten.co/observability/api-keys',
});
