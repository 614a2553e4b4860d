/**
 * A deterministic generator of large Jira site fixtures with planted secrets, and the truth file
 * that says where each one is: every location kind the scanner reads, secrets split by ADF marks,
 * hidden in link hrefs, past the 20 comments Jira embeds, only in changelog history, in text
 * attachments; plus what it must ignore (binary attachments, placeholders, detector negatives).
 *
 * `streamSite` yields issues one at a time (the truth fills as they are drawn), so a 50,000-issue
 * site is written without holding it; `generateSite` collects everything.
 * @module
 */
import * as adf from './adf.js';
import type { AdfDoc, AdfNode } from './adf.js';
import { createRng, type Rng } from './prng.js';
import * as prose from './prose.js';
import { formFor, ISSUE_KINDS, placements, type IssueKind } from './placement.js';
import { catalogue, freshSecret, PLACEHOLDERS, type SecretSpec } from './secrets.js';
import { githubToken } from './tokens.js';
import type {
  FixtureAttachment,
  FixtureComment,
  FixtureField,
  FixtureHistory,
  FixtureIssue,
  FixtureProject,
  FixtureUser,
  FixtureWorklog,
  HistoryItem,
  Planted,
  SiteFixture,
  SiteHeader,
  Truth,
  TruthLocation,
} from './types.js';

export { ISSUE_KINDS, type IssueKind } from './placement.js';

export interface GenerateOptions {
  readonly issues: number;
  readonly seed: number | string;
  /** Number of projects. Default: 3, one more per 1,500 issues, at most 12. */
  readonly projects?: number;
}

export interface SiteStream {
  readonly header: SiteHeader;
  /** Single pass: each issue is made when drawn, and its planted secrets join `truth`. */
  readonly issues: Iterable<FixtureIssue>;
  readonly truth: Truth;
}

/** Share of each kind once every kind has been planted once. */
const KIND_WEIGHTS: Readonly<Record<IssueKind, number>> = {
  summary: 3,
  'description.paragraph': 8,
  'description.marks': 3,
  'description.codeBlock': 6,
  'description.table': 3,
  'description.link': 2,
  environment: 3,
  textarea: 4,
  textfield: 3,
  url: 2,
  select: 1.5,
  multiselect: 1.5,
  labels: 1.5,
  customLabels: 1,
  comment: 20,
  'comment.after20': 1,
  worklog: 4,
  'worklog.after20': 0.5,
  'changelog.from': 5,
  'changelog.to': 3,
  'attachment.text': 5,
  'attachment.env': 4,
};

/** Kinds that take the whole unit (one plant per issue); the others make a unit of their own. */
const SLOT: Partial<Record<IssueKind, string>> = {
  summary: 'summary',
  'description.paragraph': 'description',
  'description.marks': 'description',
  'description.codeBlock': 'description',
  'description.table': 'description',
  'description.link': 'description',
  environment: 'environment',
  textarea: 'textarea',
  textfield: 'textfield',
  url: 'url',
  select: 'select',
  multiselect: 'multiselect',
  labels: 'labels',
  customLabels: 'customLabels',
  'comment.after20': 'comments',
  'worklog.after20': 'worklogs',
};

const CT = 'com.atlassian.jira.plugin.system.customfieldtypes:';
export const CUSTOM_FIELDS = {
  textarea: 'customfield_10040',
  url: 'customfield_10041',
  textfield: 'customfield_10042',
  points: 'customfield_10043',
  select: 'customfield_10044',
  multiselect: 'customfield_10045',
  labels: 'customfield_10046',
} as const;

function customField(
  id: string,
  name: string,
  kind: string,
  type: string,
  items?: string,
): FixtureField {
  const customId = Number(id.slice('customfield_'.length));
  const schema = items
    ? { type, items, custom: CT + kind, customId }
    : { type, custom: CT + kind, customId };
  return { id, name, custom: true, schema };
}

