/**
 * One action on the ticked rows of the incident list: assign, resolve or ignore with a reason.
 * Nothing changes before the admin confirms; then the server checks and changes each incident on
 * its own (as for one), and each row shows its own answer.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { IncidentsApi } from '../api';
import { formatCount, IGNORE_REASON_LABELS } from '../format';
import { useAction } from '../hooks';
import type { IgnoreReason, Incident, IncidentAction, JiraUser } from '../types';
import { InlineError, sentence } from '../ui';
import { IgnoreReasonField } from './IgnoreReasonField';
import type { NameCache } from './names';
import { ASSIGNABLE_NOBODY_SELECTED } from './assignable';
import { UserPicker } from './UserPicker';

/** Each row's answer to the last bulk action, by incident id. */
export type RowResults = ReadonlyMap<
  string,
  | { readonly ok: true; readonly incident: Incident; readonly message: string }
  | { readonly ok: false; readonly message: string }
>;

interface Pending {
  readonly action: IncidentAction;
  /** "Resolve", "Ignore as Test credential", "Assign to Mia": the question's verb phrase. */
  readonly what: string;
  /** What a changed row says: "Resolved", "Ignored", "Assigned to Mia". */
  readonly done: string;
  /** The control that asked: focus returns to it on Cancel. */
  readonly from: string;
}

export function BulkActions({
  api,
  items,
  selected,
  accountId,
  names,
  onClear,
  onDone,
}: {
  api: IncidentsApi;
  items: readonly Incident[];
  selected: ReadonlySet<string>;
  accountId?: string | undefined;
  names: NameCache;
  onClear: () => void;
  onDone: (results: RowResults) => void;
}) {
  const { busy, error, run } = useAction();
  const [pending, setPending] = useState<Pending | undefined>();
  const [assignee, setAssignee] = useState<JiraUser | undefined>();
  const [reason, setReason] = useState<IgnoreReason | ''>('');
  const [outcome, setOutcome] = useState<string | undefined>();
  const root = useRef<HTMLDivElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const questionId = useId();
  // The rows shown and ticked (a row that left the list is not acted on).
  const ids = items.filter((i) => selected.has(i.id)).map((i) => i.id);
  const count = `${formatCount(ids.length)} incident${ids.length === 1 ? '' : 's'}`;

  useEffect(() => {
    if (pending) confirmButton.current?.focus();
  }, [pending]);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  if (ids.length === 0 && !outcome) return null;

  // Buttons stay focusable while a request runs (aria-disabled): a click then does nothing.
  const ask = (p: Pending) => {
    if (busy) return;
    setOutcome(undefined);
    setPending(p);
  };
  const cancel = () => {
    const from = pending?.from;
    setPending(undefined);
    if (from) root.current?.querySelector<HTMLElement>(`[data-bulk="${from}"]`)?.focus();
  };
  const confirm = async () => {
    if (!pending) return;
    const p = pending;
    const answer = await run(() => api.bulkIncidentAction(ids, p.action));
    setPending(undefined);
    if (!answer) {
      // Nothing was changed: focus stays with the question's controls' place.
      root.current?.querySelector<HTMLElement>(`[data-bulk="${p.from}"]`)?.focus();
      return;
    }
    const results: RowResults = new Map(
      answer.results.map((r) => [
        r.id,
        r.ok
          ? { ok: true, incident: r.incident, message: `${p.done}.` }
          : { ok: false, message: sentence(r.error.message) },
      ]),
    );
    const changed = answer.results.filter((r) => r.ok).length;
    const refused = answer.results.length - changed;
    onDone(results);
    onClear();
    setOutcome(
      `${formatCount(changed)} changed${refused > 0 ? `, ${formatCount(refused)} not changed (each row says why)` : ''}.`,
    );
  };

  return (
    <div className="bulk" ref={root}>
      {ids.length > 0 ? (
        <div className="bulk-bar" role="group" aria-label="Act on the selected incidents">
          <p className="bulk-count">{count} selected</p>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!assignee) return;
              names.remember(assignee);
              ask({
                action: { type: 'assign', assigneeId: assignee.accountId },
                what: `Assign ${count} to ${assignee.displayName}`,
                done: `Assigned to ${assignee.displayName}`,
                from: 'assign',
              });
            }}
          >
            <UserPicker
              label="Assign selected to"
              search={(q) => api.searchAssignees(ids, q)}
              nobody={ASSIGNABLE_NOBODY_SELECTED}
              picked={assignee}
              onPick={setAssignee}
              disabled={busy}
            />
            <button
              type="submit"
              className="button"
              data-bulk="assign"
              aria-disabled={busy || !assignee}
            >
              Assign
            </button>
            {accountId ? (
              <button
                type="button"
                className="button"
                data-bulk="assign-me"
                aria-disabled={busy}
                onClick={() => {
                  ask({
                    action: { type: 'assign', assigneeId: accountId },
                    what: `Assign ${count} to you`,
                    done: 'Assigned to you',
                    from: 'assign-me',
                  });
                }}
              >
                Assign to me
              </button>
            ) : null}
          </form>
          <div className="inline-form">
            <button
              type="button"
              className="button"
              data-bulk="resolve"
              aria-disabled={busy}
              onClick={() => {
                ask({
                  action: { type: 'resolve' },
                  what: `Resolve ${count}`,
                  done: 'Resolved',
                  from: 'resolve',
                });
              }}
            >
              Resolve
            </button>
          </div>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!reason) return;
              const label = IGNORE_REASON_LABELS[reason];
              ask({
                action: { type: 'ignore', reason },
                what: `Ignore ${count} as “${label}”`,
                done: `Ignored: ${label.toLowerCase()}`,
                from: 'ignore',
              });
            }}
          >
            <IgnoreReasonField
              label="Reason to ignore the selected"
              reason={reason}
              onChange={setReason}
            />
            <button
              type="submit"
              className="button"
              data-bulk="ignore"
              aria-disabled={busy || !reason}
            >
              Ignore
            </button>
          </form>
          <button type="button" className="button button-subtle" onClick={onClear}>
            Clear selection
          </button>
        </div>
      ) : null}
      {pending ? (
        <div className="confirm" role="group" aria-labelledby={questionId}>
          <p id={questionId}>
            {pending.what}? Each is checked and changed on its own; the rows say what happened.
          </p>
          <div className="inline-form">
            <button
              type="button"
              className="button button-primary"
              ref={confirmButton}
              aria-disabled={busy}
              onClick={() => {
                if (!busy) void confirm();
              }}
            >
              {busy ? 'Working…' : 'Confirm'}
            </button>
            <button type="button" className="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <InlineError error={error} />
      {outcome ? (
        <p className="inline-message inline-success" role="status" tabIndex={-1} ref={outcomeRef}>
          {outcome}
        </p>
      ) : null}
    </div>
  );
}
