/**
 * Choose a Jira user by name: a WAI-ARIA combobox with a listbox popup. Typing searches (after a
 * pause, so each keystroke is not a Jira call); arrow keys move through the matches, Enter picks
 * one, Escape closes the list (or clears the text when it is closed). The account id is kept
 * behind the name and handed to `onPick`.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { toApiError, type ApiError } from '../api';
import type { JiraUser } from '../types';
import { sentence } from '../ui';

/** Wait after the last keystroke before searching. */
export const SEARCH_DELAY_MS = 250;

type Search =
  | { readonly phase: 'idle' }
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready'; readonly users: readonly JiraUser[] }
  | { readonly phase: 'error'; readonly error: ApiError };

export function UserPicker({
  label,
  search,
  picked,
  onPick,
  disabled = false,
  nobody = 'No one matches.',
}: {
  label: string;
  search: (query: string) => Promise<JiraUser[]>;
  /** What the list says when the search finds no one. */
  nobody?: string;
  /** The chosen user, if any. */
  picked: JiraUser | undefined;
  /** A user chosen from the list, or undefined when the text no longer names them. */
  onPick: (user: JiraUser | undefined) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const statusId = `${id}-status`;
  const [text, setText] = useState(picked?.displayName ?? '');
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<Search>({ phase: 'idle' });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const searchRef = useRef(search);
  useEffect(() => {
    searchRef.current = search;
  });

  // Searches once typing pauses; an answer for an older query is dropped.
  useEffect(() => {
    if (!query) return;
    let live = true;
    const timer = setTimeout(() => {
      searchRef.current(query).then(
        (users) => {
          if (live) setResult({ phase: 'ready', users });
        },
        (e: unknown) => {
          if (live) setResult({ phase: 'error', error: toApiError(e) });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const users = result.phase === 'ready' ? result.users : [];
  const expanded = open && users.length > 0;

  const choose = (user: JiraUser) => {
    setText(user.displayName);
    setOpen(false);
    setActive(-1);
    onPick(user);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = users.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        setOpen(true);
        if (n === 0) return;
        const down = e.key === 'ArrowDown';
        setActive((a) =>
          !expanded || a < 0 ? (down ? 0 : n - 1) : down ? (a + 1) % n : (a - 1 + n) % n,
        );
        return;
      }
      case 'Enter': {
        // Enter picks from the list; it never submits the surrounding form half-chosen.
        if (!expanded) return;
        e.preventDefault();
        const user = users[active];
        if (user) choose(user);
        return;
      }
      case 'Escape':
        e.preventDefault();
        if (open && result.phase !== 'idle') setOpen(false);
        else {
          setText('');
          setQuery('');
          setResult({ phase: 'idle' });
          onPick(undefined);
        }
        setActive(-1);
        return;
      default:
        return;
    }
  };

  const status =
    result.phase === 'loading'
      ? 'Searching…'
      : result.phase === 'error'
        ? sentence(result.error.message)
        : result.phase === 'ready' && open
          ? users.length === 0
            ? nobody
            : `${users.length} ${users.length === 1 ? 'person matches' : 'people match'}; use the arrow keys to choose.`
          : '';
  const activeUser = expanded ? users[active] : undefined;
  // Searching, no match or a failure shows where the list would be, so nothing below moves.
  const note =
    open && (result.phase === 'loading' || result.phase === 'error' || users.length === 0)
      ? status
      : '';

  return (
    <div className="field picker">
      <label htmlFor={id}>{label}</label>
      <div className="picker-anchor">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-describedby={statusId}
          {...(activeUser ? { 'aria-activedescendant': `${id}-option-${active}` } : {})}
          value={text}
          placeholder="Type a name"
          autoComplete="off"
          spellCheck={false}
          disabled={disabled}
          onChange={(e) => {
            const q = e.target.value.trim();
            setText(e.target.value);
            if (q !== query) {
              setQuery(q);
              setResult(q ? { phase: 'loading' } : { phase: 'idle' });
            }
            setOpen(true);
            setActive(-1);
            if (picked) onPick(undefined);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
          }}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={`${label}: matching people`}
          className="picker-list"
          hidden={!expanded}
        >
          {users.map((u, i) => (
            <li
              key={u.accountId}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              className="picker-option"
              // Keeps focus in the input, so the click lands before the list closes on blur.
              onMouseDown={(e) => {
                e.preventDefault();
              }}
              onClick={() => {
                choose(u);
              }}
            >
              {u.displayName}
            </li>
          ))}
        </ul>
        {note ? (
          <p
            className={`picker-list picker-note${result.phase === 'error' ? ' inline-error' : ''}`}
            aria-hidden="true"
          >
            {note}
          </p>
        ) : null}
      </div>
      {/* What screen readers hear; the same words are shown in the popup. */}
      <p id={statusId} className="sr-only" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
