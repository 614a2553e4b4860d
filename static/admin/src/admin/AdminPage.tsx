/**
 * The Jira admin page: the overview, incidents, the monitored perimeter, historical scans and
 * settings. A figure of the overview opens the incidents tab filtered to what it counts.
 */
import { useCallback, useState, type ReactNode } from 'react';
import { adminApi } from '../api';
import { useLoad } from '../hooks';
import { OverviewView, type ShowTarget } from '../overview/OverviewView';
import { AccessDenied, Loading, TabList, type TabSpec } from '../ui';
import { AdminIncidents } from './AdminIncidents';
import { PerimeterTab } from './PerimeterTab';
import { ScanTab } from './ScanTab';
import { SettingsTab } from './SettingsTab';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'incidents', label: 'Incidents' },
  { id: 'perimeter', label: 'Perimeter' },
  { id: 'scan', label: 'Historical scan' },
  { id: 'settings', label: 'Settings' },
] as const satisfies readonly TabSpec[];
type TabId = (typeof TABS)[number]['id'];

export function AdminPage({ accountId }: { accountId?: string | undefined }) {
  // One call says whether the viewer may use the page (a non-admin sees one access message, not
  // one per tab) and whether anything is monitored (a warning on every tab while nothing is).
  const projects = useLoad(() => adminApi.listProjects());
  const [monitored, setMonitored] = useState<number | undefined>();
  const [selected, setSelected] = useState<TabId>('overview');
  // A tab is mounted on its first visit and then kept, so its filters and progress survive.
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set(['overview']));
  const select = (id: string) => {
    const tab = TABS.find((t) => t.id === id);
    if (!tab) return;
    setSelected(tab.id);
    setVisited((v) => (v.has(tab.id) ? v : new Set([...v, tab.id])));
  };
  // A finished scan brings new incidents: the list is mounted afresh to show them.
  const [incidentsRound, setIncidentsRound] = useState(0);
  const onScanEnded = useCallback(() => {
    setIncidentsRound((n) => n + 1);
  }, []);
  // What a figure of the overview asked the incidents tab to show (mounted afresh with it).
  const [shown, setShown] = useState<ShowTarget | undefined>();
  const show = (target: ShowTarget) => {
    setShown(target);
    setIncidentsRound((n) => n + 1);
    select('incidents');
  };
  const panels: Record<TabId, () => ReactNode> = {
    overview: () => (
      <OverviewView
        key={incidentsRound}
        api={adminApi}
        onShow={show}
        checkCoverage={adminApi.checkCoverage}
      />
    ),
    incidents: () => (
      <AdminIncidents
        key={incidentsRound}
        accountId={accountId}
        {...(shown && 'filter' in shown ? { initialFilter: shown.filter } : {})}
        {...(shown && 'incidentId' in shown ? { initialOpenId: shown.incidentId } : {})}
      />
    ),
    perimeter: () => <PerimeterTab onMonitored={setMonitored} />,
    scan: () => <ScanTab onScanEnded={onScanEnded} />,
    settings: () => <SettingsTab />,
  };
  const header = (
    <header className="page-header">
      <h1>Secret Scanner</h1>
      <p className="muted">
        Credentials pasted into Jira: where they are, who handles them, and what is scanned. Only
        masked previews are ever shown.
      </p>
    </header>
  );
  if (projects.state.status === 'loading')
    return (
      <main className="page">
        {header}
        <Loading label="Loading Secret Scanner…" />
      </main>
    );
  if (projects.state.status === 'error' && projects.state.error.code === 'forbidden')
    return (
      <main className="page">
        {header}
        <AccessDenied message={projects.state.error.message} />
      </main>
    );
  const list = projects.state.status === 'ready' ? projects.state.data : undefined;
  const nothingMonitored =
    list !== undefined &&
    list.length > 0 &&
    (monitored ?? list.filter((p) => p.monitored).length) === 0;
  return (
    <main className="page">
      {header}
      {nothingMonitored ? (
        <div className="banner banner-warning" role="status">
          <strong>No project is monitored:</strong> nothing in Jira is scanned, now or by a
          historical scan. Include projects in the Perimeter tab.
        </div>
      ) : null}
      <TabList
        tabs={TABS}
        selected={selected}
        onSelect={select}
        label="Secret Scanner sections"
        idPrefix="admin"
      />
      {TABS.map((t) => (
        <section
          key={t.id}
          id={`admin-panel-${t.id}`}
          role="tabpanel"
          aria-labelledby={`admin-tab-${t.id}`}
          hidden={t.id !== selected}
          className="tab-panel"
        >
          {visited.has(t.id) ? panels[t.id]() : null}
        </section>
      ))}
    </main>
  );
}
