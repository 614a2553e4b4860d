/**
 * Jira Cloud's rate limits and injected faults for the simulator (../shared/reference/jira.md §9).
 *
 * - Hourly quota: points (the simulator's cost model: 1 per request plus 1 per core object
 *   returned) counted per UTC clock hour. Once the hour's points reach `pointsPerHour`, every
 *   request answers 429 `RateLimit-Reason: jira-quota-tenant-based` until the top of the hour
 *   (`Retry-After` in seconds, rounded up; `X-RateLimit-Reset` the ISO instant). A request is
 *   admitted while any point is left, so the last one may overshoot, as a cost known only after
 *   the answer would.
 * - Burst: a token bucket per endpoint and method (`endpointOf` keys), holding `burstPerSecond`
 *   tokens and refilled at that rate; an empty bucket answers 429 `jira-burst-based` with the
 *   seconds until the next token (rounded up, so at least 1).
 * - Faults: a share of requests answers 429 (`jira-burst-based`) or 503 at random, before anything
 *   else happens, so a retry sees the same site. Both carry `Retry-After: 0`: a client honouring
 *   it retries at once, which keeps harness runs fast while exercising the retry paths.
 *
 * Refused requests (limits and faults) cost no points and take no burst token.
 * @module
 */

export interface RateLimitOptions {
  /** Points per UTC hour (Jira's Tier 1 pool: 65,000). Default: no quota. */
  readonly pointsPerHour?: number;
  /**
   * Requests per second per endpoint and method: one number for all, or per endpoint (keys like
   * `GET /rest/api/3/issue/{id}`; `jiraBurstPerSecond` gives Jira's defaults). Default: no limit.
   */
  readonly burstPerSecond?: number | ((endpoint: string) => number);
  /** Epoch ms. Default: the simulator's clock. */
  readonly clock?: () => number;
}

export interface FaultOptions {
  /** Share of requests, in [0, 1], that fail (half 429, half 503). */
  readonly rate: number;
  /** In [0, 1). Default: Math.random. Seed it for reproducible runs. */
  readonly random?: () => number;
}

export type RateLimitReason = 'jira-quota-tenant-based' | 'jira-burst-based';

/** A request turned away before it reaches the site. */
export interface Refusal {
  readonly status: 429 | 503;
  readonly headers: Record<string, string>;
  readonly message: string;
  /** True for an injected fault. */
  readonly injected: boolean;
}

const HOUR_MS = 3_600_000;

/** Jira's documented burst defaults: GET/POST 100/s, PUT/DELETE 50/s, with a few overrides. */
export function jiraBurstPerSecond(endpoint: string): number {
  const overrides: Readonly<Record<string, number>> = {
    'GET /rest/api/3/issue/{id}': 150,
    'GET /rest/api/3/issue/{id}/changelog': 200,
    'POST /rest/api/3/search/approximate-count': 150,
  };
  const method = endpoint.split(' ')[0] ?? '';
  return overrides[endpoint] ?? (method === 'PUT' || method === 'DELETE' ? 50 : 100);
}

const RATE_LIMITED = 'Rate limit exceeded.';

/** Quota and burst state for one simulated tenant. */
export class RateLimiter {
  private hour = Number.NaN;
  private used = 0;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly clock: () => number,
  ) {}

  private now(): number {
    return (this.options.clock ?? this.clock)();
  }

  private burstOf(endpoint: string): number | undefined {
    const b = this.options.burstPerSecond;
    return typeof b === 'function' ? b(endpoint) : b;
  }

  /** Points used in the current hour (after rolling the window). */
  private usedNow(now: number): number {
    const hour = Math.floor(now / HOUR_MS);
    if (hour !== this.hour) {
      this.hour = hour;
      this.used = 0;
    }
    return this.used;
  }

  /** Admits a request (taking a burst token) or refuses it. */
  admit(endpoint: string): Refusal | undefined {
    const now = this.now();
    const quota = this.options.pointsPerHour;
    if (quota !== undefined && this.usedNow(now) >= quota) {
      const reset = (Math.floor(now / HOUR_MS) + 1) * HOUR_MS;
      return {
        status: 429,
        injected: false,
        message: RATE_LIMITED,
        headers: {
          'retry-after': String(Math.ceil((reset - now) / 1000)),
          'ratelimit-reason': 'jira-quota-tenant-based',
          'x-ratelimit-limit': String(quota),
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': new Date(reset).toISOString(),
        },
      };
    }
    const rate = this.burstOf(endpoint);
    if (rate !== undefined) {
      const b = this.buckets.get(endpoint) ?? { tokens: rate, at: now };
      b.tokens = Math.min(rate, b.tokens + (Math.max(0, now - b.at) / 1000) * rate);
      b.at = now;
      this.buckets.set(endpoint, b);
      if (b.tokens < 1) {
        const waitMs = ((1 - b.tokens) / rate) * 1000;
        return {
          status: 429,
          injected: false,
          message: RATE_LIMITED,
          headers: {
            'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
            'ratelimit-reason': 'jira-burst-based',
            'x-ratelimit-limit': String(rate),
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': new Date(now + Math.ceil(waitMs)).toISOString(),
          },
        };
      }
      b.tokens -= 1;
    }
    return undefined;
  }

  /** Charges an answered request's points to the hour. */
  charge(points: number): void {
    this.usedNow(this.now());
    this.used += points;
  }

  /** Headers on an admitted answer: `X-RateLimit-NearLimit` when under 20% of the quota is left. */
  headers(): Record<string, string> {
    const quota = this.options.pointsPerHour;
    if (quota === undefined) return {};
    const left = quota - this.usedNow(this.now());
    return left < quota * 0.2 ? { 'x-ratelimit-nearlimit': 'true' } : {};
  }
}

/** Injected faults: a refusal for a `rate` share of requests, or undefined. */
export function faultInjector(options: FaultOptions): (endpoint: string) => Refusal | undefined {
  const random = options.random ?? Math.random;
  return (endpoint) => {
    if (!(random() < options.rate)) return undefined;
    if (random() < 0.5) {
      return {
        status: 429,
        injected: true,
        message: RATE_LIMITED,
        headers: {
          'retry-after': '0',
          'ratelimit-reason': 'jira-burst-based',
          'x-ratelimit-limit': String(jiraBurstPerSecond(endpoint)),
          'x-ratelimit-remaining': '0',
        },
      };
    }
    return {
      status: 503,
      injected: true,
      message: 'Service Unavailable (injected by the simulator).',
      headers: { 'retry-after': '0' },
    };
  };
}
