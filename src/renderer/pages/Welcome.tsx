import { useState } from 'react';
import { api, isDesktop } from '../api';
import { useCall } from '../hooks';
import { PathForm } from '../components/PathForm';

/** Shown when no project is open: start from the sample, a new project, or a recent one. */
export function Welcome() {
  const recent = useCall('project.recent', undefined, '');
  const [error, setError] = useState<string | null>(null);
  const attempt = (action: () => Promise<unknown>) => () => {
    setError(null);
    action().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <section className="page welcome" aria-labelledby="page-title">
      <h1 id="page-title">Consultation Analyser</h1>
      <p className="lead">
        Import the responses to a public consultation, read and triage them, find themes, chart them and export a
        summary — on your own computer, offline.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={attempt(() => api.call('project.openSample'))}>
          Open the sample consultation
        </button>
        {isDesktop && (
          <>
            <button type="button" onClick={attempt(() => api.call('project.chooseAndCreate'))}>
              New project…
            </button>
            <button type="button" onClick={attempt(() => api.call('project.chooseAndOpen'))}>
              Open project…
            </button>
          </>
        )}
      </div>
      {!isDesktop && (
        <>
          <PathForm
            id="project-path"
            label="Open a project file by its path"
            placeholder="/path/to/project.consult"
            action="Open"
            onPath={(path) => attempt(() => api.call('project.open', { path }))()}
          />
          <PathForm
            id="new-project-path"
            label="Create a new project file at a path"
            placeholder="/path/to/new.consult"
            action="Create"
            onPath={(path) => attempt(() => api.call('project.create', { path }))()}
          />
        </>
      )}
      {recent.data && recent.data.length > 0 && (
        <>
          <h2>Recent projects</h2>
          <ul className="recent">
            {recent.data.map((r) => (
              <li key={r.path}>
                <button
                  type="button"
                  className="link"
                  disabled={!r.exists}
                  onClick={attempt(() => api.call('project.open', { path: r.path }))}
                >
                  {r.title}
                </button>{' '}
                <span className="muted">{r.exists ? r.path : `${r.path} (moved or deleted)`}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
