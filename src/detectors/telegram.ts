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

// Revoke or rotate: Telegram documentation (the page this family file already cites for its key format).
guidance('telegram', {
  steps:
    "Sign in to Telegram and revoke (delete or regenerate) the leaked bot token where Telegram manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Telegram's logs or usage for activity you do not recognise.",
  url: 'https://core.telegram.org/bots/api#authorizing-your-bot',
});
