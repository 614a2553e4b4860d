// xAI (Grok) API keys: "xai-" + 80 alphanumerics. https://docs.x.ai/docs/overview
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('xai', [
  {
    id: 'xai-api-key',
    name: 'xAI API key',
    category: 'api_key',
    keywords: ['xai-'],
    pattern: String.raw`\b(xai-[A-Za-z0-9]{80})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'xai-Snv1ieIs1E7Znx2n19H9ubwKSMDIfWxuhEmcOcXtAjzmvQZGAVDQVj1Fz0L1T1PHZVb5u1qgWAWTYNTE',
        {
          text: 'XAI_API_KEY="xai-dcd8zh9YYoJCcXq4BTF5gPPLkNJxAXH1epKP4wG8RiqisT2cJ1xSFLZAHjrCgyZmaSH9O4UNmLBliVEV"',
          secret:
            'xai-dcd8zh9YYoJCcXq4BTF5gPPLkNJxAXH1epKP4wG8RiqisT2cJ1xSFLZAHjrCgyZmaSH9O4UNmLBliVEV',
        },
      ],
      negatives: [
        "xai_token = 'xai-W5zbfUkzlXedo7qD42AbBLlRSsyJrOW5zbfUkzlXe'",
        'xai-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
]);

// Revoke or rotate: xAI documentation, console FAQ "Security" (if a key is compromised: in the xAI console, on the right team, open API Keys and disable or delete it, then create a new one).
guidance('xai', {
  steps:
    "Sign in to the xAI console, make sure you are viewing the team the key belongs to, open API Keys in the sidebar, and use the menu next to the leaked key to disable or delete it. Create a new key with only the models and endpoints it needs, update every application that used the old one, and check the team's audit log (xAI Console > Audit Log) and usage for requests you do not recognise.",
  url: 'https://docs.x.ai/console/faq/security',
});
