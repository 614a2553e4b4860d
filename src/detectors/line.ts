// LINE Messaging API channel access tokens (~172 base64 chars) and channel secrets (32 hex),
// reported only after a LINE name. https://developers.line.biz/en/docs/basics/channel-access-token/
import { ASSIGN, EW, ci, family } from './define.js';

/** Start of a variable, header or prose name (not inside a longer word). */
const NAME_START = String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])`;

export default family('line', [
  {
    id: 'line-channel-access-token',
    name: 'LINE channel access token',
    category: 'token',
    keywords: ['line'],
    pattern: String.raw`${NAME_START}(?:${ci('line')})[\w.-]{0,24}?[ \t]?(?:${ci('token')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([A-Za-z0-9+/]{170,175}={0,2})${EW}`,
    minEntropy: 4.5,
    examples: {
      positives: [
        {
          text: 'LINE_CHANNEL_ACCESS_TOKEN=qrKOxlBPy0he8vztcXydf8UHcgDQoyEYmqxGmwjNdR4tAuiLRe4kHq82dt/l7gVXXOrXON8jkRDtZHsdts8oguR4O1uBMUH5YhXi+oRlQQMTjV5n9lxYaeSO2H5ovfmVeZ1QGGQ7TXoOrrt4AcXST615rUiRdl9KuybLo3VcRZA=',
          secret:
            'qrKOxlBPy0he8vztcXydf8UHcgDQoyEYmqxGmwjNdR4tAuiLRe4kHq82dt/l7gVXXOrXON8jkRDtZHsdts8oguR4O1uBMUH5YhXi+oRlQQMTjV5n9lxYaeSO2H5ovfmVeZ1QGGQ7TXoOrrt4AcXST615rUiRdl9KuybLo3VcRZA=',
        },
        {
          text: 'line_token: "axwNp9i6MWTULzTQ++xuf2Y9D2y0T3O+d27k6/CAxKz6IVg0LZPP6+eWLMIyxdtfkwD1AScPFxPUQrdsZv+bUVLOfIsyMtE1uAx3kZiZECpzt7qt6O4/e2BzaiaBQYHVTElWqnefDr9flb2HR08Rsfovm+oBZ6JfowdQnL3bTur="',
          secret:
            'axwNp9i6MWTULzTQ++xuf2Y9D2y0T3O+d27k6/CAxKz6IVg0LZPP6+eWLMIyxdtfkwD1AScPFxPUQrdsZv+bUVLOfIsyMtE1uAx3kZiZECpzt7qt6O4/e2BzaiaBQYHVTElWqnefDr9flb2HR08Rsfovm+oBZ6JfowdQnL3bTur=',
        },
      ],
      negatives: [
        'LINE_CHANNEL_ACCESS_TOKEN=${LINE_CHANNEL_ACCESS_TOKEN}',
        'LINE_CHANNEL_ACCESS_TOKEN=abc',
        'pipeline_token: "qrKOxlBPy0he8vztcXydf8UHcgDQoyEYmqxGmwjNdR4tAuiLRe4kHq82dt/l7gVXXOrXON8jkRDtZHsdts8oguR4O1uBMUH5YhXi+oRlQQMTjV5n9lxYaeSO2H5ovfmVeZ1QGGQ7TXoOrrt4AcXST615rUiRdl9KuybLo3VcRZA="',
      ],
    },
  },
  {
    id: 'line-channel-secret',
    name: 'LINE channel secret',
    category: 'api_key',
    keywords: ['line'],
    pattern: String.raw`${NAME_START}(?:${ci('line')})[\w.-]{0,24}?[ \t]?(?:${ci('secret')})[0-9]?(?:[_-]?${ci('key')})?${ASSIGN}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'LINE_CHANNEL_SECRET=58e571949e3cad93550d1350c9953490',
          secret: '58e571949e3cad93550d1350c9953490',
        },
        {
          text: "line_channel_secret: '5aea8da935ecc7e9168543a004fa2566'",
          secret: '5aea8da935ecc7e9168543a004fa2566',
        },
      ],
      negatives: [
        'LINE_CHANNEL_SECRET=${LINE_CHANNEL_SECRET}',
        'LINE_CHANNEL_SECRET=58e571949e3cad93550d1350c995349',
        'deadline_secret=58e571949e3cad93550d1350c9953490',
      ],
    },
  },
]);
