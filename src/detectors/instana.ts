// IBM Instana agent keys and API tokens: 22 chars of [A-Za-z0-9_-] (no prefix); reported only after
// an Instana name. https://www.ibm.com/docs/en/instana-observability/current?topic=instana-agent-keys
// and https://www.ibm.com/docs/en/instana-observability/current?topic=apis-web-rest-api (API tokens).
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

export default family('instana', [
  {
    id: 'instana-agent-key',
    name: 'Instana agent key or API token',
    category: 'api_key',
    keywords: ['instana'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])instana[\w.-]{0,20}?[ ]?(?:agent[_-]?key|download[_-]?key|api[_-]?token|api[_-]?key|token)${ASSIGN}(?:apiToken\s)?([A-Za-z0-9_-]{22})(?:$|[^A-Za-z0-9_+/=-])`,
    minEntropy: 3.5,
    examples: {
      positives: [
        { text: 'INSTANA_AGENT_KEY=goaQ8gwhPm93VgSxH2HSNJ', secret: 'goaQ8gwhPm93VgSxH2HSNJ' },
        {
          text: 'helm install instana-agent --set agent.key=x\ninstana_api_token: "TlUgvLrCpXfBFyCa1wdQJL"',
          secret: 'TlUgvLrCpXfBFyCa1wdQJL',
        },
      ],
      negatives: [
        'INSTANA_AGENT_KEY=${INSTANA_AGENT_KEY}',
        'instana_zone_token=production-eu-west-1a',
        'INSTANA_AGENT_KEY=goaQ8gwhPm93VgSxH2HSNJab', // 24
      ],
    },
  },
]);

// Revoke or rotate: Instana documentation (the page this family file already cites for its key format).
guidance('instana', {
  steps:
    "Sign in to Instana and revoke (delete or regenerate) the leaked agent key or API token where Instana manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Instana's logs or usage for activity you do not recognise.",
  url: 'https://www.ibm.com/docs/en/instana-observability/current?topic=instana-agent-keys',
});
