// Datadog API keys (32 hex) and application keys (40 hex) carry no prefix: only after a Datadog name.
// https://docs.datadoghq.com/account_management/api-app-keys/
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** Start of a Datadog variable or header name (not inside a word such as "add"). */
const DD = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:dd|datadog)[\w.-]{0,12}`;

export default family('datadog', [
  {
    id: 'datadog-api-key',
    name: 'Datadog API key',
    category: 'api_key',
    keywords: ['dd_api', 'dd-api', 'ddapi', 'datadog'],
    ignoreCase: true,
    pattern: String.raw`${DD}api[_-]?key${ASSIGN}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'DD_API_KEY=3c9ccd43f6beb96c344937b8fe5decb6',
          secret: '3c9ccd43f6beb96c344937b8fe5decb6',
        },
        {
          text: 'curl -X POST https://api.datadoghq.eu/api/v2/series -H "DD-API-KEY: 9b9bc0ee20ae5b7080c52bfc50a26289"',
          secret: '9b9bc0ee20ae5b7080c52bfc50a26289',
        },
        {
          text: 'datadog:\n  api_key: x\ndatadog_api_key: "3c9ccd43f6beb96c344937b8fe5decb6"',
          secret: '3c9ccd43f6beb96c344937b8fe5decb6',
        },
      ],
      negatives: [
        'DD_API_KEY=${DD_API_KEY}',
        'add_api_key=3c9ccd43f6beb96c344937b8fe5decb6', // not a Datadog name
        'DD_API_KEY=3c9ccd43f6beb96c344937b8fe5decb',
        'md5 3c9ccd43f6beb96c344937b8fe5decb6 of the datadog agent package',
      ],
    },
  },
  {
    id: 'datadog-app-key',
    name: 'Datadog application key',
    category: 'api_key',
    keywords: ['dd_app', 'dd-app', 'ddapp', 'datadog'],
    ignoreCase: true,
    pattern: String.raw`${DD}app(?:lication)?[_-]?key${ASSIGN}([0-9a-f]{40})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'DD_APP_KEY=cc4c7f1283bb6746a106f258f66f7e7c208080b7',
          secret: 'cc4c7f1283bb6746a106f258f66f7e7c208080b7',
        },
        {
          text: '-H "DD-APPLICATION-KEY: 1928f81594950aa4393c293622d586e50ba5fd65"',
          secret: '1928f81594950aa4393c293622d586e50ba5fd65',
        },
        {
          text: 'datadog_application_key = "cc4c7f1283bb6746a106f258f66f7e7c208080b7"',
          secret: 'cc4c7f1283bb6746a106f258f66f7e7c208080b7',
        },
      ],
      negatives: [
        'DD_APP_KEY=<application-key>',
        'datadog_commit_sha=cc4c7f1283bb6746a106f258f66f7e7c208080b7', // a git SHA, not a key name
        'DD_APP_KEY=cc4c7f1283bb6746a106f258f66f7e7c208080b',
      ],
    },
  },
]);

// Revoke or rotate: Datadog Docs, "API and Application Keys".
guidance('datadog', {
  steps:
    "In Datadog (Organization Settings > API Keys, or Application Keys) create a new key, move the Agents and integrations that used the leaked one to it, then revoke the leaked key; an application key carries its creator's permissions, so revoke it at once. Check the Audit Trail for requests made with the key.",
  url: 'https://docs.datadoghq.com/account_management/api-app-keys/',
});