const FIELDS: readonly FixtureField[] = [
  customField(CUSTOM_FIELDS.textarea, 'Deployment notes', 'textarea', 'string'),
  customField(CUSTOM_FIELDS.url, 'Runbook URL', 'url', 'string'),
  customField(CUSTOM_FIELDS.textfield, 'Customer reference', 'textfield', 'string'),
  customField(CUSTOM_FIELDS.points, 'Story points', 'float', 'number'),
  customField(CUSTOM_FIELDS.select, 'Environment tier', 'select', 'option'),
  customField(CUSTOM_FIELDS.multiselect, 'Affected services', 'multiselect', 'array', 'option'),
  customField(CUSTOM_FIELDS.labels, 'Team tags', 'labels', 'array', 'string'),
];

const PROJECTS: readonly (readonly [string, string])[] = [
  ['OPS', 'Operations'],
  ['PAY', 'Payments'],
  ['WEB', 'Web storefront'],
  ['DATA', 'Data platform'],
  ['MOB', 'Mobile apps'],
  ['SEC', 'Security'],
  ['INFRA', 'Infrastructure'],
  ['SUP', 'Customer support'],
  ['FIN', 'Finance systems'],
  ['PPL', 'People tools'],
  ['MKT', 'Marketing site'],
  ['API', 'Public API'],
];
const COMPONENTS = [
  'api',
  'web',
  'worker',
  'billing-engine',
  'search',
  'mobile',
  'auth',
  'reports',
];
const FIRST = ['Jane', 'Raj', 'Mia', 'Tom', 'Ana', 'Kenji', 'Lea', 'Omar', 'Sara', 'Ivan', 'Nora'];
const LAST = ['Doe', 'Patel', 'Chen', 'Berg', 'Silva', 'Sato', 'Roux', 'Haddad', 'Kim', 'Novak'];
const SELECT = ['Production', 'Staging', 'Development', 'Sandbox'];
const SERVICES = ['orders', 'billing', 'search', 'checkout', 'reports'];
const LABELS = [
  'backend',
  'frontend',
  'customer-impact',
  'tech-debt',
  'needs-triage',
  'regression',
];
const STATUSES = ['To Do', 'In Progress', 'In Review', 'Done'];
const BASE_URL = 'https://acme-sitegen.atlassian.net';

const SITE_START = Date.UTC(2019, 0, 1);
const SITE_SPAN = Date.UTC(2025, 0, 1) - SITE_START;
const DAY = 86_400_000;

/** Jira's timestamp format: `2024-01-01T03:00:00.000+0000`. */
export const jiraTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

const uuid = (rng: Rng): string => {
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += rng.int(16).toString(16);
    return s;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'.charAt(rng.int(4))}${hex(3)}-${hex(12)}`;
};

/** Prose, the form, prose: one line unless the form itself has several. */
const embed = (rng: Rng, form: string): string =>
  `${prose.sentence(rng)} ${form} ${prose.sentence(rng)}`;

interface Plan {
  readonly kind: IssueKind;
  readonly spec: SecretSpec;
  readonly form: string;
}

