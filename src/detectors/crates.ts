// crates.io API tokens: "cio" + 32 alphanumerics (rust-lang/crates.io SecureToken).
import { EW, family } from './define.js';

export default family('crates', [
  {
    id: 'crates-io-api-token',
    name: 'crates.io API token',
    category: 'token',
    keywords: ['cio'],
    pattern: String.raw`\b(cio[A-Za-z0-9]{32})${EW}`,
    minEntropy: 3.5,
    // Random alphanumerics: a word-like run of 35 letters is not a token.
    validate: (t) => /[0-9]/.test(t) && /[A-Z]/.test(t) && /[a-z]/.test(t.slice(3)),
    examples: {
      positives: [
        'ciotehVuCIfwF2G7SsEK2G26sXuE7ibHdn6',
        {
          text: 'CARGO_REGISTRY_TOKEN=cioYV6k9A4786Pe9xDYAchcSgy4Esu3DCIu',
          secret: 'cioYV6k9A4786Pe9xDYAchcSgy4Esu3DCIu',
        },
        {
          text: '[registry]\ntoken = "ciotehVuCIfwF2G7SsEK2G26sXuE7ibHdn6"',
          secret: 'ciotehVuCIfwF2G7SsEK2G26sXuE7ibHdn6',
        },
      ],
      negatives: [
        'ciotehVuCIfwF2G7SsEK2G26sXuE7ibHdn',
        'ciocalteuphenolreagentmeasurements', // a long word
        'ciotehVuCIfwF2G7SsEK2G26sXuE7ibHdn6x',
      ],
    },
  },
]);
