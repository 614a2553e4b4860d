/** What to do about an incident's secret: revoke or rotate it, with the provider's own page. */
import { useId } from 'react';
import { safeUrl } from '../format';
import type { IncidentGuidance } from '../types';
import { ExternalLink } from '../links';

export function Remediation({ guidance }: { guidance: IncidentGuidance | undefined }) {
  const headingId = useId();
  if (!guidance) return null;
  const url = safeUrl(guidance.url);
  return (
    <section aria-labelledby={headingId} className="remediation">
      <h3 id={headingId}>What to do</h3>
      {guidance.history_note ? (
        <p className="inline-message inline-warning" role="note">
          <strong>Removed from the issue, but {guidance.history_note}.</strong> Anyone who can
          browse the issue can still read it in its history: revoke the secret.
        </p>
      ) : null}
      <p>{guidance.steps}</p>
      {url ? (
        <p>
          <ExternalLink href={url}>The provider&apos;s instructions</ExternalLink>{' '}
          <span className="muted small">{new URL(url).hostname}</span>
        </p>
      ) : null}
    </section>
  );
}
