/**
 * `--check-validity` in the command line: the app's checkers, each secret sent once to its own
 * issuer's host (all providers on, no owner kept), over the network's fetch unless a test or the
 * dev tooling plugs in the provider simulator. Off unless asked.
 * @module
 */
import { makeFingerprinter, type FingerprintKey } from '../engine/fingerprint.js';
import {
  createValiditySession,
  type ValidityFetch,
  type ValidityResult,
  type ValiditySession,
} from '../validity/index.js';

/** The network's fetch as the checkers use it (no redirect followed: the runner asks so). */
export const networkValidityFetch: ValidityFetch = async (url, init) => {
  const r = await fetch(url, init);
  return { status: r.status, headers: r.headers, text: () => r.text() };
};

export function cliValiditySession(
  fetch: ValidityFetch,
  fingerprintKey: FingerprintKey,
): ValiditySession {
  return createValiditySession({
    fetch,
    deadline: (ms) => AbortSignal.timeout(ms),
    now: () => new Date().toISOString(),
    fingerprint: makeFingerprinter(fingerprintKey),
    isProviderEnabled: () => true,
  });
}

/** A finding's validity as the JSON output carries it (the incident's field names). */
export async function validityFields(
  session: ValiditySession,
  f: { readonly detector: string; readonly fingerprint: string },
): Promise<{
  validity: ValidityResult['validity'];
  validity_checked_at?: string;
  validity_reason?: string;
}> {
  const r = (await session.resultFor(f.detector, f.fingerprint)) ?? { validity: 'no_checker' };
  return {
    validity: r.validity,
    ...(r.checked_at ? { validity_checked_at: r.checked_at } : {}),
    ...(r.reason ? { validity_reason: r.reason } : {}),
  };
}
