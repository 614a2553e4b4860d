// Roboflow API keys: 20 alphanumerics with no prefix, recognised only after a Roboflow name or as
// the api_key of a Roboflow client. https://docs.roboflow.com/developer/authentication/find-your-roboflow-api-key
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('roboflow', [
  {
    id: 'roboflow-api-key',
    name: 'Roboflow API key',
    category: 'api_key',
    keywords: ['roboflow'],
    ignoreCase: true,
    pattern: String.raw`(?:(?:^|\\[nrt]|[^A-Za-z0-9])roboflow[\w.-]{0,16}(?:api[_.-]?key|key)${ASSIGN}|Roboflow\(\s{0,4}api_key\s{0,2}=\s{0,2}\\?["'])([A-Za-z0-9]{20})${EW}`,
    validate: (s) => /[0-9]/.test(s) && /[A-Za-z]/.test(s),
    minEntropy: 3.5,
    examples: {
      positives: [
        { text: 'ROBOFLOW_API_KEY=lBrGSBM9h4pV3AhghX3w', secret: 'lBrGSBM9h4pV3AhghX3w' },
        {
          text: 'from roboflow import Roboflow\nrf = Roboflow(api_key="YO6iQD4O7aMnRSV1peVg")',
          secret: 'YO6iQD4O7aMnRSV1peVg',
        },
      ],
      negatives: [
        'ROBOFLOW_API_KEY=${ROBOFLOW_API_KEY}',
        'ROBOFLOW_API_KEY=QxWv0bUhSCxD1Kf6XqF',
        'ROBOFLOW_API_KEY=YOURROBOFLOWAPIKEYXX',
      ],
    },
  },
]);

// Revoke or rotate: Roboflow documentation (the page this family file already cites for its key format).
guidance('roboflow', {
  steps:
    "Sign in to Roboflow and revoke (delete or regenerate) the leaked API key where Roboflow manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Roboflow's logs or usage for activity you do not recognise.",
  url: 'https://docs.roboflow.com/developer/authentication/find-your-roboflow-api-key',
});
