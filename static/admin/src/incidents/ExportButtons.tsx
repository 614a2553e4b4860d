/**
 * "Export CSV" and "Export JSON": the incidents the current filters select, as a file the server
 * builds (checked like every call: a project page's file holds its own project's share), with
 * masked previews and fingerprints only.
 */
import { useState } from 'react';
import type { IncidentsApi } from '../api';
import { useAction } from '../hooks';
import { formatCount } from '../format';
import type { IncidentExport, IncidentFilter } from '../types';
import { InlineError, InlineSuccess } from '../ui';

/** Hands a file to the browser as a download. */
export function saveFile(file: Pick<IncidentExport, 'content' | 'mimeType' | 'filename'>): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

export function ExportButtons({
  api,
  filter,
  save = saveFile,
}: {
  api: Pick<IncidentsApi, 'exportIncidents'>;
  filter: IncidentFilter;
  /** Where the file goes (tests look at it instead). */
  save?: (file: IncidentExport) => void;
}) {
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<IncidentExport | undefined>();
  const exportAs = async (format: 'csv' | 'json') => {
    setDone(undefined);
    // The order is how the table is sorted: the file holds the same incidents in the same order.
    const file = await run(() => api.exportIncidents(filter, format));
    if (!file) return;
    save(file);
    setDone(file);
  };
  return (
    <div className="export">
      <div
        className="export-buttons"
        role="group"
        aria-label="Export the incidents these filters select"
      >
        {(['csv', 'json'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button button-subtle"
            aria-disabled={busy}
            onClick={() => {
              if (!busy) void exportAs(format);
            }}
          >
            Export {format.toUpperCase()}
          </button>
        ))}
      </div>
      <InlineError error={error} />
      {done ? (
        <InlineSuccess>
          {formatCount(done.count)} incident{done.count === 1 ? '' : 's'} saved as {done.filename}
          {done.truncated
            ? ` (the first ${formatCount(done.count)}: narrow the filters for the rest)`
            : ''}
          .
        </InlineSuccess>
      ) : null}
    </div>
  );
}
