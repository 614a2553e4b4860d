// Strapi API tokens: 256 hex, reported only after a Strapi token name.
// https://docs.strapi.io/cms/features/api-tokens
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('strapi', [
  {
    id: 'strapi-api-token',
    name: 'Strapi API token',
    category: 'token',
    keywords: ['strapi'],
    pattern: String.raw`${NAME_START}(?:${ci('strapi')})[\w.-]{0,24}?[ \t]?(?:${ci('token')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{256})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'STRAPI_API_TOKEN=c495e051db16bc7a46e209378b17c0bd598855cd11b571f9ababe486feb59b1bd38f0630bd600c4675d2b9dca025d52fbd31afec54c515c7454cce3c6ba2f9c81258b4d005e49f55de1d28510beda7dc519663824371a03ed2377504aa0e3be2993249badb024d128120699cb750092fa702e82c43482e756fd755be75fd4a3e',
          secret:
            'c495e051db16bc7a46e209378b17c0bd598855cd11b571f9ababe486feb59b1bd38f0630bd600c4675d2b9dca025d52fbd31afec54c515c7454cce3c6ba2f9c81258b4d005e49f55de1d28510beda7dc519663824371a03ed2377504aa0e3be2993249badb024d128120699cb750092fa702e82c43482e756fd755be75fd4a3e',
        },
        {
          text: "strapi_token: '15c95404b247744d5a5d919cb5866ff1d2623131aebabd2064a0291d1bd2345d8c327012e11ae71ad0c9fce79b7e78c2d447df1f34f96256a838909905df90fb492eb262168c26a962e43424cd37df46b9b277b154e3318cdab23baa669856ff976ee7fc14c72935107febbaf202d3754b53b1ce283c27dee8d5135fb56d94d6'",
          secret:
            '15c95404b247744d5a5d919cb5866ff1d2623131aebabd2064a0291d1bd2345d8c327012e11ae71ad0c9fce79b7e78c2d447df1f34f96256a838909905df90fb492eb262168c26a962e43424cd37df46b9b277b154e3318cdab23baa669856ff976ee7fc14c72935107febbaf202d3754b53b1ce283c27dee8d5135fb56d94d6',
        },
      ],
      negatives: [
        'STRAPI_API_TOKEN=${STRAPI_API_TOKEN}',
        'STRAPI_API_TOKEN=c495e051db16bc7a46e209378b17c0bd598855cd11b571f9ababe486feb59b1bd38f0630bd600c4675d2b9dca025d52fbd31afec54c515c7454cce3c6ba2f9c81258b4d005e49f55de1d28510beda7dc519663824371a03ed2377504aa0e3be2993249badb024d128120699cb750092fa702e82c43482e756fd755be75fd4a3',
        'strapi token created, id 42, see https://cms.acme.test/admin/settings/api-tokens/42',
      ],
    },
  },
]);

// Revoke or rotate: Strapi documentation (the page this family file already cites for its key format).
guidance('strapi', {
  steps:
    "Sign in to Strapi and revoke (delete or regenerate) the leaked API token where Strapi manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Strapi's logs or usage for activity you do not recognise.",
  url: 'https://docs.strapi.io/cms/features/api-tokens',
});
