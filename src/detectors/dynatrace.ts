// Dynatrace API tokens: dt0c01.<24-char public id>.<64-char secret>
// (https://docs.dynatrace.com/docs/manage/access-control/access-tokens#token-format).
import { EW, family } from './define.js';

export default family('dynatrace', [
  {
    id: 'dynatrace-api-token',
    name: 'Dynatrace API token',
    category: 'token',
    keywords: ['dt0c01.'],
    pattern: String.raw`\b(dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'dt0c01.BF0173LVW5KP51B6J85H53UQ.FEMF7LXUSH5CL68XGXEXH4BCACCDWYJPOVMWK5RSLBFLVIVK37RDN8CD4PSC32G5',
        {
          text: 'curl -H "Authorization: Api-Token dt0c01.CLGCIBZ0JX4ZR8YWC8LIYQLL.RM1SN14S9YYP5T49BI7AS3KIX98S4JUMPUT870LDCT3HY2ZRYPGZE0H80E5RA3DY" https://abc12345.live.dynatrace.com/api/v2/metrics',
          secret:
            'dt0c01.CLGCIBZ0JX4ZR8YWC8LIYQLL.RM1SN14S9YYP5T49BI7AS3KIX98S4JUMPUT870LDCT3HY2ZRYPGZE0H80E5RA3DY',
        },
      ],
      negatives: [
        'dt0c01.BF0173LVW5KP51B6J85H53UQ.FEMF7LXUSH5CL68XGXEXH4BCACCDWYJPOVMWK5RSLBFLVIVK37RDN8CD4PSC32G',
        'dt0c01.XXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      ],
    },
  },
]);
