// Phrase (Strings, formerly PhraseApp) access tokens: 64 hex, reported only after a Phrase token
// name. https://developers.phrase.com/api/#authentication (maps: trufflehog
// pkg/detectors/phraseaccesstoken).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('phrase', [
  {
    id: 'phrase-access-token',
    name: 'Phrase access token',
    category: 'token',
    keywords: ['phrase_', 'phrase-', 'phraseapp', 'phrase token'],
    pattern: String.raw`${NAME_START}(?:${ci('phrase')}|${ci('phraseapp')})[\w.-]{0,24}?[ \t]?(?:${ci('token')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{64})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'PHRASE_ACCESS_TOKEN=62cb85704fddbb798a7a73e9e51b28a4764147f7fb300a7cca12545325d5b371',
          secret: '62cb85704fddbb798a7a73e9e51b28a4764147f7fb300a7cca12545325d5b371',
        },
        {
          text: "phrase token = '3cc6c17c14359cb30d95b6e9de3dacb2692f8b522b34b88766f5e81db44f23a1'",
          secret: '3cc6c17c14359cb30d95b6e9de3dacb2692f8b522b34b88766f5e81db44f23a1',
        },
      ],
      negatives: [
        'PHRASE_ACCESS_TOKEN=${PHRASE_ACCESS_TOKEN}',
        'passphrase_token=62cb85704fddbb798a7a73e9e51b28a4764147f7fb300a7cca12545325d5b371',
        'PHRASE_ACCESS_TOKEN=62cb85704fddbb798a7a73e9e51b28a4764147f7fb300a7cca12545325d5b37',
      ],
    },
  },
]);

// Revoke or rotate: Phrase documentation (the page this family file already cites for its key format).
guidance('phrase', {
  steps:
    "Sign in to Phrase and revoke (delete or regenerate) the leaked access token where Phrase manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Phrase's logs or usage for activity you do not recognise.",
  url: 'https://developers.phrase.com/api/#authentication',
});
