import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlaceholderValue, placeholderReason } from '../../src/engine/placeholder.js';

const UNIFORM = 'it has too few different characters to be random';

describe('placeholderReason', () => {
  it('names the marker that gave a value away', () => {
    expect(placeholderReason('sk_live_EXAMPLEKEY0001')).toMatch(/“EXAMPLE”/);
    expect(placeholderReason('${API_TOKEN}')).toMatch(/template/);
    expect(placeholderReason('ghp_****************')).toMatch(/masked/);
    expect(placeholderReason('Password')).toBe('it is a common sample password');
    expect(placeholderReason('abababab')).toBe(UNIFORM);
    expect(placeholderReason('q7Rt2vW9xZ4bN6mK')).toBeUndefined();
    expect(isPlaceholderValue('q7Rt2vW9xZ4bN6mK')).toBe(false);
  });

  it('counts distinct code points as a set of the value would (emoji and lone surrogates too)', () => {
    const text = fc
      .array(fc.constantFrom('k', 'Q', '9', '🚀', '部', '\uD83D', '\uDE80', 'é'), { maxLength: 24 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (value) => {
        const reason = placeholderReason(value);
        // Values a marker rule catches first (six of one char in a row) say nothing here.
        fc.pre(reason === undefined || reason === UNIFORM);
        const expected =
          (value.length >= 8 && new Set(value).size <= 3) || /^(.)\1{2,}$/.test(value);
        expect(reason === UNIFORM).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
