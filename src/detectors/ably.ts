// Ably API keys: "<app id>.<key id>:<key secret>" (6 + 6 + 43 base64url chars), reported when an
// Ably client or variable name is near. https://ably.com/docs/auth/basic
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('ably', [
  {
    id: 'ably-api-key',
    name: 'Ably API key',
    category: 'api_key',
    keywords: ['ably_', 'ably.', 'ably-', 'ably:'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_.-])([A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{6}:[A-Za-z0-9_-]{40,46})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'ABLY_API_KEY=F9M6HB.bG_593:VlGTKCJ7YhjIkr74pEek5APgHopryAznOyLlauVxlJz',
          secret: 'F9M6HB.bG_593:VlGTKCJ7YhjIkr74pEek5APgHopryAznOyLlauVxlJz',
        },
        {
          text: "const client = new Ably.Realtime({ key: '8OfC2o.kRu6M2:ZtmiQJ0vRyqvTRMAROLNIGYHuC9xp7kp7BibqDa5z7k' });",
          secret: '8OfC2o.kRu6M2:ZtmiQJ0vRyqvTRMAROLNIGYHuC9xp7kp7BibqDa5z7k',
        },
      ],
      negatives: [
        'ABLY_API_KEY=${ABLY_API_KEY}',
        "new Ably.Realtime({ authUrl: 'https://auth.acme.test/ably-token' })",
        'ABLY_API_KEY=F9M6HB.bG_593:VlGTKCJ7YhjIkr74pEek5APgHo',
      ],
    },
  },
]);

// Revoke or rotate: Ably documentation (the page this family file already cites for its key format).
guidance('ably', {
  steps:
    "Sign in to Ably and revoke (delete or regenerate) the leaked API key where Ably manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Ably's logs or usage for activity you do not recognise.",
  url: 'https://ably.com/docs/auth/basic',
});
