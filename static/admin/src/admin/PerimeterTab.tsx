/**
 * Which projects are monitored: every project unless excluded. One switch per project, a search
 * box, and bulk include/exclude of the selected projects (or of all those shown).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { adminApi } from '../api';
import { formatCount } from '../format';
import { useAction, useLoad } from '../hooks';
import type { Project } from '../types';
import { Empty, InlineError, InlineSuccess, LoadError, Loading, Switch } from '../ui';

interface PerimeterData {
  readonly projects: readonly Project[];
  /** As saved, including keys of projects that no longer exist. */
  readonly excluded: readonly string[];
}

export function PerimeterTab({
  onMonitored,
}: {
  /** How many projects are monitored after a change (the page warns while none is). */
  onMonitored?: (count: number) => void;
} = {}) {
  const { state, reload, update } = useLoad(async (): Promise<PerimeterData> => {
    const [overview, projects] = await Promise.all([
      adminApi.getOverview(),
      adminApi.listProjects(),
    ]);
    return {
      projects: [...projects].sort((a, b) => a.key.localeCompare(b.key)),
      excluded: overview.settings.excludedProjects,
    };
  });
  if (state.status === 'loading') return <Loading label="Loading projects…" />;
  if (state.status === 'error')
    return <LoadError error={state.error} what="the projects" onRetry={reload} />;
  return (
    <Perimeter
      data={state.data}
      onSaved={(f) => {
        update(f);
        onMonitored?.(f(state.data).projects.filter((p) => p.monitored).length);
      }}
    />
  );
}

