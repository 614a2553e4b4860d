// Braintrust API keys: "sk-" + 48 alphanumerics. "sk-" is shared by many providers, so the key
// counts only near a Braintrust name. https://www.braintrust.dev/docs/reference/api/ApiKeys
// (format: TruffleHog pkg/detectors/braintrust)
import { EW, family } from './define.js';

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
