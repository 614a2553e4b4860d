// Clarifai personal access tokens and app API keys: 32 alphanumerics (hex as issued) with no
// prefix, recognised only after a Clarifai name. https://docs.clarifai.com/clarifai-basics/authentication/
// (format: TruffleHog pkg/detectors/clarifai)
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('clarifai', [
  {
    id: 'clarifai-pat',
    name: 'Clarifai personal access token or API key',
    category: 'token',
    keywords: ['clarifai'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])clarifai[\w.-]{0,16}(?:pat|api[_.-]?key|key|token)${ASSIGN}([A-Za-z0-9]{32})${EW}`,
    minEntropy: 3.3,
    examples: {
      positives: [
        {
          text: 'CLARIFAI_PAT=22f1afe49717e6f39ab506b7879dd3c0',
          secret: '22f1afe49717e6f39ab506b7879dd3c0',
        },
        {
          text: 'clarifai_key: "pz1Y0MQh8mxI2DP5TpMX3OrqJTWUUg1U"',
          secret: 'pz1Y0MQh8mxI2DP5TpMX3OrqJTWUUg1U',
        },
      ],
      negatives: [
        'CLARIFAI_PAT=${CLARIFAI_PAT}',
        'CLARIFAI_PAT=5e76b6f81101365d57ee690d91ddab7',
        'clarifai_model_version_id=3dbccb15d0d76e3b672385b1300c0dcd',
      ],
    },
  },
]);

// Revoke or rotate: Clarifai documentation (the page this family file already cites for its key format).
guidance('clarifai', {
  steps:
    "Sign in to Clarifai and revoke (delete or regenerate) the leaked personal access token or API key where Clarifai manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Clarifai's logs or usage for activity you do not recognise.",
  url: 'https://docs.clarifai.com/clarifai-basics/authentication/',
});
