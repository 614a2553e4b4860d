/**
 * Field names from Jira's field list (`GET /rest/api/3/field`), so places read "Customer
 * reference (custom field)" rather than "customfield_10042". Loaded once per scan (or per
 * resolver call, from a cached copy) and loaded again when a field it does not know is asked
 * for: a custom field created since. A field still unknown after that is not asked again.
 * @module
 */
import type { FieldName } from '../incidents/place.js';

export type FieldNames = Readonly<Record<string, FieldName>>;

/** Where the list comes from, and optionally where a copy of it is kept between runs. */
export interface FieldNamePorts {
  /** Jira's field list (JiraClient.fields). */
  readonly load: () => Promise<readonly unknown[]>;
  readonly read?: () => Promise<FieldNames | undefined>;
  readonly write?: (names: FieldNames) => Promise<void>;
}

export interface FieldNameCache {
  /** The names of `ids` Jira knows; an id it does not name is left out. */
  names(ids: readonly string[]): Promise<FieldNames>;
}

/** `{id: {name, custom}}` of a field list; entries without an id or a name are left out. */
export function fieldNamesOf(list: readonly unknown[]): FieldNames {
  const out: Record<string, FieldName> = {};
  for (const f of list) {
    if (typeof f !== 'object' || f === null) continue;
    const { id, name, custom } = f as Record<string, unknown>;
    if (typeof id === 'string' && typeof name === 'string' && name.trim())
      out[id] = { name, custom: custom === true || id.startsWith('customfield_') };
  }
  return out;
}

export function createFieldNameCache(ports: FieldNamePorts): FieldNameCache {
  let known: FieldNames | undefined;
  const unknownAfterLoad = new Set<string>();
  return {
    async names(ids) {
      known ??= await ports.read?.();
      const missing = (): string[] =>
        ids.filter((id) => !known || (!Object.hasOwn(known, id) && !unknownAfterLoad.has(id)));
      // One load answers every unknown id of the question; those it does not name stay unknown.
      if (missing().length > 0) {
        known = fieldNamesOf(await ports.load());
        await ports.write?.(known);
        for (const id of missing()) unknownAfterLoad.add(id);
      }
      const out: Record<string, FieldName> = {};
      for (const id of ids) {
        const n = known && Object.hasOwn(known, id) ? known[id] : undefined;
        if (n) out[id] = n;
      }
      return out;
    },
  };
}
