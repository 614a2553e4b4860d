// Fivetran API secrets: 32 alphanumerics, reported only after a Fivetran secret name.
// https://fivetran.com/docs/rest-api/getting-started
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('fivetran', [
  {
    id: 'fivetran-api-secret',
    name: 'Fivetran API secret',
    category: 'api_key',
    keywords: ['fivetran'],
    pattern: String.raw`${NAME_START}(?:${ci('fivetran')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9]{32})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'FIVETRAN_API_KEY=Qm9xZnN0a2V5MTIz\nFIVETRAN_API_SECRET=SgZBTVow8SKia8nITfgAOfmhIvFROzVl',
          secret: 'SgZBTVow8SKia8nITfgAOfmhIvFROzVl',
        },
        {
          text: "fivetran_api_secret: 's8njAHn0eLEQCd4GvjgIwNewvd5VZx6Y'",
          secret: 's8njAHn0eLEQCd4GvjgIwNewvd5VZx6Y',
        },
      ],
      negatives: [
        'FIVETRAN_API_SECRET=${FIVETRAN_API_SECRET}',
        'FIVETRAN_API_SECRET=SgZBTVow8SKia8nITfgAOfmhIvFROzV',
        'fivetran secret rotated, connector https://fivetran.com/dashboard/connectors/abc_def',
      ],
    },
  },
]);

// Revoke or rotate: Fivetran documentation (the page this family file already cites for its key format).
guidance('fivetran', {
  steps:
    "Sign in to Fivetran and revoke (delete or regenerate) the leaked API secret where Fivetran manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Fivetran's logs or usage for activity you do not recognise.",
  url: 'https://fivetran.com/docs/rest-api/getting-started',
});