/** A 1x1 grey PNG whose tEXt chunk holds `text`: binary, never scanned. */
function pngWith(text: string): string {
  const crcTable = new Uint32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  const idat = Buffer.from([0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1')),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]).toString('base64');
}

export function streamSite(options: GenerateOptions): SiteStream {
  const total = options.issues;
  if (!Number.isInteger(total) || total < 0) throw new Error('issues must be an integer >= 0');
  const rng = createRng(options.seed);
  const planted: Planted[] = [];
  const truth: Truth = { planted };
  const { negatives } = catalogue();
  /** Records a secret put somewhere as `form`, and the others its carrier holds when it is whole. */
  const plantSpec = (spec: SecretSpec, form: string, location: TruthLocation): void => {
    planted.push({ detector: spec.detector, secret: spec.secret, location });
    if (form.includes(spec.carrier)) {
      for (const o of spec.also) planted.push({ detector: o.detector, secret: o.secret, location });
    }
  };
  const placed = placements();

  // --- site, users, projects ---
  const site = { baseUrl: BASE_URL, cloudId: uuid(rng) };
  const users: FixtureUser[] = [];
  const userCount = Math.min(40, 6 + Math.floor(total / 500));
  for (let i = 0; i < userCount; i++) {
    const name = `${FIRST[i % FIRST.length] ?? 'User'} ${LAST[(i * 7) % LAST.length] ?? 'X'}`;
    const groups = i === 0 ? ['jira-admins-acme', 'All-incidents'] : ['jira-software-users'];
    if (i > 0 && rng.chance(0.25)) groups.push('All-incidents');
    users.push({
      accountId: `${rng.pick(['557058', '712020'])}:${uuid(rng)}`,
      displayName: i < FIRST.length ? name : `${name} ${i}`,
      groups,
      siteAdmin: i === 0,
    });
  }
  const someone = (): { accountId: string } => ({ accountId: rng.pick(users).accountId });

  const projectCount = options.projects ?? Math.min(PROJECTS.length, 3 + Math.floor(total / 1500));
  if (!Number.isInteger(projectCount) || projectCount < 1) {
    throw new Error('projects must be an integer >= 1');
  }
  // Catalogue examples are drawn each once before any is drawn again (and then rarely), so a
  // large site exercises the whole catalogue and most secrets still occur in one incident only.
  const drawn = new Set<SecretSpec>();
  const newSecret = (kind: IssueKind | undefined): SecretSpec => {
    if (!rng.chance(0.45)) return freshSecret(rng);
    const pool = placed.byKind.get(kind ?? 'description.paragraph') ?? [];
    const fresh = pool.filter((s) => !drawn.has(s));
    if (fresh.length === 0)
      return pool.length > 0 && rng.chance(0.1) ? rng.pick(pool) : freshSecret(rng);
    const s = rng.pick(fresh);
    drawn.add(s);
    return s;
  };
  const projects: FixtureProject[] = [];
  for (let p = 0; p < projectCount; p++) {
    const [key, name] = PROJECTS[p] ?? [`PRJ${p + 1}`, `Project ${p + 1}`];
    const plantHere = (must: boolean, chance: number, at: TruthLocation, text: string): string => {
      if (!must && !rng.chance(chance)) return text;
      const spec = newSecret(undefined);
      plantSpec(spec, spec.carrier, at);
      return `${text} ${spec.carrier} ${prose.sentence(rng)}`;
    };
    const components = [];
    const nc = rng.between(2, 4);
    for (let c = 0; c < nc; c++) {
      const id = String(10000 + p * 100 + c);
      components.push({
        id,
        name: COMPONENTS[(p + c) % COMPONENTS.length] ?? 'core',
        description: plantHere(
          p === 0 && c === 0,
          0.2,
          { projectKey: key, field: 'component', componentId: id },
          prose.paragraph(rng, 1, 2),
        ),
      });
    }
    const versions = [];
    const nv = rng.between(2, 4);
    for (let v = 0; v < nv; v++) {
      const id = String(20000 + p * 100 + v);
      const date = SITE_START + ((v + 1) / (nv + 1)) * SITE_SPAN;
      versions.push({
        id,
        name: `${new Date(date).getUTCFullYear()}.${v + 1}`,
        description: plantHere(
          p === 0 && v === 0,
          0.2,
          { projectKey: key, field: 'version', versionId: id },
          `Release notes. ${prose.paragraph(rng, 1, 2)}`,
        ),
        released: v < nv - 1,
        releaseDate: new Date(date).toISOString().slice(0, 10),
      });
    }
    projects.push({
      id: String(10000 + p),
      key,
      name,
      description: plantHere(
        p === 0,
        0.4,
        { projectKey: key, field: 'project.description' },
        `${name} team backlog. ${prose.paragraph(rng, 1, 3)}`,
      ),
      components,
      versions,
      // One administrator each, from the end of the list (never the site admin), chosen without
      // the generator's random draws so the rest of a seed's site stays as it was.
      admins: [users[users.length - 1 - (p % (users.length - 1))]?.accountId ?? ''],
    });
  }
  const header: SiteHeader = { site, users, fields: FIELDS, projects };
  const projectWeights = projects.map(() => rng.between(1, 5));
  const nextNumber = projects.map(() => 1);

  // --- issues ---
  const ids = {
    comment: 10_000_001,
    history: 20_000_001,
    worklog: 30_000_001,
    attachment: 40_000_001,
  };
  const option = (id: number, value: string): { self: string; id: string; value: string } => ({
    self: `${BASE_URL}/rest/api/3/customFieldOption/${id}`,
    id: String(id),
    value,
  });
  let plantedOption = 60_000_001;
  let newIncidents = 0;
  // The first negatives placed are the placeholders, once each.
  let negativeCount = 0;
  const pending: { spec: SecretSpec; due: number }[] = [];

  function planIssue(i: number): Plan[] {
    const plans: Plan[] = [];
    const used = new Set<string>();
    const free = (k: IssueKind): boolean => {
      const slot = SLOT[k];
      return slot === undefined || !used.has(slot);
    };
    const add = (kind: IssueKind, spec: SecretSpec): void => {
      const slot = SLOT[kind];
      if (slot) used.add(slot);
      plans.push({ kind, spec, form: formFor(kind, spec) ?? spec.carrier });
    };
    const placeFor = (spec: SecretSpec): void => {
      const kinds = ISSUE_KINDS.filter((k) => free(k) && placed.fits(k, spec));
      if (kinds.length === 0) return;
      add(
        rng.weighted(
          kinds,
          kinds.map((k) => KIND_WEIGHTS[k]),
        ),
        spec,
      );
    };
    // Occurrences of earlier incidents that are due here.
    for (let n = pending.length - 1; n >= 0; n--) {
      const p = pending[n];
      if (p && p.due <= i) {
        pending.splice(n, 1);
        placeFor(p.spec);
      }
    }
    if (rng.chance(0.28)) {
      // The first incidents cover every kind once, so even a small site has them all.
      const open = ISSUE_KINDS.filter(free);
      const first = ISSUE_KINDS[newIncidents];
      const kind =
        first !== undefined && free(first)
          ? first
          : rng.weighted(
              open,
              open.map((k) => KIND_WEIGHTS[k]),
            );
      newIncidents++;
      const spec = newSecret(kind);
      add(kind, spec);
      // One incident, several occurrences: the same secret pasted again, here or later.
      if (rng.chance(0.12)) {
        const more = rng.between(1, 3);
        for (let m = 0; m < more; m++) {
          pending.push({ spec, due: i + (rng.chance(0.3) ? 0 : rng.between(1, 40)) });
        }
      }
    }
    // Same-issue repeats scheduled just now.
    for (let n = pending.length - 1; n >= 0; n--) {
      const p = pending[n];
      if (p && p.due <= i) {
        pending.splice(n, 1);
        placeFor(p.spec);
      }
    }
    return plans;
  }

  function makeIssue(i: number): FixtureIssue {
    const p = rng.weighted(
      projects.map((_, n) => n),
      projectWeights,
    );
    const project = projects[p] as FixtureProject;
    const number = nextNumber[p] ?? 1;
    nextNumber[p] = number + 1;
    const id = String(10001 + i);
    const key = `${project.key}-${number}`;
    const created = SITE_START + ((i + rng.next()) / Math.max(1, total)) * SITE_SPAN;
    const updated = Math.min(SITE_START + SITE_SPAN, created + rng.next() * 120 * DAY);
    const between = (): number => created + rng.next() * (updated - created);
    const plans = planIssue(i);
    const of = (kind: IssueKind): Plan | undefined => plans.find((x) => x.kind === kind);
    const all = (pred: (k: IssueKind) => boolean): Plan[] => plans.filter((x) => pred(x.kind));
    const at = (
      field: TruthLocation['field'],
      extra: Partial<TruthLocation> = {},
    ): TruthLocation => ({
      projectKey: project.key,
      issueKey: key,
      issueId: id,
      field,
      ...extra,
    });
    const plant = (x: Plan, location: TruthLocation): void => {
      plantSpec(x.spec, x.form, location);
    };
    const negative = (): string =>
      negativeCount < PLACEHOLDERS.length
        ? (PLACEHOLDERS[negativeCount++] as string)
        : rng.pick(rng.chance(0.5) ? PLACEHOLDERS : negatives);
    // Issue 0 carries each kind of negative, so even a tiny site has them.
    const firstIssue = i === 0;

    const fields: Record<string, unknown> = {};

    // summary
    const s = of('summary');
    fields.summary = s
      ? `${prose.title(rng).split(' ').slice(0, 3).join(' ')} ${s.form}`
      : prose.title(rng);
    if (s) plant(s, at('summary'));

    // description
    const d = plans.find((x) => x.kind.startsWith('description.'));
    if (d || rng.chance(0.9)) {
      const nodes: AdfNode[] = [adf.para(prose.paragraph(rng))];
      if (rng.chance(0.3)) nodes.push(adf.codeBlock(prose.shellLines(rng).join('\n')));
      if (rng.chance(0.2)) nodes.push(adf.bulletList([prose.sentence(rng), prose.sentence(rng)]));
      if (rng.chance(0.1)) {
        nodes.push(
          adf.paragraph(
            adf.text('See the '),
            adf.link('runbook', `https://wiki.acme-corp.test/runbooks/${rng.pick(SERVICES)}`),
            adf.text('.'),
          ),
        );
      }
      if (!d && (firstIssue || rng.chance(0.03)))
        nodes.push(adf.para(`Use ${negative()} locally.`));
      if (d) {
        const pos = rng.between(0, nodes.length);
        nodes.splice(pos, 0, descriptionNode(rng, d));
        plant(d, at('description'));
      }
      if (rng.chance(0.5)) nodes.push(adf.para(prose.paragraph(rng, 1, 2)));
      fields.description = adf.doc(...nodes);
    } else fields.description = null;

    // environment
    const env = of('environment');
    if (env) {
      fields.environment = adf.doc(adf.para(embed(rng, env.form)));
      plant(env, at('environment'));
    } else {
      fields.environment = rng.chance(0.3)
        ? adf.doc(adf.para(`${rng.pick(['Chrome', 'Firefox', 'Safari'])} on ${rng.pick(SELECT)}`))
        : null;
    }

    // custom fields
    const ta = of('textarea');
    if (ta) {
      fields[CUSTOM_FIELDS.textarea] = rng.chance(0.5)
        ? adf.doc(
            adf.para(prose.sentence(rng)),
            adf.codeBlock([...prose.envLines(rng), ta.form].join('\n')),
          )
        : adf.doc(adf.para(embed(rng, ta.form)));
      plant(ta, at(CUSTOM_FIELDS.textarea));
    } else if (rng.chance(0.4)) {
      fields[CUSTOM_FIELDS.textarea] = adf.doc(adf.para(prose.paragraph(rng, 1, 2)));
    }
    const url = of('url');
    if (url) {
      fields[CUSTOM_FIELDS.url] = url.form;
      plant(url, at(CUSTOM_FIELDS.url));
    } else if (rng.chance(0.3)) {
      fields[CUSTOM_FIELDS.url] = `https://wiki.acme-corp.test/runbooks/${rng.pick(SERVICES)}`;
    }
    const tf = of('textfield');
    // `changelog.to` may leave its secret in the current value (then it takes the textfield).
    const history: {
      created: number;
      items: HistoryItem[];
      plants: Plan[];
      sides: ('from' | 'to')[];
    }[] = [];
    const textfieldItem = (from: string | null, to: string | null): HistoryItem => ({
      field: 'Customer reference',
      fieldtype: 'custom',
      fieldId: CUSTOM_FIELDS.textfield,
      from: null,
      fromString: from,
      to: null,
      toString: to,
    });
    let textfieldValue: string | undefined = rng.chance(0.4)
      ? `Account ${prose.title(rng)}`
      : undefined;
    if (tf) {
      textfieldValue = `${rng.pick(['ref', 'see'])} ${tf.form}`;
      plant(tf, at(CUSTOM_FIELDS.textfield));
    }
    for (const x of all((k) => k === 'changelog.to')) {
      const t1 = between();
      const value = `${rng.pick(['ref', 'see'])} ${x.form}`;
      history.push({
        created: t1,
        items: [textfieldItem(rng.chance(0.5) ? `Account ${prose.title(rng)}` : null, value)],
        plants: [x],
        sides: ['to'],
      });
      if (!tf && textfieldValue === undefined && rng.chance(0.5)) {
        // Still there: the current value holds it too.
        textfieldValue = value;
        plant(x, at(CUSTOM_FIELDS.textfield));
      } else {
        // Removed later: the next change has it on its `from` side.
        const cleaned = `Account ${prose.title(rng)}`;
        history.push({
          created: t1 + rng.next() * (updated - t1),
          items: [textfieldItem(value, cleaned)],
          plants: [x],
          sides: ['from'],
        });
      }
    }
    if (textfieldValue !== undefined) fields[CUSTOM_FIELDS.textfield] = textfieldValue;
    fields[CUSTOM_FIELDS.points] = rng.chance(0.6) ? rng.pick([1, 2, 3, 5, 8, 13]) : null;
    const sel = of('select');
    if (sel) {
      fields[CUSTOM_FIELDS.select] = option(plantedOption++, sel.form);
      plant(sel, at(CUSTOM_FIELDS.select));
    } else if (rng.chance(0.5)) {
      const n = rng.int(SELECT.length);
      fields[CUSTOM_FIELDS.select] = option(10100 + n, SELECT[n] ?? 'Production');
    }
    const ms = of('multiselect');
    const services = SERVICES.map((v, n) => ({ v, n })).filter(() => rng.chance(0.25));
    const msValue = services.map(({ v, n }) => option(10200 + n, v));
    if (ms) {
      msValue.splice(rng.between(0, msValue.length), 0, option(plantedOption++, ms.form));
      plant(ms, at(CUSTOM_FIELDS.multiselect));
    }
    if (msValue.length > 0 || rng.chance(0.5)) fields[CUSTOM_FIELDS.multiselect] = msValue;
    const labels = LABELS.filter(() => rng.chance(0.15));
    const lb = of('labels');
    if (lb) {
      labels.splice(rng.between(0, labels.length), 0, lb.form);
      plant(lb, at('labels'));
    }
    fields.labels = labels;
    const tags = ['squad-a', 'squad-b', 'oncall'].filter(() => rng.chance(0.2));
    const cl = of('customLabels');
    if (cl) {
      tags.push(cl.form);
      plant(cl, at(CUSTOM_FIELDS.labels));
    }
    if (tags.length > 0) fields[CUSTOM_FIELDS.labels] = tags;

    fields.created = jiraTime(created);
    fields.updated = jiraTime(updated);
    fields.reporter = someone();
    fields.assignee = rng.chance(0.8) ? someone() : null;
    fields.issuetype = { name: rng.pick(['Task', 'Bug', 'Story']) };
    fields.status = { name: rng.pick(STATUSES) };
    fields.priority = { name: rng.pick(['Low', 'Medium', 'High']) };
    fields.project = { id: project.id, key: project.key };

    // comments
    const longComments = of('comment.after20') !== undefined || rng.chance(0.007);
    const commentPlans = all((k) => k === 'comment' || k === 'comment.after20');
    let commentCount = longComments
      ? rng.between(21, 35)
      : rng.weighted([0, 1, 2, 3, 4, 5], [30, 25, 20, 12, 8, 5]);
    commentCount = Math.max(commentCount, commentPlans.length);
    const commentSlots: (Plan | undefined)[] = new Array<Plan | undefined>(commentCount).fill(
      undefined,
    );
    for (const x of commentPlans) {
      const min = x.kind === 'comment.after20' ? 20 : 0;
      const freeSlots = [];
      for (let n = min; n < commentCount; n++) if (!commentSlots[n]) freeSlots.push(n);
      if (freeSlots.length === 0) commentSlots.push(x);
      else commentSlots[rng.pick(freeSlots)] = x;
    }
    const commentNegative = firstIssue || rng.chance(0.02) ? rng.int(commentSlots.length + 1) : -1;
    if (commentNegative === commentSlots.length) commentSlots.push(undefined);
    const commentTimes = commentSlots.map(() => between()).sort((a, b) => a - b);
    const comments: FixtureComment[] = commentSlots.map((x, n) => {
      const cid = String(ids.comment++);
      const t = jiraTime(commentTimes[n] ?? created);
      let body: AdfDoc;
      if (x) {
        body = adf.doc(adf.para(embed(rng, x.form)));
        plant(x, at('comment', { commentId: cid }));
      } else if (n === commentNegative && commentPlans.length === 0) {
        body = adf.doc(adf.para(`Set it with ${negative()} and run again.`));
      } else body = adf.doc(adf.para(prose.paragraph(rng, 1, 3)));
      return { id: cid, author: someone(), body, created: t, updated: t };
    });

    // worklogs
    const longWorklogs = of('worklog.after20') !== undefined || rng.chance(0.002);
    const worklogPlans = all((k) => k === 'worklog' || k === 'worklog.after20');
    let worklogCount = longWorklogs
      ? rng.between(21, 30)
      : rng.weighted([0, 1, 2, 3], [70, 15, 10, 5]);
    worklogCount = Math.max(worklogCount, worklogPlans.length);
    const worklogSlots: (Plan | undefined)[] = new Array<Plan | undefined>(worklogCount).fill(
      undefined,
    );
    for (const x of worklogPlans) {
      const min = x.kind === 'worklog.after20' ? 20 : 0;
      const freeSlots = [];
      for (let n = min; n < worklogCount; n++) if (!worklogSlots[n]) freeSlots.push(n);
      if (freeSlots.length === 0) worklogSlots.push(x);
      else worklogSlots[rng.pick(freeSlots)] = x;
    }
    const worklogTimes = worklogSlots.map(() => between()).sort((a, b) => a - b);
    const worklogs: FixtureWorklog[] = worklogSlots.map((x, n) => {
      const wid = String(ids.worklog++);
      const base = {
        id: wid,
        author: someone(),
        started: jiraTime(worklogTimes[n] ?? created),
        timeSpentSeconds: rng.between(1, 16) * 900,
      };
      if (x) {
        plant(x, at('worklog', { worklogId: wid }));
        return { ...base, comment: adf.doc(adf.para(embed(rng, x.form))) };
      }
      return rng.chance(0.7) ? { ...base, comment: adf.doc(adf.para(prose.sentence(rng))) } : base;
    });

    // changelog: status moves, a summary edit, planted edits of the description
    const moves = rng.between(0, 3);
    for (let n = 0; n < moves; n++) {
      const from = STATUSES[n] ?? 'To Do';
      const to = STATUSES[n + 1] ?? 'Done';
      history.push({
        created: between(),
        items: [
          {
            field: 'status',
            fieldtype: 'jira',
            fieldId: 'status',
            from: String(10000 + n),
            fromString: from,
            to: String(10001 + n),
            toString: to,
          },
        ],
        plants: [],
        sides: [],
      });
    }
    if (!s && rng.chance(0.15)) {
      history.push({
        created: between(),
        items: [
          {
            field: 'summary',
            fieldtype: 'jira',
            fieldId: 'summary',
            from: null,
            fromString: prose.title(rng),
            to: null,
            toString: fields.summary as string,
          },
        ],
        plants: [],
        sides: [],
      });
    }
    for (const x of all((k) => k === 'changelog.from')) {
      history.push({
        created: between(),
        items: [
          {
            field: 'description',
            fieldtype: 'jira',
            fieldId: 'description',
            from: null,
            fromString: embed(rng, x.form),
            to: null,
            toString: prose.paragraph(rng),
          },
        ],
        plants: [x],
        sides: ['from'],
      });
    }
    history.sort((a, b) => a.created - b.created);
    const changelog: FixtureHistory[] = history.map((h) => {
      const hid = String(ids.history++);
      h.plants.forEach((x, n) => {
        const item = h.items[0] as HistoryItem;
        plant(
          x,
          at('changelog', {
            historyId: hid,
            historyField: item.fieldId,
            historyValue: h.sides[n] ?? 'to',
          }),
        );
      });
      return { id: hid, author: someone(), created: jiraTime(h.created), items: h.items };
    });

    // attachments
    const attachments: FixtureAttachment[] = [];
    if (rng.chance(0.08)) {
      attachments.push({
        id: String(ids.attachment++),
        filename: rng.pick(['deploy.log', 'worker.log', 'trace.txt']),
        mimeType: 'text/plain',
        content: prose.logLines(rng, rng.between(5, 40)).join('\n') + '\n',
      });
    }
    for (const x of all((k) => k === 'attachment.text' || k === 'attachment.env')) {
      const aid = String(ids.attachment++);
      if (x.kind === 'attachment.text') {
        const lines = prose.logLines(rng, rng.between(3, 30));
        lines.splice(rng.between(0, lines.length), 0, x.form);
        attachments.push({
          id: aid,
          filename: rng.pick(['error.txt', 'notes.txt', 'debug-output.log']),
          mimeType: 'text/plain',
          content: lines.join('\n') + '\n',
        });
      } else {
        const lines = [...prose.envLines(rng), x.form, ...prose.envLines(rng).slice(0, 2)];
        attachments.push({
          id: aid,
          filename: rng.pick(['prod.env', '.env', 'staging.env']),
          mimeType: 'application/octet-stream',
          content: lines.join('\n') + '\n',
        });
      }
      plant(x, at('attachment', { attachmentId: aid }));
    }
    if (firstIssue || rng.chance(0.03)) {
      // A screenshot with a live-looking token in its metadata: binary, so never read.
      attachments.push({
        id: String(ids.attachment++),
        filename: rng.pick(['screenshot.png', 'error-dialog.png']),
        mimeType: 'image/png',
        contentBase64: pngWith(`token=${githubToken(rng.next, 'ghp_')}`),
      });
    }
    if (firstIssue || rng.chance(0.01)) {
      attachments.push({
        id: String(ids.attachment++),
        filename: 'setup-notes.txt',
        mimeType: 'text/plain',
        content: `${prose.sentence(rng)}\n${negative()}\n${prose.sentence(rng)}\n`,
      });
    }

    return { id, key, fields, comments, changelog, worklogs, attachments };
  }

  function* issues(): Generator<FixtureIssue> {
    for (let i = 0; i < total; i++) yield makeIssue(i);
  }
  return { header, issues: issues(), truth };
}

/** The ADF node that holds a planted description secret, in the shape its kind names. */
function descriptionNode(rng: Rng, x: Plan): AdfNode {
  switch (x.kind) {
    case 'description.marks': {
      // A token pasted and then styled: its chars spread over text nodes with different marks.
      const at = Math.max(0, x.form.indexOf(x.spec.secret));
      const len = x.spec.secret.length;
      const a = at + Math.floor(len / 3);
      const b = at + Math.floor((2 * len) / 3);
      const [m1, m2] = [rng.pick(adf.STYLE_MARKS.slice(0, 2)), rng.pick(adf.STYLE_MARKS.slice(2))];
      return adf.paragraph(
        adf.text(`${prose.sentence(rng)} ${x.form.slice(0, a)}`),
        adf.text(x.form.slice(a, b), [m1]),
        adf.text(x.form.slice(b), [m2]),
        adf.text(` ${prose.sentence(rng)}`),
      );
    }
    case 'description.codeBlock':
      return adf.codeBlock(
        [...prose.shellLines(rng), x.form, ...prose.logLines(rng, rng.between(0, 3))].join('\n'),
      );
    case 'description.table':
      return adf.table(
        ['Environment', 'Value', 'Owner'],
        [
          ['staging', 'not set', 'platform team'],
          ['production', x.form, 'platform team'],
        ],
      );
    case 'description.link':
      return adf.paragraph(
        adf.text(`${prose.sentence(rng)} See the `),
        adf.link('deploy hook', x.form),
        adf.text(' for details.'),
      );
    default:
      return adf.para(embed(rng, x.form));
  }
}

/** The whole site in memory, and its truth. */
export function generateSite(options: GenerateOptions): { fixture: SiteFixture; truth: Truth } {
  const stream = streamSite(options);
  const issues = [...stream.issues];
  return { fixture: { ...stream.header, issues }, truth: stream.truth };
}
