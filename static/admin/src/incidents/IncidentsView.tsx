/**
 * The incident list (filters, table, cursor paging) and, on a click, one incident. Shared by the
 * admin page (every project) and the project page (its project only, fixed by the server).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { toApiError, type ApiError, type IncidentsApi } from '../api';
import {
  formatCount,
  formatDate,
  formatDay,
  keysOf,
  PRESENCE_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  IGNORE_REASON_LABELS,
} from '../format';
import type { Incident, IncidentFilter, IncidentSort, Total } from '../types';
import { Empty, Field, InlineError, LoadError, Loading, Lozenge } from '../ui';
import { BulkActions, type RowResults } from './BulkActions';
import { ExportButtons } from './ExportButtons';
import { IncidentView } from './IncidentView';
import { AssigneeName } from './AssigneeName';
import { createNameCache, useKnownNames, type NameCache } from './names';
import { severityBold, severityTone, statusTone } from './tones';
import { VALIDITY_LABELS, ValidityLozenge, wasChecked } from './validity';

export const PAGE_SIZE = 25;

/** What needs attention first: the most severe, then the most recently seen. */
export const DEFAULT_SORT: IncidentSort = 'severity';

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
  /**
   * The choices are on their way: the filter shows a waiting select of the same size (not a text
   * box that turns into a select once they arrive).
   */
  readonly optionsLoading?: boolean;
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
  /** How many match the filter (from the first page). */
  readonly total?: Total | undefined;
}

/** Typed filters and the search: applied on Enter, blur or Apply. */
interface FilterText {
  readonly detector: string;
  readonly project: string;
  readonly search: string;
}

