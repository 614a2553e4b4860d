// OpenShift OAuth access tokens: "sha256~" + 43 base64url chars (oc whoami -t, oc login --token).
// https://docs.redhat.com/en/documentation/openshift_container_platform/4.14/html/authentication_and_authorization/managing-oauth-access-tokens
// (token names carry the sha256~ prefix); gitleaks openshift.go maps the shape.
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

/** Start of a token: like B, but a token may follow `=` (as in KEY=token or --token=token). */
const START = String.raw`(?:^|[^A-Za-z0-9_+/.-])`;

export default family('openshift', [
  {
    id: 'openshift-user-token',
    name: 'OpenShift user access token',
    category: 'token',
    keywords: ['sha256~'],
    pattern: String.raw`${START}(sha256~[A-Za-z0-9_-]{43})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'oc login --token=sha256~TI-qst7sIF2n0eFkmneJoJmtrvVbXvUUMuqMMGuUAC4 --server=https://api.ocp.acme.test:6443',
          secret: 'sha256~TI-qst7sIF2n0eFkmneJoJmtrvVbXvUUMuqMMGuUAC4',
        },
        {
          text: 'Authorization: Bearer sha256~9QMsJWO98rlw3E4ZrlSLZz8bh0hsMST_eIs-7wDQCmP',
          secret: 'sha256~9QMsJWO98rlw3E4ZrlSLZz8bh0hsMST_eIs-7wDQCmP',
        },
      ],
      negatives: [
        'oc login --token=sha256~XXXXXXXXXX_PUT_YOUR_TOKEN_HERE_XXXXXXXXXXXX',
        'sha256~TI-qst7sIF2n0eFkmneJoJmtrvVbXvUUMuqMMGuUAC', // 42 chars
        'digest sha256:ea6fb3ab72c37a29ba206e771b4dc09f1ed611c4ace1b31eaa8a8fcbe4fb01aa',
      ],
    },
  },
]);

// Revoke or rotate: OpenShift documentation (the page this family file already cites for its key format).
guidance('openshift', {
  steps:
    "Sign in to OpenShift and revoke (delete or regenerate) the leaked user access token where OpenShift manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check OpenShift's logs or usage for activity you do not recognise.",
  url: 'https://docs.redhat.com/en/documentation/openshift_container_platform/4.14/html/authentication_and_authorization/managing-oauth-access-tokens',
});
