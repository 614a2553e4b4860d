/**
 * The incident list (filters, table, cursor paging) and, on a click, one incident. Shared by the
 * admin page (every project) and the project page (its project only, fixed by the server).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { toApiError, type ApiError, type IncidentsApi } from '../api';
import {
  formatCount,
  formatDate,
  keysOf,
  PRESENCE_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  IGNORE_REASON_LABELS,
} from '../format';
import type { Incident, IncidentFilter } from '../types';
import { Empty, Field, InlineError, LoadError, Loading, Lozenge } from '../ui';
import { ExportButtons } from './ExportButtons';
import { IncidentView } from './IncidentView';
import { assigneeLabel, createNameCache, useUserNames, type NameCache } from './names';
import { presenceTone, severityTone, statusTone } from './tones';
import { VALIDITY_LABELS, ValidityLozenge, wasChecked } from './validity';

export const PAGE_SIZE = 25;

export interface DetectorOption {
  readonly id: string;
  readonly name: string;
  /** Groups the choices (GitHub, AWS…). */
  readonly family?: string;
}

export interface IncidentsViewProps {
  readonly api: IncidentsApi;
  /** The project page's project: its filter is hidden (the server applies it anyway). */
  readonly projectKey?: string;
  /** Project keys offered by the project filter (admin page). */
  readonly projectOptions?: readonly string[];
  readonly detectorOptions?: readonly DetectorOption[];
  /** The viewer, for "Assign to me". */
  readonly accountId?: string | undefined;
  /** What to say when there is no incident at all. */
  readonly emptyHint?: ReactNode;
  /** Filters to start with (a figure of the overview that led here). */
  readonly initialFilter?: IncidentFilter;
  /** An incident to open first (an oldest open incident of the overview). */
  readonly initialOpenId?: string;
}

interface ListState {
  /** The filter this list belongs to: a late answer for another filter is dropped. */
  readonly filter: IncidentFilter;
  readonly items: readonly Incident[];
  readonly cursor: string | undefined;
  readonly phase: 'loading' | 'ready' | 'error' | 'more';
  readonly error?: ApiError | undefined;
  readonly moreError?: ApiError | undefined;
}

/** Typed filters (when there is no list to choose from): applied on Enter, blur or Apply. */
interface FilterText {
  readonly detector: string;
  readonly project: string;
}

type FilterKey = keyof IncidentFilter;

function setKey(filter: IncidentFilter, key: FilterKey, value: string | undefined): IncidentFilter {
  const { [key]: _old, ...rest } = filter;
  return value ? { ...rest, [key]: value } : rest;
}

function isOneOf<K extends string>(value: string, options: Record<K, unknown>): value is K {
  return Object.hasOwn(options, value);
}

