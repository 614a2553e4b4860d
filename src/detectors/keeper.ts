// Keeper Secrets Manager one-time access tokens: region prefix (US, EU, AU, GOV, JP, CA) + ":" + 43
// base64url chars, reported only after a Keeper/KSM name.
// https://docs.keeper.io/en/keeperpam/secrets-manager/about/one-time-token
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('keeper', [
  {
    id: 'keeper-ksm-one-time-token',
    name: 'Keeper Secrets Manager one-time token',
    category: 'token',
    keywords: ['keeper', 'ksm'],
    pattern: String.raw`${NAME_START}(?:${ci('keeper')}|${ci('ksm')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('key')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}((?:US|EU|AU|GOV|JP|CA):[A-Za-z0-9_-]{43})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'KSM_TOKEN=US:T5BOzXiVyrTP6QFd_9u-U3yzu3waLglO8i0OPqlyrne',
          secret: 'US:T5BOzXiVyrTP6QFd_9u-U3yzu3waLglO8i0OPqlyrne',
        },
        {
          text: 'keeper_token: "US:fhbrGX7N0g_Fm8zmbxbVn2lmv2n1Un4RKi5ZmBOVJVe"',
          secret: 'US:fhbrGX7N0g_Fm8zmbxbVn2lmv2n1Un4RKi5ZmBOVJVe',
        },
      ],
      negatives: [
        'KSM_TOKEN=${KSM_TOKEN}',
        'KSM_TOKEN=US:XXXXXXXX',
        'keeper token docs https://keepersecurity.com/vault/#detail/Xq2kT9',
      ],
    },
  },
]);

// Revoke or rotate: Keeper Secrets Manager documentation (the page this family file already cites for its key format).
guidance('keeper', {
  steps:
    "Sign in to Keeper Secrets Manager and revoke (delete or regenerate) the leaked one-time token where Keeper Secrets Manager manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Keeper Secrets Manager's logs or usage for activity you do not recognise.",
  url: 'https://docs.keeper.io/en/keeperpam/secrets-manager/about/one-time-token',
});
