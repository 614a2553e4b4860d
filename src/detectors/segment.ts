// Segment Public API tokens: "sgp_" + 64 alphanumerics. (Source write keys are sent by browsers
// and are not reported.) https://docs.segmentapis.com/tag/Getting-Started (maps: gitleaks).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

export default family('segment', [
  {
    id: 'segment-public-api-token',
    name: 'Segment Public API token',
    category: 'token',
    keywords: ['sgp_'],
    pattern: String.raw`\b(sgp_[A-Za-z0-9]{64})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'sgp_ZX865uZz4gMvmIIVEhyky33sWzsPkhpOYiMktdgdhsSjq3Lfj6kdwxLJCLHKpmJA',
        {
          text: 'curl https://api.segmentapis.com/workspaces -H "Authorization: Bearer sgp_Gtt9sdVYkNgzBhjfWh6iErZe3hnF4quQHMz3Pflaa0rmQWrFd9zPS5vAu7Ie3Kg1"',
          secret: 'sgp_Gtt9sdVYkNgzBhjfWh6iErZe3hnF4quQHMz3Pflaa0rmQWrFd9zPS5vAu7Ie3Kg1',
        },
      ],
      negatives: [
        'sgp_ZX865uZz4gMvmIIVEhyky33sWzsPkhpOYiMktdgdhsSjq3Lfj6kdwxLJCLHKpmJ', // 63
        'sgp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    // Config API / workspace access tokens: 43 + "." + 43 base64url, only after a Segment token name
    // (maps: trufflehog pkg/detectors/segmentapikey).
    id: 'segment-access-token',
    name: 'Segment workspace access token',
    category: 'token',
    keywords: ['segment_', 'segment-', 'segmentapi', 'segment token'],
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])${ci('segment')}[\w.-]{0,20}?[ \t]?(?:${ci('token')}|${ci('key')}|${ci('secret')})${ASSIGN}([A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'SEGMENT_ACCESS_TOKEN=nQfTkmQCnrCL8Y9idqj_mWkSYPW8BLGwh_cTpVXCQoD.OGHD0KB275rakErWhW8dDdUzm8gAaywQ9jUsWpPVvdC',
          secret:
            'nQfTkmQCnrCL8Y9idqj_mWkSYPW8BLGwh_cTpVXCQoD.OGHD0KB275rakErWhW8dDdUzm8gAaywQ9jUsWpPVvdC',
        },
        {
          text: 'segment_token: "jQJAIE3eBVtuu3i-YHNd5jv0rLUn6sr6HBIQa4OpXRE.4uKeFEOzoPJeKI_wgl9VVh5QQ_XPpbblTZGXUPQKwTu"',
          secret:
            'jQJAIE3eBVtuu3i-YHNd5jv0rLUn6sr6HBIQa4OpXRE.4uKeFEOzoPJeKI_wgl9VVh5QQ_XPpbblTZGXUPQKwTu',
        },
      ],
      negatives: [
        'SEGMENT_ACCESS_TOKEN=${SEGMENT_ACCESS_TOKEN}',
        "segment keyword is not close to the token\n = 'nQfTkmQCnrCL8Y9idqj_mWkSYPW8BLGwh_cTpVXCQoD.OGHD0KB275rakErWhW8dDdUzm8gAaywQ9jUsWpPVvdC'",
        'SEGMENT_ACCESS_TOKEN=nQfTkmQCnrCL8Y9idqj_mWkSYPW8BLGwh_cTpVXCQoD.OGHD0KB275rakErW',
      ],
    },
  },
]);

// Revoke or rotate: Segment documentation (the page this family file already cites for its key format).
guidance('segment', {
  steps:
    "Sign in to Segment and revoke (delete or regenerate) the leaked Public API token or workspace access token where Segment manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Segment's logs or usage for activity you do not recognise.",
  url: 'https://docs.segmentapis.com/tag/Getting-Started',
});
