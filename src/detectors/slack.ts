// Slack token formats: https://api.slack.com/authentication/token-types (no public checksum, so
// the structure is all there is: prefix, numeric team/user/bot ids, random tail).
import { bytesToLatin1, decodeBase64 } from '../engine/checks/radix.js';
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

const tok = (body: string): string => String.raw`\b(${body})${EW}`;
// Legacy, user and browser tokens: prefix, optional version digit, 3 numeric ids, then a tail.
const numeric = (prefix: string, tail: string): string =>
  tok(String.raw`${prefix}-(?:[0-9]-)?[0-9]{6,15}-[0-9]{6,15}-[0-9]{6,15}-${tail}`);
const HOOKS = String.raw`https?://hooks\.slack(?:-gov)?\.com`;

// Rotating tokens (xoxe.xoxp-1-, xoxe-1-) carry base64url of "<v>-<v>-<ids...>-<64 hex>".
const ROTATED = /^[0-9]{1,2}-[0-9]{1,2}(?:-[0-9]{6,15}){2,5}-[0-9a-f]{64}$/;
function isRotated(token: string): boolean {
  const bytes = decodeBase64(token.slice(token.indexOf('-1-') + 3));
  return bytes !== undefined && ROTATED.test(bytesToLatin1(bytes));
}

// The `d` cookie: URL-encoded base64 of opaque bytes.
function isCookie(token: string): boolean {
  let raw: string;
  try {
    raw = decodeURIComponent(token.slice(5));
  } catch {
    return false;
  }
  const bytes = decodeBase64(raw);
  return bytes !== undefined && bytes.length >= 45;
}

