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

// Revoke or rotate: Akamai (Linode) API docs, "Revoke a personal access token".
guidance('linode', {
  steps:
    "In Akamai Cloud Manager (My Profile > API Tokens) revoke the leaked personal access token, or call the revoke endpoint (`linode-cli profile token-delete <id>`); requests with it then fail with 401. Create a token with only the scopes and expiry it needs, update the tools that used it, and check the account's events for actions you did not take.",
  url: 'https://techdocs.akamai.com/linode-api/reference/delete-personal-access-token',
});
