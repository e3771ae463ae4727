import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImportMapping, ImportPreview, ImportSummary, JobProgress, QuestionChoice } from '../../shared/api';
import { api, droppedPaths, isDesktop } from '../api';
import type { AreaProps } from '../areas';
import { ImportHistory } from '../components/import/ImportHistory';
import { ImportProgress } from '../components/import/ImportProgress';
import { ImportResult } from '../components/import/ImportResult';
import { SavedMappings } from '../components/import/SavedMappings';
import { SourceCard } from '../components/import/SourceCard';
import { DropZone } from '../components/import/DropZone';
import { UploadDrop } from '../components/import/UploadDrop';
import { PathForm } from '../components/PathForm';

type Stage =
  | { kind: 'choose' }
  | { kind: 'reading' }
  | { kind: 'review' }
  | { kind: 'importing'; jobId: string }
  | { kind: 'done'; summary: ImportSummary };

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Questions the mappings can point at: the project's, the preview's proposals, and new ones typed in since. */
function questionChoices(preview: ImportPreview | null, mappings: ImportMapping[]): QuestionChoice[] {
  const list = [...(preview?.questions ?? [])];
  const proposed = new Map<string, QuestionChoice>();
  for (const m of mappings) {
    for (const c of m.columns) {
      if ((c.role !== 'open' && c.role !== 'closed') || !c.question || list.some((q) => q.code === c.question))
        continue;
      if (!proposed.has(c.question))
        proposed.set(c.question, { code: c.question, text: c.text ?? c.column, kind: c.role, existing: false });
    }
  }
  return [...list, ...proposed.values()];
}

