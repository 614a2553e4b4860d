// Dynatrace API tokens: dt0c01.<24-char public id>.<64-char secret>
// (https://docs.dynatrace.com/docs/manage/access-control/access-tokens#token-format). Account-level
// tokens and OAuth client secrets use the same layout with a dt0s<nn> prefix (dt0s01 SCIM tokens,
// dt0s02 OAuth clients, ...; https://docs.dynatrace.com/docs/shortlink/api-authentication).
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

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
  {
    id: 'dynatrace-account-token',
    name: 'Dynatrace account, SCIM or OAuth client token',
    category: 'token',
    keywords: ['dt0s'],
    pattern: String.raw`\b(dt0s[0-9]{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'dt0s02.OC45SYVGT09CU6ZP6K1G5KB4.UIOGQA8X2W4MKPPSL2ZP8TI9LFCXRJF8Y3KFF4BM9RQOYOQGMV1A1KYZVR23SWWW',
        {
          text: 'curl -X POST https://sso.dynatrace.com/sso/oauth2/token -d "grant_type=client_credentials&client_id=dt0s02.E4MY92B3&client_secret=dt0s02.E4MY92B32SFUW0B2TBX6SLPH.WV1WU2WP02LCG6TO38H6OZZIX1JSCDEWEA38GA2Q2FC8N0HKERYQPTQ1L1ZG5IRW"',
          secret:
            'dt0s02.E4MY92B32SFUW0B2TBX6SLPH.WV1WU2WP02LCG6TO38H6OZZIX1JSCDEWEA38GA2Q2FC8N0HKERYQPTQ1L1ZG5IRW',
        },
      ],
      negatives: [
        'client_id=dt0s02.E4MY92B3', // the client id alone is public
        'dt0s01.OC45SYVGT09CU6ZP6K1G5KB4', // token identifier without its secret
        'dt0s02.XXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      ],
    },
  },
]);

// Revoke or rotate: Dynatrace documentation, "Find and replace an exposed token" (look the token up with POST /api/v1/tokens/lookup, then delete it and issue a replacement).
guidance('dynatrace', {
  steps:
    "Stop using the exposed Dynatrace token at once: look up its id (and its owner and scopes) with the token lookup API (`POST /api/v1/tokens/lookup`), or find it under Access tokens in the Dynatrace web UI, then delete it (`DELETE /api/v2/apiTokens/{id}`). Create a replacement with the same or narrower scopes, update every integration that used the old token, and tell its owner that it no longer works. Review the environment's audit log for activity you do not recognise.",
  url: 'https://docs.dynatrace.com/docs/dynatrace-api/environment-api/tokens-v1/delete-exposed-token',
});
