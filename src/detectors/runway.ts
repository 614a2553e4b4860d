// Runway API secrets: "key_" + lower-case hex (128 in issued keys). "key_" is a common identifier
// start, so the secret counts only near a Runway name. https://docs.dev.runwayml.com/guides/setup/
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('runway', [
  {
    id: 'runway-api-key',
    name: 'Runway API secret',
    category: 'api_key',
    keywords: ['runwayml', 'runway_'],
    window: 512,
    pattern: String.raw`(?:^|[^A-Za-z0-9_.-])(key_[0-9a-f]{64,128})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'RUNWAYML_API_SECRET=key_64e151c55c75ab3c76b393f4986de05c31d7b2807d51c08869d8f43689c6f791bfac2b74a6031a97366c82dfe881513e835542a08a7be716ebfeaf10d9670c75',
          secret:
            'key_64e151c55c75ab3c76b393f4986de05c31d7b2807d51c08869d8f43689c6f791bfac2b74a6031a97366c82dfe881513e835542a08a7be716ebfeaf10d9670c75',
        },
        {
          text: 'client = RunwayML(api_key="key_17f143c5cf28465987c72db7badcbc2e79dad3810266b2fc11e0c22ff3aebeb248117e7b7ee3dde6b45372c8287ce211dd6cb790a899f08ec0eb70224b1fae06")',
          secret:
            'key_17f143c5cf28465987c72db7badcbc2e79dad3810266b2fc11e0c22ff3aebeb248117e7b7ee3dde6b45372c8287ce211dd6cb790a899f08ec0eb70224b1fae06',
        },
      ],
      negatives: [
        'RUNWAYML_API_SECRET=key_...',
        'RUNWAYML_API_SECRET=key_df5fecd3f9cbb68d56ef8c49e00590f05c5cd5cd', // too short
        'key_a25e076cf86de7e0a49b63f77b9263028f40c7b0cdb00f62d954e23d8059becb92b7b353ddf7a8402e4b336278cfa355ed123ea3fd212c08195d9a19cd1b5c4a', // no Runway name nearby
      ],
    },
  },
]);

// Revoke or rotate: Runway documentation (the page this family file already cites for its key format).
guidance('runway', {
  steps:
    "Sign in to Runway and revoke (delete or regenerate) the leaked API secret where Runway manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Runway's logs or usage for activity you do not recognise.",
  url: 'https://docs.dev.runwayml.com/guides/setup/',
});
