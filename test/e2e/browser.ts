/**
 * The browser the end-to-end tests drive: the Chromium that `@sparticuz/chromium` ships inside its
 * npm tarball, so `npm ci` is the whole set-up and every machine runs the same build (no system
 * package, no download at test time).
 *
 * The package unpacks its binary into `os.tmpdir()` and reuses whatever it finds there, whoever
 * put it there: we unpack it once per package version into node_modules/.cache instead, in a child
 * process whose TMPDIR is a private folder that is renamed into place only when complete.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  bundleApp,
  createHarness,
  type Harness,
  type HarnessOptions,
} from '../../dev/harness/harness.js';
import { startLocal } from '../../dev/harness/start.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The flags this machine needs: no sandbox (containers), no GPU, nothing reaching the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The version of `@sparticuz/chromium` installed: its major is the Chromium major it ships. */
export function packageVersion(): string {
  const pkg = join(root, 'node_modules/@sparticuz/chromium/package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** The unpacked packaged Chromium: `{ executable, fontsConf }`, unpacking it on first use. */
export function packagedChromium(): { executable: string; fontsConf: string } {
  const dir = join(root, 'node_modules/.cache/sparticuz-chromium', packageVersion());
  const executable = join(dir, 'chromium');
  const fontsConf = join(dir, 'fonts.local.conf');
  if (!existsSync(fontsConf)) {
    const partial = `${dir}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import c from '@sparticuz/chromium'; process.stdout.write(await c.executablePath());",
      ],
      { cwd: root, env: { ...process.env, TMPDIR: partial }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    writeFileSync(join(partial, 'fonts.local.conf'), fontsConfOf(dir));
    try {
      renameSync(partial, dir);
    } catch (e) {
      // Another process finished first: use its copy.
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(fontsConf)) throw e;
    }
  }
  // A copy unpacked through another path to this folder (a symlinked node_modules) names that
  // path's fonts, which may be gone: the conf always names this folder's.
  const conf = fontsConfOf(dir);
  if (readFileSync(fontsConf, 'utf8') !== conf) writeFileSync(fontsConf, conf);
  return { executable, fontsConf };
}

/**
 * Its fonts.conf names Lambda's folders; ours names the fonts it unpacked, so text renders with
 * the same font whatever the machine has installed.
 */
function fontsConfOf(dir: string): string {
  return (
    `<?xml version="1.0"?>\n<fontconfig>\n  <dir>${join(dir, 'fonts')}</dir>\n` +
    `  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`
  );
}

/**
 * Launches the packaged Chromium headless. Playwright gives every launch a fresh temporary
 * profile (it refuses `--user-data-dir` in `args`), so no state carries over between runs.
 */
export async function launchChromium(): Promise<Browser> {
  const { executable, fontsConf } = packagedChromium();
  return chromium.launch({
    executablePath: executable,
    args: CHROMIUM_ARGS,
    env: { ...process.env, FONTCONFIG_FILE: fontsConf },
  });
}

/** Where the browser tests write screenshots and exported files (created on start). */
export const ARTIFACTS = join(root, 'test-artifacts/');

/** A harness, `npm start`'s server over it, and the packaged Chromium, ready for a test file. */
export interface BrowserApp {
  readonly h: Harness;
  /** The local server's base URL, without a trailing slash. */
  readonly url: string;
  readonly browser: Browser;
  /** A new page at `path` (`/admin`, `/project/WEB`) as `as` (default: the site admin). */
  open(path: string, o?: OpenOptions): Promise<Page>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The account id the page acts as; default: the fixture's site admin. */
  readonly as?: string;
  /** `light` or `dark`: the local page's `?theme=` switch. */
  readonly theme?: string;
  /** Playwright's default (1280 x 720) when absent. */
  readonly viewport?: { readonly width: number; readonly height: number };
}

export interface BrowserAppOptions extends Omit<HarnessOptions, 'appFile'> {
  /** Run a historical scan in the harness before the server starts. */
  readonly historicalScan?: boolean;
}

/** Starts the app bundled from this checkout, its local server and Chromium; `close` ends all three. */
export async function startBrowserApp(o: BrowserAppOptions): Promise<BrowserApp> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const { historicalScan, ...options } = o;
  const h = await createHarness({ ...options, appFile: await bundleApp() });
  if (historicalScan) await h.historicalScan();
  const local = await startLocal(h, 0);
  const browser = await launchChromium();
  return {
    h,
    url: local.url,
    browser,
    async open(path, { as = h.admin, theme, viewport } = {}) {
      const page = await browser.newPage(viewport ? { viewport } : {});
      const query = new URLSearchParams({ as, ...(theme ? { theme } : {}) });
      await page.goto(`${local.url}${path}${path.includes('?') ? '&' : '?'}${query.toString()}`);
      return page;
    },
    async close() {
      await browser.close();
      await local.close();
      h.close();
    },
  };
}

/**
 * The app of a test file: started in `beforeAll`, closed in `afterAll`. Its fields can be read
 * only inside tests and later hooks.
 */
export function useBrowserApp(o: BrowserAppOptions): BrowserApp {
  let app: BrowserApp | undefined;
  const started = (): BrowserApp => {
    if (!app) throw new Error('the app starts in beforeAll: use it inside a test');
    return app;
  };
  beforeAll(async () => {
    app = await startBrowserApp(o);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });
  return {
    get h() {
      return started().h;
    },
    get url() {
      return started().url;
    },
    get browser() {
      return started().browser;
    },
    open: async (path, options) => started().open(path, options),
    close: async () => started().close(),
  };
}
