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
import { chromium, type Browser } from 'playwright-core';

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
