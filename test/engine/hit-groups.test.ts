import { describe, expect, it } from 'vitest';
import { HitGroups } from '../../src/engine/hit-groups.js';

describe('HitGroups', () => {
  // keyword 0 -> rules 2 and 0, keyword 1 -> rule 2, keyword 2 -> no rule
  const rulesOf = [[2, 0], [2], []];
  const lengthOf = Int32Array.from([5, 3, 4]);
  const groupsOf = (g: HitGroups) =>
    g.touched.map((ri) => {
      const hits: [number, number][] = [];
      for (let i = g.from[ri] as number; i < (g.to[ri] as number); i++)
        hits.push([g.starts[i] as number, g.lengths[i] as number]);
      return [ri, hits];
    });
  it('groups hits by rule, rules ascending, hits in the order given', () => {
    const g = new HitGroups(3, rulesOf, lengthOf);
    g.group(Int32Array.from([0, 10, 1, 4, 2, 7, 0, 30]), 8);
    expect(groupsOf(g)).toEqual([
      [
        0,
        [
          [10, 5],
          [30, 5],
        ],
      ],
      [
        2,
        [
          [10, 5],
          [4, 3],
          [30, 5],
        ],
      ],
    ]);
  });
  it('starts afresh on each call and grows its buffers', () => {
    const g = new HitGroups(3, rulesOf, lengthOf);
    g.group(Int32Array.from([1, 4]), 2);
    const many = new Int32Array(4000);
    for (let i = 0; i < many.length; i += 2) many[i + 1] = i;
    g.group(many, many.length);
    const groups = groupsOf(g);
    expect(groups.map(([ri]) => ri)).toEqual([0, 2]);
    expect((groups[1]?.[1] as unknown[]).length).toBe(2000);
    g.group(Int32Array.from([1, 9]), 2);
    expect(groupsOf(g)).toEqual([[2, [[9, 3]]]]);
  });
});
