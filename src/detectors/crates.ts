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

// Revoke or rotate: Cargo Book, "cargo logout" (revoke the token at crates.io/me; logging out does not revoke it).
guidance('crates', {
  steps:
    'Revoke the leaked token on crates.io (Account Settings > API Tokens, at crates.io/me): `cargo logout` only removes it locally and does not revoke it. Create a new token limited to the crates and endpoints it needs, or use trusted publishing, and check your crates for versions you did not publish.',
  url: 'https://doc.rust-lang.org/cargo/commands/cargo-logout.html',
});
