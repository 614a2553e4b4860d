// Portainer access tokens: "ptr_" + the base64 of 32 random bytes (43 chars, plus "=" when padded),
// sent as X-API-Key. https://docs.portainer.io/api/access ; trufflehog pkg/detectors/portainertoken
// maps the ptr_ prefix. "ptr_" also starts C identifiers (ptr_InitTheFrontEnd...), so the body must
// have the exact length and look random.
import { family } from './define.js';
import { guidance } from './guidance.js';

export default family('portainer', [
  {
    id: 'portainer-access-token',
    name: 'Portainer access token',
    category: 'token',
    keywords: ['ptr_'],
    pattern: String.raw`\b(ptr_[A-Za-z0-9+/_-]{43}=?)(?:$|[^A-Za-z0-9_+/=-])`,
    validate: (s) => /[A-Z]/.test(s) && /[a-z]/.test(s.slice(4)) && /[0-9].*[0-9]/.test(s.slice(4)),
    minEntropy: 4,
    examples: {
      positives: [
        'ptr_HeKJq7cjsZFjDVRaxDGHM_DXd-tQciQC7-dID0o5BOg=',
        {
          text: 'curl -H "X-API-Key: ptr_1XMZ9H/teVtbsoavUtFYGVLJhSqAt0wLsLa4B1Unmlj=" https://portainer.acme.test:9443/api/endpoints',
          secret: 'ptr_1XMZ9H/teVtbsoavUtFYGVLJhSqAt0wLsLa4B1Unmlj=',
        },
      ],
      negatives: [
        'static struct node *ptr_to_the_first_element_of_the_linked_list;',
        'ptr_HeKJq7cjsZFjDVRaxDGH', // short
        'ptr_InitializeTheCompilerFrontEndAndBackEnd42',
        'PORTAINER_TOKEN=ptr_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
]);

// Revoke or rotate: Portainer documentation (the page this family file already cites for its key format).
guidance('portainer', {
  steps:
    "Sign in to Portainer and revoke (delete or regenerate) the leaked access token where Portainer manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Portainer's logs or usage for activity you do not recognise.",
  url: 'https://docs.portainer.io/api/access',
});
