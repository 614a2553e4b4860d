// Ably API keys: "<app id>.<key id>:<key secret>" (6 + 6 + 43 base64url chars), reported when an
// Ably client or variable name is near. https://ably.com/docs/auth/basic
import { EW, family } from './define.js';

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
