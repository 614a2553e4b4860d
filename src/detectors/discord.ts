// Discord bot tokens: base64(user id) "." base64(timestamp) "." HMAC; the first segment must decode
// to the bot's snowflake id. https://discord.com/developers/docs/reference#authentication
import { bytesToLatin1, decodeBase64 } from '../engine/checks/radix.js';
import { isPlaceholderValue } from '../engine/placeholder.js';
import { ASSIGN, E, EW, family } from './define.js';
import { guidance } from './guidance.js';

function isSnowflakeToken(token: string): boolean {
  const bytes = decodeBase64(token.slice(0, token.indexOf('.')));
  if (!bytes) return false;
  const id = bytesToLatin1(bytes);
  return /^[1-9][0-9]{16,19}$/.test(id) && !/1234567|(.)\1{5}/.test(id);
}

export default family('discord', [
  {
    // Ids that start with "1" (every snowflake since 2022) encode to MT + one of 10 letters; older
    // tokens are found next to the word discord.
    id: 'discord-bot-token',
    name: 'Discord bot token',
    category: 'token',
    keywords: ['discord', 'mta', 'mte', 'mti', 'mtm', 'mtq', 'mtu', 'mty', 'mtc', 'mtg', 'mtk'],
    // Left edge: not a token char ("=" may precede, as in DISCORD_TOKEN=...).
    pattern: String.raw`(?:^|[^A-Za-z0-9_.-])([MNO][A-Za-z0-9_-]{22,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})${E}`,
    validate: isSnowflakeToken,
    minEntropy: 4,
    examples: {
      positives: [
        'MTc3MzU4MjY4Mjc3NzAyMTk5NQ.ijIok8.6BfVOw01jH3gyAaiRUH-IIKU_EBOX_f8Hmwp1C',
        {
          text: 'client.login("MTYyOTQwOTAzMDMyNjEzNTMyOQ.rwJZOo.15P5RuFAKNClWF23OrbGaWRcnLstX47fIgdnsL")',
          secret: 'MTYyOTQwOTAzMDMyNjEzNTMyOQ.rwJZOo.15P5RuFAKNClWF23OrbGaWRcnLstX47fIgdnsL',
        },
        {
          text: 'DISCORD_TOKEN=NzEzMDU1Mjk5NzI1ODM3MTI5.gAh-op.pLtMJ8tlY7IWGryOZuhG9jvqctp',
          secret: 'NzEzMDU1Mjk5NzI1ODM3MTI5.gAh-op.pLtMJ8tlY7IWGryOZuhG9jvqctp',
        },
      ],
      negatives: [
        // First segment decodes to "1a2b3c...", not a snowflake.
        'DISCORD_TOKEN=MWEyYjNjNGQ1ZTZmN2c4aDlpMGs.ijIok8.6BfVOw01jH3gyAaiRUH-IIKU_EBOX_f8Hmwp1C',
        'MTIuNSBNaUIgb2YgbG9ncyBvaw.ijIok8.6BfVOw01jH3gyAaiRUH-IIKU_EBOX_f8Hmwp1C',
        'discord token: MTc3MzU4MjY4Mjc3NzAyMTk5NQ.ijIok8', // no HMAC part
        'discord token: MTc3MzU4MjY4Mjc3NzAyMTk5NQ.ijIok8.xxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'discord-webhook-url',
    name: 'Discord webhook URL',
    category: 'webhook',
    keywords: ['discord'],
    pattern: String.raw`\b(https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api(?:/v[0-9]{1,2})?/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{68})${EW}`,
    // Snowflake ids may hold "0000" (the global filter would drop them): check the token part only.
    allowRepetitive: true,
    validate: (url) => {
      const parts = url.split('/');
      const id = parts[parts.length - 2] ?? '';
      return !/^0+$|1234567/.test(id) && !isPlaceholderValue(parts[parts.length - 1] ?? '');
    },
    examples: {
      positives: [
        'https://discord.com/api/webhooks/1503402912587244871/0icXRLtwi23zsgo1geN78B5SHbLwXRnwV960a6PauEKQdzjlYkH7aU1UCL8BekRfmkdT',
        {
          text: 'webhook: https://ptb.discord.com/api/webhooks/1290000431758360576/Rk2mV8qsWJ0dL5nTzYc7pXaH4eGuB9fKiO3yA6tSwE1hNrbQvM-DxZ_jglCoIPUF0a7y',
          secret:
            'https://ptb.discord.com/api/webhooks/1290000431758360576/Rk2mV8qsWJ0dL5nTzYc7pXaH4eGuB9fKiO3yA6tSwE1hNrbQvM-DxZ_jglCoIPUF0a7y',
        },
        {
          text: 'notify:\n  discord_hook: "https://discordapp.com/api/webhooks/1650992373838425205/8kkamDJbyxGeR-c8moVnZ2UY-lDhwB4oBdS0fqTF2UA_hHD1J3pdthGfNhUamSm6QPta"',
          secret:
            'https://discordapp.com/api/webhooks/1650992373838425205/8kkamDJbyxGeR-c8moVnZ2UY-lDhwB4oBdS0fqTF2UA_hHD1J3pdthGfNhUamSm6QPta',
        },
      ],
      negatives: [
        'https://discord.com/api/webhooks/1503402912587244871/0icXRLtwi23zsgo1geN78B5SHbLwXRnwV960a6Pa', // token cut
        'https://discord.com/api/webhooks/000000000000000000/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'https://discord.com/api/webhooks/{id}/{token}',
        'https://discord.com/api/webhooks/1503402912587244871/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    // OAuth2 application client secret: 32 url-safe chars, only next to a Discord client-secret name.
    id: 'discord-client-secret',
    name: 'Discord OAuth2 client secret',
    category: 'credentials',
    keywords: ['discord'],
    ignoreCase: true,
    pattern: String.raw`discord[\w.-]{0,20}client[_-]?secret${ASSIGN}([A-Za-z0-9_-]{32})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'DISCORD_CLIENT_SECRET=jioBas1nbWeVRHzsDVDYMgw05GnO_PkR',
          secret: 'jioBas1nbWeVRHzsDVDYMgw05GnO_PkR',
        },
        'discord_client_secret: "StJD86wPs-iZMASXXVuEQu3xq4WZehtG"',
      ],
      negatives: [
        'discord=00000000000000000000000000000000',
        'DISCORD_CLIENT_SECRET=${DISCORD_CLIENT_SECRET}',
        'DISCORD_CLIENT_SECRET=jioBas1nbWeVRHzsDVDYMgw05GnO', // too short
      ],
    },
  },
]);

// Revoke or rotate: Discord developer documentation, "Authentication" (bot tokens are reset on the application's Bot page).
guidance('discord', {
  steps:
    "In the Discord Developer Portal open the application, go to Bot and press Reset Token: the old token stops working and its sessions are logged out. For a leaked webhook URL, delete the webhook in the channel's settings (Integrations > Webhooks) and create a new one. Update the bot or the senders, and check the servers it is in for changes you did not make.",
  url: 'https://discord.com/developers/docs/reference#authentication',
});
