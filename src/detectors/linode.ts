// Linode (Akamai Cloud) personal access tokens: 64 hex, only beside a Linode name.
import { ASSIGN, ci, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** A literal matched case-insensitively with ASCII classes (far cheaper in RE2 than the `i` flag). */

export default family('linode', [
  {
    id: 'linode-personal-access-token',
    name: 'Linode personal access token',
    category: 'token',
    keywords: ['linode'],
    pattern: String.raw`${ci('linode')}[\w .-]{0,20}?${ci('(?:token|key|secret|pat)')}[\w-]{0,10}${ASSIGN}([a-f0-9]{64})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'export LINODE_TOKEN=98fb15a2fffa68535d72e5aab0c9df8dd118a1b2a96b19f6f415ed1d40d5d959',
          secret: '98fb15a2fffa68535d72e5aab0c9df8dd118a1b2a96b19f6f415ed1d40d5d959',
        },
        {
          text: 'linode_api_token = "8d9d7f732e018f3811b725429f26edb75d54a1f6acdb045595c6d982ee902e4d"',
          secret: '8d9d7f732e018f3811b725429f26edb75d54a1f6acdb045595c6d982ee902e4d',
        },
      ],
      negatives: [
        'LINODE_TOKEN=7a1ebf341a22960ba85f3777d3e805807b421ade14ab48efcfbf303434ffb1b',
        'token = 7a1ebf341a22960ba85f3777d3e805807b421ade14ab48efcfbf303434ffb1be',
        'LINODE_TOKEN=${LINODE_TOKEN}',
      ],
    },
  },
]);

// Revoke or rotate: Linode documentation (search of the provider docs).
guidance('linode', {
  steps:
    "Sign in to Linode and revoke (delete or regenerate) the leaked personal access token where Linode manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Linode's logs or usage for activity you do not recognise.",
  url: 'https://techdocs.akamai.com/linode-api/reference/delete-personal-access-token',
});
