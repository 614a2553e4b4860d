// Amplitude secret keys: 32 hex, reported only after an Amplitude secret name (the API key is public).
// https://amplitude.com/docs/apis/authentication (maps: trufflehog pkg/detectors/amplitudeapikey).
import { ASSIGN, EW, ci, family } from './define.js';

/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('amplitude', [
  {
    id: 'amplitude-secret-key',
    name: 'Amplitude secret key',
    category: 'api_key',
    keywords: ['amplitude'],
    pattern: String.raw`${NAME_START}(?:${ci('amplitude')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'AMPLITUDE_API_KEY=0d2b4f6a8c1e3a5c7e9b1d3f5a7c9e2b\nAMPLITUDE_SECRET_KEY=870a4b626ad7c5625f509db01fd59120',
          secret: '870a4b626ad7c5625f509db01fd59120',
        },
        {
          text: 'amplitude secret: f8713201744dab3ddc0d2526597988e6',
          secret: 'f8713201744dab3ddc0d2526597988e6',
        },
      ],
      negatives: [
        'AMPLITUDE_SECRET_KEY=${AMPLITUDE_SECRET_KEY}',
        'AMPLITUDE_API_KEY=870a4b626ad7c5625f509db01fd59120',
        'AMPLITUDE_SECRET_KEY=870a4b626ad7c5625f509db01fd5912',
      ],
    },
  },
]);
