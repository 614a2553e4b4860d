// Braintrust API keys: "sk-" + 48 alphanumerics. "sk-" is shared by many providers, so the key
// counts only near a Braintrust name. https://www.braintrust.dev/docs/reference/api/ApiKeys
// (format: TruffleHog pkg/detectors/braintrust)
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('braintrust', [
  {
    id: 'braintrust-api-key',
    name: 'Braintrust API key',
    category: 'api_key',
    keywords: ['braintrust'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_.-])(sk-[A-Za-z0-9]{48})${EW}`,
    // OpenAI legacy keys (sk- + 48 with the T3BlbkFJ marker) belong to the openai family.
    validate: (s) => !s.includes('T3BlbkFJ'),
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'BRAINTRUST_API_KEY=sk-isXdGddzVUtTSBrzdKX3YflimZUamK1KWi6HzOat3tMvrk57',
          secret: 'sk-isXdGddzVUtTSBrzdKX3YflimZUamK1KWi6HzOat3tMvrk57',
        },
        {
          text: 'curl https://api.braintrust.dev/v1/project -H "Authorization: Bearer sk-0sd0YyzbFdBbgSrzezOmK4Wrzd4UhIwHraao9BKlEMgsaukQ"',
          secret: 'sk-0sd0YyzbFdBbgSrzezOmK4Wrzd4UhIwHraao9BKlEMgsaukQ',
        },
      ],
      negatives: [
        'braintrust_key=sk-42',
        'braintrust_key=sk-PgFxixWHX5u46nq75Ig4VvOdPugmtHyPeTG1pPlVEgQtz4f!',
        'BRAINTRUST_API_KEY=sk-GiCtr1wNoiVj4joEoQ1bLNqLthwHVPWyEiDOgZskIL3MP40XCgII', // too long
        'sk-IdqeorDa986Vu6Acj0o4I45gn3NhJ0iMAqYNAsg5doVIW4dc', // no Braintrust name nearby
      ],
    },
  },
]);

// Revoke or rotate: Braintrust documentation (the page this family file already cites for its key format).
guidance('braintrust', {
  steps:
    "Sign in to Braintrust and revoke (delete or regenerate) the leaked API key where Braintrust manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Braintrust's logs or usage for activity you do not recognise.",
  url: 'https://www.braintrust.dev/docs/reference/api/ApiKeys',
});
