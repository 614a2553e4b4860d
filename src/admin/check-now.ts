/**
 * "Check now": the app never stores a secret, so checking an incident again reads one of its
 * places from Jira again (as a real-time event would), finds the secret there by its fingerprint,
 * checks it and forgets it. A place that no longer holds it says so (failed_to_check, reason
 * no_longer_present); nothing is guessed.
 * @module
 */
import { DETECTORS } from '../detectors/index.js';
import { severityOf } from '../engine/severity.js';
import type { Severity } from '../engine/types.js';
import { withValidity, type Incident } from '../incidents/model.js';
import { updateIncident } from '../incidents/store.js';
import { scanIssue, searchFields, type OnSecret } from '../scan/scan-issue.js';
import { scanProjectDocs } from '../scan/scan-project.js';
import {
  checkerFor,
  createValiditySession,
  type ValidityResult,
  type ValiditySession,
} from '../validity/index.js';
import type { Scanner } from '../engine/scan.js';
import type { FieldMeta } from '../content/issue-units.js';
import { makeFingerprinter } from '../engine/fingerprint.js';
import { fingerprintKey, scannerOf, textFields, type AppDeps } from './context.js';
import { enqueueIncidents } from './delivery.js';
import { isProviderChecked, loadSettings } from './settings.js';

export type CheckNowResult =
  | { readonly ok: true; readonly incident: Incident }
  | {
      readonly ok: false;
      readonly code: 'not-found' | 'conflict';
      readonly error: string;
    };

/** Places read at most: each costs one or two Jira requests. */
const MAX_PLACES = 3;

export async function checkNow(deps: AppDeps, incidentId: string): Promise<CheckNowResult> {
  const incident = await deps.store.getIncident(incidentId);
  if (!incident) return { ok: false, code: 'not-found', error: 'no such incident' };
  const settings = await loadSettings(deps.docs);
  if (!settings.validityChecks.enabled || !deps.validity)
    return {
      ok: false,
      code: 'conflict',
      error: 'validity checks are off: turn them on in Settings',
    };
  const checker = checkerFor(incident.detector.name);
  if (!checker) return record(deps, incident, { validity: 'no_checker' });
  if (!isProviderChecked(settings, checker.provider))
    return {
      ok: false,
      code: 'conflict',
      error: `checks of ${checker.name} secrets are off: switch them on in Settings`,
    };

  const session = createValiditySession({
    ...deps.validity,
    now: deps.now,
    fingerprint: makeFingerprinter(await fingerprintKey(deps)),
    isProviderEnabled: () => true,
    keepIdentity: settings.validityChecks.keepIdentity,
  });
  const result = await recheck(deps, incident, {
    session,
    scanner: await scannerOf(deps, settings),
    fields: () => textFields(deps),
  });
  return record(deps, incident, result);
}

/** What re-checks of one run share: one session (per-provider limits), one scanner, the fields. */
export interface RecheckContext {
  readonly session: ValiditySession;
  readonly scanner: Scanner;
  /** The site's text fields (read once, on first need). */
  readonly fields: () => Promise<readonly FieldMeta[]>;
}

/**
 * Reads the incident's places again (at most MAX_PLACES), hands only its own secret (by
 * fingerprint) to the session, and says what the check found; `no_longer_present` when no place
 * holds it any more. Nothing is stored here.
 */
export async function recheck(
  deps: AppDeps,
  incident: Incident,
  ctx: RecheckContext,
): Promise<ValidityResult> {
  const { session, scanner } = ctx;
  // Only this incident's secret is handed over; every other finding of the place is ignored.
  const onSecret: OnSecret = (f, secret, partner) => {
    if (f.detector === incident.detector.name && f.fingerprint === incident.secret_hash)
      session.onSecret(f, secret, partner);
  };
  const places = (await deps.store.occurrencesOfIncident(incident.id)).filter(
    (o) => o.presence === 'present',
  );
  const scopes = [...new Set(places.map((o) => o.scope))].slice(0, MAX_PLACES);
  for (const scope of scopes) {
    const [kind, id = ''] = scope.split(/:(.*)/s);
    if (kind === 'issue') {
      const fields = await ctx.fields();
      const found = await deps.asApp.issue(id, searchFields(fields));
      if (!found) continue;
      const key = places.find((o) => o.scope === scope)?.location.issueKey ?? id;
      await scanIssue(
        { id, key, fields: (found.fields ?? {}) as Record<string, unknown> },
        { client: deps.asApp, scanner, baseUrl: deps.baseUrl, fields, onSecret },
      );
    } else if (kind === 'project') {
      await scanProjectDocs(id, undefined, {
        client: deps.asApp,
        scanner,
        baseUrl: deps.baseUrl,
        validity: { onSecret },
      });
    }
    const result = session.resultFor(incident.detector.name, incident.secret_hash);
    if (result) return result;
  }
  return { validity: 'failed_to_check', checked_at: deps.now(), reason: 'no_longer_present' };
}

/** Stores a check's result on the incident and queues its delivery to the incident API. */
export async function record(
  deps: AppDeps,
  incident: Incident,
  result: ValidityResult,
): Promise<CheckNowResult & { ok: true }> {
  const next = await updateIncident(deps.store, incident.id, (now) => ({
    ...withValidity(now, result, detectorSeverity(now)),
    updated_at: deps.now(),
  }));
  if (!next) return { ok: true, incident };
  await enqueueIncidents(deps, [next.id]);
  return { ok: true, incident: next };
}

/** The severity its detector gives (what a secret no longer valid goes back to). */
function detectorSeverity(i: Incident): Severity {
  const d = DETECTORS.find((x) => x.id === i.detector.name);
  return d ? severityOf(d) : i.severity;
}
