// Pushover application tokens and user keys: 30 lower-case alphanumerics, reported only after a
// Pushover name. https://pushover.net/api#registration
import { ASSIGN, EW, ci, family } from './define.js';

/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('pushover', [
  {
    id: 'pushover-api-token',
    name: 'Pushover API token or user key',
    category: 'token',
    keywords: ['pushover'],
    pattern: String.raw`${NAME_START}(?:${ci('pushover')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([a-z0-9]{30})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'PUSHOVER_APP_TOKEN=o4go62f59x7stc56yjatdfdygddegx',
          secret: 'o4go62f59x7stc56yjatdfdygddegx',
        },
        {
          text: 'pushover_user_key: abo4dh7qc99e9mgd6w3muv3ukkerdn',
          secret: 'abo4dh7qc99e9mgd6w3muv3ukkerdn',
        },
      ],
      negatives: [
        'PUSHOVER_APP_TOKEN=<app-token>',
        'PUSHOVER_APP_TOKEN=o4go62f59x7stc56yjatdfdygddeg',
        'pushover token docs: https://pushover.net/apps/o4go62f59x7stc56yjatdfdygddegx-edit',
      ],
    },
  },
]);
