import { useState } from 'react';
import type { ImportRecord } from '../../../shared/api';
import { api } from '../../api';
import { useCall } from '../../hooks';

const PAGE = 50;
const n = (x: number) => x.toLocaleString('en-GB');
const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Saves text as a file in the browser or the app window. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Quarantine({ importId, fileName }: { importId: number | undefined; fileName: string }) {
  const [offset, setOffset] = useState(0);
  const page = useCall('import.quarantine', { importId, offset, limit: PAGE }, `${importId}:${offset}`);
  const [error, setError] = useState<string | null>(null);
  const exportCsv = () => {
    setError(null);
    api.call('import.quarantineExport', { importId }).then(
      (r) => download(r.fileName, r.csv),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  const total = page.data?.total ?? 0;
  return (
    <section className="quarantine" aria-labelledby="quarantine-title">
      <h3 id="quarantine-title">Quarantined rows: {fileName}</h3>
      {error && <p className="error">{error}</p>}
      {page.data && total === 0 && <p className="muted">No rows were quarantined.</p>}
      {total > 0 && (
        <>
          <button type="button" onClick={exportCsv}>
            Export as CSV
          </button>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Row</th>
                <th scope="col">Why</th>
                <th scope="col">Original row</th>
              </tr>
            </thead>
            <tbody>
              {page.data?.rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.fileName}</td>
                  <td>{r.rowNumber ?? ''}</td>
                  <td>{r.reason}</td>
                  <td className="raw">{r.raw.length > 300 ? `${r.raw.slice(0, 300)}…` : r.raw}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous
            </button>
            <span>
              {n(offset + 1)}–{n(Math.min(total, offset + PAGE))} of {n(total)}
            </span>
            <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
              Next
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** Every import into this project: file, when, by whom, what came in and what was kept out. */
export function ImportHistory({ refresh }: { refresh: number }) {
  const history = useCall('import.history', undefined, String(refresh));
  const [shown, setShown] = useState<ImportRecord | null>(null);
  if (!history.data?.length) return null;
  return (
    <section className="import-history" aria-labelledby="history-title">
      <h2 id="history-title">Import history</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">When</th>
            <th scope="col">By</th>
            <th scope="col">Format</th>
            <th scope="col">Rows</th>
            <th scope="col">Imported</th>
            <th scope="col">Quarantined</th>
            <th scope="col">Duplicates</th>
            <th scope="col">
              <span className="visually-hidden">Rows kept out</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {history.data.map((h) => (
            <tr key={h.id}>
              <td title={h.sourcePath ?? undefined}>{h.fileName}</td>
              <td>{when(h.startedAt)}</td>
              <td>{h.importedBy}</td>
              <td>
                {h.format}
                {h.encoding ? `, ${h.encoding}` : ''}
              </td>
              <td>{n(h.rowsTotal)}</td>
              <td>{n(h.rowsImported)}</td>
              <td>{n(h.rowsQuarantined)}</td>
              <td>{n(h.duplicates)}</td>
              <td>
                {h.rowsQuarantined + h.duplicates > 0 && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => setShown(h)}
                    aria-label={`Show rows kept out of ${h.fileName} (${n(h.rowsQuarantined + h.duplicates)})`}
                  >
                    Show rows
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown && <Quarantine key={shown.id} importId={shown.id} fileName={shown.fileName} />}
    </section>
  );
}
