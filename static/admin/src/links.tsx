/** A link out of Jira: opened by the Forge router in a new tab (a plain new tab where it fails). */
import { router } from '@forge/bridge';
import type { ReactNode } from 'react';

export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(e) => {
        e.preventDefault();
        router.open(href).catch(() => window.open(href, '_blank', 'noopener,noreferrer'));
      }}
    >
      {children}
      <span className="sr-only"> (opens a new tab)</span>
    </a>
  );
}
