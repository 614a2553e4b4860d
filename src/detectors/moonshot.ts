// Moonshot AI (Kimi) API keys: "sk-" + 48 alphanumerics. "sk-" is shared by many providers, so the
// key counts only near a Moonshot or Kimi name. https://platform.moonshot.ai/docs/introduction
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('moonshot', [
  {
    id: 'moonshot-api-key',
    name: 'Moonshot AI (Kimi) API key',
    category: 'api_key',
    keywords: ['moonshot', 'kimi_api', 'kimi-api'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_.-])(sk-[A-Za-z0-9]{48})${EW}`,
    // OpenAI legacy keys (sk- + 48 with the T3BlbkFJ marker) belong to the openai family.
    validate: (s) => !s.includes('T3BlbkFJ'),
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'MOONSHOT_API_KEY=sk-dZ3wEQQL4RTPTN52DZeocgWf1RfyMuLTLa21e2tw2KYXUo3U',
          secret: 'sk-dZ3wEQQL4RTPTN52DZeocgWf1RfyMuLTLa21e2tw2KYXUo3U',
        },
        {
          text: 'curl https://api.moonshot.ai/v1/chat/completions -H "Authorization: Bearer sk-UhAqoHSDNtfyhN4hhN2d7Tx7q3LfN3av7zwehk57gJ6vvpSv"',
          secret: 'sk-UhAqoHSDNtfyhN4hhN2d7Tx7q3LfN3av7zwehk57gJ6vvpSv',
        },
      ],
      negatives: [
        'MOONSHOT_API_KEY=sk-REPLACE_WITH_MOONSHOT_KEY',
        'MOONSHOT_API_KEY=sk-mXbLU23STOguSMZ8cOS9liO0Ipxj8O04MFw6xeL3',
        'sk-tRiH3QJPgPWFDSqn9VcnYWoCnD48Q7o4mFpobB6lJVEs6nOG', // no Moonshot name nearby
      ],
    },
  },
]);

// Revoke or rotate: Moonshot AI documentation (the page this family file already cites for its key format).
guidance('moonshot', {
  steps:
    "Sign in to Moonshot AI and revoke (delete or regenerate) the leaked API key where Moonshot AI manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Moonshot AI's logs or usage for activity you do not recognise.",
  url: 'https://platform.moonshot.ai/docs/introduction',
});
