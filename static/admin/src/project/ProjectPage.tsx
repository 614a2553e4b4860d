/**
 * A project's settings page: that project's overview and incidents, for its admins and the
 * incident team. The server answers with this project's share only.
 */
import { useState } from 'react';
import { projectApi } from '../api';
import { useLoad } from '../hooks';
import { IncidentsView, type IncidentsViewProps } from '../incidents/IncidentsView';
import { OverviewView, type ShowTarget } from '../overview/OverviewView';
import { AccessDenied, LoadError, Loading, TabList } from '../ui';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'incidents', label: 'Incidents' },
] as const;

/** The overview and the incidents, once access is known. */
function ProjectTabs({
  projectKey,
  accountId,
}: {
  projectKey: string;
  accountId?: string | undefined;
}) {
  const [selected, setSelected] = useState<string>('overview');
  const [shown, setShown] = useState<{ target?: ShowTarget; round: number }>({ round: 0 });
  const target = shown.target;
  return (
    <>
      <TabList
        tabs={TABS}
        selected={selected}
        onSelect={setSelected}
        label={`Secret findings in ${projectKey}`}
        idPrefix="project"
      />
      {TABS.map((t) => (
        <section
          key={t.id}
          id={`project-panel-${t.id}`}
          role="tabpanel"
          aria-labelledby={`project-tab-${t.id}`}
          hidden={t.id !== selected}
          className="tab-panel"
        >
          {t.id === 'overview' ? (
            <OverviewView
              api={projectApi}
              onShow={(next) => {
                setShown((s) => ({ target: next, round: s.round + 1 }));
                setSelected('incidents');
              }}
            />
          ) : (
            <ProjectIncidents
              key={shown.round}
              projectKey={projectKey}
              accountId={accountId}
              {...(target && 'filter' in target ? { initialFilter: target.filter } : {})}
              {...(target && 'incidentId' in target ? { initialOpenId: target.incidentId } : {})}
            />
          )}
        </section>
      ))}
    </>
  );
}

/** The incidents, with the detector filter filled in. */
function ProjectIncidents({
  projectKey,
  accountId,
  ...start
}: {
  projectKey: string;
  accountId?: string | undefined;
} & Pick<IncidentsViewProps, 'initialFilter' | 'initialOpenId'>) {
  // A convenience, like the admin page's: without the list the filter takes a typed id.
  const detectors = useLoad(() => projectApi.filterDetectors());
  return (
    <IncidentsView
      api={projectApi}
      projectKey={projectKey}
      accountId={accountId}
      optionsLoading={detectors.state.status === 'loading'}
      {...start}
      {...(detectors.state.status === 'ready' ? { detectorOptions: detectors.state.data } : {})}
      emptyHint={
        <p>
          New findings appear here as issues are created and edited. A Jira administrator can also
          scan existing issues from the app’s admin page.
        </p>
      }
    />
  );
}

export function ProjectPage({
  projectKey,
  accountId,
}: {
  /** From the page context; the server checks it against the caller's rights on every call. */
  projectKey: string | undefined;
  accountId?: string | undefined;
}) {
  const { state, reload } = useLoad(() => projectApi.getProjectContext());
  const key = state.status === 'ready' ? state.data.projectKey : projectKey;
  return (
    <main className="page">
      <header className="page-header">
        <h1>Secret findings{key ? ` in ${key}` : ''}</h1>
        <p className="muted">
          Credentials found in this project’s issues, comments, history and attachments. Only a
          masked preview is ever shown.
        </p>
      </header>
      {state.status === 'loading' ? (
        <Loading label="Checking your access…" />
      ) : state.status === 'error' ? (
        state.error.code === 'forbidden' ? (
          <AccessDenied
            message={`${state.error.message}. Ask a Jira administrator to add you to the group allowed to see incidents`}
          />
        ) : (
          <LoadError error={state.error} what="this project" onRetry={reload} />
        )
      ) : (
        <ProjectTabs projectKey={state.data.projectKey} accountId={accountId} />
      )}
    </main>
  );
}
