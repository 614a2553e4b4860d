/**
 * Jira's timestamp format (`2024-01-01T03:00:00.000+0000`, always UTC here) and a strict parser
 * for it, so fixture dates and JQL comparisons never depend on `Date.parse` leniency.
 * @module
 */

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch ms of a Jira (or RFC 3339) timestamp, or undefined when it is not one. */
export function parseJiraTime(text: string): number | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, ms, zone] = m;
  const utc = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number((ms ?? '0').padEnd(3, '0')),
  );
  const check = new Date(utc);
  // Reject 2024-02-31 and friends instead of rolling them over.
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1) return undefined;
  if (zone === undefined || zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return utc - sign * offsetMin * 60_000;
}

const memo = new Map<string, number>();

/**
 * Epoch ms of a timestamp already validated (NaN otherwise), memoised: sorting and filtering read
 * the same timestamps over and over.
 */
export function timeOf(text: string): number {
  let t = memo.get(text);
  if (t === undefined) {
    t = parseJiraTime(text) ?? Number.NaN;
    if (memo.size >= 200_000) memo.clear();
    memo.set(text, t);
  }
  return t;
}

/** Orders two timestamps by instant (offsets may differ, so text order is not enough). */
export const compareTimes = (a: string, b: string): number => timeOf(a) - timeOf(b);

/** `2024-01-01T03:00:00.000+0000`: what Jira Cloud returns (in UTC). */
export function formatJiraTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Jira's duration text for worklogs with its default 8 h days and 5 d weeks: `1d 2h 30m`. */
export function formatDuration(seconds: number): string {
  const units: [string, number][] = [
    ['w', 5 * 8 * 3600],
    ['d', 8 * 3600],
    ['h', 3600],
    ['m', 60],
  ];
  let rest = Math.max(0, Math.round(seconds / 60) * 60);
  const parts: string[] = [];
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${name}`);
    rest -= n * size;
  }
  return parts.length > 0 ? parts.join(' ') : '0m';
}
