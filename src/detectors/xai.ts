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

// Revoke or rotate: xAI documentation (the page this family file already cites for its key format).
guidance('xai', {
  steps:
    "Sign in to xAI and revoke (delete or regenerate) the leaked API key where xAI manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check xAI's logs or usage for activity you do not recognise.",
  url: 'https://docs.x.ai/docs/overview',
});
