/**
 * `npm run eval`: scores the engine (default detectors: generic ones off) on the labelled public
 * corpus in ../shared/corpus. Recall per provider and overall on the providers our detector
 * families cover; false positives on `kind=format` and `kind=context` negatives separately; every
 * miss and every false positive listed. The corpus is read at run time, never copied.
 *
 *   npm run eval [-- --corpus DIR] [--provider NAME] [--quiet]
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DETECTORS } from '../src/detectors/index.js';
import { redact } from '../src/engine/redact.js';
import { createScanner } from '../src/engine/scan.js';

interface Positive {
  id: string;
  provider: string;
  rule: string;
  text: string;
  secrets: string[];
}
interface Negative {
  id: string;
  provider: string;
  rule: string;
  text: string;
  kind: 'format' | 'context';
}

/** Corpus provider names for family files whose name differs. */
const PROVIDERS_OF_FAMILY: Record<string, readonly string[]> = {
  'private-key': ['privatekey'],
  'connection-string': [
    'postgres',
    'mongodb',
    'jdbc',
    'redis',
    'rabbitmq',
    'ftp',
    'sqlserver',
    'ldap',
  ],
  'basic-auth-url': ['uri'],
  sonarqube: ['sonar'],
  fly: ['flyio'],
  'microsoft-teams': ['microsoftteams'],
  nvidia: ['nvapi', 'ngc'],
  checkly: ['checklyhq'],
  railway: ['railwayapp'],
  generic: [],
};

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: join('..', 'shared', 'corpus') },
    provider: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

const dir = values.corpus;
const positives = readJsonl<Positive>(join(dir, 'positives.jsonl'));
const negatives = readJsonl<Negative>(join(dir, 'negatives.jsonl'));
const families = [...new Set(DETECTORS.map((d) => d.family))];
const covered = new Set(families.flatMap((f) => PROVIDERS_OF_FAMILY[f] ?? [f.replace(/-/g, '')]));
const scanner = createScanner({
  detectors: DETECTORS,
  fingerprintKey: 'eval-fingerprint-key-0001',
});
const only = values.provider;

// Recall: a positive is found when any finding overlaps any occurrence of any of its secrets.
const perProvider = new Map<string, { found: number; total: number }>();
const misses: Positive[] = [];
for (const p of positives) {
  if (!covered.has(p.provider) || (only && p.provider !== only)) continue;
  const { findings } = scanner.scan(p.text);
  const spans: [number, number][] = [];
  for (const s of p.secrets) {
    for (let i = p.text.indexOf(s); i >= 0; i = p.text.indexOf(s, i + 1))
      spans.push([i, i + s.length]);
  }
  const found = findings.some((f) => spans.some(([a, b]) => f.start < b && a < f.end));
  const row = perProvider.get(p.provider) ?? { found: 0, total: 0 };
  row.total++;
  if (found) row.found++;
  else misses.push(p);
  perProvider.set(p.provider, row);
}

// False positives: anything reported on a negative.
const fp = { format: { hit: 0, total: 0 }, context: { hit: 0, total: 0 } };
const falsePositives: { n: Negative; detectors: string[] }[] = [];
for (const n of negatives) {
  if (only && n.provider !== only) continue;
  const { findings } = scanner.scan(n.text);
  const bucket = fp[n.kind];
  bucket.total++;
  if (findings.length) {
    bucket.hit++;
    falsePositives.push({ n, detectors: [...new Set(findings.map((f) => f.detector))] });
  }
}

const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(1) : '-') + '%';
const totals = [...perProvider.values()].reduce(
  (t, r) => ({ found: t.found + r.found, total: t.total + r.total }),
  { found: 0, total: 0 },
);
console.log(`corpus ${dir}: ${positives.length} positives, ${negatives.length} negatives`);
console.log(
  `engine: ${scanner.detectors.length} detectors enabled by default, ${families.length} families; ` +
    `providers covered: ${covered.size} (with positives in the corpus: ${perProvider.size})`,
);
console.log('');
console.log('provider'.padEnd(22) + 'found/total  recall');
for (const [name, r] of [...perProvider].sort(
  (a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]),
)) {
  console.log(
    `${name.padEnd(22)}${`${r.found}/${r.total}`.padStart(11)}  ${pct(r.found, r.total).padStart(6)}`,
  );
}
console.log('');
console.log(
  `recall on covered providers: ${totals.found}/${totals.total} = ${pct(totals.found, totals.total)}`,
);
console.log(
  `false positives, kind=format:  ${fp.format.hit}/${fp.format.total} = ${pct(fp.format.hit, fp.format.total)}`,
);
console.log(
  `false positives, kind=context: ${fp.context.hit}/${fp.context.total} = ${pct(fp.context.hit, fp.context.total)}`,
);
if (!values.quiet) {
  console.log('');
  console.log(`misses (${misses.length}): id, rule, secret preview`);
  for (const m of misses) {
    console.log(`  ${m.id}  [${m.rule}]  ${m.secrets.map((s) => redact(s)).join(', ')}`);
  }
  console.log('');
  console.log(`false positives (${falsePositives.length}): id, kind, detectors`);
  for (const { n, detectors } of falsePositives)
    console.log(`  ${n.id}  ${n.kind}  ${detectors.join(',')}`);
}
