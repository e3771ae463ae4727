/**
 * Reports: choose what the summary covers and how it treats personal data, see it as it will be exported,
 * and export it (or the coded data) as a job with progress.
 *
 * The preview is the exported HTML itself, shown in an iframe with sandbox="" and srcdoc: what the analyst
 * sees is exactly what is published, with no second rendering to drift from it. The frame runs no script,
 * has a unique origin (it cannot reach the app or the API) and inherits the app's Content Security Policy;
 * the HTML's response text is escaped by the backend, and nothing is injected into the app's own DOM.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ExportResult, JobProgress, ReportChoices, ReportFormat, ReportOptions } from '../../shared/api';
import { api } from '../api';
import type { AreaProps } from '../areas';
import { useCall } from '../hooks';

const FORMATS: { value: ReportFormat; label: string }[] = [
  { value: 'docx', label: 'Summary: Word document (.docx)' },
  { value: 'odt', label: 'Summary: OpenDocument text (.odt)' },
  { value: 'pdf', label: 'Summary: PDF' },
  { value: 'html', label: 'Summary: web page (.html)' },
  { value: 'md', label: 'Summary: Markdown (.md)' },
  { value: 'xlsx', label: 'Data: coded responses workbook (.xlsx)' },
  { value: 'csv', label: 'Data: responses with themes (.csv)' },
  { value: 'csv-matrix', label: 'Data: respondents × themes (.csv)' },
  { value: 'codebook', label: 'Data: codebook (.csv)' },
];

const DEFAULTS: ReportOptions = {
  redact: true,
  includeExcluded: false,
  campaigns: 'once',
  anonymise: true,
  nameOrganisations: false,
};
const PREVIEW_DELAY_MS = 500;

function usePreview(options: ReportOptions, valid: boolean) {
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = JSON.stringify(options);
  const latest = useRef(key);
  useEffect(() => {
    latest.current = key;
    if (!valid) return;
    const timer = setTimeout(() => {
      setBusy(true);
      api.call('reports.preview', JSON.parse(key) as ReportOptions).then(
        (result) => {
          if (latest.current !== key) return;
          setHtml(result.html);
          setError(null);
          setBusy(false);
        },
        (e: unknown) => {
          if (latest.current !== key) return;
          // A newer preview cancels this one: that is not an error to show.
          if (!(e instanceof Error && /cancelled/i.test(e.message)))
            setError(e instanceof Error ? e.message : String(e));
          setBusy(false);
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, valid]);
  return { html, error, busy };
}

function useJob(id: string | null): JobProgress | null {
  const [job, setJob] = useState<JobProgress | null>(null);
  useEffect(() => {
    setJob(null);
    if (!id) return;
    return api.subscribe((event) => {
      if (event.type === 'job' && event.job.id === id) setJob(event.job);
    });
  }, [id]);
  return job;
}

function Checkbox({
  id,
  label,
  checked,
  onChange,
  disabled,
  hint,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  disabled?: boolean;
  hint?: string;
}) {
  return (
    <div className="check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function ThemeChoices({
  choices,
  code,
  selected,
  toggle,
}: {
  choices: ReportChoices;
  code: string;
  selected: Set<number>;
  toggle: (id: number, on: boolean) => void;
}) {
  const themes = choices.themes.filter((t) => t.questionCode === code);
  if (themes.length === 0) return null;
  const chosen = themes.filter((t) => selected.has(t.id)).length;
  return (
    <details className="theme-choices">
      <summary>
        {code}: {chosen} of {themes.length} themes
      </summary>
      {themes.map((t) => (
        <Checkbox
          key={t.id}
          id={`theme-${t.id}`}
          label={`${t.name}${t.status === 'accepted' ? '' : ' (candidate)'}`}
          checked={selected.has(t.id)}
          onChange={(on) => toggle(t.id, on)}
        />
      ))}
    </details>
  );
}

function ExportStatus({ job, onCancel }: { job: JobProgress | null; onCancel: () => void }) {
  if (!job) return null;
  if (job.state === 'running') {
    return (
      <div className="export-status">
        <p>
          {job.phase}
          {job.total ? ` (${job.done.toLocaleString('en-GB')} of ${job.total.toLocaleString('en-GB')})` : ''}…
        </p>
        <progress max={job.total ?? undefined} value={job.total ? job.done : undefined} aria-label="Export progress" />
        <button type="button" onClick={onCancel}>
          Cancel export
        </button>
      </div>
    );
  }
  if (job.state === 'done') {
    const result = job.result as ExportResult;
    return (
      <div className="export-status done">
        <p>
          Saved <strong>{result.fileName}</strong> (
          {(result.bytes / 1024).toLocaleString('en-GB', { maximumFractionDigits: 0 })} KB)
          {result.downloadUrl ? '.' : ` to ${result.path}.`}
        </p>
        {result.downloadUrl && (
          <a className="download" href={result.downloadUrl} download={result.fileName}>
            Download {result.fileName}
          </a>
        )}
      </div>
    );
  }
  return (
    <p className="error" role="alert">
      {job.state === 'cancelled'
        ? 'The export was cancelled; no file was written.'
        : `The export failed: ${job.error?.message ?? 'unknown error'}`}
    </p>
  );
}

export function Reports({ project }: AreaProps) {
  const choices = useCall('reports.choices', undefined, project.path);
  const [options, setOptions] = useState<ReportOptions>(DEFAULTS);
  const [format, setFormat] = useState<ReportFormat>('docx');
  const [jobId, setJobId] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const job = useJob(jobId);

  const allCodes = useMemo(() => choices.data?.questions.map((q) => q.code) ?? [], [choices.data]);
  const chosenCodes = options.questions ?? allCodes;
  const valid = chosenCodes.length > 0;
  const preview = usePreview(options, valid && choices.data !== undefined);
  const defaultThemes = useMemo(
    () => new Set(choices.data?.themes.filter((t) => t.inDefault).map((t) => t.id) ?? []),
    [choices.data],
  );
  const selectedThemes = options.themeIds ? new Set(options.themeIds) : defaultThemes;

  const set = (patch: Partial<ReportOptions>) => setOptions((o) => ({ ...o, ...patch }));
  const toggleQuestion = (code: string, on: boolean) => {
    const next = allCodes.filter((c) => (c === code ? on : chosenCodes.includes(c)));
    set({ questions: next.length === allCodes.length ? undefined : next });
  };
  const toggleTheme = (id: number, on: boolean) => {
    const next = new Set(selectedThemes);
    if (on) next.add(id);
    else next.delete(id);
    set({ themeIds: [...next].sort((a, b) => a - b) });
  };

  const startExport = async () => {
    setExportError(null);
    try {
      let path: string | undefined;
      if (choices.data?.canChoosePath) {
        const chosen = await api.call('reports.choosePath', { format });
        if (!chosen) return;
        path = chosen;
      }
      const started = await api.call('reports.export', { format, options, path });
      setJobId(started.id);
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="page reports" aria-labelledby="page-title">
      <h1 id="page-title">Reports</h1>
      {choices.error && (
        <p className="error" role="alert">
          {choices.error}
        </p>
      )}
      <div className="reports-split">
        <form className="report-options" onSubmit={(e) => e.preventDefault()} aria-label="Report options">
          <fieldset>
            <legend>Questions</legend>
            {choices.data?.questions.map((q) => (
              <div key={q.code}>
                <Checkbox
                  id={`question-${q.code}`}
                  label={`${q.code}: ${q.text}`}
                  checked={chosenCodes.includes(q.code)}
                  onChange={(on) => toggleQuestion(q.code, on)}
                />
                {q.kind === 'open' && chosenCodes.includes(q.code) && choices.data && (
                  <ThemeChoices choices={choices.data} code={q.code} selected={selectedThemes} toggle={toggleTheme} />
                )}
              </div>
            ))}
            {!valid && (
              <p className="error" role="alert">
                Choose at least one question.
              </p>
            )}
            {options.themeIds && (
              <button type="button" className="link" onClick={() => set({ themeIds: undefined })}>
                Use the signed-off themes
              </button>
            )}
          </fieldset>
          <fieldset>
            <legend>Personal data</legend>
            <Checkbox
              id="redact"
              label="Remove personal data from quotes and data"
              checked={options.redact}
              onChange={(v) => set({ redact: v })}
              hint="Names, e-mail and web addresses, phone numbers, postcodes and the like become [name], [email], [url], [phone], [postcode]."
            />
            <Checkbox
              id="anonymise"
              label="Anonymise respondents"
              checked={options.anonymise}
              onChange={(v) => set({ anonymise: v })}
              hint="No names, identifiers or organisations."
            />
            <Checkbox
              id="name-organisations"
              label="Name organisations that responded as organisations"
              checked={options.nameOrganisations}
              disabled={!options.anonymise}
              onChange={(v) => set({ nameOrganisations: v })}
            />
          </fieldset>
          <fieldset>
            <legend>Counting</legend>
            <Checkbox
              id="include-excluded"
              label="Include responses excluded in review"
              checked={options.includeExcluded}
              onChange={(v) => set({ includeExcluded: v })}
            />
            <div className="radios" role="radiogroup" aria-labelledby="campaigns-label">
              <p id="campaigns-label" className="label">
                Campaigns
              </p>
              <div className="check">
                <input
                  id="campaigns-once"
                  type="radio"
                  name="campaigns"
                  checked={options.campaigns === 'once'}
                  onChange={() => set({ campaigns: 'once' })}
                />
                <label htmlFor="campaigns-once">Count each campaign once</label>
              </div>
              <div className="check">
                <input
                  id="campaigns-each"
                  type="radio"
                  name="campaigns"
                  checked={options.campaigns === 'each'}
                  onChange={() => set({ campaigns: 'each' })}
                />
                <label htmlFor="campaigns-each">Count every campaign response</label>
              </div>
            </div>
          </fieldset>
          <fieldset className="export">
            <legend>Export</legend>
            <label htmlFor="format">Format</label>
            <select id="format" value={format} onChange={(e) => setFormat(e.target.value as ReportFormat)}>
              {FORMATS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="primary export-button"
              disabled={!valid || job?.state === 'running'}
              onClick={() => void startExport()}
            >
              Export
            </button>
            <div role="status" aria-live="polite">
              <ExportStatus job={job} onCancel={() => jobId && void api.call('jobs.cancel', { id: jobId })} />
            </div>
            {exportError && (
              <p className="error" role="alert">
                {exportError}
              </p>
            )}
          </fieldset>
        </form>
        <div className="report-preview">
          <p className="preview-state" role="status" aria-live="polite">
            {preview.busy ? 'Updating the preview…' : preview.html ? 'Preview of the summary of responses' : ''}
          </p>
          {preview.error && (
            <p className="error" role="alert">
              {preview.error}
            </p>
          )}
          {preview.html && <iframe title="Preview of the summary of responses" sandbox="" srcDoc={preview.html} />}
        </div>
      </div>
    </section>
  );
}
