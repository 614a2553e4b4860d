/** Which page this is: the same Custom UI serves the admin page and the project settings page. */
import { view } from '@forge/bridge';
import { AdminPage } from './admin/AdminPage';
import { useLoad } from './hooks';
import { ProjectPage } from './project/ProjectPage';
import { LoadError, Loading } from './ui';

/** The module keys of manifest.yml (a test checks they match). */
export const ADMIN_MODULE = 'secret-scanner-admin';
export const PROJECT_MODULE = 'secret-scanner-project';

interface PageContext {
  readonly moduleKey: string;
  readonly accountId: string | undefined;
  readonly projectKey: string | undefined;
}

async function pageContext(): Promise<PageContext> {
  const c = await view.getContext();
  const extension = c.extension as { project?: { key?: unknown } } | undefined;
  const key = extension?.project?.key;
  return {
    moduleKey: c.moduleKey,
    accountId: c.accountId,
    projectKey: typeof key === 'string' ? key : undefined,
  };
}

export function App() {
  const { state, reload } = useLoad(pageContext);
  if (state.status === 'loading') return <Loading label="Loading Secret Scanner…" />;
  if (state.status === 'error')
    return <LoadError error={state.error} what="the page" onRetry={reload} />;
  const { moduleKey, accountId, projectKey } = state.data;
  if (moduleKey === PROJECT_MODULE)
    return <ProjectPage projectKey={projectKey} accountId={accountId} />;
  if (moduleKey === ADMIN_MODULE) return <AdminPage accountId={accountId} />;
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">This page is not part of Secret Scanner ({moduleKey}).</p>
    </div>
  );
}
