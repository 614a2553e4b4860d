/** A project's settings page: that project's incidents, for its admins and the incident team. */
import { projectApi } from '../api';
import { useLoad } from '../hooks';
import { IncidentsView } from '../incidents/IncidentsView';
import { AccessDenied, LoadError, Loading } from '../ui';

/** The incidents, once access is known, with the detector filter filled in. */
function ProjectIncidents({
  projectKey,
  accountId,
}: {
  projectKey: string;
  accountId?: string | undefined;
}) {
  // A convenience, like the admin page's: without the list the filter takes a typed id.
  const detectors = useLoad(() => projectApi.filterDetectors());
  return (
    <IncidentsView
      api={projectApi}
      projectKey={projectKey}
      accountId={accountId}
      optionsLoading={detectors.state.status === 'loading'}
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
        <ProjectIncidents projectKey={state.data.projectKey} accountId={accountId} />
      )}
    </main>
  );
}
