// Contentful tokens: Content Management personal access tokens "CFPAT-" + 43 url-safe chars;
// delivery/preview API keys are bare 43-char strings, taken only under a Contentful name.
// https://www.contentful.com/developers/docs/references/authentication/
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('contentful', [
  {
    id: 'contentful-personal-access-token',
    name: 'Contentful personal access token',
    category: 'token',
    keywords: ['cfpat-'],
    pattern: String.raw`\b(CFPAT-[A-Za-z0-9_-]{43})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        'CFPAT-3I8QKshieatu6x0KbQwGzXRyO-PEyIF8SGMFyc242V6',
        {
          text: 'contentful space export --management-token CFPAT-OM22rMiHApRqPvkwsGDs-hRIcYfIk7bZzmTs5w1Kn7C',
          secret: 'CFPAT-OM22rMiHApRqPvkwsGDs-hRIcYfIk7bZzmTs5w1Kn7C',
        },
      ],
      negatives: [
        'contentful_access_token: "CFPAT-"',
        'CFPAT-3I8QKshieatu6x0KbQwGzXRyO', // short
        'CFPAT-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'contentful-delivery-token',
    name: 'Contentful delivery or preview API key',
    category: 'api_key',
    severity: 'medium',
    keywords: ['contentful'],
    ignoreCase: true,
    pattern: String.raw`contentful[\w.-]{0,30}(?:delivery|preview|access|cda|cpa)[\w.-]{0,20}${ASSIGN}([A-Za-z0-9_-]{43})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'CONTENTFUL_DELIVERY_TOKEN=d9JmjvB0pdE5hdqC_vV-Y0KaQIeKVlK8dDqqgorveg5',
          secret: 'd9JmjvB0pdE5hdqC_vV-Y0KaQIeKVlK8dDqqgorveg5',
        },
        'contentful_preview_access_token: "Ij3bMrF7GvztJqCTSv5CrnLkmtK1oN-J4ygN14XuPzC"',
      ],
      negatives: [
        'CONTENTFUL_SPACE_ID=d9JmjvB0pdE5',
        'CONTENTFUL_ACCESS_TOKEN=CFPAT-3I8QKshieatu6x0KbQwGzXRyO-PEyIF8SGMFyc242V6',
        'CONTENTFUL_DELIVERY_TOKEN=${CONTENTFUL_DELIVERY_TOKEN}',
      ],
    },
  },
]);

// Revoke or rotate: Contentful Content Management API reference, "Revoke an access token" (delivery keys: "Delete a Delivery API key").
guidance('contentful', {
  steps:
    "Revoke a leaked personal access token in Contentful under Account settings > CMA tokens (or with the revoke endpoint; it cannot be undone). A leaked Delivery or Preview API key is deleted in the space's Settings > API keys, which deletes the pair: create a new pair and update the sites and apps that used it.",
  url: 'https://contentful.com/developers/docs/references/content-management-api/access-tokens/revoke-an-access-token',
});
