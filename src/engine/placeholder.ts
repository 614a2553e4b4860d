/**
 * Documentation examples, templates and masked values are never findings. These checks run on the
 * extracted secret (and, for truncation, on the chars right after it).
 * @module
 */

// Words that mark a value as written for the reader, not copied from a live system.
const PLACEHOLDER_WORDS =
  /example|sample|dummy|placeholder|redacted|changeme|change_me|insert|replace_?me|your[_-]|yourtoken|yourkey|yoursecret|yourpassword|fake|notreal|not_real|lorem|abcdefg|bcdefgh|1234567|2345678|qwerty/i;
// Template and variable syntaxes: ${VAR}, {{ var }}, <your-token>, %VAR%, @VAR@, $VAR, [REDACTED].
const TEMPLATE =
  /\$\{[^}]*\}?|\{\{|\}\}|<[^>]{0,80}>?|^<|>$|%[A-Za-z_][A-Za-z0-9_]*%|@[A-Z_][A-Z0-9_]*@|^\$[A-Za-z_]|\[[A-Z_ ]{3,}\]/;
// Masking and elision: ****, ••••, xxxx, ...., a run of 4 or more '0', or any char 6 times in a row.
const MASKED = /\*{3,}|•{2,}|…|\.{3,}|[xX]{4,}|0{4,}|(.)\1{5,}/;

/** Weak values that appear in docs and samples as "the password here". */
const WEAK_PASSWORDS = new Set([
  'password',
  'passw0rd',
  'pass',
  'passwd',
  'pwd',
  'secret',
  'changeme',
  'admin',
  'root',
  'test',
  'user',
  'username',
  'guest',
  'default',
  'mypassword',
  'yourpassword',
  'mysecret',
  'token',
  'null',
  'none',
  'undefined',
  'true',
  'false',
  'foo',
  'bar',
  'foobar',
  'p@ssw0rd',
  'pa55word',
]);

/**
 * Why `value` is a placeholder, in words an admin testing a pattern can act on (the part of the
 * value that gave it away included), or undefined when it is not one.
 */
export function placeholderReason(value: string): string | undefined {
  // Quoted only when short: a marker, never a stretch of what could be a secret.
  const quote = (m: RegExpExecArray) => (m[0].length <= 10 ? ` “${m[0]}”` : ' a marker');
  const word = PLACEHOLDER_WORDS.exec(value);
  if (word) return `it contains${quote(word)}, which marks example values`;
  const template = TEMPLATE.exec(value);
  if (template) return `it contains${quote(template)}, which marks a template or variable`;
  const masked = MASKED.exec(value);
  if (masked) return `it contains${quote(masked)}, which marks a masked or elided value`;
  if (WEAK_PASSWORDS.has(value.toLowerCase())) return 'it is a common sample password';
  if ((value.length >= 8 && fewDistinct(value, 3)) || /^(.)\1{2,}$/.test(value))
    return 'it has too few different characters to be random';
  return undefined;
}

/**
 * Whether `value` holds at most `max` distinct code points: `new Set(value).size <= max` without
 * building the set, which cost two thirds of this whole check per candidate. Stops at the first
 * code point over `max`, a few chars into a real secret.
 */
function fewDistinct(value: string, max: number): boolean {
  const seen: string[] = [];
  for (const c of value) {
    if (seen.includes(c)) continue;
    if (seen.length === max) return false;
    seen.push(c);
  }
  return true;
}

/** True when `value` is a placeholder, a template, masked, or too uniform to be random. */
export function isPlaceholderValue(value: string): boolean {
  return placeholderReason(value) !== undefined;
}

/** True when the text right after a candidate shows it was cut short (`...`, `…`, `***`). */
export function isTruncatedAt(text: string, end: number): boolean {
  const next = text.slice(end, end + 3);
  return next.startsWith('...') || next.startsWith('…') || next.startsWith('**');
}
