// Intercom access tokens: base64 of "tok:" + a UUID written with underscores + ":1:0".
// https://developers.intercom.com/docs/build-an-integration/learn-more/authentication
// (maps: gitleaks intercom.go, keyword-anchored there; the decoded structure makes ours precise).
import { bytesToLatin1, decodeBase64 } from '../engine/checks/radix.js';
import { E, family } from './define.js';
import { guidance } from './guidance.js';

const DECODED =
  /^tok:[0-9a-f]{8}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{12}:\d{1,3}:\d{1,3}$/;

export default family('intercom', [
  {
    id: 'intercom-access-token',
    name: 'Intercom access token',
    category: 'token',
    keywords: ['dg9ro'],
    pattern: String.raw`\b(dG9rO[A-Za-z0-9+/]{50,64}={0,2})${E}`,
    validate: (t) => {
      const bytes = decodeBase64(t);
      return bytes !== undefined && DECODED.test(bytesToLatin1(bytes));
    },
    examples: {
      positives: [
        'dG9rOmFjNWQ3ZmM2XzdiYWVfNDZhY185NzEwXzJmYThiNGNmNWZjZDoxOjA=',
        {
          text: "curl https://api.intercom.io/me -H 'Authorization: Bearer dG9rOjQ2Yjg1YTBiXzUwY2ZfNDE4OV9hZGY2XzQzMmViNDE2ZTgzZToxOjA='",
          secret: 'dG9rOjQ2Yjg1YTBiXzUwY2ZfNDE4OV9hZGY2XzQzMmViNDE2ZTgzZToxOjA=',
        },
      ],
      negatives: [
        // Starts like a token but does not decode to the token structure.
        'dG9rOmE2EzJhNmQwXzdsOpFfNDcxNV84GPU2XzMnMWRiYTIxOTc2ZDevLcB=',
        'dG9rOmFjNWQ3ZmM2XzdiYWVfNDZhY185NzEwXzJmYThiNGNmNWZjZDox', // cut
        'dG9rOnh4eHh4eHh4X3h4eHhfeHh4eF94eHh4X3h4eHh4eHh4eHh4eDoxOjA=', // tok:xxxx placeholder
      ],
    },
  },
]);

// Revoke or rotate: Intercom developer documentation, "Authentication" (an app's access token lives in the Developer Hub under Configure > Authentication and must be treated like a password).
guidance('intercom', {
  steps:
    'In Intercom open Settings > Integrations > Developer Hub, select the app the token belongs to and, look at Configure > Authentication, where its access token is shown. Replace the token there if Intercom offers it for that app; otherwise (or if the app is no longer needed) uninstall or delete the app so the token stops working, and create a new app with only the permissions it needs. Put the new token in a secret store, update every script or integration that used the old one, and review the workspace for changes you do not recognise.',
  url: 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication',
});
