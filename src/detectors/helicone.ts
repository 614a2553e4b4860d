// Helicone API keys: "sk-helicone-" (read/write) or "pk-helicone-" (write-only), optionally "eu-"
// for the EU region, then four dash-separated groups of 7 lower-case base32 chars. Proxy keys:
// "sk-helicone-proxy-" + the same groups + "-" + a UUID.
// https://docs.helicone.ai/helicone-headers/helicone-auth
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

const GROUPS = '[a-z2-7]{7}(?:-[a-z2-7]{7}){3}';

export default family('helicone', [
  {
    id: 'helicone-api-key',
    name: 'Helicone API key',
    category: 'api_key',
    keywords: ['sk-helicone-', 'pk-helicone-'],
    pattern: String.raw`\b([sp]k-helicone-(?:eu-)?${GROUPS})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'sk-helicone-y3ljznn-hg7xibs-fkh6psx-g7dsciv',
        {
          text: '"Helicone-Auth": "Bearer pk-helicone-eu-qfboxwc-qaxb463-gezrlwj-7xkonlu"',
          secret: 'pk-helicone-eu-qfboxwc-qaxb463-gezrlwj-7xkonlu',
        },
      ],
      negatives: [
        'HELICONE_API_KEY=sk-helicone-...',
        'sk-helicone-uwrrry6-6ggm52u-azizecy', // three groups
        'sk-helicone-aaaaaaa-aaaaaaa-aaaaaaa-aaaaaaa',
      ],
    },
  },
  {
    id: 'helicone-proxy-key',
    name: 'Helicone vault proxy key',
    category: 'api_key',
    keywords: ['sk-helicone-proxy-'],
    pattern: String.raw`\b(sk-helicone-proxy-${GROUPS}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'sk-helicone-proxy-z37r7gt-advip6a-b5yqyrn-eetj52n-9ead5d5d-ecc0-40f9-93eb-2f51de14ed92',
        {
          text: 'OPENAI_API_KEY=sk-helicone-proxy-pckepye-5miwpwz-t45thsb-rtwcmyo-0570728e-bd4c-4e0b-8b3c-315db9907d78',
          secret:
            'sk-helicone-proxy-pckepye-5miwpwz-t45thsb-rtwcmyo-0570728e-bd4c-4e0b-8b3c-315db9907d78',
        },
      ],
      negatives: [
        'sk-helicone-proxy-...',
        'sk-helicone-proxy-kgy3qbg-oukzpoz-bg64jha-lzzuzal', // no UUID
      ],
    },
  },
]);

// Revoke or rotate: Helicone documentation (the page this family file already cites for its key format).
guidance('helicone', {
  steps:
    "Sign in to Helicone and revoke (delete or regenerate) the leaked API key or vault proxy key where Helicone manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Helicone's logs or usage for activity you do not recognise.",
  url: 'https://docs.helicone.ai/helicone-headers/helicone-auth',
});
