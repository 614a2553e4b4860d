/**
 * Filler text that reads like a ticket and triggers no detector (the tests scan a large sample of
 * it): plain words, no digits next to letters, no provider names, no assignments.
 * @module
 */
import type { Rng } from './prng.js';

const WORDS = [
  'the',
  'the',
  'the',
  'a',
  'and',
  'and',
  'to',
  'of',
  'in',
  'on',
  'for',
  'with',
  'after',
  'before',
  'when',
  'while',
  'because',
  'again',
  'still',
  'now',
  'then',
  'also',
  'only',
  'from',
  'into',
  'deploy',
  'rollback',
  'release',
  'build',
  'pipeline',
  'review',
  'merge',
  'branch',
  'ticket',
  'sprint',
  'backlog',
  'estimate',
  'customer',
  'invoice',
  'billing',
  'checkout',
  'cart',
  'order',
  'orders',
  'payment',
  'refund',
  'report',
  'dashboard',
  'chart',
  'latency',
  'timeout',
  'retry',
  'queue',
  'consumer',
  'producer',
  'worker',
  'node',
  'cluster',
  'cache',
  'database',
  'index',
  'query',
  'schema',
  'migration',
  'service',
  'gateway',
  'endpoint',
  'request',
  'response',
  'page',
  'button',
  'form',
  'layout',
  'mobile',
  'browser',
  'screen',
  'alert',
  'incident',
  'outage',
  'drift',
  'config',
  'setting',
  'feature',
  'flag',
  'rollout',
  'canary',
  'staging',
  'production',
  'failed',
  'fixed',
  'restarted',
  'reported',
  'acknowledged',
  'escalated',
  'resolved',
  'blocked',
  'slow',
  'stale',
  'missing',
  'broken',
  'flaky',
  'intermittent',
  'expected',
  'unexpected',
  'team',
  'owner',
  'support',
  'design',
  'copy',
  'translation',
  'label',
  'spacing',
  'colour',
  'root',
  'cause',
  'acceptance',
  'criteria',
  'follow',
  'up',
  'handover',
  'weekend',
  'morning',
  'nightly',
  'weekly',
  'monthly',
  'quarterly',
  'audit',
  'compliance',
  'export',
  'import',
  'upload',
  'download',
  'search',
  'filter',
  'sort',
  'scroll',
  'render',
  'crash',
  'memory',
  'disk',
  'network',
  'region',
  'replica',
  'shard',
  'batch',
  'job',
  'schedule',
  'window',
  'freeze',
  'hotfix',
  'patch',
];

const CAPS = ['Checked', 'Looks', 'Seen', 'Noticed', 'Confirmed', 'Reproduced', 'Please', 'We'];

function words(rng: Rng, min: number, max: number): string[] {
  const n = rng.between(min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(WORDS));
  return out;
}

/** A short title without a final period. */
export function title(rng: Rng): string {
  const w = words(rng, 4, 9);
  const first = w[0] ?? 'issue';
  w[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return w.join(' ');
}

export function sentence(rng: Rng): string {
  return `${rng.pick(CAPS)} ${words(rng, 5, 15).join(' ')}.`;
}

export function paragraph(rng: Rng, min = 1, max = 4): string {
  const n = rng.between(min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sentence(rng));
  return out.join(' ');
}

/** Log-like lines for code blocks and text attachments. */
export function logLines(rng: Rng, n: number): string[] {
  const levels = ['INFO', 'INFO', 'INFO', 'WARN', 'ERROR', 'DEBUG'];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const h = String(rng.int(24)).padStart(2, '0');
    const m = String(rng.int(60)).padStart(2, '0');
    const s = String(rng.int(60)).padStart(2, '0');
    out.push(
      `${h}:${m}:${s} ${rng.pick(levels)} [${rng.pick(['worker', 'api', 'sched', 'web'])}] ${words(rng, 3, 8).join(' ')}`,
    );
  }
  return out;
}

/** Shell-ish lines for code blocks. */
export function shellLines(rng: Rng): string[] {
  const ns = rng.pick(['orders', 'billing', 'search', 'checkout', 'reports']);
  return rng.pick([
    [`$ kubectl get pods -n ${ns}`, 'NAME READY STATUS', `${ns}-web 1/1 Running`],
    [`$ kubectl rollout restart deploy/${ns} -n ${ns}`, `deployment.apps/${ns} restarted`],
    ['$ git log --oneline -n 3', 'merge branch release into main', 'fix retry on timeout'],
    [`$ make build`, 'compiling service', 'build finished'],
  ]);
}

/** `.env` style lines that hold no secret. */
export function envLines(rng: Rng): string[] {
  return [
    `APP_ENV=${rng.pick(['production', 'staging'])}`,
    `LOG_LEVEL=${rng.pick(['info', 'debug', 'warn'])}`,
    `WORKERS=${rng.between(2, 16)}`,
    `REGION=${rng.pick(['eu-west', 'us-east', 'ap-south'])}`,
  ];
}
