// Notion integration tokens: legacy "secret_" + 43 alphanumerics (the prefix is generic, so the
// word Notion must be near) and current "ntn_" + 11 digits + 35 alphanumerics.
// https://developers.notion.com/docs/authorization
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('notion', [
  {
    id: 'notion-integration-token',
    name: 'Notion integration token (secret_)',
    category: 'token',
    keywords: ['notion'],
    pattern: String.raw`\b(secret_[A-Za-z0-9]{43})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'NOTION_TOKEN=secret_Kj8V3c5kk4DJlGeXRH0BXl8qPa3MHmx4TTaSS8F63U0',
          secret: 'secret_Kj8V3c5kk4DJlGeXRH0BXl8qPa3MHmx4TTaSS8F63U0',
        },
        {
          text: 'curl https://api.notion.com/v1/users -H "Authorization: Bearer secret_INAjFd1t5iaBP9gEe6SiYDpOx05FMqz4i9BnGoXMZvg"',
          secret: 'secret_INAjFd1t5iaBP9gEe6SiYDpOx05FMqz4i9BnGoXMZvg',
        },
      ],
      negatives: [
        'secret_Kj8V3c5kk4DJlGeXRH0BXl8qPa3MHmx4TTaSS8F63U0', // no Notion context
        "notion = 'secret_oPp4m4V04lEWqgLGyh?N7b8H9JLANmyE1AYl2aG3aTN'",
        'NOTION_TOKEN=secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'notion-api-token',
    name: 'Notion API token (ntn_)',
    category: 'token',
    keywords: ['ntn_'],
    pattern: String.raw`\b(ntn_[0-9]{11}[A-Za-z0-9]{35})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        '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',
        {
          text: 'NOTION_API_KEY="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"',
          secret: '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',
        },
      ],
      negatives: [
        'ntn_123456789012345678901234567890123456789012345678901234567890',
        'ntn_12345678901abc',
        'ntn_7714925619vwzBfHRkhUgxu6K7278U1EnORcmEiYFY4o3A', // 10 digits
      ],
    },
  },
]);

// Revoke or rotate: Notion Developers, "Credential security" (revoke tokens; internal connection tokens can be rotated).
guidance('notion', {
  steps:
    "In Notion's integrations dashboard (notion.so/my-integrations) open the leaked internal integration and refresh its secret, or delete the integration; a leaked OAuth token ends when the workspace removes the connection. Give the replacement only the capabilities it needs, share only the pages it needs, and check the pages the integration could reach for edits you did not make.",
  url: 'https://developers.notion.com/guides/authorization/credential-security',
});