export default family('slack', [
  {
    id: 'slack-bot-token',
    name: 'Slack bot token',
    category: 'token',
    keywords: ['xoxb-'],
    pattern: tok(String.raw`xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24,34}`),
    examples: {
      positives: [
        'xoxb-158575223382-1813152179417-aEFAL5UCP4wxtwS8lgr3eAnx',
        {
          text: 'export SLACK_BOT_TOKEN=xoxb-177426178455-8616638809778-ymfIDtJo2WnWkuKV14hx5jAs',
          secret: 'xoxb-177426178455-8616638809778-ymfIDtJo2WnWkuKV14hx5jAs',
        },
        'slack:\n  token: "xoxb-646509159153-1638240040030-7NumJLyqpteMAnPe7pcqqlST"',
      ],
      negatives: [
        'xoxb-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx',
        'xoxb-158575223382-1813152179417-aEFAL5UCP4wxtwS8', // tail too short
        'xoxb-your-bot-token-here',
        'axoxb-158575223382-1813152179417-aEFAL5UCP4wxtwS8lgr3eAnx',
      ],
    },
  },
  {
    // Bot tokens issued before 2019: one numeric id, then 18 to 24 random chars.
    id: 'slack-legacy-bot-token',
    name: 'Slack legacy bot token',
    category: 'token',
    keywords: ['xoxb-'],
    pattern: tok(String.raw`xoxb-[0-9]{8,14}-[A-Za-z0-9]{18,24}`),
    minEntropy: 3,
    examples: {
      positives: [
        'xoxb-249226783095-V30BSMOUWNgYBhYPt5VuAhyJ',
        {
          text: 'hubot: HUBOT_SLACK_TOKEN=xoxb-166519413108-PhQmcm92XAWVmBkoPnZOjQKO npm start',
          secret: 'xoxb-166519413108-PhQmcm92XAWVmBkoPnZOjQKO',
        },
      ],
      negatives: [
        'xoxb-249226783095-V30BSMOUWN',
        'xoxb-abcdef-abcdef',
        'xoxb-249226783095-xxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    // User tokens (xoxp-) and the xoxe- file-access tokens Slack appends to private file URLs.
    id: 'slack-user-token',
    name: 'Slack user token',
    category: 'token',
    keywords: ['xoxp-', 'xoxe-'],
    pattern: numeric('xox[pe]', '[A-Za-z0-9]{28,34}'),
    examples: {
      positives: [
        'xoxp-540557357211-765359903686-8748713332471-ab545977181974d18010603f88b8706c',
        {
          text: 'curl -H "Authorization: Bearer xoxp-806588271532-719669944232-1070635130247-0ce570ecd2a6acd936708bf0768fc5c0" https://slack.com/api/auth.test',
          secret: 'xoxp-806588271532-719669944232-1070635130247-0ce570ecd2a6acd936708bf0768fc5c0',
        },
        {
          text: 'https://files.slack.com/files-pri/T04MCQ-F04MA/image.png?t=xoxe-6715876250410-1712878860440-3975292846519-ced5157a32763138f3c287333753a03b',
          secret: 'xoxe-6715876250410-1712878860440-3975292846519-ced5157a32763138f3c287333753a03b',
        },
      ],
      negatives: [
        'xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d', // ids too short
        'xoxp-XXXXXXXXXX-XXXXXXXXXX-XXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'xoxp-540557357211-765359903686-8748713332471-####################',
      ],
    },
  },
  {
    // Token rotation and app configuration access tokens: base64url payload, checked by decoding.
    id: 'slack-config-access-token',
    name: 'Slack rotating or configuration access token',
    category: 'token',
    keywords: ['xoxe.xox', 'xoxp-1-', 'xoxb-1-'],
    pattern: tok(String.raw`(?:xoxe\.)?xox[bp]-1-[A-Za-z0-9_-]{100,240}`),
    validate: isRotated,
    examples: {
      positives: [
        'xoxe.xoxp-1-Mi0yLTUzNTgxMzk5OTA5Ny0xMjc2NzczNzc5MTctOTExMTc3MzA2NzYyOC00NTMzNTc2NDAwMDMyLWU0OTkwZjYxZTVkY2VlNDBjNDRlMmQyZTdiMzcxN2MyZDg3NmQ2NDJiNWU1NTRkMThiOTVmNjk2OGVjZmMzODA',
        {
          text: 'SLACK_CONFIG_TOKEN: xoxe.xoxb-1-Mi0yLTQ2MDgxMDc4NDg4OS05NTc1NjU0NzU4NjQtNTc4MTIyNDQ3NDMwMC0xNDY2NDc4MTUzNjgxLWQ3MjMxZjE5MWNmZWY3ODdjNDc0ZjBmZGIwMDM2OTU0NmJiNjY5MmQ5NjAyZWJiYTA3MGQxYjQ0YjE1YzRmYjg',
          secret:
            'xoxe.xoxb-1-Mi0yLTQ2MDgxMDc4NDg4OS05NTc1NjU0NzU4NjQtNTc4MTIyNDQ3NDMwMC0xNDY2NDc4MTUzNjgxLWQ3MjMxZjE5MWNmZWY3ODdjNDc0ZjBmZGIwMDM2OTU0NmJiNjY5MmQ5NjAyZWJiYTA3MGQxYjQ0YjE1YzRmYjg',
        },
      ],
      negatives: [
        // Decodes to prose, not to Slack's id-and-hex payload.
        'xoxe.xoxp-1-aGVsbG8gd29ybGQgdGhpcyBpcyBub3QgYSBzbGFjayB0b2tlbiBhdCBhbGwsIGp1c3QgdGV4dCB0aGF0IGlzIGxvbmcgZW5vdWdoIG9r',
        'xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere',
        'xoxe.xoxp-1-initial',
      ],
    },
  },
  {
    id: 'slack-config-refresh-token',
    name: 'Slack rotating or configuration refresh token',
    category: 'token',
    keywords: ['xoxe-1-'],
    pattern: tok(String.raw`xoxe-1-[A-Za-z0-9_-]{100,240}`),
    validate: isRotated,
    examples: {
      positives: [
        'xoxe-1-My0xLTIxOTYzNzE0MzAxOS03OTA2MDU5MjYzMjQ0LTE0ODExMDk1MDU0MzUtMDM5MzdjYTg4ZTI2ZTIwM2QzODdhYjAxNDdkZjhkZDVlNzM2YjM1NWQxZDhkNjNkYTQ4MzliMzhhOTQ2NTEzNQ',
        {
          text: '"refresh_token": "xoxe-1-My0xLTM1ODE4OTg2OTMxMi00NzA0NDMyODA4MTI2LTE0MjY2NzA5NzMyODktZDAyMGFlZjg2NzJmZjkxNzFiZDQyYzVlODQ3ODAxMjczYjdkYmE3MmU0ZjY4OGNhZmY1ZWZlZDU5ZWUwNWE1MA"',
          secret:
            'xoxe-1-My0xLTM1ODE4OTg2OTMxMi00NzA0NDMyODA4MTI2LTE0MjY2NzA5NzMyODktZDAyMGFlZjg2NzJmZjkxNzFiZDQyYzVlODQ3ODAxMjczYjdkYmE3MmU0ZjY4OGNhZmY1ZWZlZDU5ZWUwNWE1MA',
        },
      ],
      negatives: [
        'xoxe-1-xxx',
        'xoxe-1-aGVsbG8gd29ybGQgdGhpcyBpcyBub3QgYSBzbGFjayB0b2tlbiBhdCBhbGwsIGp1c3QgdGV4dCB0aGF0IGlzIGxvbmcgZW5vdWdoIG9r',
        'XOxE-RROAmw, Home and Garden, 5:24',
      ],
    },
  },
  {
    id: 'slack-app-token',
    name: 'Slack app-level token',
    category: 'token',
    keywords: ['xapp-'],
    pattern: tok(String.raw`xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,15}-[a-f0-9]{64}`),
    examples: {
      positives: [
        'xapp-1-ATLBAM9J5ME-7124970089453-89f1694da5182fc0490eae8803468a7e3e93f844a72517fdc35e447e295a12e4',
        {
          text: 'SLACK_APP_TOKEN=xapp-1-AU8NCUDFBUE-1589555664087-cdbaa75f6051e9bbf8527c0aeb539d3b4c24a7281d286b2660580e323259b506',
          secret:
            'xapp-1-AU8NCUDFBUE-1589555664087-cdbaa75f6051e9bbf8527c0aeb539d3b4c24a7281d286b2660580e323259b506',
        },
      ],
      negatives: [
        'xapp-1-ATLBAM9J5ME-7124970089453-89f1694da5182fc0490eae8803468a7e', // hex tail cut short
        'xapp-1-A0XXXXXXXXX-0000000000000-xxxxxxxxxxxxxxxx',
        'xapp-token-goes-here',
      ],
    },
  },
  {
    id: 'slack-workspace-token',
    name: 'Slack workspace app token (xoxa)',
    category: 'token',
    keywords: ['xoxa-'],
    pattern: numeric('xoxa', '[a-f0-9]{10,64}'),
    examples: {
      positives: [
        'xoxa-2-441952932940-926603848127-1417622915013-2065029ebb512252dd31ea1627594294',
        {
          text: 'workspace_token: xoxa-51755714869-75907613701-64548470262-6e0b6b2321c6b747185cfa16e5af653a',
          secret: 'xoxa-51755714869-75907613701-64548470262-6e0b6b2321c6b747185cfa16e5af653a',
        },
      ],
      negatives: [
        'https://github.com/xoxa-nyc/xoxa-nyc.github.io/blob/master/README.md',
        'xoxa-2-511111111-31111111111-3111111111111-e039d02840a0b9379c', // repeated digits
        'xoxa-2-441952932940-926603848127',
      ],
    },
  },
  {
    id: 'slack-refresh-token',
    name: 'Slack legacy refresh token (xoxr)',
    category: 'token',
    keywords: ['xoxr-'],
    pattern: numeric('xoxr', '[a-f0-9]{10,64}'),
    examples: {
      positives: [
        'xoxr-901176632564-812895773806-3725561729808-af86aa486a9dd4a35ece2a512cbacb6e',
        {
          text: '"refresh_token": "xoxr-67579928403-20780553188-802877743799-fcd54136752825769d1ee752f7029540fc97e04c37c157f82bd2a4bf0409c492"',
          secret:
            'xoxr-67579928403-20780553188-802877743799-fcd54136752825769d1ee752f7029540fc97e04c37c157f82bd2a4bf0409c492',
        },
      ],
      negatives: [
        'xoxr-833485595373?24619897332l',
        'xoxr-refresh-token',
        'xoxr-901176632564-812895773806-3725561729808-xxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'slack-session-token',
    name: 'Slack session token (xoxs)',
    category: 'token',
    keywords: ['xoxs-'],
    pattern: numeric('xoxs', '[a-f0-9]{10,64}'),
    examples: {
      positives: [
        'xoxs-134317044144-261821507492-797151710005-7c10460cf28ca78613a9e10d6989da033793cda91d00e84059fe81637bd1f57a',
        {
          text: '"access_token": "xoxs-7283843090-2116158696-6898634571-63bb48be15"',
          secret: 'xoxs-7283843090-2116158696-6898634571-63bb48be15',
        },
      ],
      negatives: [
        'xoxs-7283843090-2116158696-6898634571', // no hex tail
        'xoxs-7283843090-2116158696-6898634571-63bb48', // tail too short
        'xoxs-session-token',
      ],
    },
  },
  {
    id: 'slack-legacy-token',
    name: 'Slack legacy test token (xoxo)',
    category: 'token',
    keywords: ['xoxo-'],
    pattern: numeric('xoxo', '[a-f0-9]{10,64}'),
    examples: {
      positives: [
        'xoxo-5958263663-8731156222-8337593282-19a3eee9a6392cda6020a78a3c2bd236',
        {
          text: 'legacy_token = "xoxo-161194230018-609986314352-763737460634-bad02be977cbe264cf"',
          secret: 'xoxo-161194230018-609986314352-763737460634-bad02be977cbe264cf',
        },
      ],
      negatives: [
        'https://indieweb.org/images/3/35/2018-250-xoxo-indieweb-1.jpg',
        'EXO-XOXO-teaser-exo-k-34521098-720-516.jpg',
        'hugs and kisses xoxo-love',
      ],
    },
  },
  {
    // The token a logged-in browser session uses (localStorage); paired with the d cookie.
    id: 'slack-browser-token',
    name: 'Slack browser session token (xoxc)',
    category: 'token',
    keywords: ['xoxc-'],
    pattern: numeric('xoxc', '[a-f0-9]{64}'),
    examples: {
      positives: [
        'xoxc-387404400612-914928973377-4268028602366-238b4df3250ba2c14a1cd609d1e07904be6322e23d7e613058c74ea33fb92663',
        {
          text: 'SLACK_MCP_XOXC_TOKEN=xoxc-368693112067-587057892048-4594389286874-0ba66523925f6b1657de1d636c8b7072f88500ff1b51dbc89ce5685a4e0a595b',
          secret:
            'xoxc-368693112067-587057892048-4594389286874-0ba66523925f6b1657de1d636c8b7072f88500ff1b51dbc89ce5685a4e0a595b',
        },
      ],
      negatives: [
        'xoxc-tokengoeshere',
        'xoxc-387404400612-914928973377-4268028602366-238b4df3250ba2c14a1cd609d1e07904', // short tail
        'xoxc-...',
      ],
    },
  },
  {
    // The `d` session cookie value; it is URL-encoded base64 and must decode.
    id: 'slack-session-cookie',
    name: 'Slack session cookie (xoxd)',
    category: 'credentials',
    keywords: ['xoxd-'],
    pattern: String.raw`\b(xoxd-[A-Za-z0-9%/+=_-]{60,400})(?:$|[^A-Za-z0-9%/+=_-])`,
    validate: isCookie,
    examples: {
      positives: [
        'xoxd-n8vHnX6r90mx8bRSvje1YEUtfOf9y8NRoIBwXjx3fkV8sHuPifuFhyLJH2cdCyMiNnxAev%2BWnclIe%2FY9aEMjKcvvv9BFsYlpOoHVwqzlhs2a%2FnXgxTzgCszauEnLUj8xmhzY2IW2nysrTMlPwmo7PR9iTSmQan1MxRay4bjwJ6CNexGb',
        {
          text: "curl 'https://acme.slack.com/api/emoji.list' -b 'd=xoxd-T1BCdb0jX5WgcZKqDgRL4bV95pIBLntcQx93goC0SsyaXzwPJjLS2Q7aCWdnRNXUdJsnjub2ctu%2BXG2dpmmRdfSGI4fSTQ8q1RJo7WUHJo9DIVeWOC35Vn2ah%2FJlOwPNB9Unsm7Hx0lyiIuj%2BRhdQ%2FMeAXJ%2BKhai4wQCBjLyhtxJ2YmS; d-s=1700000000'",
          secret:
            'xoxd-T1BCdb0jX5WgcZKqDgRL4bV95pIBLntcQx93goC0SsyaXzwPJjLS2Q7aCWdnRNXUdJsnjub2ctu%2BXG2dpmmRdfSGI4fSTQ8q1RJo7WUHJo9DIVeWOC35Vn2ah%2FJlOwPNB9Unsm7Hx0lyiIuj%2BRhdQ%2FMeAXJ%2BKhai4wQCBjLyhtxJ2YmS',
        },
      ],
      negatives: [
        'd=xoxd-cookie-value',
        'xoxd-%ZZn8vHnX6r90mx8bRSvje1YEUtfOf9y8NRoIBwXjx3fkV8sHuPifuFhyLJH2cdCyMiNnxAev%2BWnclIe', // bad escape
        'placeholder="xoxd-..."',
      ],
    },
  },
  {
    id: 'slack-webhook-url',
    name: 'Slack incoming webhook URL',
    category: 'webhook',
    keywords: ['hooks.slack'],
    pattern: tok(String.raw`${HOOKS}/services/[TE][A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/[A-Za-z0-9]{24}`),
    examples: {
      positives: [
        'https://hooks.slack.com/services/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',
        {
          text: 'alertmanager:\n  slack_api_url: "https://hooks.slack.com/services/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"',
          secret:
            'https://hooks.slack.com/services/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',
        },
      ],
      negatives: [
        'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
        'https://hooks.slack.com/apps/TR8TQYNUVZW/B1I3PE8R9Z6/WKY8bMRQTDXBgaY6ixQL2mK1',
        'https://hooks.slack.com/services/TR8TQYNUVZW/B1I3PE8R9Z6/WKY8bMRQ', // secret cut short
      ],
    },
  },
  {
    id: 'slack-workflow-webhook-url',
    name: 'Slack Workflow Builder webhook URL',
    category: 'webhook',
    keywords: ['hooks.slack'],
    pattern: tok(
      String.raw`${HOOKS}/workflows/[TE][A-Z0-9]{6,12}/A[A-Z0-9]{6,12}/[0-9]{10,20}/[A-Za-z0-9]{24}`,
    ),
    examples: {
      positives: [
        'https://hooks.slack.com/workflows/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',
        {
          text: 'POST to https://hooks.slack.com/workflows/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 with {"text": "deploy done"}',
          secret:
            'https://hooks.slack.com/workflows/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',
        },
      ],
      negatives: [
        'https://hooks.slack.com/workflows/T00000000/A00000000/000000000000000000/xxxxxxxxxxxxxxxxxxxxxxxx',
        'https://hooks.slack.com/workflows/TKGXC096LSF/AFAZY3Q9XZB/541981600882916282',
        'https://hooks.slack.com/workflows/...',
      ],
    },
  },
  {
    id: 'slack-trigger-webhook-url',
    name: 'Slack workflow trigger webhook URL',
    category: 'webhook',
    keywords: ['hooks.slack'],
    pattern: tok(String.raw`${HOOKS}/triggers/[TE][A-Z0-9]{6,12}/[0-9]{10,20}/[a-f0-9]{32}`),
    examples: {
      positives: [
        'https://hooks.slack.com/triggers/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',
        {
          text: 'SLACK_TRIGGER_URL=https://hooks.slack.com/triggers/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',
          secret:
            'https://hooks.slack.com/triggers/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',
        },
      ],
      negatives: [
        'https://hooks.slack.com/triggers/T1/B2/C3',
        'https://hooks.slack.com/triggers/TX2MCK7J2L8/5889339900508/98bc997719f9', // cut short
        'https://hooks.slack.com/triggers/...',
      ],
    },
  },
]);

// Revoke or rotate: Slack API, method auth.revoke.
guidance('slack', {
  steps:
    "Revoke the token with the auth.revoke method, or regenerate it on the app's page at api.slack.com/apps (OAuth & Permissions, or App-Level Tokens); for a leaked webhook URL, remove that webhook from the app and create a new one. A session token or cookie (xoxc, xoxd) is ended by signing the user out of all sessions.",
  url: 'https://api.slack.com/methods/auth.revoke',
});
