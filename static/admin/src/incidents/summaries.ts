/**
 * Issue summaries beside their keys. Each is fetched live as the viewer (so an issue Jira hides
 * from them shows no summary) and never stored; since a summary may hold the very secret, it is
 * shown only as the app sends it back with every secret masked. Until then, or when either step
 * fails, no summary is shown at all.
 */
import { useEffect, useState } from 'react';
import type { IncidentsApi } from '../api';
import type { MaskedSummary } from '../types';

/** `maskSummaries` takes at most this many summaries per call. */
const PER_CALL = 100;

/** Masked summaries by issue id, as they arrive; an issue without one is absent. */
export function useIssueSummaries(
  api: Pick<IncidentsApi, 'issueSummary' | 'maskSummaries'>,
  incidentId: string,
  issueIds: readonly (string | undefined)[],
): ReadonlyMap<string, MaskedSummary> {
  const key = [...new Set(issueIds.filter((id): id is string => !!id))].sort().join('\n');
  const [shown, setShown] = useState<ReadonlyMap<string, MaskedSummary>>(new Map());
  useEffect(() => {
    if (!key) return;
    const state = { live: true };
    void maskedSummaries(api, incidentId, key.split('\n'), (masked) => {
      if (state.live)
        setShown((old) => new Map([...old, ...masked.map((m) => [m.issueId, m] as const)]));
    });
    return () => {
      state.live = false;
    };
  }, [api, incidentId, key]);
  return shown;
}

/** Fetches the summaries as the viewer, then has the app mask them; a failure shows none. */
async function maskedSummaries(
  api: Pick<IncidentsApi, 'issueSummary' | 'maskSummaries'>,
  incidentId: string,
  issueIds: readonly string[],
  arrived: (masked: readonly MaskedSummary[]) => void,
): Promise<void> {
  const fetched = await Promise.all(
    issueIds.map((issueId) =>
      api.issueSummary(issueId).then(
        (text) => (text === undefined ? [] : [{ issueId, text }]),
        () => [],
      ),
    ),
  );
  const texts = fetched.flat();
  for (let i = 0; i < texts.length; i += PER_CALL)
    arrived(await api.maskSummaries(incidentId, texts.slice(i, i + PER_CALL)).catch(() => []));
}