/** The list's order and search are not filters: "Clear filters" keeps them. */
const keepOnClear = ({ sort, order }: IncidentFilter): IncidentFilter => ({
  ...(sort ? { sort } : {}),
  ...(order ? { order } : {}),
});

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
    filter: { sort: DEFAULT_SORT, ...props.initialFilter },
    items: [],
    cursor: undefined,
    phase: 'loading',
  });
  const [text, setText] = useState<FilterText>({
    detector: props.initialFilter?.detector ?? '',
    project: props.initialFilter?.projectKey ?? '',
    search: '',
  });
  const [round, setRound] = useState(0);
  const [openId, setOpenId] = useState<string | undefined>(props.initialOpenId);
  // Rows ticked for a bulk action, and each row's answer to the last one.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [results, setResults] = useState<RowResults>(new Map());
  // One cache of assignee names for the list and the incident views opened from it.
  const [names] = useState(() => createNameCache(api));
  const lastOpened = useRef<string | undefined>(undefined);
  const openButtons = useRef(new Map<string, HTMLButtonElement>());
  const root = useRef<HTMLDivElement>(null);
  // Where focus goes once the list has loaded again (a sort header, the first new row): the
  // control that was used is disabled or replaced while loading, and focus must not fall to body.
  const focusAfterLoad = useRef<string | undefined>(undefined);
  const filter = list.filter;

  useEffect(() => {
    let live = true;
    api.listIncidents({ filter, limit: PAGE_SIZE }).then(
      (page) => {
        if (live)
          setList({
            filter,
            items: page.items,
            cursor: page.cursor,
            phase: 'ready',
            total: page.total,
          });
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

  // Once loaded, focus goes where the last action asked (or to the list's summary).
  useEffect(() => {
    const target = focusAfterLoad.current;
    if (target === undefined || list.phase === 'loading' || list.phase === 'more') return;
    focusAfterLoad.current = undefined;
    const el =
      root.current?.querySelector<HTMLElement>(`[data-focus="${CSS.escape(target)}"]`) ??
      root.current?.querySelector<HTMLElement>('[data-focus="summary"]');
    el?.focus();
  }, [list]);

  const applyFilter = (next: IncidentFilter, focus?: string) => {
    focusAfterLoad.current = focus;
    setSelected(new Set());
    setResults(new Map());
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
    // The server matches in lower case too: the same search is not asked twice.
    const q = text.search.trim().toLowerCase() || undefined;
    if (q !== filter.search) next = setKey(next, 'search', q);
    if (next !== filter) applyFilter(next);
  };
  const clearFilters = () => {
    setText({ detector: '', project: '', search: '' });
    applyFilter(keepOnClear(filter), 'summary');
  };
  const reload = () => {
    setList({ filter, items: [], cursor: undefined, phase: 'loading' });
    setRound((r) => r + 1);
  };
  /** A column header: its sort, or the same sort reversed when it is the current one. */
  const sortBy = (sort: IncidentSort) => {
    const current = filter.sort ?? 'last_seen';
    const { order: _o, ...rest } = filter;
    const reversed = current === sort && filter.order !== 'oldest';
    applyFilter({ ...rest, sort, ...(reversed ? { order: 'oldest' } : {}) }, `sort-${sort}`);
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
        const fresh = page.items.filter((i) => !seen.has(i.id));
        // The first new row takes focus (the button that was used may be gone).
        focusAfterLoad.current = fresh[0] ? `open-${fresh[0].id}` : 'summary';
        return {
          ...l,
          filter: forFilter,
          items: [...l.items, ...fresh],
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
  const toggle = (ids: readonly string[], on: boolean) => {
    setSelected((before) => {
      const next = new Set(before);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
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

  const { order: _order, sort: _sort, ...criteria } = filter;
  const filtered = Object.keys(criteria).length > 0;
  const reversed = filter.order === 'oldest';
  const sort = filter.sort ?? 'last_seen';
  return (
    <div className="incidents" ref={root}>
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
          <p className="list-summary" tabIndex={-1} data-focus="summary" aria-live="polite">
            {summary(list.items.length, list.total, filtered)}
          </p>
          <BulkActions
            api={api}
            items={list.items}
            selected={selected}
            accountId={accountId}
            names={names}
            onClear={() => {
              setSelected(new Set());
            }}
            onDone={(answers) => {
              setResults(answers);
              for (const a of answers.values()) if (a.ok) changed(a.incident);
            }}
          />
          <IncidentTable
            items={list.items}
            names={names}
            accountId={accountId}
            sort={sort}
            reversed={reversed}
            onSort={sortBy}
            selected={selected}
            onToggle={toggle}
            results={results}
            onOpen={open}
            buttonRef={(id, el) => {
              if (el) openButtons.current.set(id, el);
              else openButtons.current.delete(id);
            }}
          />
          <div className="list-footer">
            <p className="muted">
              {list.cursor
                ? `Showing ${formatCount(list.items.length)}, sorted by ${SORT_LABELS[sort].toLowerCase()}${reversed ? ' (reversed)' : ''}.`
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
  optionsLoading,
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
  // Free text where the options are not known (yet), taken when the field is left.
  const textFilter = (id: string, which: 'project' | 'detector') => (
    <input
      id={id}
      type="text"
      value={text[which]}
      placeholder="Any"
      onChange={(e) => {
        onText({ ...text, [which]: e.target.value });
      }}
      onBlur={onCommitText}
    />
  );
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
  /** A first-seen bound: a day (UTC), applied as soon as it is a whole date. */
  const dayInput = (
    key: 'firstSeenFrom' | 'firstSeenTo',
    value: string | undefined,
    range: { min?: string | undefined; max?: string | undefined },
  ) => (
    <Field label={FILTER_LABELS[key]}>
      {(id) => (
        <input
          id={id}
          type="date"
          value={value ?? ''}
          {...(range.min ? { min: range.min } : {})}
          {...(range.max ? { max: range.max } : {})}
          onChange={(e) => {
            onChange(key, e.target.value || undefined);
          }}
        />
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
      <Field label={FILTER_LABELS.search}>
        {(id) => (
          <input
            id={id}
            type="search"
            className="search-input"
            value={text.search}
            placeholder="Issue key, detector or secret preview"
            onChange={(e) => {
              onText({ ...text, search: e.target.value });
            }}
          />
        )}
      </Field>
      {select('status', STATUS_LABELS, filter.status)}
      {projectKey === undefined ? (
        optionsLoading && !projectOptions ? (
          <WaitingSelect label={FILTER_LABELS.projectKey} />
        ) : projectOptions && projectOptions.length > 0 ? (
          select(
            'projectKey',
            Object.fromEntries(projectOptions.map((k) => [k, k])),
            filter.projectKey,
          )
        ) : (
          <Field label={FILTER_LABELS.projectKey}>{(id) => textFilter(id, 'project')}</Field>
        )
      ) : null}
      {optionsLoading && !detectorOptions ? (
        <WaitingSelect label={FILTER_LABELS.detector} />
      ) : (
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
              textFilter(id, 'detector')
            )
          }
        </Field>
      )}
      {select('family', familyOptions(detectorOptions, filter.family), filter.family)}
      {select('severity', SEVERITY_LABELS, filter.severity)}
      {select('presence', PRESENCE_LABELS, filter.presence)}
      {select('validity', VALIDITY_LABELS, filter.validity)}
      {dayInput('firstSeenFrom', filter.firstSeenFrom, { max: filter.firstSeenTo })}
      {dayInput('firstSeenTo', filter.firstSeenTo, { min: filter.firstSeenFrom })}
      <div className="filters-buttons">
        <button type="submit" className="button">
          Apply
        </button>
        <button
          type="button"
          className="button button-subtle"
          disabled={!filtered && !text.detector && !text.project && !text.search}
          onClick={onClear}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}

/** A filter whose choices are loading: a disabled select of the same size, saying so. */
function WaitingSelect({ label }: { label: string }) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} disabled aria-busy="true">
          <option>Loading…</option>
        </select>
      )}
    </Field>
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
  sort: 'Sort by',
  search: 'Search',
  family: 'Detector family',
  firstSeenFrom: 'First seen from (UTC)',
  firstSeenTo: 'First seen until (UTC)',
};

/** The families of the detectors offered, and a family set elsewhere (an overview link). */
function familyOptions(
  detectors: readonly DetectorOption[] | undefined,
  current: string | undefined,
): Record<string, string> {
  const families = new Set(detectors?.flatMap((d) => (d.family ? [d.family] : [])));
  if (current) families.add(current);
  return Object.fromEntries([...families].sort((a, b) => a.localeCompare(b)).map((f) => [f, f]));
}

export const SORT_LABELS: Record<IncidentSort, string> = {
  severity: 'Severity',
  status: 'Status',
  detector: 'Detector',
  project: 'Projects',
  occurrences: 'Occurrences',
  first_seen: 'First seen',
  last_seen: 'Last seen',
};

/** Which way each sort goes before it is reversed (for `aria-sort`). */
const NATURAL: Record<IncidentSort, 'ascending' | 'descending'> = {
  severity: 'descending',
  status: 'ascending',
  detector: 'ascending',
  project: 'ascending',
  occurrences: 'descending',
  first_seen: 'descending',
  last_seen: 'descending',
};

/** "115 incidents match these filters." or, while paging, "Showing 25 of 115 incidents." */
export function summary(shown: number, total: Total | undefined, filtered: boolean): string {
  if (!total) return `Showing ${formatCount(shown)} incident${shown === 1 ? '' : 's'}.`;
  const one = total.count === 1 && !total.capped;
  const all = `${total.capped ? 'more than ' : ''}${formatCount(total.count)} incident${one ? '' : 's'}`;
  if (shown < total.count || total.capped)
    return `Showing ${formatCount(shown)} of ${all}${filtered ? ' that match these filters' : ''}.`;
  const verb = one ? 'matches' : 'match';
  return `${all.charAt(0).toUpperCase()}${all.slice(1)}${filtered ? ` ${verb} these filters` : ''}.`;
}

function IncidentTable({
  items,
  names,
  accountId,
  sort,
  reversed,
  onSort,
  selected,
  onToggle,
  results,
  onOpen,
  buttonRef,
}: {
  items: readonly Incident[];
  names: NameCache;
  accountId: string | undefined;
  sort: IncidentSort;
  reversed: boolean;
  /** A header's sort, or the current one reversed. */
  onSort: (sort: IncidentSort) => void;
  selected: ReadonlySet<string>;
  onToggle: (ids: readonly string[], on: boolean) => void;
  /** Each row's answer to the last bulk action. */
  results: RowResults;
  onOpen: (id: string) => void;
  buttonRef: (id: string, el: HTMLButtonElement | null) => void;
}) {
  const known = useKnownNames(
    names,
    items.map((i) => (i.status === 'ASSIGNED' ? i.assignee_id : undefined)),
  );
  const direction = (s: IncidentSort) =>
    (NATURAL[s] === 'ascending') !== reversed ? 'ascending' : 'descending';
  const header = (s: IncidentSort, className?: string) => (
    <th scope="col" className={className} aria-sort={s === sort ? direction(s) : undefined}>
      <button
        type="button"
        className="sort-button"
        data-focus={`sort-${s}`}
        title={s === sort ? 'Reverse the order' : `Sort by ${SORT_LABELS[s].toLowerCase()}`}
        onClick={() => {
          onSort(s);
        }}
      >
        {SORT_LABELS[s]}
        {s === sort ? (
          <span aria-hidden="true">{direction(s) === 'ascending' ? ' ↑' : ' ↓'}</span>
        ) : null}
      </button>
    </th>
  );
  const allSelected = items.length > 0 && items.every((i) => selected.has(i.id));
  return (
    <div className="table-wrap">
      <table className="table incidents-table">
        <caption className="sr-only">
          Incidents, sorted by {SORT_LABELS[sort].toLowerCase()}
          {reversed ? ', reversed' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="check">
              <input
                type="checkbox"
                aria-label="Select every incident shown"
                checked={allSelected}
                onChange={(e) => {
                  onToggle(
                    items.map((i) => i.id),
                    e.target.checked,
                  );
                }}
              />
            </th>
            {header('detector')}
            <th scope="col">Secret</th>
            {header('project')}
            {header('first_seen')}
            {header('last_seen')}
            {header('occurrences', 'num')}
            {header('status')}
            {header('severity')}
            <th scope="col">Presence</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => {
            const result = results.get(i.id);
            const name = `${i.detector.display_name} ${i.secret_preview}`;
            return (
              <tr
                key={i.id}
                className="clickable"
                onClick={() => {
                  onOpen(i.id);
                }}
              >
                <td
                  className="check"
                  onClick={(e) => {
                    e.stopPropagation();
                  }}
                >
                  <input
                    type="checkbox"
                    aria-label={`Select ${name}`}
                    checked={selected.has(i.id)}
                    onChange={(e) => {
                      onToggle([i.id], e.target.checked);
                    }}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    data-focus={`open-${i.id}`}
                    ref={(el) => {
                      buttonRef(i.id, el);
                    }}
                    aria-label={`Open ${name}`}
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
                <td className="date">
                  <time dateTime={i.date} title={formatDate(i.date)}>
                    {formatDay(i.date)}
                  </time>
                </td>
                <td className="date">
                  <time dateTime={i.last_seen} title={formatDate(i.last_seen)}>
                    {formatDay(i.last_seen)}
                  </time>
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
                      to <AssigneeName id={i.assignee_id} known={known} viewer={accountId} />
                    </span>
                  ) : null}
                  {i.regression ? <Lozenge tone="neutral">Regression</Lozenge> : null}
                  {result ? (
                    <span
                      className={`row-result small ${result.ok ? 'row-result-ok' : 'row-result-error'}`}
                    >
                      {' '}
                      {result.ok ? result.message : `Not changed: ${result.message}`}
                    </span>
                  ) : null}
                </td>
                <td>
                  <Lozenge tone={severityTone(i.severity)} bold={severityBold(i.severity)}>
                    {SEVERITY_LABELS[i.severity]}
                  </Lozenge>
                  {/* A checked secret says so beside its severity: a valid one is why it is critical. */}
                  {wasChecked(i) ? (
                    <>
                      {' '}
                      <ValidityLozenge incident={i} />
                    </>
                  ) : null}
                </td>
                <td>
                  <Presence presence={i.presence} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Still in Jira or removed: plain words with a mark, not a third coloured lozenge per row. */
function Presence({ presence }: { presence: 'present' | 'removed' }) {
  return (
    <span className={`presence presence-${presence}`}>
      <span aria-hidden="true">{presence === 'present' ? '● ' : '○ '}</span>
      {PRESENCE_LABELS[presence]}
    </span>
  );
}
