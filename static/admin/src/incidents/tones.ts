import type { IncidentStatus, Presence, Severity } from '../types';
import type { Tone } from '../ui';

const STATUS: Record<IncidentStatus, Tone> = {
  TRIGGERED: 'danger',
  ASSIGNED: 'information',
  RESOLVED: 'success',
  IGNORED: 'neutral',
};
const SEVERITY: Record<Severity, Tone> = {
  critical: 'danger',
  high: 'warning',
  medium: 'information',
  low: 'neutral',
  info: 'neutral',
};

export const statusTone = (s: IncidentStatus): Tone => STATUS[s];
export const severityTone = (s: Severity): Tone => SEVERITY[s];
/** Still in Jira is what needs attention; removed is good news (the secret still needs rotating). */
export const presenceTone = (p: Presence): Tone => (p === 'present' ? 'warning' : 'success');
