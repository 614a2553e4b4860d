/**
 * `jira-secret-scanner`: the command line over the same engine the Forge app runs.
 *   detectors [--format json|text]
 *   scan [FILE...] [--format text|json|sarif] [--input-format jsonl --format jsonl] ...
 * Site options (scan-site reads JIRA_SITE, JIRA_EMAIL and JIRA_API_TOKEN from the environment too):
  --projects KEY[,KEY]             only these projects (default: every project the account sees)
  --since DATE                     only issues updated since DATE (incremental; project docs always)
  --state FILE                     save progress after every page; run again to resume
  --format text|json|sarif         json: {"incidents": [...], "stats": {...}} (default: text)

Exit codes: 0 nothing found, 1 secrets found, 2 usage error or some input could not be read.
 * @module
 */
import { createReadStream, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { adfToText } from '../content/adf-text.js';
import { DETECTORS } from '../detectors/index.js';
import { remediationFor } from '../detectors/remediation.js';
import { checkerFor, type ValidityFetch, type ValiditySession } from '../validity/index.js';
import { cliValiditySession, networkValidityFetch, validityFields } from './validity.js';
import { compileCustomDetector, type CustomDetector } from '../engine/custom-detector.js';
import { LineIndex } from '../engine/lines.js';
import { createScanner, type Scanner } from '../engine/scan.js';
import type { Finding } from '../engine/types.js';
import { resolveFingerprintKey } from './fingerprint-key.js';
import { siteCommand, type FixtureSite } from './site-command.js';
import { toSarif, type SarifInput } from './sarif.js';

export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env?: NodeJS.ProcessEnv;
  /** The network, for scan-site (tests inject one). Default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** The Jira simulator for scan-fixture: dev tooling, plugged in by `npm run scan-fixture`. */
  readonly fixtureSite?: FixtureSite;
  /** Egress of `--check-validity` (tests and dev tooling: the provider simulator). */
  readonly validityFetch?: ValidityFetch;
}

const EXIT_CLEAN = 0;
const EXIT_FOUND = 1;
const EXIT_ERROR = 2;

const USAGE = `Usage:
  jira-secret-scanner detectors [--format json|text]
  jira-secret-scanner scan [FILE...] [options]      (reads stdin when no FILE)
  jira-secret-scanner scan-site --site URL --email E --token T [site options] [detector options]
  npm run scan-fixture -- FILE [site options] [detector options]   (in a clone: dev tooling)

Scan options:
  --format text|json|sarif|jsonl   output format (default: text; jsonl with --input-format jsonl)
  --input-format text|jsonl        jsonl: one {"id", "text"} or {"id", "adf"} object per line
  --enable ID[,ID]                 also run these detectors (e.g. generic-password)
  --disable ID[,ID]                do not run these detectors
  --all-detectors                  run every detector, generic ones included
  --custom "NAME=RE2 PATTERN"      add a custom detector (repeatable)
  --fingerprint-key KEY            key for fingerprints (default: a per-machine key)
  --check-validity                 send each secret once to its issuer's documented read-only
                                   endpoint and report valid / invalid / failed_to_check (off by
                                   default; see the README's "Validity checks" for the hosts)

Site options (scan-site reads JIRA_SITE, JIRA_EMAIL and JIRA_API_TOKEN from the environment too):
  --projects KEY[,KEY]             only these projects (default: every project the account sees)
  --since DATE                     only issues updated since DATE (incremental; project docs always)
  --state FILE                     save progress after every page; run again to resume
  --format text|json|sarif         json: {"incidents": [...], "stats": {...}} (default: text)

Exit codes: 0 nothing found, 1 secrets found, 2 usage error or unreadable/malformed input.`;

function version(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'jira-secret-scanner' && pkg.version) return pkg.version;
    } catch {
      // keep walking up
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}

function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', resolve);
  });
}

