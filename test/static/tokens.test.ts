// The stylesheet uses Atlassian design tokens only by their real names, each with the light
// theme's value as fallback, and the text/background pairs it uses stay readable (WCAG AA contrast)
// in Jira's light and dark themes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const tokenNames = (require('@atlaskit/tokens/token-names') as { default: Record<string, string> })
  .default;
const defaults = (
  require('@atlaskit/tokens/token-default-values') as { default: Record<string, string> }
).default;

const css = readFileSync('static/admin/src/styles.css', 'utf8');

/** `var(--ds-x, fallback)` uses, the fallback read up to the matching parenthesis. */
function tokenUses(text: string): { name: string; fallback: string | undefined }[] {
  const uses: { name: string; fallback: string | undefined }[] = [];
  const re = /var\(\s*(--ds-[a-z0-9-]+)\s*(,)?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1] ?? '';
    if (!m[2]) {
      uses.push({ name, fallback: undefined });
      continue;
    }
    let depth = 1;
    let i = re.lastIndex;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
    }
    uses.push({ name, fallback: text.slice(re.lastIndex, i - 1) });
  }
  return uses;
}

const byVariable = new Map(Object.entries(tokenNames).map(([token, v]) => [v, token]));
const normalise = (v: string): string =>
  v.replace(/\s+/g, ' ').replace(/"/g, "'").trim().toLowerCase();

describe('design tokens in styles.css', () => {
  const uses = tokenUses(css);

  it('are used at all', () => {
    expect(uses.length).toBeGreaterThan(50);
  });

  it('are real token names', () => {
    expect(uses.filter((u) => !byVariable.has(u.name)).map((u) => u.name)).toEqual([]);
  });

  it("each fall back to the light theme's value", () => {
    const wrong = uses.flatMap((u) => {
      const token = byVariable.get(u.name);
      const expected = token ? defaults[token] : undefined;
      return expected && u.fallback !== undefined && normalise(u.fallback) === normalise(expected)
        ? []
        : [`${u.name}: ${u.fallback ?? '(none)'} (light: ${expected ?? '?'})`];
    });
    expect(wrong).toEqual([]);
  });
});

// --- contrast ---------------------------------------------------------------------------------

type Rgba = [number, number, number, number];

function parseHex(hex: string): Rgba {
  const h = hex.replace('#', '');
  const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
  return [n(0), n(2), n(4), h.length === 8 ? n(6) / 255 : 1];
}

function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (bottom[i] ?? 0) * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A theme's CSS variables, from the theme file @atlaskit/tokens ships for Jira to load. */
function theme(id: 'light' | 'dark'): Map<string, string> {
  const mod = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/atlassian-${id}.js`) as {
    default: string;
  };
  const vars = new Map<string, string>();
  for (const m of mod.default.matchAll(/(--ds-[a-z0-9-]+)\s*:\s*(#[0-9a-fA-F]{6,8})/g))
    vars.set(m[1] ?? '', m[2] ?? '');
  return vars;
}

// [text, background] pairs the stylesheet draws text with (background over the page surface).
const PAIRS: [string, string][] = [
  ['--ds-text', '--ds-surface'],
  ['--ds-text-subtle', '--ds-surface'],
  ['--ds-text-subtle', '--ds-surface-sunken'],
  ['--ds-link', '--ds-surface'],
  ['--ds-text-selected', '--ds-surface'],
  ['--ds-text', '--ds-surface-overlay'],
  ['--ds-text-danger', '--ds-surface-overlay'],
  ['--ds-text', '--ds-background-selected'],
  ['--ds-text', '--ds-background-neutral'],
  ['--ds-text-inverse', '--ds-background-brand-bold'],
  ['--ds-text-inverse', '--ds-background-danger-bold'],
  ['--ds-text-subtle', '--ds-background-neutral'],
  ['--ds-text-danger', '--ds-background-danger'],
  ['--ds-text', '--ds-background-danger'],
  ['--ds-text-warning', '--ds-background-warning'],
  ['--ds-text-success', '--ds-background-success'],
  ['--ds-text-information', '--ds-background-information'],
  ['--ds-text-discovery', '--ds-background-discovery'],
  ['--ds-text-danger', '--ds-surface'],
  ['--ds-text-success', '--ds-surface'],
  ['--ds-text-warning', '--ds-surface'],
];

describe.each(['light', 'dark'] as const)('the %s theme', (id) => {
  const vars = theme(id);
  it.each(PAIRS)('%s on %s is readable', (fg, bg) => {
    const surface = parseHex(vars.get('--ds-surface') ?? '');
    const back = over(parseHex(vars.get(bg) ?? ''), surface);
    const text = over(parseHex(vars.get(fg) ?? ''), back);
    expect(contrast(text, back)).toBeGreaterThanOrEqual(4.5);
  });
  it('defines every token the stylesheet uses', () => {
    const colours = tokenUses(css)
      .map((u) => u.name)
      .filter((n) => /^--ds-(text|link|surface|background|border|icon)/.test(n));
    expect(colours.filter((n) => !vars.has(n))).toEqual([]);
  });
});
