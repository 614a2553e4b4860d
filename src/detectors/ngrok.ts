// ngrok authtokens and API keys: a 27-char KSUID, "_", then 20-22 chars; only beside "ngrok".
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('ngrok', [
  {
    id: 'ngrok-authtoken',
    name: 'ngrok authtoken',
    category: 'token',
    keywords: ['ngrok'],
    pattern: String.raw`[Nn][Gg][Rr][Oo][Kk][\w .:-]{0,30}?${ASSIGN}([12][A-Za-z0-9]{26}_[A-Za-z0-9]{20,22})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'ngrok config add-authtoken 2uN7Dy9Sr17YnkDj8zkacBejxv9_BRKurTLjuQMO9jCg4yZcX',
          secret: '2uN7Dy9Sr17YnkDj8zkacBejxv9_BRKurTLjuQMO9jCg4yZcX',
        },
        {
          text: 'NGROK_AUTHTOKEN=2WqsuBvTD0WTenp7rYnzQJ7qiam_0cp1UY1ZdLeZO6IXm5dJa',
          secret: '2WqsuBvTD0WTenp7rYnzQJ7qiam_0cp1UY1ZdLeZO6IXm5dJa',
        },
      ],
      negatives: [
        'NGROK_AUTHTOKEN=2UkGL318C0sEMo4mIoHbYIRC3v2_qGig49uP1FmZGt1y1',
        'authtoken: 2UkGL318C0sEMo4mIoHbYIRC3v2_qGig49uP1FmZGt1y1h6HT',
        'NGROK_AUTHTOKEN=<your-authtoken>',
      ],
    },
  },
]);

// Revoke or rotate: ngrok documentation, ERR_NGROK_107 (a reset authtoken stops working) and the dashboard's authtoken page.
guidance('ngrok', {
  steps:
    "Reset the leaked authtoken on the ngrok dashboard (Your Authtoken), or delete the leaked API key or tunnel credential under Settings > Credentials; agents using the old value stop connecting. Install the new authtoken where ngrok runs (`ngrok config add-authtoken`), and check the dashboard's endpoints for tunnels you did not start.",
  url: 'https://dashboard.ngrok.com/get-started/your-authtoken',
});
