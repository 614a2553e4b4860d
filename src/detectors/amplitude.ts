// Amplitude secret keys: 32 hex, reported only after an Amplitude secret name (the API key is
// public). https://amplitude.com/docs/apis/authentication (maps: trufflehog
// pkg/detectors/amplitudeapikey).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('amplitude', [
  {
    id: 'amplitude-secret-key',
    name: 'Amplitude secret key',
    category: 'api_key',
    keywords: ['amplitude'],
    pattern: String.raw`${NAME_START}(?:${ci('amplitude')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'AMPLITUDE_API_KEY=0d2b4f6a8c1e3a5c7e9b1d3f5a7c9e2b\nAMPLITUDE_SECRET_KEY=ac595bf89054526f9f52fd36f470dac3',
          secret: 'ac595bf89054526f9f52fd36f470dac3',
        },
        {
          text: 'amplitude secret: 91dff7716b87fd3328e9e1c0aff6c64e',
          secret: '91dff7716b87fd3328e9e1c0aff6c64e',
        },
      ],
      negatives: [
        'AMPLITUDE_SECRET_KEY=${AMPLITUDE_SECRET_KEY}',
        'AMPLITUDE_API_KEY=ac595bf89054526f9f52fd36f470dac3',
        'AMPLITUDE_SECRET_KEY=ac595bf89054526f9f52fd36f470dac',
      ],
    },
  },
]);

// Revoke or rotate: Amplitude documentation (the page this family file already cites for its key format).
guidance('amplitude', {
  steps:
    "Sign in to Amplitude and revoke (delete or regenerate) the leaked secret key where Amplitude manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Amplitude's logs or usage for activity you do not recognise.",
  url: 'https://amplitude.com/docs/apis/authentication',
});
