// Vultr API keys: 36 upper-case letters and digits (no prefix); reported only after a Vultr name.
// https://docs.vultr.com/platform/other/api/ (Authorization: Bearer ${VULTR_API_KEY});
// trufflehog pkg/detectors/vultrapikey maps the shape.
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('vultr', [
  {
    id: 'vultr-api-key',
    name: 'Vultr API key',
    category: 'api_key',
    keywords: ['vultr'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])vultr[\w.-]{0,20}?[ ]?(?:api[_-]?)?(?:token|key)${ASSIGN}(?:Bearer\s)?([A-Z0-9]{36})(?:$|[^A-Za-z0-9_+/=-])`,
    validate: (s) => s === s.toUpperCase() && /[A-Z]/.test(s) && /[0-9]/.test(s),
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'VULTR_API_KEY=57APA5ROTEF24VFMIQPHDFH2LVAEN2YV6568',
          secret: '57APA5ROTEF24VFMIQPHDFH2LVAEN2YV6568',
        },
        {
          text: 'provider "vultr" {}\nvultr_api_key: "D60JHCGY4IN6AMNKDYQBKBF4S9YX4TJOQNKN"',
          secret: 'D60JHCGY4IN6AMNKDYQBKBF4S9YX4TJOQNKN',
        },
      ],
      negatives: [
        'VULTR_API_KEY=${VULTR_API_KEY}',
        'vultr_instance_id=c88e3857-6bc3-46ad-9987-652bf8fc4d99',
        'VULTR_API_KEY=57apa5rotef24vfmiqphdfh2lvaen2yv6568',
      ],
    },
  },
]);

// Revoke or rotate: Vultr docs, "What Should I Do if I Suspect My API Key Is Compromised?".
guidance('vultr', {
  steps:
    "Regenerate the leaked API key from the API page of the Vultr Console (or a sub-user's key under Account > Users): the old key stops working at once. Restrict the new key with an API access control list of trusted IP ranges, update the scripts and tools that used it, and check the account for instances or changes you did not make.",
  url: 'https://docs.vultr.com/support/platform/api/what-should-i-do-if-i-suspect-my-api-key-is-compromised',
});
