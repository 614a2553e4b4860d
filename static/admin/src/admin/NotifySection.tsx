/**
 * Notifying the people involved: off by default. When on, Jira emails the reporter and the
 * author of the comment or worklog on a new real-time incident, and on the Notify action.
 */
import { adminApi } from '../api';
import { useAction } from '../hooks';
import type { PublicSettings } from '../types';
import { InlineError, Section, Switch } from '../ui';

export function NotifySection({
  settings,
  onSettings,
}: {
  settings: PublicSettings;
  onSettings: (settings: PublicSettings) => void;
}) {
  const { busy, error, run } = useAction();
  const on = settings.notifyPeople === true;
  const save = async (notifyPeople: boolean) => {
    const s = await run(() => adminApi.updateSettings({ notifyPeople }));
    if (s) onSettings(s);
  };
  return (
    <Section title="Notify the people involved">
      <p className="muted">
        Jira emails the issue’s reporter and whoever wrote the comment or worklog holding a secret:
        when the real-time scan finds a new one, and when someone uses Notify on an incident. The
        email names the kind of secret, links to the place and says how to revoke it; it never holds
        the secret or any part of it. Each place is notified once. The app sends it with the
        send:notification:jira permission, which cannot change anything in Jira.
      </p>
      <div className="inline-form">
        <Switch
          checked={on}
          busy={busy}
          label="Notify the people involved"
          onChange={(next) => void save(next)}
        />
        <span>{on ? 'Notifications are on.' : 'Notifications are off: nobody is emailed.'}</span>
      </div>
      <InlineError error={error} />
    </Section>
  );
}
