// Zoom app client secrets (OAuth, Server-to-Server OAuth, Meeting SDK): 32 alphanumerics, reported
// only after a Zoom secret name. https://developers.zoom.us/docs/integrations/oauth/
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('zoom', [
  {
    id: 'zoom-client-secret',
    name: 'Zoom app client secret',
    category: 'api_key',
    keywords: ['zoom_', 'zoom-', 'zoom secret'],
    pattern: String.raw`${NAME_START}(?:${ci('zoom')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9]{32})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'ZOOM_ACCOUNT_ID=Wq3kT9xZRbC1mN7vL5pHdA\nZOOM_CLIENT_ID=e2Lk9TzQRa6bWn4XyV1cP\nZOOM_CLIENT_SECRET=gaLxEtJEJCz4aQBsiBglsCeuNqGyztPX',
          secret: 'gaLxEtJEJCz4aQBsiBglsCeuNqGyztPX',
        },
        {
          text: "zoom_sdk_secret: '209ypaHAebcW1WDXrFYUNr84Pb6Z5kuh'",
          secret: '209ypaHAebcW1WDXrFYUNr84Pb6Z5kuh',
        },
      ],
      negatives: [
        'ZOOM_CLIENT_SECRET=${ZOOM_CLIENT_SECRET}',
        'ZOOM_CLIENT_SECRET=gaLxEtJEJCz4aQBsiBglsCeuNqGyztP',
        'zoom secret rotation call: https://acme.zoom.us/j/85512345678?pwd=abc',
      ],
    },
  },
]);

// Revoke or rotate: Zoom Developer docs, "App Credentials" (client ID and secret, development and production pairs).
guidance('zoom', {
  steps:
    "In the Zoom App Marketplace (Develop > your app > App Credentials) regenerate the leaked client secret for the environment it belongs to, development or production, and update the servers that exchange tokens with it; tokens already issued keep working until they expire, so deauthorize the app for affected accounts if needed. Check the account's operation logs for activity you did not expect.",
  url: 'https://developers.zoom.us/docs/build-flow/basic-info/app-credentials.md',
});
