import { adminApi } from '../api';
import { useLoad } from '../hooks';
import { IncidentsView, type IncidentsViewProps } from '../incidents/IncidentsView';

/** The incidents tab: every project, with the project and detector filters filled in. */
export function AdminIncidents({
  accountId,
  ...start
}: { accountId?: string | undefined } & Pick<
  IncidentsViewProps,
  'initialFilter' | 'initialOpenId'
>) {
  // Filter choices are a convenience: without them the filters take typed keys and ids.
  const projects = useLoad(() => adminApi.listProjects());
  const detectors = useLoad(() => adminApi.filterDetectors());
  return (
    <IncidentsView
      api={adminApi}
      accountId={accountId}
      optionsLoading={projects.state.status === 'loading' || detectors.state.status === 'loading'}
      {...start}
      {...(projects.state.status === 'ready'
        ? { projectOptions: projects.state.data.map((p) => p.key).sort() }
        : {})}
      {...(detectors.state.status === 'ready' ? { detectorOptions: detectors.state.data } : {})}
      emptyHint={
        <p>
          New findings appear here as issues are created and edited in monitored projects. To check
          what is already in Jira, start a historical scan (Historical scan tab).
        </p>
      }
    />
  );
}
