/**
 * An incident's validity as both pages show it: a lozenge (GitGuardian's vocabulary in words),
 * and in the incident view when it was checked and, for a failed check, why.
 */
import { formatDate } from '../format';
import type { Incident } from '../types';
import { Lozenge, type Tone } from '../ui';

type Validity = Incident['validity'];

export const VALIDITY_LABELS: Record<Validity, string> = {
  valid: 'Valid',
  invalid: 'Invalid',
  failed_to_check: 'Failed to check',
  no_checker: 'No checker',
  not_checked: 'Not checked',
};

const TONES: Record<Validity, Tone> = {
  valid: 'danger', // it works: rotate it now
  invalid: 'success',
  failed_to_check: 'neutral', // yellow says how severe: not this
  no_checker: 'neutral',
  not_checked: 'neutral',
};

const REASONS: Record<NonNullable<Incident['validity_reason']>, string> = {
  timeout: 'the provider did not answer in time',
  rate_limited: 'the provider was rate limiting',
  server_error: 'the provider had an error',
  network: 'the provider could not be reached',
  unrecognised_answer: 'the provider’s answer was not one it documents',
  not_allowed: 'the request was refused before it was sent',
  no_longer_present: 'the secret is no longer where it was found',
};

/** Incidents stored before checks existed say `unknown`: shown as not checked. */
const of = (i: Pick<Incident, 'validity'>): Validity =>
  (i.validity as string) in VALIDITY_LABELS ? i.validity : 'not_checked';

export function ValidityLozenge({ incident }: { incident: Pick<Incident, 'validity'> }) {
  const v = of(incident);
  return <Lozenge tone={TONES[v]}>{VALIDITY_LABELS[v]}</Lozenge>;
}

/** True when a check answered: worth a badge in a list. */
export const wasChecked = (i: Pick<Incident, 'validity'>): boolean =>
  ['valid', 'invalid', 'failed_to_check'].includes(of(i));

export function ValidityDetail({ incident: i }: { incident: Incident }) {
  return (
    <>
      <ValidityLozenge incident={i} />
      {i.validity_checked_at ? (
        <span className="muted small">
          {' '}
          checked <time dateTime={i.validity_checked_at}>{formatDate(i.validity_checked_at)}</time>
        </span>
      ) : null}
      {i.validity === 'failed_to_check' && i.validity_reason ? (
        <span className="muted small">: {REASONS[i.validity_reason]}</span>
      ) : null}
      {i.validity_details ? (
        <span className="muted small"> (owner: {i.validity_details})</span>
      ) : null}
    </>
  );
}
