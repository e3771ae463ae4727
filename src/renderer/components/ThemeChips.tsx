import { useState } from 'react';
import type { AssignmentView } from '../../shared/api';
import { api } from '../api';
import { useCall } from '../hooks';
import { percent } from './EvidenceText';
import '../pages/themes.css';

function describe(a: AssignmentView): string {
  if (a.state === 'proposed')
    return `proposed by ${a.source === 'rule' ? 'a keyword rule' : 'the model'}${a.confidence !== null ? `, ${percent(a.confidence)}` : ''}`;
  return a.source === 'analyst' || a.source === 'import'
    ? `by ${a.sourceDetail}`
    : `accepted by ${a.decidedBy ?? 'an analyst'}`;
}

/** The themes of one response in the reading pane: accept or reject proposals, add or remove themes. */
export function ThemeChips({ responseId }: { responseId: number }) {
  const data = useCall('themes.ofResponse', { responseId }, String(responseId));
  const [adding, setAdding] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = (call: () => Promise<unknown>) => {
    setError(null);
    call().then(data.reload, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const assignments = (data.data?.assignments ?? []).filter((a) => a.state !== 'rejected');
  const assigned = new Set(assignments.filter((a) => a.state === 'accepted').map((a) => a.themeId));
  const choices = (data.data?.themes ?? []).filter((t) => !t.isOther && !assigned.has(t.id));
  return (
    <section className="theme-chips" aria-label="Themes of this response">
      <h3>Themes</h3>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {assignments.length === 0 && !data.loading && <p className="muted">No themes yet.</p>}
      <ul>
        {assignments.map((a) => (
          <li key={a.id} className={`chip chip-${a.state}`}>
            <span className="chip-name">{a.themeName}</span> <span className="chip-source">{describe(a)}</span>
            {a.state === 'proposed' ? (
              <>
                <button
                  type="button"
                  className="small"
                  onClick={() => act(() => api.call('themes.decide', { decision: 'accept', assignmentIds: [a.id] }))}
                >
                  Accept<span className="visually-hidden"> {a.themeName}</span>
                </button>
                <button
                  type="button"
                  className="small"
                  onClick={() => act(() => api.call('themes.decide', { decision: 'reject', assignmentIds: [a.id] }))}
                >
                  Reject<span className="visually-hidden"> {a.themeName}</span>
                </button>
              </>
            ) : (
              <button
                type="button"
                className="small"
                onClick={() =>
                  act(() => api.call('themes.unassign', { responseIds: [responseId], themeId: a.themeId }))
                }
              >
                Remove<span className="visually-hidden"> {a.themeName}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {choices.length > 0 && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (adding) act(() => api.call('themes.assign', { responseIds: [responseId], themeId: Number(adding) }));
            setAdding('');
          }}
        >
          <label htmlFor={`add-theme-${responseId}`} className="visually-hidden">
            Add a theme to this response
          </label>
          <select id={`add-theme-${responseId}`} value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Add a theme…</option>
            {choices.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <button type="submit" className="small" disabled={!adding}>
            Add
          </button>
        </form>
      )}
    </section>
  );
}
