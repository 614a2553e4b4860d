// Langfuse API keys: secret "sk-lf-" + UUID (public "pk-lf-" keys are not secret).
// https://langfuse.com/faq/all/where-are-langfuse-api-keys (format: TruffleHog pkg/detectors/langfuse)
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('langfuse', [
  {
    id: 'langfuse-secret-key',
    name: 'Langfuse secret key',
    category: 'api_key',
    keywords: ['sk-lf-'],
    pattern: String.raw`\b(sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'sk-lf-cdda6394-3df4-445c-93ff-f0191b76e2d5',
        {
          text: 'LANGFUSE_PUBLIC_KEY=pk-lf-66360524-1c4e-4a16-af77-1b3a35a2e48a\nLANGFUSE_SECRET_KEY=sk-lf-1afe879f-6de3-47f9-8cde-c654ab3b786b',
          secret: 'sk-lf-1afe879f-6de3-47f9-8cde-c654ab3b786b',
        },
      ],
      negatives: [
        'LANGFUSE_SECRET_KEY=sk-lf-...',
        'LANGFUSE_PUBLIC_KEY=pk-lf-c266791f-f2ad-44fa-9e79-fbfb5237b911',
        'sk-lf-17cf0f776be6c11820757e11b42c5741', // no dashes
      ],
    },
  },
]);

// Revoke or rotate: Langfuse documentation (the page this family file already cites for its key format).
guidance('langfuse', {
  steps:
    "Sign in to Langfuse and revoke (delete or regenerate) the leaked secret key where Langfuse manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Langfuse's logs or usage for activity you do not recognise.",
  url: 'https://langfuse.com/faq/all/where-are-langfuse-api-keys',
});
