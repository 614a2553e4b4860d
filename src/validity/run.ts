/**
 * Runs one checker: the request goes over HTTPS to the checker's own host only, never follows a
 * redirect, stops after a short timeout, and its answer is read once and dropped. Rate limits,
 * 5xx, network errors, timeouts and answers a checker does not recognise are `failed_to_check`
 * with a reason, never a guess. Errors are values; nothing is logged, so no secret can be.
 * @module
 */
import type { CheckOutcome, Checker, ValidityFetch } from './types.js';

export interface CheckPorts {
  readonly fetch: ValidityFetch;
  /** An AbortSignal that fires after `ms` (the platform's timer, or a test's). */
  readonly deadline: (ms: number) => AbortSignal;
  /** Default 5000: a real-time trigger has 25 s for everything. */
  readonly timeoutMs?: number;
  /** ISO time, for checkers that sign their request (AWS). */
  readonly now?: () => string;
}

export const DEFAULT_TIMEOUT_MS = 5000;
/** An answer bigger than this is not a whoami: do not read it all. */
const MAX_BODY_CHARS = 64 * 1024;

const timedOut = (signal: AbortSignal): Promise<'timeout'> =>
  new Promise((resolve) => {
    if (signal.aborted) resolve('timeout');
    else
      signal.addEventListener(
        'abort',
        () => {
          resolve('timeout');
        },
        { once: true },
      );
  });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function runCheck(
  checker: Checker,
  secret: string,
  ports: CheckPorts,
  partner?: string,
): Promise<CheckOutcome> {
  // A paired checker without its partner has nothing proper to send.
  if (checker.partner !== undefined && !partner)
    return { validity: 'failed_to_check', reason: 'not_allowed' };
  const now = ports.now?.();
  const req = checker.request(secret, {
    ...(partner !== undefined ? { partner } : {}),
    ...(now !== undefined ? { now } : {}),
  });
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return { validity: 'failed_to_check', reason: 'not_allowed' };
  }
  // A checker bug must not send a secret anywhere but its issuer's host over TLS.
  if (url.protocol !== 'https:' || url.hostname !== checker.host || url.port !== '')
    return { validity: 'failed_to_check', reason: 'not_allowed' };
  const signal = ports.deadline(ports.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  // A fetch that ignores the signal still loses the race to it.
  const stop = timedOut(signal);
  let res;
  try {
    const sent = ports.fetch(req.url, {
      method: req.method,
      headers: req.headers,
      ...(req.body !== undefined ? { body: req.body } : {}),
      signal,
      redirect: 'manual',
    });
    sent.catch(() => undefined); // a late rejection after the timeout is not unhandled
    res = await Promise.race([sent, stop]);
  } catch {
    return signal.aborted
      ? { validity: 'failed_to_check', reason: 'timeout' }
      : { validity: 'failed_to_check', reason: 'network' };
  }
  if (res === 'timeout') return { validity: 'failed_to_check', reason: 'timeout' };
  const status = res.status;
  if (status === 429) return { validity: 'failed_to_check', reason: 'rate_limited', status };
  if (status >= 500) return { validity: 'failed_to_check', reason: 'server_error', status };
  // The answer is read once, here, and dropped after interpret (it may name the owner).
  let text: { body: string } | 'timeout';
  try {
    text = await Promise.race([res.text().then((body) => ({ body })), stop]);
  } catch {
    return { validity: 'failed_to_check', reason: 'network', status };
  }
  if (text === 'timeout') return { validity: 'failed_to_check', reason: 'timeout', status };
  const body = text.body;
  const json = body.length <= MAX_BODY_CHARS ? parseJson(body) : undefined;
  return (
    checker.interpret({ status, json, text: body.length <= MAX_BODY_CHARS ? body : '' }) ?? {
      validity: 'failed_to_check',
      reason: 'unrecognised_answer',
      status,
    }
  );
}
