// Mailchimp Marketing API keys end in the account's data centre: "<32 hex>-us<N>".
// https://mailchimp.com/developer/marketing/guides/quick-start/#generate-your-api-key
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

// "mandrill_api_key = ", "Mandrill token - ": the word, up to two more, a separator.
const BESIDE_MANDRILL = String.raw`(?:mandrill|mailchimp[_ -]?transactional)[\w.-]{0,30}(?:[ \t]{1,2}[A-Za-z_.-]{1,20}){0,2}[\s'"\x60\\]{0,4}(?:=|:|=>|:=|-|\s)[\s'"\x60\\]{0,4}`;

export default family('mailchimp', [
  {
    id: 'mailchimp-api-key',
    name: 'Mailchimp API key',
    category: 'api_key',
    keywords: ['mailchimp', ...Array.from('123456789', (d) => `-us${d}`)],
    pattern: String.raw`\b([0-9a-f]{32}-us[0-9]{1,2})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'a989f393904f239a2d20327e178bd300-us14',
        {
          text: 'MAILCHIMP_API_KEY="b8a294da76e0f92b839c8624e1c6adab-us6"',
          secret: 'b8a294da76e0f92b839c8624e1c6adab-us6',
        },
        {
          text: 'curl --user "anystring:477cee74d57c3f12f12d7d4d271cb88b-us21" https://us21.api.mailchimp.com/3.0/',
          secret: '477cee74d57c3f12f12d7d4d271cb88b-us21',
        },
      ],
      negatives: [
        "mailchimp = 'a989f393904f239a2d20327e178bd300-us'", // no data centre number
        'a989f393904f239a2d20327e178bd30-us14', // 31 hex
        'Accept-Language: en-us1',
        '00000000000000000000000000000000-us1',
      ],
    },
  },
  {
    // Mailchimp Transactional (Mandrill): 22 chars, newer ones prefixed "md-"; name required.
    id: 'mailchimp-transactional-api-key',
    name: 'Mailchimp Transactional (Mandrill) API key',
    category: 'api_key',
    keywords: ['mandrill', 'mailchimp'],
    ignoreCase: true,
    pattern: String.raw`${BESIDE_MANDRILL}((?:md-)?[A-Za-z0-9_-]{22})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        { text: 'MANDRILL_API_KEY=BBsTXeNwOi4C2txVPTURB5', secret: 'BBsTXeNwOi4C2txVPTURB5' },
        {
          text: "mailchimp_transactional_key: 'md-Y9ebpUJcm-yI0TkqT-hsXb'",
          secret: 'md-Y9ebpUJcm-yI0TkqT-hsXb',
        },
      ],
      negatives: [
        "mandrill = 'z8A3Owe1WRrHmg4AHQZlw'", // 21 chars
        'MANDRILL_API_KEY=${MANDRILL_KEY}',
        'BBsTXeNwOi4C2txVPTURB5', // no Mandrill name
      ],
    },
  },
]);

// Revoke or rotate: Mailchimp developer docs, "Generate your API key" (keys are managed under Profile > Extras > API keys).
guidance('mailchimp', {
  steps:
    'In Mailchimp, open Profile > Extras > API keys and revoke the leaked key (type REVOKE to confirm), then create a new one for the integrations that need it. A leaked Mandrill (Transactional) key is deleted on the Mandrill settings page. Check your audiences and campaigns for exports or sends you did not make.',
  url: 'https://mailchimp.com/developer/marketing/guides/quick-start/#generate-your-api-key',
});
