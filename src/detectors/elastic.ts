// Elastic credentials. Elasticsearch API keys are base64("<id>:<api_key>") (the `encoded` value of
// the create-API-key response), sent as "Authorization: ApiKey <encoded>"; checked by decoding.
// Elastic Cloud organisation API keys start "essu_".
// https://www.elastic.co/guide/en/elasticsearch/reference/current/security-api-create-api-key.html
// https://www.elastic.co/guide/en/cloud/current/ec-api-authentication.html
import { bytesToLatin1, decodeBase64 } from '../engine/checks/radix.js';
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

const DECODED = /^[A-Za-z0-9_-]{20}:[A-Za-z0-9_-]{22,64}$/;

/** The encoded key decodes to a 20-char id, a colon and the random key. */
function isEncodedApiKey(s: string): boolean {
  const bytes = decodeBase64(s);
  return bytes !== undefined && DECODED.test(bytesToLatin1(bytes));
}

export default family('elastic', [
  {
    id: 'elasticsearch-api-key',
    name: 'Elasticsearch API key (encoded)',
    category: 'api_key',
    keywords: ['apikey ', 'elastic'],
    ignoreCase: true,
    pattern: String.raw`(?:ApiKey\s{1,4}|(?:^|\\[nrt]|[^A-Za-z0-9])(?:elastic|es)[\w.-]{0,16}api[_.-]?key${ASSIGN})([A-Za-z0-9+/]{56,120}={0,2})(?:$|[^A-Za-z0-9+/=_-])`,
    validate: isEncodedApiKey,
    examples: {
      positives: [
        {
          text: 'curl -H "Authorization: ApiKey bHdTZkJTbDNCWGNCN19XOTVIeGo6eGxXWVpYSXQ3NHJCUEtqNngtaTFHbw==" https://acme.es.us-east-1.aws.found.io/_cat/indices',
          secret: 'bHdTZkJTbDNCWGNCN19XOTVIeGo6eGxXWVpYSXQ3NHJCUEtqNngtaTFHbw==',
        },
        {
          text: 'ELASTIC_API_KEY=V0xtN2NFRHlaTmY2X09hZGtOYkU6VXRKZWxwLXh4VW1GNDlGV2lyLS0xcg==',
          secret: 'V0xtN2NFRHlaTmY2X09hZGtOYkU6VXRKZWxwLXh4VW1GNDlGV2lyLS0xcg==',
        },
      ],
      negatives: [
        'Authorization: ApiKey <base64 id:api_key>',
        'Authorization: ApiKey svmadavYOSBf58RXpWsATcbGLD023WUsmfQNJuO7KKI8zq9smlcaFXY6gL9s', // does not decode to id:key
        'ELASTIC_API_KEY=${ELASTIC_API_KEY}',
      ],
    },
  },
  {
    id: 'elastic-cloud-api-key',
    name: 'Elastic Cloud API key',
    category: 'api_key',
    keywords: ['essu_'],
    pattern: String.raw`\b(essu_[A-Za-z0-9+/]{60,200}={0,2})(?:$|[^A-Za-z0-9+/=_-])`,
    minEntropy: 4,
    examples: {
      positives: [
        'essu_OHPq0Ja5F50pTOJoO2VrHpqpMYCuO1ATx4HnisQncxEH0qGmWlSmk0bk2wdeOIZjJPQxERhNn6Z4lzuLhYx4O8ei',
        {
          text: 'curl -H "Authorization: ApiKey essu_eW6UeGmOY9XMAHFQNTmJkA9Vw4R5t4G0MsRVUqJEQTU6IAXrBR2iwGuOCQM78eCn4B2mwpyn2kHDSZEgcxy4UlSNp6iioeH4" https://api.elastic-cloud.com/api/v1/deployments',
          secret:
            'essu_eW6UeGmOY9XMAHFQNTmJkA9Vw4R5t4G0MsRVUqJEQTU6IAXrBR2iwGuOCQM78eCn4B2mwpyn2kHDSZEgcxy4UlSNp6iioeH4',
        },
      ],
      negatives: ['EC_API_KEY=essu_...', 'essu_4Gh42MYx19yAfdDI5yTla81VusC8bv5nTs5C1BDc'],
    },
  },
]);

// Revoke or rotate: Elasticsearch reference, "Invalidate API key API" (DELETE /_security/api_key); keys can also be deleted in Kibana Stack Management > API keys.
guidance('elastic', {
  steps:
    "Invalidate the leaked Elasticsearch API key at once: in Kibana open Stack Management > API keys and delete it, or call `DELETE /_security/api_key` with its id or name. For an Elastic Cloud API key, delete it in the Cloud console's API keys page. Create a new key with only the privileges it needs and an expiration, update every client that used the old one, and review the cluster's audit log for requests you do not recognise.",
  url: 'https://www.elastic.co/guide/en/elasticsearch/reference/8.17/security-api-invalidate-api-key.html',
});
