// Microsoft Teams incoming-webhook URLs (Office 365 connectors) and the Workflows / Power Automate
// HTTP-trigger URLs that replace them; whoever holds the URL can post into the channel.
// https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// A trigger URL is only a credential with its shared-access signature.
const SIG = /[?&]sig=[A-Za-z0-9_%-]{30,}/;

export default family('microsoft-teams', [
  {
    id: 'microsoft-teams-webhook-url',
    name: 'Microsoft Teams incoming webhook URL',
    category: 'webhook',
    keywords: ['incomingwebhook'],
    window: 512,
    pattern: String.raw`\b(https://(?:[A-Za-z0-9-]{1,63}\.webhook\.office\.com/webhookb2|outlook\.office(?:365)?\.com/webhook)/${UUID}@${UUID}/IncomingWebhook/[0-9a-f]{32}/${UUID}(?:/[A-Za-z0-9_-]{10,100})?)${EW}`,
    examples: {
      positives: [
        'https://contoso.webhook.office.com/webhookb2/aa5b1840-8579-4c4b-bbc9-bdb58855486a@0744fbf3-6334-4d59-b7fb-85f160b4b7b7/IncomingWebhook/c1ea6146603cbf2750e6343d7a7c5661/cc373baf-8d12-474f-9fe1-502a167d9daa/V2XIsIloO4GY7E2uqMudK6Y_FI3eQmqUlbylu7AAnu',
        {
          text: 'TEAMS_WEBHOOK=https://outlook.office.com/webhook/40ea178d-8f86-490b-9db5-b0c9c2e2de39@11d801c1-0b51-4faf-9127-0ce96c608997/IncomingWebhook/e406369f0119224d9548d41d1d9c0d34/e94f9e18-0553-453f-941c-8a99ff695bae',
          secret:
            'https://outlook.office.com/webhook/40ea178d-8f86-490b-9db5-b0c9c2e2de39@11d801c1-0b51-4faf-9127-0ce96c608997/IncomingWebhook/e406369f0119224d9548d41d1d9c0d34/e94f9e18-0553-453f-941c-8a99ff695bae',
        },
      ],
      negatives: [
        'https://contoso.webhook.office.com/webhookb2/not-a-real-url/IncomingWebhook/',
        // Connector id cut short.
        'https://contoso.webhook.office.com/webhookb2/aa5b1840-8579-4c4b-bbc9-bdb58855486a@0744fbf3-6334-4d59-b7fb-85f160b4b7b7/IncomingWebhook/c1ea6146603cbf2750e6343d7a7c566/cc373baf-8d12-474f-9fe1-502a167d9daa',
        'https://contoso.webhook.office.com/webhookb2/<group-id>@<tenant-id>/IncomingWebhook/<id>/<owner-id>',
      ],
    },
  },
  {
    id: 'microsoft-teams-workflow-webhook-url',
    name: 'Microsoft Teams workflow (Power Automate / Logic Apps) webhook URL',
    category: 'webhook',
    keywords: ['logic.azure.com', 'powerplatform.com'],
    window: 512,
    pattern: String.raw`\b(https://[A-Za-z0-9.-]{1,80}\.(?:logic\.azure\.com|environment\.api\.powerplatform\.com)(?::443)?/(?:powerautomate/automations/direct/)?workflows/[0-9a-f]{32}/triggers/[A-Za-z0-9_.-]{1,40}/paths/invoke\?[A-Za-z0-9%=&._~-]{10,300})`,
    validate: (url) => SIG.test(url),
    examples: {
      positives: [
        'https://prod-30.westeurope.logic.azure.com:443/workflows/0881f65e95789058c13ba3905d9ef481/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=dyrKae6ZLASdt_bbgw92rtCk9mIIJu4TnG3-NExB9o0',
        {
          text: "teams_url = 'https://a75875a2ffaa176cdf82626b1792b2b0.59.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/478d253ec9623e2034e385d13b0bdd44/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=u6kw9uc8BOYqAJxuWPZqCXGMp-9w18sbpbVIKXYVvBg'",
          secret:
            'https://a75875a2ffaa176cdf82626b1792b2b0.59.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/478d253ec9623e2034e385d13b0bdd44/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=u6kw9uc8BOYqAJxuWPZqCXGMp-9w18sbpbVIKXYVvBg',
        },
      ],
      negatives: [
        // No signature: the URL alone does not authorise a post.
        'https://prod-30.westeurope.logic.azure.com:443/workflows/0881f65e95789058c13ba3905d9ef481/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0',
        'https://prod-30.westeurope.logic.azure.com:443/workflows/0881f65e95789058c13ba3905d9ef481/triggers/manual/paths/invoke?api-version=2016-06-01&sig=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'https://portal.azure.com/#view/Microsoft_Azure_EMA/DesignerEditor.ReactView/id/logic.azure.com',
      ],
    },
  },
]);

// Revoke or rotate: Microsoft Learn, "Create an Incoming Webhook" (Teams webhooks and connectors).
guidance('microsoft-teams', {
  steps:
    "Remove the leaked incoming webhook from the Teams channel (the channel's Connectors or Workflows settings) so its URL stops accepting posts, then create a new one and update the systems that send to it. Check the channel for messages you did not send.",
  url: 'https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
});
