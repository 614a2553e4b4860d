// Trello API tokens: current ones are "ATTA" + 72 hex; older ones are 64 hex with no prefix,
// reported only after a Trello token name. (API keys are public by design.)
// https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

export default family('trello', [
  {
    id: 'trello-api-token',
    name: 'Trello API token',
    category: 'token',
    keywords: ['atta'],
    pattern: String.raw`\b(ATTA[0-9a-fA-F]{72})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'ATTA932eee02da22604068ccb81c3092e2989c7139a135c7a71b260c82d612b8c7df69B2DCEF',
        {
          text: 'https://api.trello.com/1/members/me/boards?key=0f2bb1d0a5e54a3c8f4f6d2c9e7b1a35&token=ATTA3c3383da1691af2dd1617daface8e055f8e95b5b007d73bbcd2aa1cacf5a09ffEA8D9546',
          secret: 'ATTA3c3383da1691af2dd1617daface8e055f8e95b5b007d73bbcd2aa1cacf5a09ffEA8D9546',
        },
      ],
      negatives: [
        'ATTA932eee02da22604068ccb81c3092e2989c7139a135c7a71b260c82d612b8c7df69B2DCE', // 71
        'ATTACHMENT_ID=932eee02da22604068ccb81c3092e2989c7139a135c7a71b260c82d612b8c7df69B2DCEF',
        'ATTA0000000000000000000000000000000000000000000000000000000000000000000000000',
      ],
    },
  },
  {
    id: 'trello-legacy-token',
    name: 'Trello API token (legacy, unprefixed)',
    category: 'token',
    keywords: ['trello'],
    pattern: String.raw`${ci('trello')}[\w.-]{0,20}${ci('token')}${ASSIGN}([0-9a-f]{64})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'TRELLO_TOKEN=4c8e3b2d1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29180f7e6d5c4b3a21',
          secret: '4c8e3b2d1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29180f7e6d5c4b3a21',
        },
        {
          text: 'trello_api_token: "9d1e7f3a5b2c8d4e6f0a1b3c5d7e9f2a4b6c8d0e1f3a5b7c9d2e4f6a8b0c1d3e"',
          secret: '9d1e7f3a5b2c8d4e6f0a1b3c5d7e9f2a4b6c8d0e1f3a5b7c9d2e4f6a8b0c1d3e',
        },
      ],
      negatives: [
        'TRELLO_TOKEN=${TRELLO_TOKEN}',
        'trello_board_sha=4c8e3b2d1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29180f7e6d5c4b3a21',
        'TRELLO_TOKEN=4c8e3b2d1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29180f7e6d5c4b3a2', // 63
      ],
    },
  },
]);

// Revoke or rotate: Atlassian developer documentation, Trello REST API "Tokens" group (DELETE /1/tokens/{token} revokes a token) and the Trello authorization guide.
guidance('trello', {
  steps:
    "Revoke the leaked Trello token at once: the member who authorized it can remove the application's access in their Trello account settings, or call `DELETE /1/tokens/{token}` with the token and its API key. If the Power-Up's API key was leaked together with its secret, generate a new API key on the Power-Up admin page (trello.com/power-ups/admin). Authorize a new token with the narrowest scope and an expiration, update every integration that used the old one, and check the boards it could reach for changes you do not recognise.",
  url: 'https://developer.atlassian.com/cloud/trello/rest/api-group-tokens/',
});
