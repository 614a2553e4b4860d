// DagsHub user tokens: 40 lower-case hex with no prefix, recognised only after a DagsHub name.
// https://dagshub.com/docs/integration_guide/dagshub_client/ (DAGSHUB_USER_TOKEN)
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('dagshub', [
  {
    id: 'dagshub-user-token',
    name: 'DagsHub user token',
    category: 'token',
    keywords: ['dagshub'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])dagshub[\w.-]{0,16}(?:token|api[_.-]?key|key|password)${ASSIGN}([0-9a-f]{40})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'DAGSHUB_USER_TOKEN=16862da8a625214eeb36ecf47830fbf810e2abbd',
          secret: '16862da8a625214eeb36ecf47830fbf810e2abbd',
        },
        {
          text: 'dagshub_token: "d7de4fa43efb2ff93bcb2f26c71470c16aaee61a"',
          secret: 'd7de4fa43efb2ff93bcb2f26c71470c16aaee61a',
        },
      ],
      negatives: [
        'DAGSHUB_USER_TOKEN=${DAGSHUB_USER_TOKEN}',
        'DAGSHUB_USER_TOKEN=274104c6ece0715c1491429bc3e2dc24d88f0be',
        'https://dagshub.com/acme/repo/src/ad0ae8abfb740053905d567fdc16526ff4672395/data',
      ],
    },
  },
]);

// Revoke or rotate: DagsHub documentation (the page this family file already cites for its key format).
guidance('dagshub', {
  steps:
    "Sign in to DagsHub and revoke (delete or regenerate) the leaked user token where DagsHub manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check DagsHub's logs or usage for activity you do not recognise.",
  url: 'https://dagshub.com/docs/integration_guide/dagshub_client/',
});
