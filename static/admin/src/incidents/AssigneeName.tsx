import { assigneeLabel, type KnownNames } from './names';

/**
 * An assignee's name; while it loads, a placeholder of about a name's width (never the raw
 * account id, and no jump when the name arrives). An id Jira does not name is shown as it is.
 */
export function AssigneeName({
  id,
  known,
  viewer,
}: {
  id: string;
  known: KnownNames;
  viewer: string | undefined;
}) {
  if (known.names.has(id) || known.settled.has(id))
    return <>{assigneeLabel(id, known.names, viewer)}</>;
  return (
    <span className="name-placeholder">
      <span className="sr-only">Loading the name</span>
    </span>
  );
}
