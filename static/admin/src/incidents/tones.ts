import type { IncidentStatus, Severity } from '../types';
import type { Tone } from '../ui';

// The Atlassian design system's lozenge appearances, one meaning per colour: red and yellow say
// how severe (bold red: critical), purple is new (triggered), blue in progress (assigned), green
// done (resolved), grey everything else. Presence is grey: it never competes with the two.
const STATUS: Record<IncidentStatus, Tone> = {
  TRIGGERED: 'discovery',
  ASSIGNED: 'information',
  RESOLVED: 'success',
  IGNORED: 'neutral',
};
const SEVERITY: Record<Severity, Tone> = {
  critical: 'danger',
  high: 'danger',
  medium: 'warning',
  low: 'neutral',
  info: 'neutral',
};

export const statusTone = (s: IncidentStatus): Tone => STATUS[s];
export const severityTone = (s: Severity): Tone => SEVERITY[s];
/** Critical is the one bold (filled) lozenge: it stands out from every other on the page. */
export const severityBold = (s: Severity): boolean => s === 'critical';
/** Present or removed is a fact about the secret, not a risk level or a state of work. */
export const PRESENCE_TONE: Tone = 'neutral';
