// Splunk tokens (no prefix). HTTP Event Collector tokens are UUIDs sent as "Authorization: Splunk
// <token>"; Splunk Observability Cloud access tokens are 22 base64url chars sent as X-SF-Token.
// https://docs.splunk.com/Documentation/Splunk/latest/Data/UsetheHTTPEventCollector and
// https://docs.splunk.com/observability/en/admin/authentication/authentication-tokens/org-tokens.html ;
// trufflehog pkg/detectors/splunkobservabilitytoken maps the 22-char shape.
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const END = String.raw`(?:$|[^A-Za-z0-9_+/=-])`;

export default family('splunk', [
  {
    id: 'splunk-hec-token',
    name: 'Splunk HTTP Event Collector token',
    category: 'token',
    keywords: ['splunk'],
    ignoreCase: true,
    pattern: String.raw`(?:authorization:\s{0,3}splunk\s{1,3}|(?:^|\\[nrt]|[^A-Za-z0-9])splunk[\w.-]{0,20}?[ ]?hec[\w.-]{0,12}?(?:token|key)${ASSIGN})(${UUID})(?:$|[^A-Za-z0-9_-])`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'curl -k https://splunk.acme.test:8088/services/collector/event -H "Authorization: Splunk 4b739c08-0f9c-4f1e-adcc-ed420b5c51a1" -d \'{"event": "deploy"}\'',
          secret: '4b739c08-0f9c-4f1e-adcc-ed420b5c51a1',
        },
        {
          text: 'SPLUNK_HEC_TOKEN=fac7e2b4-0f6a-4892-b2f0-ba2f69c0a8df',
          secret: 'fac7e2b4-0f6a-4892-b2f0-ba2f69c0a8df',
        },
      ],
      negatives: [
        'SPLUNK_HEC_TOKEN=${SPLUNK_HEC_TOKEN}',
        'splunk search sid=4b739c08-0f9c-4f1e-adcc-ed420b5c51a1',
        'Authorization: Splunk <hec-token>',
      ],
    },
  },
  {
    id: 'splunk-observability-access-token',
    name: 'Splunk Observability Cloud access token',
    category: 'token',
    keywords: ['splunk', 'x-sf-token', 'sfx'],
    ignoreCase: true,
    pattern: String.raw`(?:x-sf-token|(?:^|\\[nrt]|[^A-Za-z0-9])(?:sfx|signalfx|splunk)[\w.-]{0,30}?[ ]?(?:access[_-]?|api[_-]?|ingest[_-]?|realm[_-]?)?token)${ASSIGN}([A-Za-z0-9_-]{22})${END}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        { text: 'SPLUNK_ACCESS_TOKEN=7DeIjuOgPIdaP8Ow07ztth', secret: '7DeIjuOgPIdaP8Ow07ztth' },
        {
          text: 'curl -X POST https://ingest.us1.signalfx.com/v2/datapoint -H "X-SF-Token: ZJA0MfH1CFtFieY4KUOj1g"',
          secret: 'ZJA0MfH1CFtFieY4KUOj1g',
        },
      ],
      negatives: [
        'SPLUNK_ACCESS_TOKEN=<org-access-token>',
        'splunk_index_token=main_prod_us_east_1ab', // low entropy name-like value
        'X-SF-Token: ZJA0MfH1CFtFieY4KUOj1gXY', // 24 chars
      ],
    },
  },
]);

// Revoke or rotate: Splunk documentation (the page this family file already cites for its key format).
guidance('splunk', {
  steps:
    "Sign in to Splunk and revoke (delete or regenerate) the leaked HTTP Event Collector token or Observability Cloud access token where Splunk manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Splunk's logs or usage for activity you do not recognise.",
  url: 'https://docs.splunk.com/Documentation/Splunk/latest/Data/UsetheHTTPEventCollector',
});
