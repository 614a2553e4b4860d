/**
 * Virtual time for invocations that run at once: every platform call and every `setTimeout` of
 * an invocation is a sleep on the virtual clock, and the clock jumps to the next wake-up only
 * when everything that can run has run. So N invocations of 50 ms each take 50 ms of virtual time
 * together, not N x 50, and they interleave at every await. Wake-ups due at the same time go in a
 * seeded random order: each seed is one interleaving, reproducible.
 * @module
 */

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fire: () => void;
}

/** A virtual timer's handle, shaped like Node's Timeout for the code that holds it. */
export class VirtualTimeout {
  constructor(readonly seq: number) {}
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  hasRef(): boolean {
    return false;
  }
  refresh(): this {
    return this;
  }
  [Symbol.toPrimitive](): number {
    return this.seq;
  }
}

export interface VirtualScheduler {
  /** Resolves once the virtual clock has moved `ms` on. */
  sleep(ms: number): Promise<void>;
  /** A virtual `setTimeout`. */
  setTimeout(fn: () => void, ms: number): VirtualTimeout;
  clearTimeout(handle: VirtualTimeout): void;
  /**
   * Lets everything run, jumping the clock from wake-up to wake-up, until `done()` holds. Throws
   * if nothing is left to wake and `done()` still does not hold after `idleTurns` turns.
   */
  runUntil(done: () => boolean, idleTurns?: number): Promise<void>;
}

const turn = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

export function createVirtualScheduler(clock: {
  now(): number;
  advanceTo(ms: number): void;
  random(): number;
}): VirtualScheduler {
  let timers: Timer[] = [];
  let seq = 0;
  const add = (ms: number, fire: () => void): number => {
    const t = { at: clock.now() + Math.max(0, ms), seq: ++seq, fire };
    timers.push(t);
    return t.seq;
  };
  /** The earliest wake-up; among those due at the same time, a random one. */
  const take = (): Timer | undefined => {
    if (timers.length === 0) return undefined;
    const at = Math.min(...timers.map((t) => t.at));
    const due = timers.filter((t) => t.at === at);
    const pick = due[Math.floor(clock.random() * due.length)] ?? due[0];
    timers = timers.filter((t) => t !== pick);
    return pick;
  };
  return {
    sleep: (ms) =>
      new Promise((resolve) => {
        add(ms, resolve);
      }),
    setTimeout: (fn, ms) => new VirtualTimeout(add(ms, fn)),
    clearTimeout(handle) {
      timers = timers.filter((t) => t.seq !== handle.seq);
    },
    async runUntil(done, idleTurns = 1000) {
      let idle = 0;
      for (;;) {
        // Two turns of the event loop: every promise that can settle without a wake-up has.
        await turn();
        await turn();
        if (done()) return;
        const next = take();
        if (next) {
          idle = 0;
          if (next.at > clock.now()) clock.advanceTo(next.at);
          next.fire();
        } else if (++idle > idleTurns) {
          throw new Error('virtual time: nothing left to wake, and the run is not done');
        }
      }
    },
  };
}
