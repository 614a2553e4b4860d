// Box developer tokens and app client secrets: 32 alphanumerics, reported only after a Box name.
// https://developer.box.com/guides/authentication/tokens/developer-tokens/ (maps: trufflehog
// pkg/detectors/box).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('box', [
  {
    id: 'box-api-token',
    name: 'Box developer token or client secret',
    category: 'token',
    keywords: ['box_', 'box-', 'box token', 'box secret'],
    pattern: String.raw`${NAME_START}(?:${ci('box')})[\w.-]{0,24}?[ \t]?(?:${ci('token')}|${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([A-Za-z0-9]{32})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'BOX_DEVELOPER_TOKEN=sZKGyjrNHEhXwgJuKDugyqggskOXsHl4',
          secret: 'sZKGyjrNHEhXwgJuKDugyqggskOXsHl4',
        },
        {
          text: 'box_client_secret: "8MlYHDZERxtzF55w09a2vAMDmhEcOw9s"',
          secret: '8MlYHDZERxtzF55w09a2vAMDmhEcOw9s',
        },
      ],
      negatives: [
        'BOX_DEVELOPER_TOKEN=${BOX_DEVELOPER_TOKEN}',
        'checkbox_token=sZKGyjrNHEhXwgJuKDugyqggskOXsHl4',
        'https://app.box.com/folder/sZKGyjrNHEhXwgJuKDugyqggskOXsHl4 box token folder',
      ],
    },
  },
]);

// Revoke or rotate: Box Developer docs, "Revoke a Token" (and "Developer Tokens").
guidance('box', {
  steps:
    "Revoke a leaked developer or access token in the Box Developer Console (the app's Configuration tab, where the developer token was generated) or with POST /oauth2/revoke; a leaked client secret is reset on the same Configuration tab (switch apps to the secondary secret first). Update the apps that used it, and check the enterprise's admin events for actions you did not take.",
  url: 'https://developer.box.com/guides/authentication/access-tokens/revoke',
});
