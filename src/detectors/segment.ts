// Segment Public API tokens: "sgp_" + 64 alphanumerics. (Source write keys are sent by browsers
// and are not reported.) https://docs.segmentapis.com/tag/Getting-Started (maps: gitleaks).
import { EW, family } from './define.js';

export default family('segment', [
  {
    id: 'segment-public-api-token',
    name: 'Segment Public API token',
    category: 'token',
    keywords: ['sgp_'],
    pattern: String.raw`\b(sgp_[A-Za-z0-9]{64})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'sgp_ZX865uZz4gMvmIIVEhyky33sWzsPkhpOYiMktdgdhsSjq3Lfj6kdwxLJCLHKpmJA',
        {
          text: 'curl https://api.segmentapis.com/workspaces -H "Authorization: Bearer sgp_Gtt9sdVYkNgzBhjfWh6iErZe3hnF4quQHMz3Pflaa0rmQWrFd9zPS5vAu7Ie3Kg1"',
          secret: 'sgp_Gtt9sdVYkNgzBhjfWh6iErZe3hnF4quQHMz3Pflaa0rmQWrFd9zPS5vAu7Ie3Kg1',
        },
      ],
      negatives: [
        'sgp_ZX865uZz4gMvmIIVEhyky33sWzsPkhpOYiMktdgdhsSjq3Lfj6kdwxLJCLHKpmJ', // 63
        'sgp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
]);
