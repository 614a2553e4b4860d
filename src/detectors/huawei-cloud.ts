// Huawei Cloud AK/SK: the access key id is 20 upper-case letters and digits, the secret access key
// 40 alphanumerics; neither has a prefix, so both are reported only after a Huawei Cloud name.
// https://support.huaweicloud.com/intl/en-us/usermanual-iam/iam_02_0003.html (access keys) and
// https://github.com/huaweicloud/huaweicloud-sdk-go-v3 (HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK).
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

const NAME = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:huawei|hwcloud)[\w.-]{0,24}?`;
const END = String.raw`(?:$|[^A-Za-z0-9_+/=-])`;

export default family('huawei-cloud', [
  {
    id: 'huawei-cloud-access-key-id',
    name: 'Huawei Cloud access key id (AK)',
    category: 'credentials',
    keywords: ['huawei', 'hwcloud'],
    ignoreCase: true,
    pattern: String.raw`${NAME}(?:[_-]ak|access[_-]?key(?:[_-]?id)?)${ASSIGN}([A-Z0-9]{20})${END}`,
    validate: (s) => s === s.toUpperCase() && /[A-Z]/.test(s) && /[0-9]/.test(s),
    minEntropy: 3.4,
    examples: {
      positives: [
        { text: 'HUAWEICLOUD_SDK_AK=UV18TQYYQILRIYU2RND1', secret: 'UV18TQYYQILRIYU2RND1' },
        {
          text: 'provider "huaweicloud" {\n  huawei_access_key = "AF695UW32ID5DYX9901F"\n}',
          secret: 'AF695UW32ID5DYX9901F',
        },
      ],
      negatives: [
        'HUAWEICLOUD_SDK_AK=${HUAWEICLOUD_SDK_AK}',
        'HUAWEICLOUD_SDK_AK=uv18tqyyqilriyu2rnd1',
        'huawei_access_key = "XXXXXXXXXXXXXXXXXXXX"',
      ],
    },
  },
  {
    id: 'huawei-cloud-secret-access-key',
    name: 'Huawei Cloud secret access key (SK)',
    category: 'credentials',
    keywords: ['huawei', 'hwcloud'],
    ignoreCase: true,
    pattern: String.raw`${NAME}(?:[_-]sk|secret[_-]?(?:access[_-]?)?key)${ASSIGN}([A-Za-z0-9]{40})${END}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'HUAWEICLOUD_SDK_SK=p9a0QDT1EH3VA4A9h3vtVoXFUoLh6VpCHUnLeCzo',
          secret: 'p9a0QDT1EH3VA4A9h3vtVoXFUoLh6VpCHUnLeCzo',
        },
        {
          text: 'huawei_secret_key: "ikW78JE2zOx0FDHEccqRcPgYFLMsJbN0ErEJwG9x"',
          secret: 'ikW78JE2zOx0FDHEccqRcPgYFLMsJbN0ErEJwG9x',
        },
      ],
      negatives: [
        'HUAWEICLOUD_SDK_SK=<secret access key>',
        'huawei_commit_sk=fd37b5f8abb8d7f4466da9d5e8edc8903222d658', // hex: too low entropy for 40 random
        'HUAWEICLOUD_SDK_SK=p9a0QDT1EH3VA4A9h3vtVoXFUoLh6VpCHUnLeCz', // 39
      ],
    },
  },
]);

// Revoke or rotate: Huawei Cloud documentation (the page this family file already cites for its key format).
guidance('huawei-cloud', {
  steps:
    "Sign in to Huawei Cloud and revoke (delete or regenerate) the leaked access key id or secret access key where Huawei Cloud manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Huawei Cloud's logs or usage for activity you do not recognise.",
  url: 'https://support.huaweicloud.com/intl/en-us/usermanual-iam/iam_02_0003.html',
});
