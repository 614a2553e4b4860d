/**
 * The site generator's command line (main.ts runs it):
 *   node dist/dev/site-gen/main.js --issues N --out FILE [--seed S] [--projects P] [--truth FILE]
 * Writes a site fixture and its truth file (default: FILE with `.json` replaced by `.truth.json`).
 * @module
 */
import { parseArgs } from 'node:util';
import { streamSite } from './generate.js';
import { writeSite } from './write.js';

const USAGE =
  'usage: site-gen --issues N --out FILE [--seed S] [--projects P] [--truth FILE]\n' +
  '  --issues N    number of issues (integer >= 0)\n' +
  '  --out FILE    where to write the site fixture (JSON)\n' +
  '  --seed S      PRNG seed (default 1): the same seed gives the same site\n' +
  '  --projects P  number of projects (default: 3, one more per 1,500 issues, at most 12)\n' +
  '  --truth FILE  where to write the truth (default: FILE with .json -> .truth.json)';

export interface CliArgs {
  readonly issues: number;
  readonly out: string;
  readonly seed: string;
  readonly truth: string;
  readonly projects?: number;
}

/** The default truth path for a fixture path. */
export const truthPathFor = (out: string): string =>
  out.endsWith('.json') ? `${out.slice(0, -'.json'.length)}.truth.json` : `${out}.truth.json`;

const count = (name: string, v: string, min: number): number => {
  if (!/^\d+$/.test(v) || Number(v) < min || !Number.isSafeInteger(Number(v))) {
    throw new Error(`--${name} must be an integer >= ${min}, got ${JSON.stringify(v)}`);
  }
  return Number(v);
};

/** Parses the command line; throws an Error whose message says what is wrong. */
export function parseCli(argv: readonly string[]): CliArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      issues: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      truth: { type: 'string' },
      projects: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return 'help';
  if (positionals.length > 0)
    throw new Error(`unexpected argument ${JSON.stringify(positionals[0])}`);
  if (values.issues === undefined) throw new Error('--issues is required');
  if (!values.out) throw new Error('--out is required');
  const issues = count('issues', values.issues, 0);
  const seed = values.seed ?? '1';
  if (seed === '') throw new Error('--seed must not be empty');
  const truth = values.truth ?? truthPathFor(values.out);
  if (truth === values.out) throw new Error('--truth must differ from --out');
  const base = { issues, out: values.out, seed, truth };
  return values.projects === undefined
    ? base
    : { ...base, projects: count('projects', values.projects, 1) };
}

/** Runs the CLI; returns the exit code (2: bad arguments). */
export async function run(argv: readonly string[]): Promise<number> {
  let args: CliArgs | 'help';
  try {
    args = parseCli(argv);
  } catch (e) {
    console.error(`site-gen: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  const started = Date.now();
  const site = streamSite(
    args.projects === undefined
      ? { issues: args.issues, seed: args.seed }
      : { issues: args.issues, seed: args.seed, projects: args.projects },
  );
  const r = await writeSite(site, args.out, args.truth);
  const planted = site.truth.planted;
  const distinct = new Set(planted.map((p) => p.secret)).size;
  console.error(
    `site-gen: ${r.issues} issues, ${site.header.projects.length} projects, ` +
      `${planted.length} planted occurrences of ${distinct} secrets (seed ${args.seed}) -> ` +
      `${args.out} (${(r.bytes / 1e6).toFixed(1)} MB), truth -> ${args.truth} ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
  return 0;
}