export function IncidentsView(props: IncidentsViewProps) {
  const { api, projectKey, accountId } = props;
  const [list, setList] = useState<ListState>({
    filter: props.initialFilter ?? {},
    items: [],
    cursor: undefined,
    phase: 'loading',
  });
  const [text, setText] = useState<FilterText>({
    detector: props.initialFilter?.detector ?? '',
    project: props.initialFilter?.projectKey ?? '',
  });
  const [round, setRound] = useState(0);
  const [openId, setOpenId] = useState<string | undefined>(props.initialOpenId);
  // One cache of assignee names for the list and the incident views opened from it.
  const [names] = useState(() => createNameCache(api));
  const lastOpened = useRef<string | undefined>(undefined);
  const openButtons = useRef(new Map<string, HTMLButtonElement>());
  const filter = list.filter;

  useEffect(() => {
    let live = true;
    api.listIncidents({ filter, limit: PAGE_SIZE }).then(
      (page) => {
        if (live) setList({ filter, items: page.items, cursor: page.cursor, phase: 'ready' });
      },
      (e: unknown) => {
        if (live)
          setList({ filter, items: [], cursor: undefined, phase: 'error', error: toApiError(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, filter, round]);

  // Back from an incident: focus returns to the row it was opened from.
  useEffect(() => {
    if (openId === undefined && lastOpened.current)
      openButtons.current.get(lastOpened.current)?.focus();
  }, [openId]);

  const applyFilter = (next: IncidentFilter) => {
    setList({ filter: next, items: [], cursor: undefined, phase: 'loading' });
  };
  const change = (key: FilterKey, value: string | undefined) => {
    applyFilter(setKey(filter, key, value));
  };
  const commitText = () => {
    let next = filter;
    if (!props.detectorOptions?.length) {
      const d = text.detector.trim() || undefined;
      if (d !== filter.detector) next = setKey(next, 'detector', d);
    }
    // The project is typed only when there is no list of projects to choose from.
    if (projectKey === undefined && !props.projectOptions?.length) {
      const p = text.project.trim().toUpperCase() || undefined;
      if (p !== filter.projectKey) next = setKey(next, 'projectKey', p);
    }
    if (next !== filter) applyFilter(next);
  };
  const clearFilters = () => {
    setText({ detector: '', project: '' });
    // The order is how the table is sorted, not a filter: it stays.
    applyFilter(filter.order ? { order: filter.order } : {});
  };
  const reload = () => {
    setList({ filter, items: [], cursor: undefined, phase: 'loading' });
    setRound((r) => r + 1);
  };

  const loadMore = async () => {
    const { cursor } = list;
    if (!cursor) return;
    const forFilter = filter;
    setList((l) => ({ ...l, phase: 'more', moreError: undefined }));
    try {
      const page = await api.listIncidents({ filter: forFilter, limit: PAGE_SIZE, cursor });
      setList((l) => {
        if (l.filter !== forFilter) return l;
        const seen = new Set(l.items.map((i) => i.id));
        return {
          filter: forFilter,
          items: [...l.items, ...page.items.filter((i) => !seen.has(i.id))],
          cursor: page.cursor,
          phase: 'ready',
        };
      });
    } catch (e) {
      setList((l) =>
        l.filter === forFilter ? { ...l, phase: 'ready', moreError: toApiError(e) } : l,
      );
    }
  };

  const open = (id: string) => {
    lastOpened.current = id;
    setOpenId(id);
  };
  const changed = (incident: Incident) => {
    setList((l) => ({
      ...l,
      items: l.items.map((i) => (i.id === incident.id ? incident : i)),
    }));
  };

  if (openId !== undefined)
    return (
      <IncidentView
        key={openId}
        api={api}
        id={openId}
        accountId={accountId}
        names={names}
        onBack={() => {
          setOpenId(undefined);
        }}
        onChanged={changed}
      />
    );

  const { order: _order, ...criteria } = filter;
  const filtered = Object.keys(criteria).length > 0;
  const oldestFirst = filter.order === 'oldest';
  return (
    <div className="incidents">
      <Filters
        {...props}
        filter={filter}
        text={text}
        onText={setText}
        onChange={change}
        onCommitText={commitText}
        onClear={clearFilters}
        filtered={filtered}
      />
      <ExportButtons api={api} filter={filter} />
      {list.phase === 'loading' ? (
        <Loading label="Loading incidents…" />
      ) : list.phase === 'error' && list.error ? (
        <LoadError error={list.error} what="incidents" onRetry={reload} />
      ) : list.items.length === 0 ? (
        filtered ? (
          <Empty title="No incident matches these filters.">
            <button type="button" className="button" onClick={clearFilters}>
              Clear filters
            </button>
          </Empty>
        ) : (
          <Empty title={projectKey ? 'No secrets found in this project.' : 'No secrets found.'}>
            {props.emptyHint}
          </Empty>
        )
      ) : (
        <>
          <IncidentTable
            items={list.items}
            names={names}
            accountId={accountId}
            oldestFirst={oldestFirst}
            onSort={() => {
              change('order', oldestFirst ? undefined : 'oldest');
            }}
            onOpen={open}
            buttonRef={(id, el) => {
              if (el) openButtons.current.set(id, el);
              else openButtons.current.delete(id);
            }}
          />
          <div className="list-footer">
            <p className="muted" aria-live="polite">
              {list.cursor
                ? `Showing the ${formatCount(list.items.length)} ${oldestFirst ? 'least' : 'most'} recently seen incidents.`
                : `${formatCount(list.items.length)} incident${list.items.length === 1 ? '' : 's'}.`}
            </p>
            {list.cursor ? (
              <button
                type="button"
                className="button"
                disabled={list.phase === 'more'}
                onClick={() => void loadMore()}
              >
                {list.phase === 'more' ? 'Loading…' : 'Load more'}
              </button>
            ) : null}
          </div>
          <InlineError error={list.moreError} />
          {list.moreError?.code === 'invalid' ? (
            <button type="button" className="button" onClick={reload}>
              Start again from the first page
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}

function Filters({
  filter,
  text,
  onText,
  onChange,
  onCommitText,
  onClear,
  filtered,
  projectKey,
  projectOptions,
  detectorOptions,
}: IncidentsViewProps & {
  filter: IncidentFilter;
  text: FilterText;
  onText: (text: FilterText) => void;
  onChange: (key: FilterKey, value: string | undefined) => void;
  onCommitText: () => void;
  onClear: () => void;
  /** Some filter is set (the order is not a filter). */
  filtered: boolean;
}) {
  const select = (key: FilterKey, options: Record<string, string>, value: string | undefined) => (
    <Field label={FILTER_LABELS[key]}>
      {(id) => (
        <select
          id={id}
          value={value ?? ''}
          onChange={(e) => {
            const v = e.target.value;
            onChange(key, v && isOneOf(v, options) ? v : undefined);
          }}
        >
          <option value="">Any</option>
          {keysOf(options).map((k) => (
            <option key={k} value={k}>
              {options[k]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter incidents"
      onSubmit={(e) => {
        e.preventDefault();
        onCommitText();
      }}
    >
      {select('status', STATUS_LABELS, filter.status)}
      {projectKey === undefined ? (
        projectOptions && projectOptions.length > 0 ? (
          select(
            'projectKey',
            Object.fromEntries(projectOptions.map((k) => [k, k])),
            filter.projectKey,
          )
        ) : (
          <Field label={FILTER_LABELS.projectKey}>
            {(id) => (
              <input
                id={id}
                type="text"
                value={text.project}
                placeholder="Any"
                onChange={(e) => {
                  onText({ ...text, project: e.target.value });
                }}
                onBlur={onCommitText}
              />
            )}
          </Field>
        )
      ) : null}
      <Field label={FILTER_LABELS.detector}>
        {(id) =>
          detectorOptions && detectorOptions.length > 0 ? (
            <DetectorSelect
              id={id}
              options={detectorOptions}
              value={filter.detector}
              onChange={(v) => {
                onChange('detector', v);
              }}
            />
          ) : (
            <input
              id={id}
              type="text"
              value={text.detector}
              placeholder="Any"
              onChange={(e) => {
                onText({ ...text, detector: e.target.value });
              }}
              onBlur={onCommitText}
            />
          )
        }
      </Field>
      {select('severity', SEVERITY_LABELS, filter.severity)}
      {select('presence', PRESENCE_LABELS, filter.presence)}
      {select('validity', VALIDITY_LABELS, filter.validity)}
      <div className="filters-buttons">
        <button type="submit" className="button">
          Apply
        </button>
        <button
          type="button"
          className="button button-subtle"
          disabled={!filtered && !text.detector && !text.project}
          onClick={onClear}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}

/** The detectors to filter by, grouped by family; a filter set elsewhere stays selectable. */
function DetectorSelect({
  id,
  options,
  value,
  onChange,
}: {
  id: string;
  options: readonly DetectorOption[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const families = new Map<string, DetectorOption[]>();
  for (const d of [...options].sort((a, b) => a.name.localeCompare(b.name))) {
    const family = d.family ?? '';
    families.set(family, [...(families.get(family) ?? []), d]);
  }
  const known = options.some((d) => d.id === value);
  const items = (list: readonly DetectorOption[]) =>
    list.map((d) => (
      <option key={d.id} value={d.id}>
        {d.name}
      </option>
    ));
  return (
    <select
      id={id}
      value={value ?? ''}
      onChange={(e) => {
        onChange(e.target.value || undefined);
      }}
    >
      <option value="">Any</option>
      {value && !known ? <option value={value}>{value}</option> : null}
      {[...families.keys()]
        .sort((a, b) => a.localeCompare(b))
        .map((family) => {
          const list = families.get(family) ?? [];
          return family ? (
            <optgroup key={family} label={family}>
              {items(list)}
            </optgroup>
          ) : (
            items(list)
          );
        })}
    </select>
  );
}

const FILTER_LABELS: Record<FilterKey, string> = {
  status: 'Status',
  projectKey: 'Project',
  detector: 'Detector',
  severity: 'Severity',
  presence: 'Presence',
  validity: 'Validity',
  order: 'Order',
};

function IncidentTable({
  items,
  names,
  accountId,
  oldestFirst,
  onSort,
  onOpen,
  buttonRef,
}: {
  items: readonly Incident[];
  names: NameCache;
  accountId: string | undefined;
  oldestFirst: boolean;
  /** Flips the order by last seen (newest first <-> oldest first). */
  onSort: () => void;
  onOpen: (id: string) => void;
  buttonRef: (id: string, el: HTMLButtonElement | null) => void;
}) {
  const known = useUserNames(
    names,
    items.map((i) => (i.status === 'ASSIGNED' ? i.assignee_id : undefined)),
  );
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="sr-only">
          Incidents, {oldestFirst ? 'least' : 'most'} recently seen first
        </caption>
        <thead>
          <tr>
            <th scope="col">Detector</th>
            <th scope="col">Secret</th>
            <th scope="col">Projects</th>
            <th scope="col">First seen</th>
            <th scope="col" aria-sort={oldestFirst ? 'ascending' : 'descending'}>
              <button
                type="button"
                className="sort-button"
                title={oldestFirst ? 'Show the newest first' : 'Show the oldest first'}
                onClick={onSort}
              >
                Last seen <span aria-hidden="true">{oldestFirst ? '↑' : '↓'}</span>
              </button>
            </th>
            <th scope="col" className="num">
              Occurrences
            </th>
            <th scope="col">Status</th>
            <th scope="col">Severity</th>
            <th scope="col">Presence</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr
              key={i.id}
              className="clickable"
              onClick={() => {
                onOpen(i.id);
              }}
            >
              <td>
                <button
                  type="button"
                  className="link-button"
                  ref={(el) => {
                    buttonRef(i.id, el);
                  }}
                  aria-label={`Open ${i.detector.display_name} ${i.secret_preview}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(i.id);
                  }}
                >
                  {i.detector.display_name}
                </button>
              </td>
              <td>
                <code className="secret">{i.secret_preview}</code>
              </td>
              <td>{i.project_keys.join(', ')}</td>
              <td>
                <time dateTime={i.date}>{formatDate(i.date)}</time>
              </td>
              <td>
                <time dateTime={i.last_seen}>{formatDate(i.last_seen)}</time>
              </td>
              <td className="num">{formatCount(i.occurrences_count)}</td>
              <td>
                <Lozenge tone={statusTone(i.status)}>{STATUS_LABELS[i.status]}</Lozenge>
                {i.ignore_reason ? (
                  <span className="muted small"> {IGNORE_REASON_LABELS[i.ignore_reason]}</span>
                ) : null}
                {i.status === 'ASSIGNED' && i.assignee_id ? (
                  <span className="muted small">
                    {' '}
                    to {assigneeLabel(i.assignee_id, known, accountId)}
                  </span>
                ) : null}
                {i.regression ? <Lozenge tone="discovery">Regression</Lozenge> : null}
              </td>
              <td>
                <Lozenge tone={severityTone(i.severity)}>{SEVERITY_LABELS[i.severity]}</Lozenge>
                {/* A checked secret says so beside its severity: a valid one is why it is critical. */}
                {wasChecked(i) ? (
                  <>
                    {' '}
                    <ValidityLozenge incident={i} />
                  </>
                ) : null}
              </td>
              <td>
                <Lozenge tone={presenceTone(i.presence)}>{PRESENCE_LABELS[i.presence]}</Lozenge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
