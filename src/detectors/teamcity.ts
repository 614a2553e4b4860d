// TeamCity access tokens: three base64url parts like a JWT, but the header is always
// {"typ": "TCV2"} (eyJ0eXAiOiAiVENWMiJ9), the second part encodes the token id and the third a UUID.
// https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens
import { bytesToLatin1, decodeBase64 } from '../engine/checks/radix.js';
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The third part decodes to a UUID. */
function hasUuidSecret(token: string): boolean {
  const bytes = decodeBase64(token.slice(token.lastIndexOf('.') + 1));
  return !!bytes && UUID.test(bytesToLatin1(bytes));
}

export default family('teamcity', [
  {
    id: 'teamcity-access-token',
    name: 'TeamCity access token',
    category: 'token',
    keywords: ['eyj0exaioiaivenwmij9'],
    pattern: String.raw`\b(eyJ0eXAiOiAiVENWMiJ9\.[A-Za-z0-9_-]{16,80}\.[A-Za-z0-9_-]{48})${EW}`,
    validate: hasUuidSecret,
    examples: {
      positives: [
        'eyJ0eXAiOiAiVENWMiJ9.NzFaSEh0Z1prbVJyZjJoN3lxUUVIaU5yVVo4.ZjczZGZkODYtY2M4Ni00NTU5LWFiMzUtMjJjOGNiNDNlNTlk',
        {
          text: 'curl -H "Authorization: Bearer eyJ0eXAiOiAiVENWMiJ9.cW9QMktwZS1NT1ZHeE1TWlJjTFkzSjJWcW00.OTIxYTc4NzQtM2YxYi00MzdmLTkyZjQtNWIzZmY2NzY2Yjdl" https://teamcity.acme.test/app/rest/builds',
          secret:
            'eyJ0eXAiOiAiVENWMiJ9.cW9QMktwZS1NT1ZHeE1TWlJjTFkzSjJWcW00.OTIxYTc4NzQtM2YxYi00MzdmLTkyZjQtNWIzZmY2NzY2Yjdl',
        },
      ],
      negatives: [
        // third part is not a UUID
        'eyJ0eXAiOiAiVENWMiJ9.X19nRVBqbDJPdlJNa1doempxd0ZkbEFLTzdz.X19nRVBqbDJPdlJNa1doempxd0ZkbEFLTzdzX19nRVBqbDJP',
        'TEAMCITY_TOKEN=eyJ0eXAiOiAiVENWMiJ9.<token-id>.<secret>',
        'eyJ0eXAiOiAiVENWMiJ9.X19nRVBqbDJPdlJNa1doempxd0ZkbEFLTzdz.Nzc1MTU2NzItNGNlOC00MzQxLTg3NGEtNjIzYTRkNGEz', // cut
      ],
    },
  },
]);

// Revoke or rotate: TeamCity documentation (the page this family file already cites for its key format).
guidance('teamcity', {
  steps:
    "Sign in to TeamCity and revoke (delete or regenerate) the leaked access token where TeamCity manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check TeamCity's logs or usage for activity you do not recognise.",
  url: 'https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens',
});
