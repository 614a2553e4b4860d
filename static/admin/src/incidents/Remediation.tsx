/** What to do about an incident's secret: revoke or rotate it, with the provider's own page. */
import { router } from '@forge/bridge';
import { useId } from 'react';
import { safeUrl } from '../format';
import type { IncidentGuidance } from '../types';

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
          <a
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            onClick={(e) => {
              e.preventDefault();
              router.open(url).catch(() => window.open(url, '_blank', 'noopener,noreferrer'));
            }}
          >
            The provider&apos;s instructions
            <span className="sr-only"> (opens a new tab)</span>
          </a>{' '}
          <span className="muted small">{new URL(url).hostname}</span>
        </p>
      ) : null}
    </section>
  );
}
