// Sourcegraph access tokens: "sgp_" + 40 hex, optionally with an instance id ("sgp_<16 hex>_") or
// "local_" for dev instances; Cody Gateway keys "slk_" + 64 hex; tokens made before 5.4 were bare
// 40 hex (reported only after a Sourcegraph name).
// https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token and
// https://sourcegraph.com/docs/admin/access_control/access_tokens (token prefix); gitleaks
// sourcegraph.go and trufflehog pkg/detectors/sourcegraphcody map the shapes.
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** Start of a token: like B, but a token may follow `=` (as in KEY=token or --token=token). */
const START = String.raw`(?:^|[^A-Za-z0-9_+/.-])`;

export default family('sourcegraph', [
  {
    id: 'sourcegraph-access-token',
    name: 'Sourcegraph access token',
    category: 'token',
    keywords: ['sgp_'],
    pattern: String.raw`${START}(sgp_(?:local_|[0-9a-fA-F]{16}_)?[0-9a-fA-F]{40})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'sgp_69c10e4ded70a0709e6cb47219c2cdbebb38d90e',
        {
          text: 'export SRC_ACCESS_TOKEN=sgp_f779969f52d56512_6ed5abc4d40511029d482b7fb79e9acc91f07283',
          secret: 'sgp_f779969f52d56512_6ed5abc4d40511029d482b7fb79e9acc91f07283',
        },
        {
          text: 'Authorization: token sgp_local_56e267787ee773101d72ea35967f5a912e013960',
          secret: 'sgp_local_56e267787ee773101d72ea35967f5a912e013960',
        },
      ],
      negatives: [
        'sgp_69c10e4ded70a0709e6cb47219c2cdbebb38d90', // 39 hex
        'sgp_f779969f52d56512ab_6ed5abc4d40511029d482b7fb79e9acc91f07283', // 18-char instance id
        'sgp_local_d45b6G86aBb0F2Cee943902dbaDBCFCFDD1dA089',
        'sgp_0000000000000000000000000000000000000000',
      ],
    },
  },
  {
    id: 'sourcegraph-legacy-access-token',
    name: 'Sourcegraph access token (legacy, unprefixed)',
    category: 'token',
    keywords: ['sourcegraph', 'src_access_token'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:sourcegraph(?:[\w.-]{0,20}?[ ]?(?:access[_-]?)?(?:token|key|secret)${ASSIGN}|[\\'"]{0,3}\s{0,2}[:=]\s{0,2}[\\'"]{0,3})|src_access_token${ASSIGN})([0-9a-f]{40})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'SRC_ACCESS_TOKEN=69c10e4ded70a0709e6cb47219c2cdbebb38d90e',
          secret: '69c10e4ded70a0709e6cb47219c2cdbebb38d90e',
        },
        {
          text: 'sourcegraph_token: "6ed5abc4d40511029d482b7fb79e9acc91f07283"',
          secret: '6ed5abc4d40511029d482b7fb79e9acc91f07283',
        },
      ],
      negatives: [
        'SRC_ACCESS_TOKEN=${SRC_ACCESS_TOKEN}',
        'https://sourcegraph.com/github.com/acme/api/-/commit/69c10e4ded70a0709e6cb47219c2cdbebb38d90e',
        'sourcegraph commit 6ed5abc4d40511029d482b7fb79e9acc91f07283',
      ],
    },
  },
  {
    id: 'sourcegraph-cody-gateway-key',
    name: 'Sourcegraph Cody Gateway key',
    category: 'api_key',
    keywords: ['slk_'],
    pattern: String.raw`\b(slk_[0-9a-f]{64})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'slk_ea6fb3ab72c37a29ba206e771b4dc09f1ed611c4ace1b31eaa8a8fcbe4fb01aa',
        {
          text: 'CODY_GATEWAY_KEY="slk_3b1f39e5712ed6691f9f71292d1a64a979b48454aa4a07ad9d3368a873c909ce"',
          secret: 'slk_3b1f39e5712ed6691f9f71292d1a64a979b48454aa4a07ad9d3368a873c909ce',
        },
      ],
      negatives: [
        'slk_ea6fb3ab72c37a29ba206e771b4dc09f1ed611c4ace1b31eaa8a8fcbe4fb01a', // 63 hex
        'slk_<gateway-key>',
      ],
    },
  },
]);

// Revoke or rotate: Sourcegraph Docs, "Revoking an access token".
guidance('sourcegraph', {
  steps:
    'In Sourcegraph, open your avatar > Settings > Access tokens and delete the leaked token; a request with it then answers "Invalid access token". Site admins can delete any user\'s token. Create a new token for the tools that need one, and check the instance\'s audit log for its use.',
  url: 'https://sourcegraph.com/docs/cli/how-tos/revoking_an_access_token',
});
