/**
 * Forge's per-installation KVS rate limits, on the runtime's virtual clock: requests per second,
 * and 10 KB read and write units per minute (reference/forge.md, "Per-installation rates"). A
 * request past them is answered 429 `TOO_MANY_REQUESTS`, as the platform does, and costs nothing.
 * Sizes (value, transaction, payload) are checked by the KVS emulation itself (kvs.ts).
 * @module
 */

export interface KvsRateLimits {
  readonly requestsPerSecond: number;
  readonly readUnitsPerMinute: number;
  readonly writeUnitsPerMinute: number;
}

export const KVS_RATE_LIMITS: KvsRateLimits = {
  requestsPerSecond: 1000,
  readUnitsPerMinute: 4000,
  writeUnitsPerMinute: 4000,
};

export interface KvsLimiter {
  /** Whether a request may go now; a refused one is counted in `refused`. */
  admit(write: boolean): boolean;
  /** The units an admitted request used (known once it was answered). */
  charge(write: boolean, units: number): void;
  readonly refused: () => number;
}

/**
 * Sums over a sliding window of `span` ms: a running sum, and entries leave from the front as the
 * window passes them (time only moves forward), so a request costs O(1) however many are in it.
 */
function windowOf(span: number, now: () => number) {
  const entries: { at: number; n: number }[] = [];
  let head = 0;
  let sum = 0;
  return {
    total(): number {
      const from = now() - span;
      while (head < entries.length && (entries[head]?.at ?? Infinity) <= from) {
        sum -= entries[head]?.n ?? 0;
        head++;
      }
      // Drop what has left once it is most of the array, so memory follows the window.
      if (head > 1024 && head * 2 > entries.length) {
        entries.splice(0, head);
        head = 0;
      }
      return sum;
    },
    add(n: number): void {
      entries.push({ at: now(), n });
      sum += n;
    },
  };
}

export function createKvsLimiter(limits: KvsRateLimits, now: () => number): KvsLimiter {
  const requests = windowOf(1000, now);
  const units = { read: windowOf(60_000, now), write: windowOf(60_000, now) };
  let refused = 0;
  return {
    admit(write) {
      const ok =
        requests.total() < limits.requestsPerSecond &&
        (write
          ? units.write.total() < limits.writeUnitsPerMinute
          : units.read.total() < limits.readUnitsPerMinute);
      if (ok) requests.add(1);
      else refused++;
      return ok;
    },
    charge(write, n) {
      (write ? units.write : units.read).add(n);
    },
    refused: () => refused,
  };
}
