// Zilliz Cloud (managed Milvus) API keys: long hex strings with no prefix, recognised only after a
// Zilliz or Milvus token name. https://docs.zilliz.com/docs/manage-api-keys
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('zilliz', [
  {
    id: 'zilliz-api-key',
    name: 'Zilliz Cloud API key',
    category: 'api_key',
    keywords: ['zilliz', 'milvus'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:zilliz|milvus)[\w.-]{0,16}(?:api[_.-]?key|key|token)${ASSIGN}([0-9a-f]{64,128})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'ZILLIZ_API_KEY=ed330f05bc5edd72b39aa29023abb00c7f7aaa453d253dfbd784b3157690abe1fe16913f2ea65368475aad426589f77bce64d933',
          secret:
            'ed330f05bc5edd72b39aa29023abb00c7f7aaa453d253dfbd784b3157690abe1fe16913f2ea65368475aad426589f77bce64d933',
        },
        {
          text: 'milvus_token: "8a7545bff34060d468ebf5b23cc4b85d1fcbc8f98f9daefd9b231c2bd86dcf8b3cbf97191f7410734badd9d79ec28af5992fa285"',
          secret:
            '8a7545bff34060d468ebf5b23cc4b85d1fcbc8f98f9daefd9b231c2bd86dcf8b3cbf97191f7410734badd9d79ec28af5992fa285',
        },
      ],
      negatives: [
        'ZILLIZ_API_KEY=${ZILLIZ_API_KEY}',
        'MILVUS_TOKEN=root:Milvus',
        'ZILLIZ_CLUSTER_ID=0a3bfd94a671c89ef9054834bcfae0b8ada991cb13f6f638702ad1ef43279cd3f77cc0751de0def4e3586fc96656a726aeb2de03',
        'milvus image digest sha256:c4d2e48c2aa0975bc64275fc537ff9ead1462c00293f97988f3a4b329a24e2d0',
      ],
    },
  },
]);

// Revoke or rotate: Zilliz Cloud documentation (the page this family file already cites for its key format).
guidance('zilliz', {
  steps:
    "Sign in to Zilliz Cloud and revoke (delete or regenerate) the leaked API key where Zilliz Cloud manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Zilliz Cloud's logs or usage for activity you do not recognise.",
  url: 'https://docs.zilliz.com/docs/manage-api-keys',
});
