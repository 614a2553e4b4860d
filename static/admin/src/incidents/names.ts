/**
 * Assignees by name. Incidents keep account ids only; names are asked of Jira (as the viewer,
 * through the page's resolvers) when shown, and kept in memory for as long as the list is open.
 * A failed look-up leaves the id to show, and is asked again next time.
 */
import { useEffect, useState } from 'react';
import type { IncidentsApi } from '../api';
import type { JiraUser } from '../types';

/** `userNames` takes at most this many ids per call. */
const PER_CALL = 50;

export interface NameCache {
  /** The names of `ids` known or found; an id Jira does not name is left out. */
  resolve(ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** A name the page already has (a person picked in the assignee picker). */
  remember(user: JiraUser): void;
}

export function createNameCache(api: Pick<IncidentsApi, 'userNames'>): NameCache {
  // undefined: asked, and Jira gave no name. A pending look-up is shared by whoever asks.
  const names = new Map<string, Promise<string | undefined>>();
  return {
    async resolve(ids) {
      const missing = [...new Set(ids)].filter((id) => !names.has(id));
      for (let i = 0; i < missing.length; i += PER_CALL) {
        const chunk = missing.slice(i, i + PER_CALL);
        const answer = api.userNames(chunk).then(
          (users) => new Map(users.map((u) => [u.accountId, u.displayName])),
          () => {
            for (const id of chunk) names.delete(id);
            return new Map<string, string>();
          },
        );
        for (const id of chunk)
          names.set(
            id,
            answer.then((m) => m.get(id)),
          );
      }
      const out = new Map<string, string>();
      for (const id of ids) {
        const name = await names.get(id);
        if (name !== undefined) out.set(id, name);
      }
      return out;
    },
    remember(user) {
      names.set(user.accountId, Promise.resolve(user.displayName));
    },
  };
}

export interface KnownNames {
  /** Names found so far; an id without a name is absent. */
  readonly names: ReadonlyMap<string, string>;
  /** Ids whose look-up has answered (with a name or without). */
  readonly settled: ReadonlySet<string>;
}

/** Names of the given account ids as they arrive, and which ids were answered. */
export function useKnownNames(cache: NameCache, ids: readonly (string | undefined)[]): KnownNames {
  const key = [...new Set(ids.filter((id): id is string => !!id))].sort().join('\n');
  const [known, setKnown] = useState<KnownNames>({ names: new Map(), settled: new Set() });
  useEffect(() => {
    if (!key) return;
    let live = true;
    const asked = key.split('\n');
    void cache.resolve(asked).then((found) => {
      if (live)
        setKnown((before) => ({
          names: new Map([...before.names, ...found]),
          settled: new Set([...before.settled, ...asked]),
        }));
    });
    return () => {
      live = false;
    };
  }, [cache, key]);
  return known;
}

/** Names of the given account ids as they arrive; an id without a name is absent. */
export function useUserNames(
  cache: NameCache,
  ids: readonly (string | undefined)[],
): ReadonlyMap<string, string> {
  return useKnownNames(cache, ids).names;
}

/** An assignee in words: their name, "you", or the account id when no name could be found. */
export function assigneeLabel(
  accountId: string,
  names: ReadonlyMap<string, string>,
  viewer?: string,
): string {
  const name = names.get(accountId) ?? accountId;
  return accountId === viewer ? `${name} (you)` : name;
}
