/**
 * `npm start`: the whole app on this machine. A generated demo site (or `--fixture FILE`) in the
 * Jira simulator, the real app on the local Forge runtime, and the Custom UI served with a
 * `@forge/bridge` shim, so the admin and project pages run in a normal browser as a chosen
 * fixture user. Prints the page addresses.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { generateSite } from '../site-gen/generate.js';
import { listenLoopback, type LoopbackRequest, type LoopbackResponse } from '../loopback.js';
import {
  ADMIN_PAGE,
  bundleApp,
  createHarness,
  PROJECT_PAGE,
  productRoute,
  ROOT,
  type Harness,
} from './harness.js';

const BUILD = join(ROOT, 'static/admin/build');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Fixture names, keys and account ids are data: in HTML text or attributes, never markup. */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** JSON inside a <script>: `</script>` (or `<!--`) in a value must not end the script. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** The bridge the Custom UI expects from Jira, answered by this server. */
function bridgeShim(context: object): string {
  return `<script>
window.__bridge = { callBridge: async (op, payload) => {
  const context = ${scriptJson(context)};
  switch (op) {
    case 'invoke': {
      const r = await fetch('/__invoke', { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...context, functionKey: payload.functionKey, payload: payload.payload }) });
      if (!r.ok) throw new Error('the local runtime answered ' + r.status);
      return r.json();
    }
    case 'fetchProduct': {
      // requestJira: Jira (the simulator) answers as the page's user, so their permissions apply.
      const init = payload.fetchRequestInit || {};
      const r = await fetch('/__jira', { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ accountId: context.accountId, product: payload.product,
          restPath: payload.restPath, method: init.method || 'GET' }) });
      if (!r.ok) throw new Error('the local Jira answered ' + r.status);
      return r.json();
    }
    case 'getContext': return { moduleKey: context.moduleKey, accountId: context.accountId,
      extension: context.projectKey ? { type: 'jira:projectSettingsPage', project: { key: context.projectKey } } : { type: 'jira:adminPage' } };
    case 'navigate': window.open(payload.url, payload.type === 'new-tab' ? '_blank' : '_self'); return;
    case 'enableTheming': {
      // Jira gives the page its theme's token CSS; here ?theme=dark|light, else the browser's.
      const asked = new URLSearchParams(location.search).get('theme');
      const mode = asked === 'dark' || asked === 'light' ? asked
        : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
      const root = document.documentElement;
      root.setAttribute('data-theme', 'light:light dark:dark spacing:spacing typography:typography shape:shape');
      root.setAttribute('data-color-mode', mode);
      await new Promise((resolve) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = '/__theme.css';
        link.onload = link.onerror = resolve;
        document.head.append(link);
      });
      return;
    }
    default: return undefined; // egress consent: nothing to ask locally
  }
} };
</script>`;
}

/**
 * The CSS of Atlassian's token themes (light, dark, spacing, typography, shape), from the
 * @atlaskit/tokens package: what Jira injects into a Custom UI that enables theming.
 */
function themeCss(): string {
  const require = createRequire(import.meta.url);
  return ['light', 'dark', 'spacing', 'typography', 'shape']
    .map(
      (t) =>
        (
          require(`@atlaskit/tokens/dist/cjs/artifacts/themes/atlassian-${t}.js`) as {
            default: string;
          }
        ).default,
    )
    .join('\n');
}

const html = (body: string, status = 200): LoopbackResponse => ({
  status,
  // Another site must not frame a page that acts as whichever fixture user its address names.
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'x-frame-options': 'DENY',
    'content-security-policy': "frame-ancestors 'none'",
  },
  body,
});
const refused = (status: number, why: string, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
  body: why,
});

/** A POSTed JSON object, or why it is refused. */
function jsonBody(req: LoopbackRequest): { readonly value: object } | LoopbackResponse {
  if (req.method !== 'POST') return refused(405, 'POST only\n', { allow: 'POST' });
  // A cross-site form or a no-cors fetch can send text/plain without asking; JSON needs CORS.
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return refused(415, 'send application/json\n');
  let body: unknown;
  try {
    body = JSON.parse(req.body ?? '{}');
  } catch {
    return refused(400, 'the body is not JSON\n');
  }
  if (typeof body !== 'object' || body === null) return refused(400, 'send a JSON object\n');
  return { value: body };
}

