/**
 * Payload problems in the page's words: a resolver or a settings change that refuses a value
 * names the field by the label the admin sees ("Incident API URL"), never by its payload key
 * (`incidentApiUrl`), and says what is wrong without zod's jargon ("expected string to have").
 * @module
 */
import type { z } from 'zod';

/** Payload keys (settings and resolver payloads) and the words the pages use for them. */
export const FIELD_WORDS = {
  // Settings.
  excludedProjects: 'Excluded projects',
  detector: 'Detector',
  detectors: 'Detectors',
  customDetectors: 'Custom detectors',
  name: 'Name',
  pattern: 'Pattern',
  teamGroupId: 'Group',
  incidentApiUrl: 'Incident API URL',
  notifyPeople: 'Notify the people involved',
  validityChecks: 'Validity checks',
  enabled: 'On or off',
  provider: 'Provider',
  keepIdentity: 'Keep the owner the provider names',
  token: 'Token',
  // Incidents and their filters.
  filter: 'Filters',
  status: 'Status',
  projectKey: 'Project',
  severity: 'Severity',
  presence: 'Presence',
  validity: 'Validity',
  order: 'Order',
  sort: 'Sort',
  search: 'Search',
  limit: 'Page size',
  cursor: 'Page',
  format: 'Export format',
  id: 'Incident',
  ids: 'Selected incidents',
  action: 'Action',
  type: 'Action',
  assigneeId: 'Assign to',
  reason: 'Reason to ignore',
  summaries: 'Summaries',
  issueId: 'Issue',
  text: 'Test text',
  // Scans, people and groups.
  projects: 'Projects',
  since: 'Only issues updated since',
  jobId: 'Scan',
  query: 'Search text',
  accountIds: 'People',
} as const satisfies Record<string, string>;

const WORDS: Readonly<Record<string, string | undefined>> = FIELD_WORDS;

/** `['customDetectors', 0, 'name']` as `Custom detectors, item 1, Name`. */
function fieldWords(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `item ${String(p + 1)}` : (WORDS[String(p)] ?? 'A field')))
    .join(', ');
}

const units = (origin: string, n: number | bigint): string => {
  const count = String(n);
  if (origin === 'string') return `${count} character${count === '1' ? '' : 's'}`;
  if (origin === 'array' || origin === 'set') return `${count} item${count === '1' ? '' : 's'}`;
  return count;
};

/** What is wrong with one value, in plain words (our own messages are kept as written). */
function problem(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case 'too_small':
      return i.origin === 'string' && Number(i.minimum) === 1
        ? 'must not be empty'
        : `must be at least ${units(i.origin, i.minimum)}`;
    case 'too_big':
      return `must be at most ${units(i.origin, i.maximum)}`;
    case 'invalid_type':
      return i.message.endsWith('received undefined')
        ? 'is missing'
        : 'has the wrong kind of value';
    case 'invalid_value':
      return 'is not one of the choices';
    case 'invalid_format':
      // Every pattern of ours carries its own message; the formats zod names are ours to say.
      return i.format === 'regex' ? i.message : 'is not a valid date and time';
    case 'unrecognized_keys':
      return `has fields this app does not take: ${i.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      return 'is not valid';
    default:
      return i.message;
  }
}

/** One readable line per problem, the field first in the page's words; at most five. */
export function zodMessage(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      const what = problem(i);
      const field = i.path.length > 0 ? fieldWords(i.path) : 'The request';
      // Our own messages ("not a project key") read as a note on the field; zod's as a sentence.
      return i.code === 'custom' || (i.code === 'invalid_format' && i.format === 'regex')
        ? `${field}: ${what}`
        : `${field} ${what}`;
    })
    .join('; ');
}
