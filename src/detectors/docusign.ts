// DocuSign integration secret keys: UUIDs, reported only after a DocuSign secret name.
// https://developers.docusign.com/platform/auth/authcode/ (maps: trufflehog
// pkg/detectors/docusign).
import { ASSIGN, EW, ci, family } from './define.js';
import { guidance } from './guidance.js';

/** An assignment, or a spaced dash as in prose and tables ("token - value"). */
const SEP = String.raw`(?:${ASSIGN}|[ \t]{1,3}-[ \t]{1,3}['"]?)`;
/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('docusign', [
  {
    id: 'docusign-secret-key',
    name: 'DocuSign integration secret key',
    category: 'api_key',
    keywords: ['docusign'],
    pattern: String.raw`${NAME_START}(?:${ci('docusign')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${SEP}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'DOCUSIGN_INTEGRATION_KEY=6f1c0b2e-8a4d-4c3e-9f7a-2b5d8e1c4a70\nDOCUSIGN_SECRET_KEY=041ff37c-5f06-41b1-8916-3357f0970423',
          secret: '041ff37c-5f06-41b1-8916-3357f0970423',
        },
        {
          text: "docusign_client_secret: '8f6ff8c5-34aa-4580-815d-2bdd6bf8851f'",
          secret: '8f6ff8c5-34aa-4580-815d-2bdd6bf8851f',
        },
      ],
      negatives: [
        'DOCUSIGN_SECRET_KEY=${DOCUSIGN_SECRET}',
        'DOCUSIGN_INTEGRATION_KEY=041ff37c-5f06-41b1-8916-3357f0970423',
        'docusign envelope https://app.docusign.com/documents/details/041ff37c-5f06-41b1-8916-3357f0970423 secret',
      ],
    },
  },
]);

// Revoke or rotate: DocuSign documentation (the page this family file already cites for its key format).
guidance('docusign', {
  steps:
    "Sign in to DocuSign and revoke (delete or regenerate) the leaked integration secret key where DocuSign manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check DocuSign's logs or usage for activity you do not recognise.",
  url: 'https://developers.docusign.com/platform/auth/authcode/',
});
