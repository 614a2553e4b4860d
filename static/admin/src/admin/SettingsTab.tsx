/**
 * Settings: where incidents are forwarded (the token can be replaced, never read back), who may
 * see incidents, which detectors run, custom detectors with a live test, and the notice to
 * publish to the site's users.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { adminApi, allowIncidentApiHost, toApiError, type ApiError } from '../api';
import { formatCount } from '../format';
import { useAction, useLoad } from '../hooks';
import type { ConnectionTest, DetectorTest, JiraGroup, PublicSettings } from '../types';
import { Field, InlineError, InlineSuccess, LoadError, Loading, Section, sentence } from '../ui';

import { NotifySection } from './NotifySection';
import { DetectorsSection } from './DetectorSettings';
import { ValiditySection } from './ValiditySection';

type OnSettings = (settings: PublicSettings) => void;

export function SettingsTab() {
  const { state, reload, update } = useLoad(() => adminApi.getOverview());
  const onSettings = useCallback<OnSettings>(
    (settings) => {
      update((o) => ({ ...o, settings }));
    },
    [update],
  );
  return (
    <div className="settings">
      {state.status === 'loading' ? (
        <Loading label="Loading settings…" />
      ) : state.status === 'error' ? (
        <LoadError error={state.error} what="the settings" onRetry={reload} />
      ) : (
        <>
          <IncidentApiSection
            settings={state.data.settings}
            pendingDeliveries={state.data.pendingDeliveries}
            onSettings={onSettings}
          />
          <TeamGroupSection settings={state.data.settings} onSettings={onSettings} />
          <CustomDetectorsSection settings={state.data.settings} onSettings={onSettings} />
          <ValiditySection settings={state.data.settings} onSettings={onSettings} />
          <NotifySection settings={state.data.settings} onSettings={onSettings} />
        </>
      )}
      <DetectorsSection />
      <NoticeSection />
    </div>
  );
}

function IncidentApiSection({
  settings,
  pendingDeliveries,
  onSettings,
}: {
  settings: PublicSettings;
  pendingDeliveries: number;
  onSettings: OnSettings;
}) {
  const [url, setUrl] = useState(settings.incidentApiUrl ?? '');
  const [token, setToken] = useState('');
  const [tokenSet, setTokenSet] = useState(settings.incidentApiTokenSet);
  const [message, setMessage] = useState<string | undefined>();
  /** Jira did not allow the address's host: said as the error it is. */
  const [refused, setRefused] = useState<string | undefined>();
  const [test, setTest] = useState<ConnectionTest | undefined>();
  const urlAction = useAction();
  const tokenAction = useAction();
  const testAction = useAction();
  // Every message here answers the latest action: a new one, or an edit, clears all the others
  // (an old "Connected" beside a new error would contradict it).
  const forget = () => {
    setMessage(undefined);
    setRefused(undefined);
    setTest(undefined);
    urlAction.clear();
    tokenAction.clear();
    testAction.clear();
  };

  const saveUrl = async () => {
    forget();
    // A self-hosted API's host must be allowed by the admin before the app can reach it.
    const denied = url.trim() ? await allowIncidentApiHost(url.trim()) : undefined;
    if (denied) {
      setRefused(denied);
      return;
    }
    const s = await urlAction.run(() =>
      adminApi.updateSettings({ incidentApiUrl: url.trim() || null }),
    );
    if (!s) return;
    onSettings(s);
    setUrl(s.incidentApiUrl ?? '');
    // The server deletes the token when the address leaves its host: it was given for that host.
    const cleared = tokenSet && !s.incidentApiTokenSet;
    setTokenSet(s.incidentApiTokenSet);
    const host = s.incidentApiUrl ? new URL(s.incidentApiUrl).host : undefined;
    setMessage(
      host
        ? cleared
          ? `Address saved. The token was cleared because the address is on another host: enter the token for ${host}.`
          : 'Address saved.'
        : cleared
          ? 'Incidents are no longer forwarded, and the token was removed.'
          : 'Incidents are no longer forwarded.',
    );
  };
  const saveToken = async (value: string | null) => {
    forget();
    const r = await tokenAction.run(() => adminApi.setIncidentApiToken(value));
    if (!r) return;
    // The field is emptied at once: the token is not kept in the page.
    setToken('');
    setTokenSet(r.incidentApiTokenSet);
    onSettings({ ...settings, incidentApiTokenSet: r.incidentApiTokenSet });
    setMessage(r.incidentApiTokenSet ? 'Token saved.' : 'Token removed.');
  };
  const testConnection = async () => {
    forget();
    const r = await testAction.run(() => adminApi.testIncidentApi());
    if (r) setTest(r);
  };
  return (
    <Section title="Incident API">
      <p className="muted">
        Every incident and its changes are sent to this address (a GitGuardian-compatible incident
        API). Leave it empty to keep incidents in Jira only.
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void saveUrl();
        }}
      >
        <Field
          label="Incident API URL"
          hint="An https address, such as https://api.gitguardian.com"
        >
          {(id, hint) => (
            <input
              id={id}
              type="url"
              inputMode="url"
              className="wide"
              value={url}
              placeholder="https://"
              aria-describedby={hint}
              onChange={(e) => {
                forget();
                setUrl(e.target.value);
              }}
            />
          )}
        </Field>
        <button type="submit" className="button" disabled={urlAction.busy}>
          Save address
        </button>
      </form>
      <InlineError error={urlAction.error} />
      {refused ? (
        <p className="inline-message inline-error" role="alert">
          {refused}
        </p>
      ) : null}

      <form
        className="inline-form"
        autoComplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) void saveToken(token.trim());
        }}
      >
        <Field
          label={tokenSet ? 'Replace the token' : 'Token'}
          hint={
            tokenSet
              ? 'A token is set. It is kept in the app’s secret store and is never shown; type a new one to replace it.'
              : 'No token is set.'
          }
        >
          {(id, hint) => (
            <input
              id={id}
              type="password"
              className="wide"
              value={token}
              autoComplete="new-password"
              spellCheck={false}
              aria-describedby={hint}
              onChange={(e) => {
                forget();
                setToken(e.target.value);
              }}
            />
          )}
        </Field>
        <button
          type="submit"
          className="button"
          disabled={tokenAction.busy || token.trim().length === 0}
        >
          {tokenSet ? 'Replace token' : 'Save token'}
        </button>
        {tokenSet ? (
          <button
            type="button"
            className="button button-subtle"
            disabled={tokenAction.busy}
            onClick={() => void saveToken(null)}
          >
            Remove token
          </button>
        ) : null}
      </form>
      <InlineError error={tokenAction.error} />
      {message ? <InlineSuccess>{message}</InlineSuccess> : null}

      <div className="inline-form">
        <button
          type="button"
          className="button"
          disabled={testAction.busy}
          onClick={() => void testConnection()}
        >
          {testAction.busy ? 'Testing…' : 'Test connection'}
        </button>
        {pendingDeliveries > 0 ? (
          <span className="muted">
            {formatCount(pendingDeliveries)} incident update{pendingDeliveries === 1 ? '' : 's'}{' '}
            waiting to be sent.
          </span>
        ) : null}
      </div>
      <InlineError error={testAction.error} />
      {test ? (
        test.reachable ? (
          <InlineSuccess>Connected: the incident API accepted the token.</InlineSuccess>
        ) : (
          <p className="inline-message inline-error" role="alert">
            Not connected ({CONNECTION_KINDS[test.kind]}): {sentence(test.message)}
          </p>
        )
      ) : null}
    </Section>
  );
}