/** The Import area: add files, check the proposed mapping, import with progress, see what happened. */
export function Import({ go }: AreaProps) {
  const [paths, setPaths] = useState<string[]>([]);
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mappings, setMappings] = useState<ImportMapping[]>([]);
  const [included, setIncluded] = useState<boolean[]>([]);
  const [sheets, setSheets] = useState<Record<string, string | null>>({});
  const [allowReimport, setAllowReimport] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [historyTick, setHistoryTick] = useState(0);
  const resultHeading = useRef<HTMLDivElement>(null);
  // Serve mode: the files uploaded to the server, and those the running import reads. The server removes
  // an upload once an import that read it has settled, so a failed or cancelled import needs them again.
  const uploaded = useRef(new Set<string>());
  const importingUploads = useRef<string[]>([]);

  // Coming back to the page while an import runs shows its progress (and Cancel) again.
  useEffect(() => {
    let live = true;
    void api.call('jobs.list').then((jobs) => {
      const running = jobs.find((j) => j.kind === 'import' && j.state === 'running');
      if (live && running)
        setStage((current) => (current.kind === 'choose' ? { kind: 'importing', jobId: running.id } : current));
    });
    return () => {
      live = false;
    };
  }, []);

  const read = (next: string[], nextSheets = sheets) => {
    setPaths(next);
    setError(null);
    if (!next.length) {
      setPreview(null);
      setStage({ kind: 'choose' });
      return;
    }
    setStage({ kind: 'reading' });
    api.call('import.preview', { paths: next, sheets: nextSheets }).then(
      (p) => {
        setPreview(p);
        setMappings(p.sources.map((s) => s.mapping));
        setIncluded(p.sources.map((s) => !s.error && !s.alreadyImported));
        setStage({ kind: 'review' });
      },
      (e: unknown) => {
        setError(message(e));
        setStage({ kind: paths.length ? 'review' : 'choose' });
      },
    );
  };

  const add = (more: string[]) => read([...paths, ...more.filter((p) => !paths.includes(p))]);
  const choose = () => {
    setError(null);
    api.call('import.chooseFiles').then(
      (chosen) => chosen && add(chosen),
      (e: unknown) => setError(message(e)),
    );
  };

  const questions = useMemo(() => questionChoices(preview, mappings), [preview, mappings]);
  const newCode = useCallback(() => {
    const used = new Set(questions.map((q) => q.code));
    let n = 1;
    while (used.has(`Q${n}`)) n++;
    return `Q${n}`;
  }, [questions]);

  const chosen = preview?.sources.map((s, i) => ({ s, i })).filter(({ s, i }) => !s.error && included[i]) ?? [];
  const start = () => {
    setError(null);
    const sources = chosen.map(({ s, i }) => ({ paths: s.paths, sheet: s.sheet, mapping: mappings[i] }));
    importingUploads.current = sources.flatMap((s) => s.paths).filter((p) => uploaded.current.has(p));
    api.call('import.start', { sources, allowReimport }).then(
      ({ jobId }) => setStage({ kind: 'importing', jobId }),
      (e: unknown) => setError(message(e)),
    );
  };
  const finished = useCallback((job: JobProgress) => {
    setHistoryTick((t) => t + 1);
    if (job.state === 'done') {
      setStage({ kind: 'done', summary: job.result as ImportSummary });
      setTimeout(() => resultHeading.current?.querySelector('h2')?.focus(), 0);
    } else {
      const outcome =
        job.state === 'cancelled'
          ? 'The import was cancelled; nothing was changed.'
          : (job.error?.message ?? 'The import failed; nothing was changed.');
      const gone = importingUploads.current;
      if (gone.length === 0) {
        setError(outcome);
        setStage({ kind: 'review' });
        return;
      }
      setError(`${outcome} The uploaded files were removed from the server: upload them again to retry.`);
      setPaths((current) => current.filter((p) => !gone.includes(p)));
      setPreview(null);
      setStage({ kind: 'choose' });
    }
  }, []);
  const reset = () => {
    setPaths([]);
    setPreview(null);
    setSheets({});
    setAllowReimport(false);
    setStage({ kind: 'choose' });
  };

  const anyAlready = preview?.sources.some((s) => s.alreadyImported) ?? false;
  return (
    <section className="page import" aria-labelledby="page-title">
      <h1 id="page-title">Import</h1>
      <p className="lead">
        Bring in survey exports (CSV, Excel), JSON, e-mails and letters as they come. Check how each column will be
        read, then import.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {stage.kind === 'importing' && <ImportProgress jobId={stage.jobId} onFinished={finished} />}
      {stage.kind === 'done' && (
        <div ref={resultHeading}>
          <ImportResult summary={stage.summary} />
          <div className="actions">
            <button type="button" className="primary" onClick={() => go('responses')}>
              Read the responses
            </button>
            <button type="button" onClick={reset}>
              Import more files
            </button>
          </div>
        </div>
      )}
      {(stage.kind === 'choose' || stage.kind === 'reading' || stage.kind === 'review') && (
        <>
          <div className="add-files">
            {isDesktop && (
              <DropZone
                onFiles={(files) => {
                  const dropped = droppedPaths(files);
                  if (dropped.length < files.length)
                    setError(
                      'Some of the dropped items are not files on this computer: choose them with Choose files….',
                    );
                  if (dropped.length) add(dropped);
                }}
              >
                <p>Drop files or folders here, or</p>
                <button type="button" onClick={choose}>
                  Choose files…
                </button>
              </DropZone>
            )}
            <PathForm
              id="import-path"
              label={
                isDesktop ? 'Or type the full path of a file or folder' : 'Full path of a file or folder to import'
              }
              placeholder="/path/to/responses.csv"
              action="Add"
              clearOnSubmit
              onPath={(path) => add([path])}
            />
            {!isDesktop && (
              <UploadDrop
                onUploaded={(more) => {
                  for (const p of more) uploaded.current.add(p);
                  add(more);
                }}
                onError={setError}
              />
            )}
          </div>
          {stage.kind === 'reading' && <p aria-live="polite">Reading the files…</p>}
          {paths.length > 0 && (
            <div className="chosen">
              <h2>Files to import</h2>
              <ul>
                {paths.map((p) => (
                  <li key={p}>
                    {p}{' '}
                    <button
                      type="button"
                      className="link"
                      onClick={() => read(paths.filter((x) => x !== p))}
                      aria-label={`Remove ${p}`}
                    >
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {stage.kind === 'review' && preview && (
            <>
              <h2>Check how each file will be read</h2>
              {preview.sources.map((s, i) => (
                <SourceCard
                  key={s.paths.join('\n')}
                  index={i}
                  source={s}
                  mapping={mappings[i]}
                  included={included[i]}
                  questions={questions}
                  newCode={newCode}
                  onMapping={(m) => setMappings((all) => all.map((x, j) => (j === i ? m : x)))}
                  onInclude={(v) => setIncluded((all) => all.map((x, j) => (j === i ? v : x)))}
                  onSaved={() => setHistoryTick((t) => t + 1)}
                  onSheet={(sheet) => {
                    const next = { ...sheets, [s.paths[0]]: sheet };
                    setSheets(next);
                    read(paths, next);
                  }}
                />
              ))}
              {anyAlready && (
                <div className="checkbox">
                  <input
                    id="allow-reimport"
                    type="checkbox"
                    checked={allowReimport}
                    onChange={(e) => setAllowReimport(e.target.checked)}
                  />
                  <label htmlFor="allow-reimport">
                    Import files again that were imported before (respondents already present are still not duplicated)
                  </label>
                </div>
              )}
              <div className="actions">
                <button type="button" className="primary" disabled={chosen.length === 0} onClick={start}>
                  {chosen.length === 1 ? 'Import 1 file' : `Import ${chosen.length} files`}
                </button>
              </div>
            </>
          )}
        </>
      )}
      <ImportHistory refresh={historyTick} />
      <SavedMappings refresh={historyTick} />
    </section>
  );
}
