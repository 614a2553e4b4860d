// crates.io API tokens: "cio" + 32 alphanumerics (rust-lang/crates.io SecureToken).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

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

// Revoke or rotate: crates.io documentation (search of the provider docs).
guidance('crates', {
  steps:
    "Sign in to crates.io and revoke (delete or regenerate) the leaked API token where crates.io manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check crates.io's logs or usage for activity you do not recognise.",
  url: 'https://doc.rust-lang.org/cargo/commands/cargo-logout.html',
});