const CONNECTION_KINDS: Record<Extract<ConnectionTest, { reachable: false }>['kind'], string> = {
  auth: 'the token was refused',
  'rate-limited': 'rate-limited',
  unavailable: 'the service is unavailable',
  rejected: 'the request was rejected',
  network: 'no answer',
  config: 'check the address',
};

function TeamGroupSection({
  settings,
  onSettings,
}: {
  settings: PublicSettings;
  onSettings: OnSettings;
}) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; groups: JiraGroup[] } | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const search = useAction();
  const save = useAction();
  /** A new search, choice or edit: the previous outcome no longer applies. */
  const forget = () => {
    setSaved(undefined);
    search.clear();
    save.clear();
  };
  const find = async () => {
    forget();
    const q = query.trim();
    const groups = await search.run(() => adminApi.searchGroups(q));
    if (groups) setFound({ query: q, groups });
  };
  // Saved by id: a group keeps its id when renamed, and its old name may go to another group.
  const choose = async (group: JiraGroup | null) => {
    forget();
    const s = await save.run(() =>
      adminApi.updateSettings({ teamGroupId: group?.groupId ?? null }),
    );
    if (!s) return;
    onSettings(s);
    setFound(undefined);
    setQuery('');
    setSaved(
      s.teamGroupName ? `Members of ${s.teamGroupName} can see incidents.` : 'No group set.',
    );
  };
  const busy = search.busy || save.busy;
  return (
    <Section title="Who can see incidents">
      <p className="muted">
        Jira administrators see every incident here. On a project’s settings page, that project’s
        administrators see its incidents, and so do the members of this group, in the projects they
        may browse.
      </p>
      {settings.legacyTeamGroupName ? (
        <p className="inline-message inline-warning">
          An earlier version kept the group by name ({settings.legacyTeamGroupName}). Choose it
          again: until then only administrators see incidents.
        </p>
      ) : null}
      {settings.teamGroupId === null ? (
        settings.legacyTeamGroupName ? null : (
          <p>No group is set: only administrators see incidents.</p>
        )
      ) : settings.teamGroupName === null ? (
        <p className="inline-message inline-warning">
          The group chosen before no longer exists in Jira: choose another.
        </p>
      ) : (
        <div className="inline-form">
          <p>
            Group allowed to see incidents: <strong>{settings.teamGroupName}</strong>
          </p>
          <button
            type="button"
            className="button button-subtle"
            disabled={busy}
            onClick={() => void choose(null)}
          >
            Remove group
          </button>
        </div>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void find();
        }}
      >
        <Field label="Group name" hint="A part of the name of a Jira group.">
          {(id, hint) => (
            <input
              id={id}
              type="search"
              value={query}
              aria-describedby={hint}
              onChange={(e) => {
                forget();
                setQuery(e.target.value);
              }}
            />
          )}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          Find groups
        </button>
      </form>
      <InlineError error={search.error} />
      {found ? (
        found.groups.length === 0 ? (
          <p className="muted" role="status">
            No group’s name contains “{found.query}”.
          </p>
        ) : (
          <ul className="plain-list" aria-label="Matching groups">
            {found.groups.map((g) => (
              <li key={g.groupId}>
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  aria-label={`Choose ${g.name}`}
                  onClick={() => void choose(g)}
                >
                  {g.name}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <InlineError error={save.error} />
      {saved ? <InlineSuccess>{saved}</InlineSuccess> : null}
    </Section>
  );
}

interface Draft {
  readonly name: string;
  readonly pattern: string;
}

/** Waits for typing to stop before asking the server to test the pattern. */
const TEST_DELAY_MS = 400;

function CustomDetectorsSection({
  settings,
  onSettings,
}: {
  settings: PublicSettings;
  onSettings: OnSettings;
}) {
  const list = settings.customDetectors;
  const [editing, setEditing] = useState<number | undefined>();
  const [draft, setDraft] = useState<Draft>({ name: '', pattern: '' });
  const [sample, setSample] = useState('');
  const [saved, setSaved] = useState<string | undefined>();
  const { busy, error, run, clear } = useAction();
  const nameRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  /** Counts finished saves: each moves focus to its result (the button was disabled, or removed). */
  const [settled, setSettled] = useState(0);
  useEffect(() => {
    if (settled > 0) resultRef.current?.focus();
  }, [settled]);
  /** An edit of the draft or another detector: the last outcome no longer applies. */
  const forget = () => {
    setSaved(undefined);
    clear();
  };
  const edit = (next: Draft) => {
    forget();
    setDraft(next);
  };

  const save = async (next: readonly Draft[], message: string) => {
    setSaved(undefined);
    const s = await run(() => adminApi.updateSettings({ customDetectors: [...next] }));
    setSettled((n) => n + 1);
    if (!s) return false;
    onSettings(s);
    setSaved(message);
    return true;
  };
  const submit = async () => {
    const d = { name: draft.name.trim(), pattern: draft.pattern };
    const next = editing === undefined ? [...list, d] : list.map((x, i) => (i === editing ? d : x));
    if (await save(next, editing === undefined ? `Added ${d.name}.` : `Saved ${d.name}.`)) {
      setEditing(undefined);
      setDraft({ name: '', pattern: '' });
    }
  };
  return (
    <Section title="Custom detectors">
      <p className="muted">
        Your own formats, as RE2 regular expressions (no look-around or back-references). If the
        pattern has a capture group, the first group is the secret; otherwise the whole match is.
      </p>
      {list.length === 0 ? (
        <p>No custom detector yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">Custom detectors</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Pattern</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((c, i) => (
                <tr key={`${c.name}-${String(i)}`}>
                  <td>{c.name}</td>
                  <td>
                    <code>{c.pattern}</code>
                    {settings.customDetectorErrors
                      ?.filter((e) => e.index === i)
                      .map((e) => (
                        <p key={e.index} className="inline-message inline-error">
                          Not run: {e.error}. Edit or remove it.
                        </p>
                      ))}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button-subtle"
                      disabled={busy}
                      onClick={() => {
                        setEditing(i);
                        edit({ name: c.name, pattern: c.pattern });
                        nameRef.current?.focus();
                      }}
                    >
                      Edit<span className="sr-only"> {c.name}</span>
                    </button>
                    <button
                      type="button"
                      className="button button-subtle"
                      disabled={busy}
                      onClick={() =>
                        void save(
                          list.filter((_, j) => j !== i),
                          `Removed ${c.name}.`,
                        ).then((ok) => {
                          if (ok && editing === i) {
                            setEditing(undefined);
                            setDraft({ name: '', pattern: '' });
                          }
                        })
                      }
                    >
                      Remove<span className="sr-only"> {c.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        className="detector-editor"
        aria-label={editing === undefined ? 'New custom detector' : 'Edit custom detector'}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h3>{editing === undefined ? 'Add a detector' : `Edit ${list[editing]?.name ?? ''}`}</h3>
        <Field label="Name">
          {(id) => (
            <input
              id={id}
              ref={nameRef}
              type="text"
              maxLength={80}
              value={draft.name}
              onChange={(e) => {
                edit({ ...draft, name: e.target.value });
              }}
            />
          )}
        </Field>
        <Field label="Pattern (RE2)">
          {(id) => (
            <input
              id={id}
              type="text"
              className="wide mono"
              maxLength={1000}
              spellCheck={false}
              autoComplete="off"
              value={draft.pattern}
              onChange={(e) => {
                edit({ ...draft, pattern: e.target.value });
              }}
            />
          )}
        </Field>
        <Field
          label="Test text"
          hint="Paste a sample to see what the pattern finds. It is only sent to be tested, never saved."
        >
          {(id, hint) => (
            <textarea
              id={id}
              rows={4}
              className="wide mono"
              maxLength={20000}
              spellCheck={false}
              value={sample}
              aria-describedby={hint}
              onChange={(e) => {
                setSample(e.target.value);
              }}
            />
          )}
        </Field>
        <LiveTest name={draft.name.trim()} pattern={draft.pattern} text={sample} />
        <div className="inline-form">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || !draft.name.trim() || !draft.pattern}
          >
            {editing === undefined ? 'Add detector' : 'Save changes'}
          </button>
          {editing !== undefined ? (
            <button
              type="button"
              className="button button-subtle"
              onClick={() => {
                setEditing(undefined);
                setDraft({ name: '', pattern: '' });
              }}
            >
              Cancel
            </button>
          ) : null}
        </div>
        <div className="action-result" tabIndex={-1} ref={resultRef}>
          <InlineError error={error} />
          {saved ? <InlineSuccess>{saved}</InlineSuccess> : null}
        </div>
      </form>
    </Section>
  );
}

type TestOutcome =
  | { readonly key: string; readonly result: DetectorTest }
  | { readonly key: string; readonly error: ApiError };

/** Tests the pattern as it is typed (after a short pause), on the server's own engine. */
function LiveTest({ name, pattern, text }: { name: string; pattern: string; text: string }) {
  const [outcome, setOutcome] = useState<TestOutcome | undefined>();
  const ready = name !== '' && pattern !== '';
  const key = JSON.stringify([name, pattern, text]);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    const timer = setTimeout(() => {
      adminApi.testCustomDetector(name, pattern, text).then(
        (result) => {
          if (live) setOutcome({ key, result });
        },
        (e: unknown) => {
          if (live) setOutcome({ key, error: toApiError(e) });
        },
      );
    }, TEST_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ready, key, name, pattern, text]);

  let body: ReactNode;
  if (!ready) body = <span className="muted">Type a name and a pattern to test them.</span>;
  else if (outcome?.key !== key) body = <span className="muted">Testing…</span>;
  else if ('error' in outcome)
    body = <span className="text-danger">Could not test: {sentence(outcome.error.message)}</span>;
  else if (!outcome.result.valid)
    body = <span className="text-danger">Pattern problem: {sentence(outcome.result.error)}</span>;
  else if (text === '')
    body = <span className="text-success">The pattern is valid. Add a test text to try it.</span>;
  else {
    const { matches, dropped = [] } = outcome.result;
    body = (
      <>
        {matches.length === 0 ? (
          <span>
            The pattern is valid; scanning finds nothing in the test text
            {dropped.length > 0 ? ', though the pattern matches:' : '.'}
          </span>
        ) : (
          <>
            <span className="text-success">
              {formatCount(matches.length)} match{matches.length === 1 ? '' : 'es'} (masked):
            </span>
            <ul>
              {matches.map((m) => (
                <li key={`${String(m.start)}-${String(m.end)}`}>
                  Line {m.line}, column {m.column}: <code className="secret">{m.preview}</code>
                </li>
              ))}
            </ul>
          </>
        )}
        {/* A match scanning drops says which filter dropped it, so the admin knows why. */}
        {dropped.length > 0 ? (
          <>
            {matches.length > 0 ? <span>Matched but dropped:</span> : null}
            <ul>
              {dropped.map((d) => (
                <li key={`${String(d.start)}-${String(d.end)}`}>
                  <code className="secret">{d.preview}</code>: {sentence(d.reason)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </>
    );
  }
  return (
    <div className="live-test" aria-live="polite">
      {body}
    </div>
  );
}

function NoticeSection() {
  const { state, reload } = useLoad(() => adminApi.getNotice());
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>();
  const area = useRef<HTMLTextAreaElement>(null);
  const copy = async (text: string) => {
    setCopied(undefined);
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      // The clipboard API can be blocked in an iframe: select the text for Ctrl+C instead.
      area.current?.focus();
      area.current?.select();
      setCopied('no');
    }
  };
  return (
    <Section title="Notice for your users">
      <p className="muted">
        People should know their Jira text is scanned. Publish this notice where they will see it
        (an announcement banner, your intranet).
      </p>
      {state.status === 'loading' ? (
        <Loading label="Loading the notice…" />
      ) : state.status === 'error' ? (
        <LoadError error={state.error} what="the notice" onRetry={reload} />
      ) : (
        <>
          <Field label="Suggested notice">
            {(id) => (
              <textarea
                id={id}
                ref={area}
                className="wide"
                rows={12}
                readOnly
                value={state.data.text}
              />
            )}
          </Field>
          <div className="inline-form">
            <button type="button" className="button" onClick={() => void copy(state.data.text)}>
              Copy notice
            </button>
            {copied === 'yes' ? <InlineSuccess>Copied.</InlineSuccess> : null}
            {copied === 'no' ? (
              <p className="inline-message" role="status">
                The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.
              </p>
            ) : null}
          </div>
        </>
      )}
    </Section>
  );
}
