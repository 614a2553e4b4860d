/**
 * What the generator plants: fresh checksum-valid tokens, and the catalogue's own positive examples
 * (each kept only when the engine, run alone on it, reports that detector with that secret, once;
 * other secrets the example also holds, such as the key id beside an AWS secret key, go with it),
 * plus texts the scanner must ignore (placeholders and the catalogue's negatives).
 * @module
 */
import { DETECTORS } from '../../src/detectors/index.js';
import { createScanner } from '../../src/engine/scan.js';
import type { Detector } from '../../src/engine/types.js';
import type { Rng } from './prng.js';
import { atlassianToken, githubToken, gitlabToken, npmToken } from './tokens.js';

export interface SecretSpec {
  readonly detector: string;
  readonly secret: string;
  /** The secret as people paste it: a detector example, or `export X=<token>`. */
  readonly carrier: string;
  /** The secret alone is found by its detector, so it may stand alone (a label, a URL query). */
  readonly bare: boolean;
  /**
   * Other secrets the carrier holds, found with it (an AWS key id pasted with its secret key):
   * planted wherever the whole carrier is.
   */
  readonly also: readonly { readonly detector: string; readonly secret: string }[];
}

/** A positive example left out of the pool, and why. */
export interface Exclusion {
  readonly detector: string;
  readonly example: string;
  readonly reason: string;
}

export interface Catalogue {
  /** Positive examples usable as planted secrets, in catalogue order. */
  readonly examples: readonly SecretSpec[];
  readonly excluded: readonly Exclusion[];
  /** Texts with no finding: placeholders and the catalogue's negative examples. */
  readonly negatives: readonly string[];
}

/** Placeholders people write in tickets; never findings. */
export const PLACEHOLDERS: readonly string[] = [
  'export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  'Authorization: Bearer <your-token>',
  'API_KEY=${API_KEY}',
  'npm config set //registry.npmjs.org/:_authToken=<your-npm-token>',
  'JIRA_API_TOKEN=${JIRA_API_TOKEN}',
  'aws_secret_access_key = <your-secret-access-key>',
  'password: ********',
];

const CATALOGUE_KEY = 'site-gen-catalogue-key-0001';

let cached: Catalogue | undefined;

/** The catalogue of the default detectors (computed once per process). */
export function catalogue(): Catalogue {
  cached ??= buildCatalogue(DETECTORS);
  return cached;
}

export function buildCatalogue(detectors: readonly Detector[]): Catalogue {
  const scanner = createScanner({ detectors, fingerprintKey: CATALOGUE_KEY });
  const examples: SecretSpec[] = [];
  const excluded: Exclusion[] = [];
  const negatives: string[] = [...PLACEHOLDERS];
  const seen = new Set<string>();
  const found = (text: string): { detector: string; secret: string }[] =>
    scanner
      .scan(text)
      .findings.map((f) => ({ detector: f.detector, secret: text.slice(f.start, f.end) }));

  for (const d of detectors) {
    const skip = (example: string, reason: string): void => {
      excluded.push({ detector: d.id, example, reason });
    };
    for (const p of d.examples.positives) {
      const text = typeof p === 'string' ? p : p.text;
      if (d.category === 'generic' || d.enabledByDefault === false) {
        skip(text, 'generic detector (off by default)');
        continue;
      }
      const hits = found(text);
      if (hits.length === 0) {
        skip(text, 'not found when scanned alone');
        continue;
      }
      const own = hits.filter(
        (h) => h.detector === d.id && (typeof p === 'string' || h.secret === p.secret),
      );
      const first = own[0];
      if (first === undefined) {
        skip(text, `found as another detector: ${hits.map((h) => h.detector).join(', ')}`);
        continue;
      }
      const key = `${d.id} ${first.secret}`;
      if (seen.has(key)) continue; // the same secret in another wording: one is enough
      seen.add(key);
      const alone = found(first.secret);
      const bare =
        !/\s/.test(first.secret) &&
        alone.length === 1 &&
        alone[0]?.detector === d.id &&
        alone[0].secret === first.secret;
      const also = hits.filter((h) => h !== first);
      examples.push({ detector: d.id, secret: first.secret, carrier: text, bare, also });
    }
    for (const n of d.examples.negatives) {
      if (found(n).length === 0 && !/\n/.test(n)) negatives.push(n);
    }
  }
  return { examples, excluded, negatives };
}

type Fresh = (rng: Rng) => { detector: string; secret: string; carriers: readonly string[] };

const FRESH: readonly { weight: number; make: Fresh }[] = [
  {
    weight: 3,
    make: (rng) => {
      const t = githubToken(rng.next, 'ghp_');
      return {
        detector: 'github-pat',
        secret: t,
        carriers: [`export GITHUB_TOKEN=${t}`, `token: ${t}`, t, `gh auth login --with-token ${t}`],
      };
    },
  },
  {
    weight: 1,
    make: (rng) => {
      const t = githubToken(rng.next, 'gho_');
      return {
        detector: 'github-oauth-token',
        secret: t,
        carriers: [`Authorization: token ${t}`, t, `oauth_token=${t}`],
      };
    },
  },
  {
    weight: 2,
    make: (rng) => {
      const t = npmToken(rng.next);
      return {
        detector: 'npm-access-token',
        secret: t,
        carriers: [`//registry.npmjs.org/:_authToken=${t}`, `NPM_TOKEN=${t}`, t],
      };
    },
  },
  {
    weight: 1.5,
    make: (rng) => {
      const t = gitlabToken(rng.next, 'glpat-');
      return {
        detector: 'gitlab-pat-routable',
        secret: t,
        carriers: [`PRIVATE-TOKEN: ${t}`, `GITLAB_TOKEN=${t}`, t],
      };
    },
  },
  {
    weight: 1.5,
    make: (rng) => {
      const t = atlassianToken(rng.next);
      return {
        detector: 'atlassian-api-token',
        secret: t,
        carriers: [
          `JIRA_API_TOKEN=${t}`,
          `curl -u ops@acme-corp.test:${t} https://acme.atlassian.net/rest/api/3/myself`,
          t,
        ],
      };
    },
  },
];

/** A fresh token (never seen before in this site) in one of the ways people paste it. */
export function freshSecret(rng: Rng): SecretSpec {
  const kind = rng.weighted(
    FRESH,
    FRESH.map((f) => f.weight),
  );
  const f = kind.make(rng);
  return {
    detector: f.detector,
    secret: f.secret,
    carrier: rng.pick(f.carriers),
    bare: true,
    also: [],
  };
}
