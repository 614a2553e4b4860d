// Yandex Cloud credentials: IAM tokens "t1." + base64url + "." + 86 base64url; API keys "AQVN" +
// 35-38 base64url; static access key ids "YCAJ" + 21 and their secrets "YC" + 38 (the secret is
// reported only near a Yandex name or its key id).
// https://yandex.cloud/en/docs/iam/concepts/authorization/iam-token ,
// https://yandex.cloud/en/docs/iam/concepts/authorization/api-key ,
// https://yandex.cloud/en/docs/iam/concepts/authorization/access-key ; shapes as in gitleaks yandex.go.
import { EW, family, near } from './define.js';
import { guidance } from './guidance.js';

export default family('yandex', [
  {
    id: 'yandex-cloud-iam-token',
    name: 'Yandex Cloud IAM token',
    category: 'token',
    keywords: ['t1.'],
    pattern: String.raw`\b(t1\.[A-Za-z0-9_-]{40,800}={0,2}\.[A-Za-z0-9_-]{86}={0,2})(?:$|[^A-Za-z0-9_+/=.-])`,
    window: 1024,
    minEntropy: 4,
    examples: {
      positives: [
        't1.6szbGIMa5fnqc4dtg8GQGftKwiWvd0M83_wtdt7qF2B1Cw1ShoNJDGr92bTwmQFItsPDmbifR5iJ5VwnENtoPR6DI0VxgJekEYuVrbtTGbXh5ed7V5GROeWz.z0sLqWs24nRZTY14ujgltBmZVNiKBSkvnEyOPxSz4k8WURMz94FIKPDESulXtr8MNn98CMEAiBRHzl5d3Ze3Zq',
        {
          text: 'curl -H "Authorization: Bearer t1.QEkbIvvZQfBfw-JlnehDuyaXmBn6-KY9EM54G_rzRaUU0UgR6nK617m5uMRst0Yj9ydUXAgBJiNtSpW3VgxI5ulPBCFoFUfHcvIvL4vlWnAmVZ1apvsRbmp0x8D-MbALLI5j08rbMdL3TJ4I9WZN4T.CevGqznvyhjv_RGHIU2qQ6QJsP2h-oWlrfetAMcjGYJJxNb4TwOBhXOVFljz220fSGqVP4VMqUcb0ynAQcG_Tu" https://resource-manager.api.cloud.yandex.net/resource-manager/v1/clouds',
          secret:
            't1.QEkbIvvZQfBfw-JlnehDuyaXmBn6-KY9EM54G_rzRaUU0UgR6nK617m5uMRst0Yj9ydUXAgBJiNtSpW3VgxI5ulPBCFoFUfHcvIvL4vlWnAmVZ1apvsRbmp0x8D-MbALLI5j08rbMdL3TJ4I9WZN4T.CevGqznvyhjv_RGHIU2qQ6QJsP2h-oWlrfetAMcjGYJJxNb4TwOBhXOVFljz220fSGqVP4VMqUcb0ynAQcG_Tu',
        },
      ],
      negatives: [
        't1.6szbGIMa5fnqc4dtg8GQGftKwiWvd0M83_wtdt7qF2B1Cw1ShoNJDGr92bT.z0sLqWs24nRZTY14ujgltBmZVNiKBSkvnEyOPxSz4k8WURMz94FIKPDESulXtr8MNn98CMEAiBRHzl5d3Ze3', // 84-char tail
        'YC_TOKEN=t1.<iam-token>',
        'released t1.2.3 of the chart',
      ],
    },
  },
  {
    id: 'yandex-cloud-api-key',
    name: 'Yandex Cloud API key',
    category: 'api_key',
    keywords: ['aqvn'],
    pattern: String.raw`\b(AQVN[A-Za-z0-9_-]{35,38})${EW}`,
    minEntropy: 3.8,
    examples: {
      positives: [
        'AQVNN_R-G-GUd0XLOo5gik3I8qwzmfL4JvzhXhJ',
        {
          text: 'curl -H "Authorization: Api-Key AQVNAeSPBVlUDFwI_-QaUQwRKlbuHGt_1dyQET73" https://llm.api.cloud.yandex.net/foundationModels/v1/completion',
          secret: 'AQVNAeSPBVlUDFwI_-QaUQwRKlbuHGt_1dyQET73',
        },
      ],
      negatives: [
        'AQVNN_R-G-GUd0XLOo5gik3I8qwzmfL4Jvz', // 31 after the prefix
        'AQVNxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'YC_API_KEY=AQVN<your-key>',
      ],
    },
  },
  {
    id: 'yandex-cloud-static-access-key-id',
    name: 'Yandex Cloud static access key id',
    category: 'credentials',
    keywords: ['ycaj'],
    pattern: String.raw`\b(YCAJ[A-Za-z0-9_-]{21})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'YCAJn9sHZndZDAjr0o1i2bU6g',
        {
          text: 'aws_access_key_id = YCAJIcdY70IIvVGzRUqWEGWFY\nendpoint_url = https://storage.yandexcloud.net',
          secret: 'YCAJIcdY70IIvVGzRUqWEGWFY',
        },
      ],
      negatives: [
        'YCAJn9sHZndZDAjr0o1i2bU6', // 24 chars
        'YCAJxxxxxxxxxxxxxxxxxxxxx',
        'key_id: YCAJ<access-key-id>',
      ],
    },
  },
  {
    id: 'yandex-cloud-static-secret-key',
    name: 'Yandex Cloud static access key secret',
    category: 'credentials',
    keywords: ['yandex', 'ycaj'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_+/-])(YC[A-Za-z0-9_-]{38})${EW}`,
    validate: (_s, ctx) => near(ctx, 200, ['yandex', 'ycaj']),
    // Same shape as an AWS secret key in the same file: the Yandex context is more specific.
    priority: 1,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'aws_access_key_id = YCAJIcdY70IIvVGzRUqWEGWFY\naws_secret_access_key = YCWIcyJs4Y0B4nCB609SuaU7KkQSOGX75xLnHD9R',
          secret: 'YCWIcyJs4Y0B4nCB609SuaU7KkQSOGX75xLnHD9R',
        },
        {
          text: 'YANDEX_STORAGE_SECRET_KEY="YChsr8cJAUzBxC4gc9Vm8CJ0wT1j3Cqkim8mF-vn"',
          secret: 'YChsr8cJAUzBxC4gc9Vm8CJ0wT1j3Cqkim8mF-vn',
        },
      ],
      negatives: [
        'aws_secret_access_key = YCWIcyJs4Y0B4nCB609SuaU7KkQSOGX75xLnHD9R', // no Yandex context
        'YANDEX_STORAGE_SECRET_KEY="YCxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
        'yandex: YChsr8cJAUzBxC4gc9Vm8CJ0wT1j3Cqkim8mF-v', // 39 chars
      ],
    },
  },
]);

// Revoke or rotate: Yandex Cloud documentation (the page this family file already cites for its key format).
guidance('yandex', {
  steps:
    "Sign in to Yandex Cloud and revoke (delete or regenerate) the leaked key or token where Yandex Cloud manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Yandex Cloud's logs or usage for activity you do not recognise.",
  url: 'https://yandex.cloud/en/docs/iam/concepts/authorization/iam-token',
});
