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

// Revoke or rotate: Asana documentation (the page this family file already cites for its key format).
guidance('asana', {
  steps:
    "Sign in to Asana and revoke (delete or regenerate) the leaked personal access token where Asana manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Asana's logs or usage for activity you do not recognise.",
  url: 'https://developers.asana.com/docs/personal-access-token',
});
