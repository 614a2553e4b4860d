import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../dev/site-gen/prng.js';
import { LineIndex } from '../../src/engine/lines.js';

/** Line and column by brute force: every `\r\n`, `\n` and `\r` before the offset ends a line. */
function naive(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    else if (c !== '\r' && c !== '\n') continue;
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

describe('LineIndex', () => {
  it('counts \\r\\n, \\n and \\r as one break each, offsets in order or not', () => {
    const rnd = seededRandom(5);
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let len = Math.floor(rnd() * 30); len > 0; len--)
        text += ['a', 'b', '\n', '\r', '\r\n', '部'][Math.floor(rnd() * 6)] as string;
      const index = new LineIndex(text);
      const offsets = Array.from({ length: 6 }, () => Math.floor(rnd() * (text.length + 1)));
      // Sorted (as findings come), then the same again, out of order.
      for (const o of [...offsets].sort((a, b) => a - b).concat(offsets))
        expect(index.position(o), `${JSON.stringify(text)} @${o}`).toEqual(naive(text, o));
    }
  });
});
