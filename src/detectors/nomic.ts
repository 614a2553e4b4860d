// Nomic (Atlas / embeddings) API keys: "nk-" + 43 base64url chars. "nk-" ends many words (link-,
// chunk-), so the key counts only near a Nomic name. https://docs.nomic.ai/atlas/introduction/quick-start
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('nomic', [
  {
    id: 'nomic-api-key',
    name: 'Nomic API key',
    category: 'api_key',
    keywords: ['nomic'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_.-])(nk-[A-Za-z0-9_-]{43})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'NOMIC_API_KEY=nk-sgnrb44Ds0EXR_ox-EVybB6X22ErphBWafZa75WVaOV',
          secret: 'nk-sgnrb44Ds0EXR_ox-EVybB6X22ErphBWafZa75WVaOV',
        },
        {
          text: 'nomic login nk-QMQT948pt2h91AoliUjoLFrvIuzPhqmO-y_6pLE7dbv',
          secret: 'nk-QMQT948pt2h91AoliUjoLFrvIuzPhqmO-y_6pLE7dbv',
        },
      ],
      negatives: [
        'NOMIC_API_KEY=nk-...',
        'NOMIC_API_KEY=nk-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'nk-AguhfnCixKP09AnqjYFGuMLBqGoTvYzhF9s4WMYR9Ie', // no Nomic name nearby
      ],
    },
  },
]);

// Revoke or rotate: Nomic documentation (the page this family file already cites for its key format).
guidance('nomic', {
  steps:
    "Sign in to Nomic and revoke (delete or regenerate) the leaked API key where Nomic manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Nomic's logs or usage for activity you do not recognise.",
  url: 'https://docs.nomic.ai/atlas/introduction/quick-start',
});
