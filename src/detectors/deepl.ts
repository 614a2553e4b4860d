// DeepL API authentication keys: a UUID, with ":fx" appended for DeepL API Free keys. Free keys are
// recognised by that suffix; Pro keys (bare UUIDs) only after a DeepL name.
// https://developers.deepl.com/docs/getting-started/auth
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export default family('deepl', [
  {
    id: 'deepl-free-api-key',
    name: 'DeepL API Free authentication key',
    category: 'api_key',
    keywords: [':fx'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_-])(${UUID}:fx)${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'dad05dc5-45e9-46e9-90ea-a21784005c5c:fx',
        {
          text: 'curl -X POST https://api-free.deepl.com/v2/translate -H "Authorization: DeepL-Auth-Key 5b82e709-5266-4aec-aea6-6ad2ae9b4308:fx" -d "text=Hallo"',
          secret: '5b82e709-5266-4aec-aea6-6ad2ae9b4308:fx',
        },
      ],
      negatives: [
        'DEEPL_AUTH_KEY=<your-key>:fx',
        '56425a6e-1f23-4f73-9e7b-665add30e793:fxx',
        '00000000-0000-0000-0000-000000000000:fx',
      ],
    },
  },
  {
    id: 'deepl-api-key',
    name: 'DeepL API Pro authentication key',
    category: 'api_key',
    keywords: ['deepl'],
    ignoreCase: true,
    pattern: String.raw`(?:(?:^|\\[nrt]|[^A-Za-z0-9])deepl[\w.-]{0,12}(?:auth[_.-]?key|api[_.-]?key|key)${ASSIGN}|DeepL-Auth-Key\s{1,4})(${UUID})(?:$|[^A-Za-z0-9_:-])`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'DEEPL_AUTH_KEY=c49610dd-1f28-4e9c-955f-4248a1317137',
          secret: 'c49610dd-1f28-4e9c-955f-4248a1317137',
        },
        {
          text: 'curl https://api.deepl.com/v2/usage -H "Authorization: DeepL-Auth-Key ac740a5b-b42e-4345-b7a1-471a1cf4bef5"',
          secret: 'ac740a5b-b42e-4345-b7a1-471a1cf4bef5',
        },
      ],
      negatives: [
        'DEEPL_AUTH_KEY=your_deepl_auth_key_here',
        'DEEPL_GLOSSARY_ID=3a03cc71-4faa-4ba9-992e-c373a58418f0',
        'https://www.deepl.com/your-account/keys/37241719-c44d-44ed-829d-b059cba46287',
      ],
    },
  },
]);

// Revoke or rotate: DeepL documentation (the page this family file already cites for its key format).
guidance('deepl', {
  steps:
    "Sign in to DeepL and revoke (delete or regenerate) the leaked API Free authentication key or API Pro authentication key where DeepL manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check DeepL's logs or usage for activity you do not recognise.",
  url: 'https://developers.deepl.com/docs/getting-started/auth',
});
