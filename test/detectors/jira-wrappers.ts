/**
 * Jira-shaped contexts a positive example must still be found in: where people actually paste
 * secrets (code blocks, tables, curl commands, JSON, YAML, log lines).
 */
export interface Wrapped {
  readonly name: string;
  readonly text: string;
  /** Where the (possibly escaped) example sits in `text`. */
  readonly start: number;
  readonly end: number;
  /** How the wrapper transforms a string (escaping), to locate the secret inside. */
  readonly encode: (s: string) => string;
}

const same = (s: string): string => s;
const jsonEscape = (s: string): string => JSON.stringify(s).slice(1, -1);

function wrap(name: string, before: string, inner: string, after: string, encode = same): Wrapped {
  return {
    name,
    text: before + inner + after,
    start: before.length,
    end: before.length + inner.length,
    encode,
  };
}

export function jiraWrappers(example: string): Wrapped[] {
  return [
    wrap('plain', '', example, ''),
    wrap(
      'prose',
      'Hi team, the deploy failed so I used ',
      example,
      ' to push it. Please rotate later 🙏.',
    ),
    wrap('code block', 'Steps to reproduce:\n```\n', example, '\n```\nThen run the job again.'),
    wrap('wiki code', '{code:bash}\n', example, '\n{code}'),
    wrap('table cell', '|| Env || Value ||\n| prod | ', example, ' |\n| staging | n/a |'),
    wrap(
      'curl header',
      'curl -sS -H "Authorization: Bearer ',
      example,
      '" https://api.internal.test/v1/items',
    ),
    wrap(
      'json',
      '{"service": "billing", "value": "',
      jsonEscape(example),
      '", "retries": 3}',
      jsonEscape,
    ),
    wrap('yaml', 'deploy:\n  env:\n    VALUE: ', example, '\n  replicas: 2\n'),
    wrap(
      'log line',
      '2026-11-26T10:00:00.123Z ERROR [worker-3] auth failed with ',
      example,
      ' (attempt 2/5)',
    ),
    wrap('cjk and emoji', '部署失败 🚀🔥 見てください: ', example, ' ✅ 完了'),
  ];
}
