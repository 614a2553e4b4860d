/**
 * Validity checks: off by default. Before turning them on the admin reads exactly which host
 * receives which secrets and why; each provider has its own switch, and keeping the owner the
 * provider names is a separate choice.
 */
import { useState } from 'react';
import { adminApi } from '../api';
import { useAction } from '../hooks';
import type { PublicSettings } from '../types';
import { InlineError, Section, Switch } from '../ui';

export function ValiditySection({
  settings,
  onSettings,
}: {
  settings: PublicSettings;
  onSettings: (settings: PublicSettings) => void;
}) {
  const { busy, error, run } = useAction();
  /** The switch being saved: it keeps focus and waits; the others are off meanwhile. */
  const [saving, setSaving] = useState<string | undefined>();
  const checkers = settings.validityCheckers;
  if (!checkers) return null;
  const v = settings.validityChecks;
  const save = async (which: string, patch: Parameters<typeof adminApi.updateSettings>[0]) => {
    setSaving(which);
    const s = await run(() => adminApi.updateSettings(patch));
    setSaving(undefined);
    if (s) onSettings(s);
  };
  /** `disabled` and `busy` of the switch `which`. */
  const state = (which: string, off = false) => ({
    disabled: off || (busy && saving !== which),
    busy: saving === which,
  });
  return (
    <Section title="Validity checks">
      <p className="muted">
        A validity check sends a secret the scanner found to the provider that issued it, in one
        read-only request that only says whether the secret still works. The answer is shown on the
        incident (valid, invalid, failed to check) and a valid secret becomes critical. Nothing else
        is sent, the secret is not kept, and the provider’s answer is not stored.
      </p>
      <div className="inline-form">
        <Switch
          checked={v.enabled}
          {...state('enabled')}
          label="Check whether found secrets still work"
          onChange={(on) => void save('enabled', { validityChecks: { enabled: on } })}
        />
        <span>{v.enabled ? 'Checks are on.' : 'Checks are off: no secret leaves the app.'}</span>
      </div>
      <div className="inline-form">
        <Switch
          checked={v.keepIdentity}
          {...state('keepIdentity', !v.enabled)}
          label="Keep the owner the provider names"
          onChange={(on) => void save('keepIdentity', { validityChecks: { keepIdentity: on } })}
        />
        <span>Keep the owner the provider names for a valid secret (a login, a workspace).</span>
      </div>
      <InlineError error={error} />
      <table className="validity-hosts">
        <caption>Hosts that receive a secret when checks are on</caption>
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Host</th>
            <th scope="col">What is sent, and why</th>
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          {checkers.map((c) => (
            <tr key={c.provider}>
              <th scope="row">{c.name}</th>
              <td>
                <code>{c.host}</code>
              </td>
              <td>
                {c.why}{' '}
                <span className="muted small">
                  Its secrets: {c.detectors.join(', ')}.{' '}
                  {c.docs[0] ? (
                    <a href={c.docs[0]} target="_blank" rel="noreferrer">
                      Provider documentation
                    </a>
                  ) : null}
                </span>
              </td>
              <td>
                <Switch
                  checked={c.enabled}
                  {...state(c.provider, !v.enabled)}
                  label={`Check ${c.name} secrets`}
                  onChange={(on) =>
                    void save(c.provider, {
                      validityChecks: { provider: { id: c.provider, enabled: on } },
                    })
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
