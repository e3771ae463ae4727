import { useEffect, useState } from 'react';
import type { ProjectSummary } from '../shared/api';
import { api, isDesktop } from './api';
import { JobsBar } from './components/JobsBar';
import { useRoute } from './hooks';
import { AREAS } from './areas';
import { Welcome } from './pages/Welcome';

export function App() {
  const [project, setProject] = useState<ProjectSummary | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [route, go] = useRoute('responses');

  useEffect(() => {
    const off = api.subscribe((event) => {
      if (event.type === 'project') setProject(event.project);
    });
    api.call('project.current').then(setProject, (e: unknown) => setError(String(e)));
    return off;
  }, []);

  const area = AREAS.find((a) => a.route === route) ?? AREAS[1];

  useEffect(() => {
    document.title = project ? `${area.label} — ${project.title} — Consultation Analyser` : 'Consultation Analyser';
  }, [project, area]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <span className="app-name">Consultation Analyser</span>
        {project && (
          <span className="project-name" title={project.path}>
            {project.title}
            {project.isSample && <span className="tag">Sample</span>}
          </span>
        )}
        {project && !isDesktop && (
          <button type="button" className="header-button" onClick={() => void api.call('project.close')}>
            Switch project
          </button>
        )}
      </header>
      <div className="app-body">
        {project && (
          <nav className="side-nav" aria-label="Areas">
            <ul>
              {AREAS.map((a) => (
                <li key={a.route}>
                  <a href={`#/${a.route}`} aria-current={a === area ? 'page' : undefined}>
                    {a.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" className="main" tabIndex={-1}>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          {project === undefined ? (
            <p aria-live="polite">Loading…</p>
          ) : project === null ? (
            <Welcome />
          ) : (
            <area.Page key={`${project.path}:${area.route}`} project={project} go={go} />
          )}
        </main>
      </div>
      <JobsBar />
    </div>
  );
}
