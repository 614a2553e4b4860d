/** Small building blocks: states (loading, empty, error), switch, lozenge, progress, tabs. */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { ApiError } from './api';

export function Loading({ label }: { label: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children ? <div className="state-body">{children}</div> : null}
    </div>
  );
}

/** A failed load: what went wrong, in the server's words, and a way to try again. */
export function LoadError({
  error,
  what,
  onRetry,
}: {
  error: ApiError;
  what: string;
  onRetry?: (() => void) | undefined;
}) {
  if (error.code === 'forbidden') return <AccessDenied message={error.message} />;
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">Could not load {what}</p>
      <p>{sentence(error.message)}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function AccessDenied({ message }: { message: string }) {
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">You don’t have access</p>
      <p>{sentence(message)}</p>
    </div>
  );
}

/** An action's failure, shown next to the control that caused it. */
export function InlineError({ error }: { error: ApiError | undefined }) {
  if (!error) return null;
  return (
    <p className="inline-message inline-error" role="alert">
      {sentence(error.message)}
    </p>
  );
}

export function InlineSuccess({ children }: { children: ReactNode }) {
  return (
    <p className="inline-message inline-success" role="status">
      {children}
    </p>
  );
}

/** Server messages are lower-case fragments ("no such scan"): shown as a sentence. */
export function sentence(message: string): string {
  const m = message.trim().replace(/\.$/, '');
  return `${m.charAt(0).toUpperCase()}${m.slice(1)}.`;
}

export function Switch({
  checked,
  onChange,
  label,
  disabled = false,
  busy = false,
}: {
  checked: boolean;
  onChange: (next: boolean) => void;
  label: string;
  disabled?: boolean;
  /** Its change is being saved: it keeps focus and its position, and ignores clicks meanwhile. */
  busy?: boolean;
}) {
  return (
    <button
      type="button"
      role="switch"
      className="switch"
      aria-checked={checked}
      aria-label={label}
      disabled={disabled}
      aria-busy={busy || undefined}
      aria-disabled={busy || undefined}
      onClick={() => {
        if (!busy) onChange(!checked);
      }}
    >
      <span className="switch-knob" aria-hidden="true" />
    </button>
  );
}

export type Tone = 'neutral' | 'danger' | 'warning' | 'success' | 'information' | 'discovery';

/** Atlassian's lozenge: subtle by default, `bold` (filled) for the one thing that must stand out. */
export function Lozenge({
  tone,
  bold = false,
  children,
}: {
  tone: Tone;
  bold?: boolean;
  children: ReactNode;
}) {
  return (
    <span className={`lozenge lozenge-${tone}${bold ? ' lozenge-bold' : ''}`}>{children}</span>
  );
}

export function ProgressBar({
  value,
  max,
  label,
}: {
  value: number;
  /** 0 or less: unknown total (indeterminate). */
  max: number;
  label: string;
}) {
  const known = max > 0;
  const ratio = known ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div
      className={`progress${known ? '' : ' progress-indeterminate'}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      {...(known
        ? { 'aria-valuemax': max, 'aria-valuenow': Math.min(value, max) }
        : { 'aria-valuetext': `${value.toLocaleString()} so far` })}
    >
      <div
        className="progress-fill"
        style={known ? { width: `${(ratio * 100).toFixed(1)}%` } : undefined}
      />
    </div>
  );
}

export interface TabSpec {
  readonly id: string;
  readonly label: string;
}

/** WAI-ARIA tabs: arrow keys, Home and End move between tabs; Tab goes into the panel. */
export function TabList({
  tabs,
  selected,
  onSelect,
  label,
  idPrefix,
}: {
  tabs: readonly TabSpec[];
  selected: string;
  onSelect: (id: string) => void;
  label: string;
  idPrefix: string;
}) {
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const move = (e: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const to =
      e.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : e.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : undefined;
    if (to === undefined) return;
    e.preventDefault();
    const tab = tabs[to];
    if (!tab) return;
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el) refs.current.set(t.id, el);
            else refs.current.delete(t.id);
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${t.id}`}
          aria-selected={t.id === selected}
          aria-controls={`${idPrefix}-panel-${t.id}`}
          tabIndex={t.id === selected ? 0 : -1}
          className="tab"
          onClick={() => {
            onSelect(t.id);
          }}
          onKeyDown={(e) => {
            move(e, i);
          }}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** A labelled field: the label is tied to the control through its id. */
export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: ReactNode;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A titled panel of a settings page. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