function list(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const err = (msg: string): Promise<void> => write(io.stderr, `jira-secret-scanner: ${msg}\n`);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'input-format': { type: 'string' },
        enable: { type: 'string', multiple: true },
        disable: { type: 'string', multiple: true },
        'all-detectors': { type: 'boolean' },
        custom: { type: 'string', multiple: true },
        'fingerprint-key': { type: 'string' },
        'check-validity': { type: 'boolean' },
        site: { type: 'string' },
        email: { type: 'string' },
        token: { type: 'string' },
        projects: { type: 'string', multiple: true },
        since: { type: 'string' },
        state: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    await err(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return EXIT_ERROR;
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  if (values.version) {
    await write(io.stdout, `${version()}\n`);
    return EXIT_CLEAN;
  }
  if (values.help || command === undefined || command === 'help') {
    await write(command === undefined && !values.help ? io.stderr : io.stdout, `${USAGE}\n`);
    return command === undefined && !values.help ? EXIT_ERROR : EXIT_CLEAN;
  }

  if (command === 'detectors') {
    const format = values.format ?? 'text';
    if (format === 'json') {
      const out = DETECTORS.map((d) => {
        const checker = checkerFor(d.id);
        return {
          id: d.id,
          name: d.name,
          family: d.family,
          keywords: d.keywords,
          enabledByDefault: d.enabledByDefault !== false,
          // How to revoke or rotate its secrets, with the provider's page (src/detectors/guidance.ts).
          remediation: remediationFor(d.family) ?? null,
          // The host a live check of this detector's secrets goes to (absent: no checker).
          ...(checker ? { validityCheck: { host: checker.host } } : {}),
        };
      });
      await write(io.stdout, `${JSON.stringify(out, null, 2)}\n`);
      return EXIT_CLEAN;
    }
    if (format !== 'text') {
      await err(`unknown --format ${JSON.stringify(format)} for detectors (json or text)`);
      return EXIT_ERROR;
    }
    const lines = DETECTORS.map(
      (d) => `${d.id.padEnd(44)} ${d.enabledByDefault === false ? 'off' : 'on '}  ${d.name}`,
    );
    await write(io.stdout, `${lines.join('\n')}\n${DETECTORS.length} detectors\n`);
    return EXIT_CLEAN;
  }

  const siteOnly = (['site', 'email', 'token', 'projects', 'since', 'state'] as const).filter(
    (k) => values[k] !== undefined,
  );
  const isSite = command === 'scan-site' || command === 'scan-fixture';
  if (!isSite && siteOnly.length > 0 && command === 'scan') {
    await err(`--${siteOnly[0] ?? ''} goes with scan-site or scan-fixture`);
    return EXIT_ERROR;
  }
  if (command !== 'scan' && !isSite) {
    await err(`unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
    return EXIT_ERROR;
  }

  const inputFormat = values['input-format'] ?? 'text';
  const format = values.format ?? (inputFormat === 'jsonl' ? 'jsonl' : 'text');
  if (!['text', 'jsonl'].includes(inputFormat)) {
    await err(`unknown --input-format ${JSON.stringify(inputFormat)} (text or jsonl)`);
    return EXIT_ERROR;
  }
  if (!['text', 'json', 'sarif', 'jsonl'].includes(format)) {
    await err(`unknown --format ${JSON.stringify(format)} (text, json, sarif or jsonl)`);
    return EXIT_ERROR;
  }
  if (format === 'jsonl' && inputFormat !== 'jsonl') {
    await err('--format jsonl goes with --input-format jsonl');
    return EXIT_ERROR;
  }

  const known = new Set(DETECTORS.map((d) => d.id));
  const enable = new Set(list(values.enable));
  const disable = new Set(list(values.disable));
  for (const id of [...enable, ...disable]) {
    if (!known.has(id)) {
      await err(`unknown detector ${JSON.stringify(id)} (see: jira-secret-scanner detectors)`);
      return EXIT_ERROR;
    }
  }
  const customs: CustomDetector[] = [];
  for (const spec of values.custom ?? []) {
    const eq = spec.indexOf('=');
    const result =
      eq > 0
        ? compileCustomDetector({ name: spec.slice(0, eq), pattern: spec.slice(eq + 1) })
        : ({ ok: false, error: 'expected NAME=PATTERN' } as const);
    if (!result.ok) {
      await err(
        `--custom ${JSON.stringify(spec.slice(0, Math.max(eq, 0)) || spec)}: ${result.error}`,
      );
      return EXIT_ERROR;
    }
    customs.push(result.detector);
  }
  const all = values['all-detectors'] === true;
  const key = resolveFingerprintKey(values['fingerprint-key'], io.env ?? process.env).key;
  const validity =
    values['check-validity'] === true
      ? cliValiditySession(io.validityFetch ?? networkValidityFetch, key)
      : undefined;
  const scanner = createScanner({
    detectors: DETECTORS,
    customDetectors: customs,
    fingerprintKey: key,
    isEnabled: (d) =>
      !disable.has(d.id) && (all || enable.has(d.id) || d.enabledByDefault !== false),
  });

  if (isSite) {
    if (command === 'scan-site' && files.length > 0) {
      await err(`scan-site takes no FILE (got ${files.join(' ')})`);
      return EXIT_ERROR;
    }
    if (command === 'scan-fixture' && files.length !== 1) {
      await err('scan-fixture takes exactly one FILE');
      return EXIT_ERROR;
    }
    return siteCommand(
      {
        command,
        ...(files[0] ? { fixture: files[0] } : {}),
        ...(values.site ? { site: values.site } : {}),
        ...(values.email ? { email: values.email } : {}),
        ...(values.token ? { token: values.token } : {}),
        projects: list(values.projects),
        ...(values.since ? { since: values.since } : {}),
        ...(values.state ? { state: values.state } : {}),
        format: values.format ?? 'text',
        version: version(),
        ...(validity ? { validity } : {}),
      },
      scanner,
      {
        stdout: io.stdout,
        stderr: io.stderr,
        env: io.env ?? process.env,
        ...(io.fetch ? { fetch: io.fetch } : {}),
        ...(io.fixtureSite ? { fixtureSite: io.fixtureSite } : {}),
      },
    );
  }
  if (inputFormat === 'jsonl') return scanJsonl(scanner, files, format, io, err, validity);
  return scanTexts(scanner, files, format, io, err, validity);
}

async function scanTexts(
  scanner: Scanner,
  files: readonly string[],
  format: string,
  io: CliIo,
  err: (m: string) => Promise<void>,
  validity?: ValiditySession,
): Promise<number> {
  const sources = files.length ? files : ['-'];
  const results: SarifInput[] = [];
  let failed = false;
  for (const file of sources) {
    let text: string;
    try {
      text = file === '-' ? await readStream(io.stdin) : await readFile(file, 'utf8');
    } catch (e) {
      await err(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      failed = true;
      continue;
    }
    const { findings, skips } = scanner.scan(text, validity?.onSecret);
    for (const s of skips) await err(`${file}: ${s.detector}: ${s.reason}`);
    const lines = new LineIndex(text);
    results.push({
      uri: file === '-' ? 'stdin' : file,
      findings,
      ends: findings.map((f) => lines.position(f.end)),
    });
  }
  const total = results.reduce((n, r) => n + r.findings.length, 0);
  // With --check-validity, every finding's check has been under way since the scan found it.
  const checked = validity
    ? await Promise.all(
        results.map((r) => Promise.all(r.findings.map((f) => validityFields(validity, f)))),
      )
    : undefined;
  if (format === 'json') {
    const out = results.flatMap((r, i) =>
      r.findings.map((f, j) => ({ source: r.uri, ...f, ...checked?.[i]?.[j] })),
    );
    await write(io.stdout, `${JSON.stringify(out, null, 2)}\n`);
  } else if (format === 'sarif') {
    await write(
      io.stdout,
      `${JSON.stringify(
        toSarif(
          version(),
          scanner.detectors,
          results.map((r, i) => (checked?.[i] ? { ...r, validity: checked[i] } : r)),
        ),
        null,
        2,
      )}\n`,
    );
  } else {
    for (const [i, r] of results.entries()) {
      for (const [j, f] of r.findings.entries()) {
        const v = checked?.[i]?.[j];
        await write(
          io.stdout,
          `${r.uri}:${f.line}:${f.column}  ${f.severity.padEnd(8)} ${f.detector}  ${f.redacted}${findingNotes(f)}${v ? `  [${v.validity}]` : ''}\n`,
        );
      }
    }
    await write(
      io.stderr,
      `${total} finding${total === 1 ? '' : 's'} in ${results.length} input${results.length === 1 ? '' : 's'}\n`,
    );
  }
  if (failed) return EXIT_ERROR;
  return total > 0 ? EXIT_FOUND : EXIT_CLEAN;
}

function jsonlFinding(f: Finding): object {
  return {
    detector: f.detector,
    start: f.start,
    end: f.end,
    line: f.line,
    column: f.column,
    redacted: f.redacted,
    fingerprint: f.fingerprint,
    ...(f.encoding ? { encoding: f.encoding } : {}),
    ...(f.partner ? { partner: f.partner } : {}),
  };
}

/** What the text format adds after a finding: how it was encoded, and its partner (masked). */
function findingNotes(f: Finding): string {
  const decoded = f.encoding ? `  (decoded: ${f.encoding.join(' > ')})` : '';
  const partner = f.partner ? `  (with ${f.partner.name} ${f.partner.redacted})` : '';
  return decoded + partner;
}

/** Parses one jsonl line into an id and the text to scan, or an error message. */
export function parseJsonlLine(
  line: string,
): { id: string; text: string } | { id: string | null; error: string } {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return { id: null, error: 'not valid JSON' };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return { id: null, error: 'not a JSON object' };
  const o = v as Record<string, unknown>;
  if (typeof o.id !== 'string') return { id: null, error: '"id" must be a string' };
  if (typeof o.text === 'string') return { id: o.id, text: o.text };
  if ('adf' in o) {
    const adf = adfToText(o.adf);
    if (adf.skipped.length && adf.text === '')
      return { id: o.id, error: `"adf": ${adf.skipped[0]?.reason ?? 'unreadable'}` };
    return { id: o.id, text: adf.text };
  }
  return { id: o.id, error: 'needs a string "text" or an "adf" document' };
}

async function scanJsonl(
  scanner: Scanner,
  files: readonly string[],
  format: string,
  io: CliIo,
  err: (m: string) => Promise<void>,
  validity?: ValiditySession,
): Promise<number> {
  if (format !== 'jsonl') {
    await err('--input-format jsonl writes --format jsonl');
    return EXIT_ERROR;
  }
  const sources = files.length ? files : ['-'];
  let failed = false;
  let found = 0;
  for (const file of sources) {
    let input: Readable;
    try {
      input = file === '-' ? io.stdin : await openReadable(file);
    } catch (e) {
      await err(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      failed = true;
      continue;
    }
    const rl = createInterface({ input, crlfDelay: Infinity });
    let n = 0;
    try {
      for await (const raw of rl) {
        n++;
        // A blank line still gets its output line, so outputs stay aligned with inputs.
        const rec = raw.trim() === '' ? { id: null, error: 'empty line' } : parseJsonlLine(raw);
        if ('error' in rec) {
          await err(`${file}:${n}: ${rec.error}`);
          failed = true;
          await write(io.stdout, `${JSON.stringify({ id: rec.id, error: rec.error })}\n`);
          continue;
        }
        const { findings } = scanner.scan(rec.text, validity?.onSecret);
        found += findings.length;
        const out = await Promise.all(
          findings.map(async (f) => ({
            ...jsonlFinding(f),
            ...(validity ? await validityFields(validity, f) : {}),
          })),
        );
        await write(io.stdout, `${JSON.stringify({ id: rec.id, findings: out })}\n`);
      }
    } catch (e) {
      await err(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      failed = true;
    }
  }
  if (failed) return EXIT_ERROR;
  return found > 0 ? EXIT_FOUND : EXIT_CLEAN;
}

function openReadable(file: string): Promise<Readable> {
  return new Promise((resolve, reject) => {
    const s = createReadStream(file, { encoding: 'utf8' });
    s.once('open', () => {
      resolve(s);
    });
    s.once('error', reject);
  });
}

async function readStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
