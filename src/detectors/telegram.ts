// Telegram Bot API token: "<bot id>:<35 chars starting AA>", as BotFather issues it and as it
// appears in https://api.telegram.org/bot<token>/... URLs. https://core.telegram.org/bots/api#authorizing-your-bot
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('telegram', [
  {
    id: 'telegram-bot-token',
    name: 'Telegram bot token',
    category: 'token',
    keywords: [':aa'],
    // The id may follow "bot" directly in API URLs, so the left edge is "not a digit".
    pattern: String.raw`(?:^|[^0-9])([0-9]{8,10}:AA[A-Za-z0-9_-]{33})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        '7730967543:AAiV23TpcXc2QMC6CBFKoUqSmbw7BgD8II1',
        {
          text: 'curl https://api.telegram.org/bot667655850:AAmKwnYX6ii9hlv-mNx7_5p4pEDDFJUY26E/getUpdates',
          secret: '667655850:AAmKwnYX6ii9hlv-mNx7_5p4pEDDFJUY26E',
        },
        {
          text: 'TELEGRAM_BOT_TOKEN="7730967543:AAiV23TpcXc2QMC6CBFKoUqSmbw7BgD8II1"',
          secret: '7730967543:AAiV23TpcXc2QMC6CBFKoUqSmbw7BgD8II1',
        },
      ],
      negatives: [
        '869511423:BctOM4-oBANUkq653PAPbo4HLs3DCd9NCDe', // no AA marker
        '7730967543:AAiV23TpcXc2QMC6CBFKoUq', // cut short
        '123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'meeting at 10:AA room 4',
      ],
    },
  },
]);

// Revoke or rotate: Telegram Bot API, "Authorizing your bot" (tokens come from @BotFather, which also revokes them).
guidance('telegram', {
  steps:
    "Send /revoke to @BotFather in Telegram and choose the bot: its current token stops working and BotFather gives a new one. Update the services that run the bot with the new token; until then whoever holds the old token could read the bot's updates and send messages as it.",
  url: 'https://core.telegram.org/bots/api#authorizing-your-bot',
});
