// Asana personal access tokens: "<version>/<user gid>[/<app gid>]:<32 hex>" (v1 "1/...", v2
// "2/.../..."), reported when "asana" is near.
// https://developers.asana.com/docs/personal-access-token (maps: trufflehog
// pkg/detectors/asanapersonalaccesstoken).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('asana', [
  {
    id: 'asana-personal-access-token',
    name: 'Asana personal access token',
    category: 'token',
    keywords: ['asana'],
    pattern: String.raw`(?:^|[^0-9A-Za-z/])([1-9]/[0-9]{13,19}(?:/[0-9]{13,19})?:[0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'ASANA_PAT=1/8532017574851917:b6a6992708a4a73a04d91265695423e5',
          secret: '1/8532017574851917:b6a6992708a4a73a04d91265695423e5',
        },
        {
          text: 'curl https://app.asana.com/api/1.0/users/me -H "Authorization: Bearer 2/5664972458111047/8956576396106148:c6f605d21e73a1f54ecb76f7a6ca75a3"',
          secret: '2/5664972458111047/8956576396106148:c6f605d21e73a1f54ecb76f7a6ca75a3',
        },
      ],
      negatives: [
        'ASANA_PAT=${ASANA_PAT}',
        'asana task https://app.asana.com/0/1204312345678901/1204398765432101/f',
        'ASANA_PAT=1/8532017574851917:00000000000000000000000000000000',
      ],
    },
  },
]);

// Revoke or rotate: Asana developers, "Personal access token" (tokens are managed in the developer console).
guidance('asana', {
  steps:
    "In the Asana developer console (app.asana.com/0/my-apps) deauthorize the leaked personal access token; it stops working at once. Create a new token with a clear description for the script that needs it (or move the integration to OAuth), and check your workspaces' recent activity for changes you did not make.",
  url: 'https://developers.asana.com/docs/personal-access-token',
});
