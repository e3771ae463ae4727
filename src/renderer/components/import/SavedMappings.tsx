import { useState } from 'react';
import { api } from '../../api';
import { useCall } from '../../hooks';

/** Mappings saved for files of a known layout: each is proposed again for a file with the same columns. */
export function SavedMappings({ refresh }: { refresh: number }) {
  const [tick, setTick] = useState(0);
  const mappings = useCall('import.mappings', undefined, `${refresh}:${tick}`);
  const [error, setError] = useState<string | null>(null);
  if (!mappings.data?.length) return null;
  const remove = (id: number) => {
    setError(null);
    api.call('import.deleteMapping', { id }).then(
      () => setTick((t) => t + 1),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <section className="saved-mappings" aria-labelledby="saved-mappings-title">
      <h2 id="saved-mappings-title">Saved mappings</h2>
      {error && <p className="error">{error}</p>}
      <ul>
        {mappings.data.map((m) => (
          <li key={m.id}>
            <strong>{m.name}</strong>{' '}
            <span className="muted">
              ({m.columns.length} columns; saved by {m.createdBy} on {m.createdAt.slice(0, 10)})
            </span>{' '}
            <button
              type="button"
              className="link"
              onClick={() => remove(m.id)}
              aria-label={`Delete the saved mapping ${m.name}`}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
