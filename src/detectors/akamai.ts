// Akamai EdgeGrid credentials (.edgerc): client_token and access_token are "akab-" + 16 + "-" + 16
// lower-case alphanumerics; the client_secret is 44 base64 chars (reported only in EdgeGrid
// context). The host "akab-...luna.akamaiapis.net" has the same prefix and is not a secret.
// https://techdocs.akamai.com/developer/docs/set-up-authentication-credentials and
// https://techdocs.akamai.com/developer/docs/edgegrid
import { ASSIGN, family, near } from './define.js';
import { guidance } from './guidance.js';

export default family('akamai', [
  {
    id: 'akamai-edgegrid-token',
    name: 'Akamai EdgeGrid client or access token',
    category: 'token',
    keywords: ['akab-'],
    pattern: String.raw`\b(akab-[a-z0-9]{16}-[a-z0-9]{16})(?:$|[^A-Za-z0-9_+/=.-]|\.(?:$|\s))`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: '[default]\nclient_token = akab-6mx4bb0n2kp9nu90-7hy6al0rjx9lvxpt\naccess_token = akab-23ufluj648xsbktr-bsv5ulcwnugmtx7k',
          secret: 'akab-6mx4bb0n2kp9nu90-7hy6al0rjx9lvxpt',
        },
        'akab-23ufluj648xsbktr-bsv5ulcwnugmtx7k',
      ],
      negatives: [
        'host = akab-6mx4bb0n2kp9nu90-7hy6al0rjx9lvxpt.luna.akamaiapis.net',
        'client_token = akab-xxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxx',
        'akab-6mx4bb0n2kp9nu90-7hy6al0rjx9lvxp', // 15 chars
      ],
    },
  },
  {
    id: 'akamai-edgegrid-client-secret',
    name: 'Akamai EdgeGrid client secret',
    category: 'credentials',
    keywords: ['client_secret'],
    pattern: String.raw`client_secret${ASSIGN}([A-Za-z0-9+/]{43}=)(?:$|[^A-Za-z0-9_+/=-])`,
    validate: (_s, ctx) => near(ctx, 300, ['akab-', 'akamai', 'edgerc', 'edgegrid']),
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: '[default]\nclient_secret = 1XMZ9H/teVtbsoavUtFYGVLJhSqAt0wLsLa4B1Unmlj=\nhost = akab-6mx4bb0n2kp9nu90-7hy6al0rjx9lvxpt.luna.akamaiapis.net',
          secret: '1XMZ9H/teVtbsoavUtFYGVLJhSqAt0wLsLa4B1Unmlj=',
        },
        {
          text: '# ~/.edgerc\nclient_secret = CqDd+pcXTs//DAZUv50Nx8Z95UW4BmaVykh6xvL8ekA=',
          secret: 'CqDd+pcXTs//DAZUv50Nx8Z95UW4BmaVykh6xvL8ekA=',
        },
      ],
      negatives: [
        'client_secret = 1XMZ9H/teVtbsoavUtFYGVLJhSqAt0wLsLa4B1Unmlj=', // no EdgeGrid context
        '# ~/.edgerc\nclient_secret = <client secret>',
        '[default]\nhost = akab-6mx4bb0n2kp9nu90-7hy6al0rjx9lvxpt.luna.akamaiapis.net\nclient_secret = CqDd+pcXTs//DAZUv50Nx8Z95UW4BmaVykh6xvL8ek=',
      ],
    },
  },
]);

// Revoke or rotate: Akamai documentation (the page this family file already cites for its key format).
guidance('akamai', {
  steps:
    "Sign in to Akamai and revoke (delete or regenerate) the leaked EdgeGrid client or access token or EdgeGrid client secret where Akamai manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Akamai's logs or usage for activity you do not recognise.",
  url: 'https://techdocs.akamai.com/developer/docs/set-up-authentication-credentials',
});
