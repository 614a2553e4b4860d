import { describe, expect, it } from 'vitest';
import { createVirtualScheduler } from '../../../dev/forge-runtime/virtual-time.js';
import { seededRandom } from '../../../dev/site-gen/prng.js';

function clock(seed = 1) {
  let t = 1_000;
  return {
    now: () => t,
    advanceTo: (ms: number) => {
      t = ms;
    },
    random: seededRandom(seed),
  };
}

describe('virtual time', () => {
  it('runs sleepers together: ten sleeps of 50 ms take 50 ms', async () => {
    const c = clock();
    const s = createVirtualScheduler(c);
    let done = 0;
    for (let i = 0; i < 10; i++)
      void s.sleep(50).then(() => {
        done++;
      });
    await s.runUntil(() => done === 10);
    expect(c.now()).toBe(1_050);
  });

  it('wakes in time order, ties in a seeded order that differs between seeds', async () => {
    const order = async (seed: number) => {
      const c = clock(seed);
      const s = createVirtualScheduler(c);
      const woke: number[] = [];
      for (const [i, ms] of [30, 10, 10, 10, 10, 20].entries())
        s.setTimeout(() => woke.push(i), ms);
      await s.runUntil(() => woke.length === 6);
      return woke;
    };
    const a = await order(1);
    expect(a.slice(4)).toEqual([5, 0]);
    expect(await order(1)).toEqual(a);
    const others = await Promise.all([2, 3, 4, 5].map(order));
    expect(others.some((o) => o.join() !== a.join())).toBe(true);
  });

  it('forgets a cleared timer, and says when nothing is left to wake', async () => {
    const s = createVirtualScheduler(clock());
    let fired = false;
    const h = s.setTimeout(() => (fired = true), 5);
    s.clearTimeout(h);
    await expect(s.runUntil(() => fired, 3)).rejects.toThrow(/nothing left to wake/);
  });
});