function Perimeter({
  data,
  onSaved,
}: {
  data: PerimeterData;
  onSaved: (f: (d: PerimeterData) => PerimeterData) => void;
}) {
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  /** The last change's outcome; `focus`: it takes focus (a confirmed change to several). */
  const [saved, setSaved] = useState<{ text: string; focus: boolean } | undefined>();
  /** The project whose switch is being saved: that switch keeps focus and waits, not disabled. */
  const [saving, setSaving] = useState<string | undefined>();
  // A change to several projects waits for a confirmation, which takes focus.
  const [asking, setAsking] = useState<
    { keys: readonly string[]; monitored: boolean; label: string } | undefined
  >();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const questionId = useId();
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  useEffect(() => {
    if (saved?.focus) savedRef.current?.focus();
  }, [saved]);
  const { busy, error, run, clear } = useAction();
  const searchId = useId();

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return q
      ? data.projects.filter(
          (p) => p.key.toLowerCase().includes(q) || p.name.toLowerCase().includes(q),
        )
      : data.projects;
  }, [data.projects, search]);

  const save = async (
    keys: readonly string[],
    monitored: boolean,
    message: string,
    /** A single switch: focus stays on it, the message is announced beside it. */
    from?: string,
  ) => {
    setSaved(undefined);
    setSaving(from);
    const set = new Set(data.excluded);
    for (const k of keys) {
      if (monitored) set.delete(k);
      else set.add(k);
    }
    const settings = await run(() =>
      adminApi.updateSettings({ excludedProjects: [...set].sort() }),
    );
    setSaving(undefined);
    if (!settings) return;
    const excluded = new Set(settings.excludedProjects);
    onSaved((d) => ({
      excluded: settings.excludedProjects,
      projects: d.projects.map((p) => ({ ...p, monitored: !excluded.has(p.key) })),
    }));
    setSelected(new Set());
    setSaved({ text: message, focus: from === undefined });
  };

  if (data.projects.length === 0)
    return (
      <Empty title="No projects on this site yet.">
        <p>Every new project is monitored unless you exclude it here.</p>
      </Empty>
    );

  const monitoredCount = data.projects.filter((p) => p.monitored).length;
  const shownSelected = shown.filter((p) => selected.has(p.key));
  const targets = selected.size > 0 ? [...selected] : shown.map((p) => p.key);
  const targetLabel =
    selected.size > 0
      ? `${formatCount(selected.size)} selected`
      : `all ${formatCount(shown.length)} shown`;
  const allShownSelected = shown.length > 0 && shownSelected.length === shown.length;
  /** A new question: the previous outcome no longer applies. */
  const ask = (monitored: boolean) => {
    setSaved(undefined);
    clear();
    setAsking({ keys: targets, monitored, label: targetLabel });
  };

  return (
    <div className="perimeter">
      <p>
        Monitored projects are scanned as issues change and by historical scans.{' '}
        <strong>
          {formatCount(monitoredCount)} of {formatCount(data.projects.length)} projects monitored.
        </strong>{' '}
        New projects are monitored unless you exclude them.
      </p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={searchId}>Search projects</label>
          <input
            id={searchId}
            type="search"
            value={search}
            placeholder="Key or name"
            onChange={(e) => {
              setSearch(e.target.value);
            }}
          />
        </div>
        <div className="toolbar-buttons" role="group" aria-label="Change several projects">
          <button
            type="button"
            className="button"
            disabled={busy || targets.length === 0}
            onClick={() => {
              ask(true);
            }}
          >
            Include {targetLabel}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy || targets.length === 0}
            onClick={() => {
              ask(false);
            }}
          >
            Exclude {targetLabel}
          </button>
          {selected.size > 0 ? (
            <button
              type="button"
              className="button button-subtle"
              disabled={busy}
              onClick={() => {
                setSelected(new Set());
              }}
            >
              Clear selection
            </button>
          ) : null}
        </div>
      </div>
      {asking ? (
        <div className="confirm" role="group" aria-labelledby={questionId}>
          <p id={questionId}>
            {asking.monitored
              ? `Monitor ${asking.label} (${formatCount(asking.keys.length)} project${asking.keys.length === 1 ? '' : 's'})?`
              : `Stop monitoring ${asking.label} (${formatCount(asking.keys.length)} project${asking.keys.length === 1 ? '' : 's'})? Nothing in them is scanned until they are included again.`}
          </p>
          <button
            type="button"
            className="button button-primary"
            ref={confirmRef}
            disabled={busy}
            onClick={() => {
              const a = asking;
              setAsking(undefined);
              void save(
                a.keys,
                a.monitored,
                `${a.monitored ? 'Included' : 'Excluded'} ${a.label}.`,
              );
            }}
          >
            {asking.monitored ? 'Include' : 'Exclude'}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setAsking(undefined);
            }}
          >
            Cancel
          </button>
        </div>
      ) : null}
      <div tabIndex={-1} ref={savedRef} className="action-result">
        <InlineError error={error} />
        {saved ? <InlineSuccess>{saved.text}</InlineSuccess> : null}
      </div>
      {shown.length === 0 ? (
        <Empty title={`No project matches “${search.trim()}”.`} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">Projects and whether they are monitored</caption>
            <thead>
              <tr>
                <th scope="col" className="check">
                  <input
                    type="checkbox"
                    aria-label="Select all shown projects"
                    checked={allShownSelected}
                    onChange={(e) => {
                      const on = e.target.checked;
                      setSelected((s) => {
                        const next = new Set(s);
                        for (const p of shown) {
                          if (on) next.add(p.key);
                          else next.delete(p.key);
                        }
                        return next;
                      });
                    }}
                  />
                </th>
                <th scope="col">Key</th>
                <th scope="col">Name</th>
                <th scope="col">Monitored</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.key}>
                  <td className="check">
                    <input
                      type="checkbox"
                      aria-label={`Select ${p.key}`}
                      checked={selected.has(p.key)}
                      onChange={(e) => {
                        const on = e.target.checked;
                        setSelected((s) => {
                          const next = new Set(s);
                          if (on) next.add(p.key);
                          else next.delete(p.key);
                          return next;
                        });
                      }}
                    />
                  </td>
                  <td>{p.key}</td>
                  <td>{p.name}</td>
                  <td>
                    <Switch
                      checked={p.monitored}
                      disabled={busy && saving !== p.key}
                      busy={saving === p.key}
                      label={`Monitor ${p.key}`}
                      onChange={(on) =>
                        void save(
                          [p.key],
                          on,
                          on ? `${p.key} is monitored.` : `${p.key} is no longer monitored.`,
                          p.key,
                        )
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
