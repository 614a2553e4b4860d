/**
 * `npm run bench`: this engine against secretlint's recommended preset on the same synthetic
 * Jira-like text, one scan per issue-sized unit, in one process, runs interleaved. Prints MiB/s
 * medians and the ratio. Not a test: figures vary with the machine and its load.
 *
 * Fairness: secretlint's core marks a profiler entry for every rule and source, and its
 * PerformanceObserver keeps them all (secretlint issue #1653), which makes it slower the longer it
 * runs. We turn that profiler into a no-op before measuring, as that fix does.
 *
 * Wall-clock medians are the headline; the process's CPU time per run (all its threads, GC
 * included) is printed beside them, as it moves much less when other processes share the machine.
 * @module
 */
import { lintSource } from '@secretlint/core';
import { secretLintProfiler } from '@secretlint/profiler';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import { AhoCorasick } from '@monyone/aho-corasick/fast';
import { parseArgs } from 'node:util';
import { DETECTORS } from '../src/detectors/index.js';
import { KeywordAutomaton } from '../src/engine/prefilter.js';
import { createScanner } from '../src/engine/scan.js';
import { syntheticJiraUnits } from './synthetic-jira.js';

const { values } = parseArgs({
  options: { mib: { type: 'string', default: '24' }, runs: { type: 'string', default: '5' } },
});
const totalMiB = Number(values.mib);
const runs = Number(values.runs);

secretLintProfiler.mark = () => undefined;

const units = syntheticJiraUnits({ totalBytes: totalMiB * 1024 * 1024 });
const bytes = units.reduce((n, u) => n + Buffer.byteLength(u, 'utf8'), 0);
const mib = bytes / 1024 / 1024;

const scanner = createScanner({
  detectors: DETECTORS,
  fingerprintKey: 'bench-fingerprint-key-0001',
  isEnabled: () => true,
});

// The default set (generic detectors off), as installed; reported beside the all-enabled figure.
const defaultScanner = createScanner({
  detectors: DETECTORS,
  fingerprintKey: 'bench-fingerprint-key-0001',
});

const config = {
  rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }],
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

interface Run {
  ms: number;
  /** CPU time of the whole process during the run. */
  cpu: number;
  findings: number;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function runEngine(s = scanner): Run {
  const t = performance.now();
  const c = cpuMs();
  let findings = 0;
  for (const u of units) findings += s.scan(u).findings.length;
  return { ms: performance.now() - t, cpu: cpuMs() - c, findings };
}

async function runSecretlint(): Promise<Run> {
  const t = performance.now();
  const c = cpuMs();
  let findings = 0;
  for (const u of units) {
    const r = await lintSource({
      source: { content: u, filePath: '/issue.txt', ext: '.txt', contentType: 'text' },
      options: { config, maskSecrets: true, noPhysicFilePath: true },
    });
    findings += r.messages.length;
  }
  return { ms: performance.now() - t, cpu: cpuMs() - c, findings };
}

function runPrefilters(): { ours: number; library: number; hits: [number, number] } {
  const keywords = [...new Set(DETECTORS.flatMap((d) => d.keywords))];
  const automaton = new KeywordAutomaton(keywords);
  const library = new AhoCorasick(keywords);
  let t = performance.now();
  let ourHits = 0;
  for (const u of units)
    automaton.scan(u, () => {
      ourHits++;
    });
  const ours = performance.now() - t;
  t = performance.now();
  let libraryHits = 0;
  for (const u of units) libraryHits += library.matchInText(u.toLowerCase()).length;
  return { ours, library: performance.now() - t, hits: [ourHits, libraryHits] };
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
/**
 * A full collection before each run, then a pause: the collector goes on sweeping in other
 * threads after gc() returns, and without the pause that work was billed to the next run's CPU
 * time (about 8 of the engine's 82 ms and 20 of secretlint's 395, measured 2026-12-06).
 */
async function settle(): Promise<void> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 150));
}
console.log(
  `bench: ${units.length} issue-sized units, ${mib.toFixed(1)} MiB UTF-8, ${runs} runs each, interleaved; ` +
    `engine: ${scanner.detectors.length} detectors (all enabled); secretlint: preset-recommend, profiler off`,
);
const ours: number[] = [];
const oursDefault: number[] = [];
const theirs: number[] = [];
const cpu = { ours: [] as number[], oursDefault: [] as number[], theirs: [] as number[] };
let oursFindings = 0;
let theirFindings = 0;
for (let i = 0; i < runs; i++) {
  await settle();
  const a = runEngine();
  await settle();
  const b = await runSecretlint();
  await settle();
  const d = runEngine(defaultScanner);
  oursDefault.push(d.ms);
  ours.push(a.ms);
  theirs.push(b.ms);
  cpu.ours.push(a.cpu);
  cpu.oursDefault.push(d.cpu);
  cpu.theirs.push(b.cpu);
  oursFindings = a.findings;
  theirFindings = b.findings;
  console.log(`  run ${i + 1}: engine ${a.ms.toFixed(0)} ms, secretlint ${b.ms.toFixed(0)} ms`);
}
const pre = runPrefilters();
const oursRate = mib / (median(ours) / 1000);
const theirRate = mib / (median(theirs) / 1000);
console.log('');
console.log(
  `engine      ${oursRate.toFixed(1).padStart(7)} MiB/s  (median ${median(ours).toFixed(0)} ms, ${oursFindings} findings)`,
);
console.log(
  `secretlint  ${theirRate.toFixed(1).padStart(7)} MiB/s  (median ${median(theirs).toFixed(0)} ms, ${theirFindings} findings)`,
);
console.log(
  `engine, default detectors (generic off) ${(mib / (median(oursDefault) / 1000)).toFixed(1)} MiB/s, ` +
    `ratio ${(mib / (median(oursDefault) / 1000) / theirRate).toFixed(1)} x`,
);
console.log(`ratio       ${(oursRate / theirRate).toFixed(1).padStart(7)} x`);
console.log(
  `by CPU time (medians): engine ${(median(cpu.theirs) / median(cpu.ours)).toFixed(1)} x secretlint, ` +
    `default detectors ${(median(cpu.theirs) / median(cpu.oursDefault)).toFixed(1)} x ` +
    `(engine ${median(cpu.ours).toFixed(0)} ms, default ${median(cpu.oursDefault).toFixed(0)} ms, secretlint ${median(cpu.theirs).toFixed(0)} ms)`,
);
console.log(
  `prefilter alone: own automaton ${(mib / (pre.ours / 1000)).toFixed(0)} MiB/s, ` +
    `@monyone/aho-corasick (fast) ${(mib / (pre.library / 1000)).toFixed(0)} MiB/s ` +
    `(one pass each; ${pre.hits[0]} and ${pre.hits[1]} keyword hits)`,
);
