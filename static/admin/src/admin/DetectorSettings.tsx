/**
 * The detector switches, built for hundreds of them: the generic ones first with what they do,
 * then the others grouped by family (collapsed, each with its counts and a switch for all of it),
 * and a search that opens the families it matches. Saving one switch makes only that switch wait:
 * it shows its new position at once, stays focusable (never `disabled`, which drops focus), and
 * goes back with an error if the server refuses. Saves go one after another, so two quick changes
 * cannot overwrite each other on the server.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { adminApi, toApiError, type ApiError } from '../api';
import { formatCount } from '../format';
import { useLoad } from '../hooks';
import type { DetectorInfo } from '../types';
import { Empty, InlineError, LoadError, Loading, Lozenge, Section, Switch } from '../ui';

type Change = readonly { readonly id: string; readonly enabled: boolean }[];

/** Optimistic switches with saves in order; `pending` holds the ids waiting for the server. */
function useDetectorSwitches(save: (change: Change) => Promise<unknown>) {
  const { state, reload, update } = useLoad(() => adminApi.listDetectors());
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<ApiError | undefined>();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const apply = (change: Change) => {
    update((all) =>
      all.map((d) => {
        const c = change.find((x) => x.id === d.id);
        return c ? { ...d, enabled: c.enabled } : d;
      }),
    );
  };
  const setMany = (change: Change) => {
    if (state.status !== 'ready' || change.length === 0) return;
    const before = change.map((c) => ({
      id: c.id,
      enabled: state.data.find((d) => d.id === c.id)?.enabled ?? !c.enabled,
    }));
    setError(undefined);
    apply(change);
    setPending((p) => new Set([...p, ...change.map((c) => c.id)]));
    const done = () => {
      setPending((p) => new Set([...p].filter((id) => !change.some((c) => c.id === id))));
    };
    queue.current = queue.current.then(() =>
      save(change).then(done, (e: unknown) => {
        apply(before);
        setError(toApiError(e));
        done();
      }),
    );
  };
  return { state, reload, pending, error, setMany };
}

const matches = (d: DetectorInfo, q: string): boolean =>
  q === '' ||
  d.name.toLowerCase().includes(q) ||
  d.id.toLowerCase().includes(q) ||
  d.family.toLowerCase().includes(q);

function DetectorRow({
  d,
  busy,
  onChange,
}: {
  d: DetectorInfo;
  busy: boolean;
  onChange: (enabled: boolean) => void;
}) {
  return (
    <li>
      <Switch checked={d.enabled} busy={busy} label={`${d.name} detector`} onChange={onChange} />
      <span className="detector-name">{d.name}</span>
      {d.generic ? <Lozenge tone="discovery">Generic, off by default</Lozenge> : null}
      <span className="muted small">
        {busy ? 'Saving… · ' : ''}
        {d.family} · {d.category.replace(/_/g, ' ')}
      </span>
    </li>
  );
}

export function DetectorsSection({
  save = (change: Change) =>
    adminApi.updateSettings(
      change.length === 1 && change[0] ? { detector: change[0] } : { detectors: [...change] },
    ),
}: {
  /** Sends a change to the server (tests give their own). */
  save?: (change: Change) => Promise<unknown>;
}) {
  const { state, reload, pending, error, setMany } = useDetectorSwitches(save);
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const searchId = useId();
  const q = search.trim().toLowerCase();
  const { generic, families } = useMemo(() => {
    const all = state.status === 'ready' ? state.data : [];
    const byFamily = new Map<string, DetectorInfo[]>();
    for (const d of all)
      if (!d.generic) byFamily.set(d.family, [...(byFamily.get(d.family) ?? []), d]);
    return {
      generic: all.filter((d) => d.generic),
      families: [...byFamily].sort(([a], [b]) => a.localeCompare(b)),
    };
  }, [state]);
  const row = (d: DetectorInfo) => (
    <DetectorRow
      key={d.id}
      d={d}
      busy={pending.has(d.id)}
      onChange={(enabled) => {
        if (!pending.has(d.id)) setMany([{ id: d.id, enabled }]);
      }}
    />
  );
  const shownGeneric = generic.filter((d) => matches(d, q));
  const shownFamilies = families.flatMap(([family, list]) => {
    const hits = list.filter((d) => matches(d, q));
    return hits.length > 0 ? [{ family, list, hits }] : [];
  });
  return (
    <Section title="Detectors">
      <p className="muted">
        Each detector finds one kind of credential by its format, and they are grouped by the
        provider that issues it.
      </p>
      {state.status === 'loading' ? (
        <Loading label="Loading detectors…" />
      ) : state.status === 'error' ? (
        <LoadError error={state.error} what="the detectors" onRetry={reload} />
      ) : (
        <>
          <div className="field">
            <label htmlFor={searchId}>Search detectors</label>
            <input
              id={searchId}
              type="search"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
              }}
            />
          </div>
          <p className="muted small" aria-live="polite">
            {formatCount(state.data.filter((d) => d.enabled).length)} of{' '}
            {formatCount(state.data.length)} detectors on
            {q
              ? `; ${formatCount(shownGeneric.length + shownFamilies.reduce((n, f) => n + f.hits.length, 0))} match`
              : ''}
            .
          </p>
          <InlineError error={error} />
          {shownGeneric.length > 0 ? (
            <div className="detector-generic">
              <h3>Generic detectors</h3>
              <p className="muted">
                <strong>Generic</strong> detectors look for password-like values without a known
                format (a long random string after <code>password=</code> or <code>secret:</code>
                ): they find more but are wrong more often, so they are off until you switch them
                on.
              </p>
              <ul className="detector-list">{shownGeneric.map(row)}</ul>
            </div>
          ) : null}
          {shownFamilies.length === 0 && shownGeneric.length === 0 ? (
            <Empty title="No detector matches." />
          ) : (
            <ul className="detector-families">
              {shownFamilies.map(({ family, list, hits }) => {
                const on = list.filter((d) => d.enabled).length;
                const expanded = q !== '' || open.has(family);
                const saving = list.some((d) => pending.has(d.id));
                const target = on < list.length;
                const panelId = `${searchId}-${family}`;
                return (
                  <li key={family} className="detector-family">
                    <div className="detector-family-head">
                      <button
                        type="button"
                        className="disclosure"
                        aria-expanded={expanded}
                        aria-controls={panelId}
                        onClick={() => {
                          setOpen((s) =>
                            s.has(family)
                              ? new Set([...s].filter((f) => f !== family))
                              : new Set([...s, family]),
                          );
                        }}
                      >
                        <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {family}{' '}
                        <span className="muted small">
                          {formatCount(list.length)} detector{list.length === 1 ? '' : 's'},{' '}
                          {formatCount(on)} on
                        </span>
                      </button>
                      <button
                        type="button"
                        className="button button-subtle"
                        aria-disabled={saving}
                        onClick={() => {
                          if (saving) return;
                          setMany(
                            list
                              .filter((d) => d.enabled !== target)
                              .map((d) => ({ id: d.id, enabled: target })),
                          );
                        }}
                      >
                        {saving ? 'Saving…' : target ? 'Turn all on' : 'Turn all off'}
                        <span className="sr-only"> ({family})</span>
                      </button>
                    </div>
                    {expanded ? (
                      <ul className="detector-list" id={panelId}>
                        {hits.map(row)}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </Section>
  );
}
