/**
 * Deterministic Jira-like text for benchmarks: issue-sized units of prose, stack traces, JSON,
 * YAML, log lines, URLs, hashes, base64 blobs, CJK and emoji, with a few planted credentials.
 * Same seed, same text: runs and machines compare like with like.
 * @module
 */
import { seededRandom } from '../dev/site-gen/prng.js';

const WORDS = (
  'the a to of and in is for on that with as it be this are was deploy build release customer ' +
  'ticket sprint backlog service request response error timeout retry cache database migration ' +
  'user account login session token password secret key config environment staging production ' +
  'api endpoint latency cluster node pod container image registry pipeline job runner branch merge ' +
  'review approve rollback incident alert dashboard metric log trace queue worker cron schedule ' +
  'invoice payment webhook integration slack github jira confluence aws azure google bucket ' +
  'upload download report export import field value null undefined true false version patch'
).split(' ');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const B64 = ALNUM + '+/';
const CJK = [
  '部署失败',
  '請確認',
  'ログを見てください',
  '데이터베이스',
  'タイムアウト',
  '修复完成',
];
const EMOJI = ['🚀', '🔥', '✅', '❌', '🙏', '👀', '🐛', '📎'];

export interface SyntheticOptions {
  readonly totalBytes: number;
  readonly seed?: number;
  /** Share of units that get one planted credential. Default: 0.05. */
  readonly secretRate?: number;
}

export function syntheticJiraUnits(opts: SyntheticOptions): string[] {
  const rnd = seededRandom(opts.seed ?? 20261126);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const str = (alphabet: string, n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet.charAt(Math.floor(rnd() * alphabet.length));
    return s;
  };
  const sentence = (): string => {
    const n = 6 + Math.floor(rnd() * 14);
    const w: string[] = [];
    for (let i = 0; i < n; i++) w.push(pick(WORDS));
    if (rnd() < 0.05) w.push(pick(CJK));
    if (rnd() < 0.08) w.push(pick(EMOJI));
    const s = w.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };
  const blocks: (() => string)[] = [
    () => Array.from({ length: 2 + Math.floor(rnd() * 5) }, sentence).join(' '),
    () =>
      `Exception in thread "main" java.lang.IllegalStateException: ${sentence()}\n` +
      Array.from(
        { length: 4 + Math.floor(rnd() * 8) },
        () =>
          `\tat com.acme.${pick(WORDS)}.${pick(WORDS)}Service.handle(${pick(WORDS)}.java:${Math.floor(rnd() * 900)})`,
      ).join('\n'),
    () =>
      `{code:json}\n{"id": "${str(HEX, 8)}-${str(HEX, 4)}-${str(HEX, 4)}-${str(HEX, 12)}", "status": "${pick(WORDS)}", ` +
      `"retries": ${Math.floor(rnd() * 9)}, "checksum": "${str(HEX, 40)}", "url": "https://${pick(WORDS)}.acme.internal/v2/${pick(WORDS)}?page=${Math.floor(rnd() * 50)}"}\n{code}`,
    () =>
      `config:\n  service: ${pick(WORDS)}\n  replicas: ${1 + Math.floor(rnd() * 9)}\n  image: registry.acme.internal/${pick(WORDS)}:${str(HEX, 7)}\n  timeout_seconds: ${Math.floor(rnd() * 120)}`,
    () =>
      Array.from(
        { length: 3 + Math.floor(rnd() * 10) },
        () =>
          `2026-11-${10 + Math.floor(rnd() * 18)}T${10 + Math.floor(rnd() * 13)}:0${Math.floor(rnd() * 9)}:00.${str('0123456789', 3)}Z ${pick(['INFO', 'WARN', 'ERROR', 'DEBUG'])} [${pick(WORDS)}-${Math.floor(rnd() * 9)}] ${sentence()} request_id=${str(HEX, 16)}`,
      ).join('\n'),
    () =>
      `|| Field || Value ||\n| ${pick(WORDS)} | ${str(ALNUM, 12)} |\n| ${pick(WORDS)} | ${sentence()} |`,
    () => `Screenshot data: ${str(B64, 200 + Math.floor(rnd() * 800))}==`,
    () =>
      `See commit ${str(HEX, 40)} and PR #${Math.floor(rnd() * 5000)} (${pick(EMOJI)} reviewed by [~accountid:${str(HEX, 24)}])`,
  ];
  const planted: (() => string)[] = [
    () => `export AWS_ACCESS_KEY_ID=AKIA${str('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
    () =>
      `SLACK_WEBHOOK=https://hooks.slack.com/services/T${str(ALNUM.slice(0, 36), 10)}/B${str(ALNUM.slice(0, 36), 10)}/${str(ALNUM, 24)}`,
    () => `DATABASE_URL=postgres://app:${str(ALNUM, 18)}@db.acme.internal:5432/app`,
    () => `stripe key sk_live_${str(ALNUM, 32)}`,
    () => `curl -H "Authorization: Bearer sk-ant-api03-${str(ALNUM + '-_', 93)}AA"`,
  ];
  const units: string[] = [];
  let total = 0;
  const secretRate = opts.secretRate ?? 0.05;
  while (total < opts.totalBytes) {
    // Issue-sized: mostly 1-8 KB, a tail up to ~32 KB.
    const target = Math.floor(512 + Math.pow(rnd(), 3) * 32768);
    const parts: string[] = [
      `${pick(WORDS).toUpperCase()}-${Math.floor(rnd() * 9999)}: ${sentence()}`,
    ];
    let len = parts[0]?.length ?? 0;
    while (len < target) {
      const b = pick(blocks)();
      parts.push(b);
      len += b.length + 2;
    }
    if (rnd() < secretRate)
      parts.splice(1 + Math.floor(rnd() * (parts.length - 1)), 0, pick(planted)());
    const unit = parts.join('\n\n');
    units.push(unit);
    total += unit.length;
  }
  return units;
}
