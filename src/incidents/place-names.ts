/**
 * The names the places of a set of occurrences need, asked of Jira for the moment they are shown
 * (never stored with them): field names from the cached field list, component and version names
 * of the projects whose documentation holds a place, and, where the caller may show them, people.
 * A name Jira does not give (deleted, hidden) is left out and the place shows its id.
 * @module
 */
import type { FieldNameCache } from '../jira/field-names.js';
import { JiraHttpError, JiraRateLimitError } from '../jira/http.js';
import { JiraShapeError } from '../jira/client.js';
import { placeFieldIds, placePeople, type PlaceLocation, type PlaceNames } from './place.js';

type Obj = Record<string, unknown>;

export interface PlaceNamePorts {
  readonly fields: FieldNameCache;
  /** A project's components and versions (JiraClient.components / versions). */
  readonly components?: (projectKey: string) => Promise<readonly Obj[]>;
  readonly versions?: (projectKey: string) => Promise<readonly Obj[]>;
  /** Display names of account ids (at most 50 a call, see src/jira/users.ts). */
  readonly people?: (
    accountIds: readonly string[],
  ) => Promise<readonly { accountId: string; displayName: string }[]>;
}

/** Names are a courtesy: Jira refusing one leaves the id to show, a bug still throws. */
async function orNothing<T>(get: () => Promise<T>, nothing: T): Promise<T> {
  try {
    return await get();
  } catch (e) {
    if (
      e instanceof JiraHttpError ||
      e instanceof JiraRateLimitError ||
      e instanceof JiraShapeError
    )
      return nothing;
    throw e;
  }
}

/** `{id: name}` of the items of the given projects (components or versions). */
async function namesIn(
  projects: readonly string[],
  list: ((projectKey: string) => Promise<readonly Obj[]>) | undefined,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (!list) return out;
  for (const key of projects)
    for (const item of await orNothing(() => list(key), [])) {
      const { id, name } = item;
      if ((typeof id === 'string' || typeof id === 'number') && typeof name === 'string')
        out[String(id)] = name;
    }
  return out;
}

const projectsWith = (locations: readonly PlaceLocation[], field: string): string[] => [
  ...new Set(locations.filter((l) => l.field === field).map((l) => l.projectKey)),
];

const PEOPLE_PER_CALL = 50;

export async function placeNamesFor(
  locations: readonly PlaceLocation[],
  ports: PlaceNamePorts,
): Promise<PlaceNames> {
  const ids = placeFieldIds(locations);
  const fields = ids.length ? await orNothing(() => ports.fields.names(ids), {}) : {};
  const components = await namesIn(projectsWith(locations, 'component'), ports.components);
  const versions = await namesIn(projectsWith(locations, 'version'), ports.versions);
  const names: PlaceNames = { fields, components, versions };
  const askPeople = ports.people;
  if (!askPeople) return names;
  const people = new Map<string, string>();
  const accountIds = placePeople(locations);
  for (let i = 0; i < accountIds.length; i += PEOPLE_PER_CALL) {
    const chunk = accountIds.slice(i, i + PEOPLE_PER_CALL);
    for (const u of await orNothing(() => askPeople(chunk), []))
      people.set(u.accountId, u.displayName);
  }
  return { ...names, people };
}