export async function startLocal(h: Harness, requestedPort: number) {
  const users = h.sim.site.users;
  const projects = h.sim.site.projects;
  // Queue events run in the background, one batch at a time; scheduled triggers run on their
  // interval in the runtime's clock, as the platform would run them.
  let busy = false;
  const intervals: Record<string, number> = {
    fiveMinute: 300_000,
    hour: 3_600_000,
    day: 86_400_000,
    week: 604_800_000,
  };
  const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) as {
    modules: { scheduledTrigger?: { key: string; interval: string }[] };
  };
  const scheduled = (manifest.modules.scheduledTrigger ?? []).map((t) => ({
    key: t.key,
    every: intervals[t.interval] ?? 3_600_000,
    last: h.runtime.now(),
  }));
  const due = async (): Promise<void> => {
    for (const t of scheduled) {
      if (h.runtime.now() - t.last < t.every) continue;
      t.last = h.runtime.now();
      await h.runtime.scheduled(t.key);
    }
  };
  const pump = setInterval(() => {
    if (busy) return;
    busy = true;
    due()
      .then(() =>
        h.runtime.pending().length > 0 ? h.runtime.runQueues({ maxInvocations: 5 }) : undefined,
      )
      .catch((e: unknown) => {
        console.error('queue run failed:', e instanceof Error ? e.message : e);
      })
      .finally(() => {
        busy = false;
      });
  }, 200);

  const page = (context: { moduleKey: string; accountId: string; projectKey?: string }) => {
    const index = readFileSync(join(BUILD, 'index.html'), 'utf8');
    // A function, not a string: `$\`` or `$'` in the context must not be a replacement pattern.
    return html(index.replace('<head>', () => `<head>\n<base href="/">\n${bridgeShim(context)}`));
  };

  /**
   * The bridge's requestJira, answered by the simulator as the page's user. Reads only: a page of
   * this app never writes to Jira, and this server must not let a page write as any fixture user.
   */
  async function jiraAsUser(req: LoopbackRequest): Promise<LoopbackResponse> {
    const body = jsonBody(req);
    if ('status' in body) return body;
    const b = body.value as {
      accountId?: unknown;
      product?: unknown;
      restPath?: unknown;
      method?: unknown;
    };
    if (b.product !== 'jira' || b.method !== 'GET')
      return refused(403, 'only GET requests to Jira are answered here\n');
    if (
      typeof b.accountId !== 'string' ||
      typeof b.restPath !== 'string' ||
      !b.restPath.startsWith('/rest/api/3/')
    )
      return refused(400, 'send accountId and a /rest/api/3/ path\n');
    const r = await productRoute(h.sim)(
      { type: 'fpp', provider: 'user', accountId: b.accountId },
      b.restPath,
      { method: 'GET', headers: { Accept: 'application/json' } },
      undefined,
    );
    // The bridge's answer: the status and body of Jira's response, for a Response in the page.
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        status: r.status,
        statusText: r.statusText,
        headers: Object.fromEntries(r.headers.entries()),
        body: await r.text(),
      }),
    };
  }

  async function handle(req: LoopbackRequest): Promise<LoopbackResponse> {
    const url = new URL(req.path, 'http://local');
    const as = url.searchParams.get('as') ?? h.admin;
    if (url.pathname === '/__invoke') {
      const body = jsonBody(req);
      if ('status' in body) return body;
      const b = body.value as {
        moduleKey: string;
        functionKey: string;
        payload: unknown;
        accountId: string;
        projectKey?: string;
      };
      const result = await h.runtime.resolver(b.moduleKey, b.functionKey, b.payload ?? {}, {
        accountId: b.accountId,
        ...(b.projectKey ? { extension: { project: { key: b.projectKey } } } : {}),
      });
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(result ?? null),
      };
    }
    if (url.pathname === '/__jira') return jiraAsUser(req);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refused(405, 'GET only\n', { allow: 'GET, HEAD' });
    if (url.pathname === '/admin') return page({ moduleKey: ADMIN_PAGE, accountId: as });
    const project = /^\/project\/([A-Z][A-Z0-9_]*)$/.exec(url.pathname);
    if (project?.[1])
      return page({ moduleKey: PROJECT_PAGE, accountId: as, projectKey: project[1] });
    if (url.pathname === '/__theme.css')
      return { status: 200, headers: { 'content-type': 'text/css' }, body: themeCss() };
    if (url.pathname.startsWith('/assets/')) {
      const file = normalize(join(BUILD, url.pathname));
      if (!file.startsWith(BUILD)) return html('not found', 404);
      try {
        return {
          status: 200,
          headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' },
          body: readFileSync(file),
        };
      } catch {
        return html('not found', 404);
      }
    }
    if (url.pathname === '/') {
      const links = users
        .map((u) => {
          const who = escapeHtml(encodeURIComponent(u.accountId));
          // Who administers what: the people the assignee picker offers for a project's incidents.
          const administers = projects.filter((p) => p.admins?.includes(u.accountId));
          const role = u.siteAdmin
            ? ' (site admin)'
            : administers.length > 0
              ? ` (admin of ${administers.map((p) => escapeHtml(p.key)).join(', ')})`
              : '';
          return `<li>${escapeHtml(u.displayName)}${role}: <a href="/admin?as=${who}">admin page</a> · ${projects
            .map(
              (p) =>
                `<a href="/project/${escapeHtml(encodeURIComponent(p.key))}?as=${who}" title="${escapeHtml(p.name)}">${escapeHtml(p.key)}</a>`,
            )
            .join(' ')}</li>`;
        })
        .join('\n');
      return html(
        `<!doctype html><title>Secret Scanner: local</title><h1>Secret Scanner for Jira, locally</h1><p>Open a page as a fixture user:</p><ul>${links}</ul>`,
      );
    }
    return html('not found', 404);
  }

  const server = await listenLoopback(handle, requestedPort);
  return {
    url: server.url,
    async close() {
      clearInterval(pump);
      await server.close();
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      fixture: { type: 'string' },
      port: { type: 'string', default: '4321' },
      db: { type: 'string' },
      issues: { type: 'string', default: '300' },
      watch: { type: 'boolean' },
      fresh: { type: 'boolean' },
    },
  });
  const fixture: unknown = values.fixture
    ? JSON.parse(readFileSync(values.fixture, 'utf8'))
    : generateSite({ issues: Number(values.issues), seed: 'demo' }).fixture;
  console.log = (...args: unknown[]) => {
    console.error(...args);
  };
  // State is kept between runs (a restart resumes scans); --fresh starts over.
  const dbPath =
    values.db ?? join(ROOT, '.harness', values.fixture ? 'fixture.sqlite' : 'demo.sqlite');
  mkdirSync(dirname(dbPath), { recursive: true });
  if (values.fresh) rmSync(dbPath, { force: true });
  const h = await createHarness({ fixture, incidentApi: true, dbPath });
  const local = await startLocal(h, Number(values.port));
  process.stdout.write(
    `Secret Scanner for Jira is running locally.\n  admin page:  ${local.url}/admin (as ${h.admin})\n  all pages:   ${local.url}/\n  state:       ${dbPath} (--fresh to start over)\nPress Ctrl-C to stop.\n`,
  );
  if (values.watch) watchSources(h);
  return new Promise(() => undefined); // serve until stopped
}

/**
 * `npm run dev`: a change under src/ rebuilds the app bundle and loads it into the running
 * runtime; a change under static/admin/src rebuilds the UI (served from disk, a page reload shows
 * it). The site, the stored state and the queues are kept.
 */
function watchSources(h: Harness): void {
  let timer: NodeJS.Timeout | undefined;
  const changed = { app: false, ui: false };
  const rebuild = async (): Promise<void> => {
    const { app, ui } = changed;
    changed.app = changed.ui = false;
    try {
      if (app) {
        h.reload(await bundleApp());
        process.stdout.write('app rebuilt and reloaded\n');
      }
      if (ui) {
        execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
          cwd: ROOT,
          stdio: 'inherit',
        });
        process.stdout.write('UI rebuilt: reload the page\n');
      }
    } catch (e) {
      process.stdout.write(`rebuild failed: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  };
  const on = (kind: 'app' | 'ui') => () => {
    changed[kind] = true;
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 300);
  };
  watch(join(ROOT, 'src'), { recursive: true }, on('app'));
  watch(join(ROOT, 'static/admin/src'), { recursive: true }, on('ui'));
  process.stdout.write('watching src/ and static/admin/src/ for changes\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
