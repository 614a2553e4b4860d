// Rocket.Chat personal access tokens: 43 base64url chars, reported only after a Rocket.Chat token
// name or the X-Auth-Token header next to X-User-Id.
// https://developer.rocket.chat/apidocs/personal-access-tokens
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('rocketchat', [
  {
    id: 'rocketchat-personal-access-token',
    name: 'Rocket.Chat personal access token',
    category: 'token',
    keywords: ['rocketchat', 'rocket_chat', 'rocket-chat'],
    pattern: String.raw`${NAME_START}(?:${ci('rocketchat')}|${ci('rocket_chat')}|${ci('rocket-chat')})[\w.-]{0,24}?[ \t]?(?:${ci('token')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9_-]{43})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'ROCKETCHAT_AUTH_TOKEN=NS_7gSbdD1w_uILNUYPpxqYSTlGofOQS_J0wwip1x1Q',
          secret: 'NS_7gSbdD1w_uILNUYPpxqYSTlGofOQS_J0wwip1x1Q',
        },
        {
          text: "rocket_chat_token: 'Qg-0rupbUu5xeTekQyRjcN2KAl3HuMtsbkOQaC3onGZ'",
          secret: 'Qg-0rupbUu5xeTekQyRjcN2KAl3HuMtsbkOQaC3onGZ',
        },
      ],
      negatives: [
        'ROCKETCHAT_AUTH_TOKEN=${ROCKETCHAT_TOKEN}',
        'ROCKETCHAT_AUTH_TOKEN=NS_7gSbdD1w_uILNUYPpxqYSTlGofOQS_J0wwip1x1',
        'rocketchat token docs https://chat.acme.test/account/tokens',
      ],
    },
  },
]);

// Revoke or rotate: Rocket.Chat documentation (the page this family file already cites for its key format).
guidance('rocketchat', {
  steps:
    "Sign in to Rocket.Chat and revoke (delete or regenerate) the leaked personal access token where Rocket.Chat manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Rocket.Chat's logs or usage for activity you do not recognise.",
  url: 'https://developer.rocket.chat/apidocs/personal-access-tokens',
});
