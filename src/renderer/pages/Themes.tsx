import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { Agreement, Question, QuestionThemes, Theme, ThemeResponse } from '../../shared/api';
import { api } from '../api';
import type { AreaProps } from '../areas';
import { EvidenceText, percent } from '../components/EvidenceText';
import { useCall } from '../hooks';
import './themes.css';

const PAGE = 50;
const THEME_COUNTS = Array.from({ length: 29 }, (_, i) => i + 2);

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Calls the backend, then reloads; failures are shown, never thrown into React. */
function useAction(onDone: () => void): {
  run: (call: () => Promise<unknown>) => void;
  error: string | null;
  clear: () => void;
} {
  const [error, setError] = useState<string | null>(null);
  return {
    run: (call) => {
      setError(null);
      call().then(onDone, (e: unknown) => setError(message(e)));
    },
    error,
    clear: () => setError(null),
  };
}

function download(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function Themes({ project }: AreaProps) {
  const questions = useCall('questions.list', undefined, project.path);
  const open = (questions.data ?? []).filter((q: Question) => q.kind === 'open');
  const [questionId, setQuestionId] = useState<number | null>(null);
  const current = questionId ?? open[0]?.id ?? null;
  return (
    <section className="page themes" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">Themes</h1>
        <div className="field">
          <label htmlFor="theme-question">Question</label>
          <select id="theme-question" value={current ?? ''} onChange={(e) => setQuestionId(Number(e.target.value))}>
            {open.map((q) => (
              <option key={q.id} value={q.id}>
                {q.code}: {q.text.length > 70 ? `${q.text.slice(0, 70)}…` : q.text}
              </option>
            ))}
          </select>
        </div>
      </div>
      {questions.error && (
        <p role="alert" className="error">
          {questions.error}
        </p>
      )}
      {questions.data && open.length === 0 && (
        <p className="empty">There are no open questions yet: import responses first.</p>
      )}
      {current !== null && <QuestionWorkspace key={current} questionId={current} />}
    </section>
  );
}

function QuestionWorkspace({ questionId }: { questionId: number }) {
  const list = useCall('themes.list', { questionId }, String(questionId));
  const agreement = useCall('themes.agreement', { questionId }, String(questionId));
  const [selected, setSelected] = useState<number | null>(null);
  const [themeCount, setThemeCount] = useState<string>('auto');
  const [running, setRunning] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = (): void => {
    list.reload();
    agreement.reload();
  };
  const action = useAction(reload);
  const importInput = useRef<HTMLInputElement>(null);
  const reloadList = list.reload;
  const reloadAgreement = agreement.reload;

  // A finished discovery or classification job changes the themes.
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'changed' && event.what === 'themes') {
          reloadList();
          reloadAgreement();
        }
        if (event.type === 'job' && event.job.id === running && event.job.state !== 'running') {
          setRunning(null);
          setNotice(
            event.job.state === 'done'
              ? `${event.job.title}: done.`
              : `${event.job.title}: ${event.job.error?.message ?? event.job.state}`,
          );
        }
      }),
    [reloadList, reloadAgreement, running],
  );

  const data: QuestionThemes | undefined = list.data;
  const themes = data?.themes ?? [];
  const theme = themes.find((t) => t.id === selected) ?? null;
  const start = (call: () => Promise<{ jobId: string }>) => {
    action.clear();
    setNotice(null);
    call().then(
      ({ jobId }) => setRunning(jobId),
      (e: unknown) => setNotice(message(e)),
    );
  };
  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const content = await file.text();
    action.run(async () => {
      const result = await api.call('themes.importCodebook', { questionId, content });
      setNotice(`Codebook imported: ${result.created} themes added, ${result.updated} updated.`);
    });
  };
  const onDropOn = (target: Theme) => (event: DragEvent) => {
    event.preventDefault();
    const ids = (event.dataTransfer.getData('application/x-response-ids') || '').split(',').map(Number).filter(Boolean);
    if (ids.length) action.run(() => api.call('themes.assign', { responseIds: ids, themeId: target.id }));
  };
  const hasCodebook = themes.some((t) => t.status === 'accepted' && !t.isOther);

  return (
    <>
      <form
        className="theme-toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          start(() =>
            api.call('themes.discover', { questionId, themes: themeCount === 'auto' ? 'auto' : Number(themeCount) }),
          );
        }}
      >
        <div className="field">
          <label htmlFor="theme-count">Number of themes</label>
          <select id="theme-count" value={themeCount} onChange={(e) => setThemeCount(e.target.value)}>
            <option value="auto">Choose automatically</option>
            {THEME_COUNTS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={running !== null}>
          {themes.length ? 'Discover again' : 'Discover themes'}
        </button>
        <button
          type="button"
          disabled={running !== null || !themes.some((t) => t.isOther && t.proposed + t.accepted > 0)}
          onClick={() => start(() => api.call('themes.discover', { questionId, themes: 'auto', otherOnly: true }))}
        >
          Re-cluster “Other / unclear”
        </button>
        <button
          type="button"
          disabled={running !== null || !hasCodebook}
          onClick={() => start(() => api.call('themes.classify', { questionId }))}
        >
          Classify the rest
        </button>
        <span className="toolbar-gap" />
        <button
          type="button"
          disabled={!hasCodebook}
          onClick={() =>
            action.run(async () => {
              const file = await api.call('themes.exportCodebook', { questionId, format: 'json' });
              download(file.fileName, file.content, 'application/json');
            })
          }
        >
          Export codebook
        </button>
        <button
          type="button"
          disabled={!hasCodebook}
          onClick={() =>
            action.run(async () => {
              const file = await api.call('themes.exportCodebook', { questionId, format: 'qdc' });
              download(file.fileName, file.content, 'application/xml');
            })
          }
        >
          Export .qdc
        </button>
        <button type="button" onClick={() => importInput.current?.click()}>
          Import codebook…
        </button>
        <input
          ref={importInput}
          type="file"
          accept=".json,.qdc,application/json,application/xml"
          className="visually-hidden"
          aria-label="Codebook file to import"
          tabIndex={-1}
          onChange={(e) => {
            void onImport(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </form>
      <div aria-live="polite" className="notice-line">
        {running ? 'Working… (progress and Cancel are at the bottom right)' : notice}
      </div>
      {(action.error || list.error) && (
        <p role="alert" className="error">
          {action.error ?? list.error}
        </p>
      )}
      {data?.discovery && <RunLine data={data} />}
      <div className="theme-split">
        <div className="theme-column">
          <h2 id="theme-list-title">
            {themes.length ? `${themes.filter((t) => !t.isOther).length} themes` : 'No themes yet'}
            <span className="muted"> · {data?.responses.toLocaleString('en-GB') ?? '…'} responses</span>
          </h2>
          {themes.length === 0 && !list.loading && (
            <p className="muted">Discover themes, import a codebook, or add themes by hand.</p>
          )}
          <ul className="theme-list" aria-labelledby="theme-list-title">
            {[
              ...themes.filter((t) => t.parentId === null),
              ...themes.filter((t) => t.parentId !== null && !themes.some((p) => p.id === t.parentId)),
            ].map((t) => (
              <ThemeItem
                key={t.id}
                theme={t}
                subThemes={themes.filter((c) => c.parentId === t.id)}
                selected={selected}
                onSelect={setSelected}
                onDrop={onDropOn}
              />
            ))}
          </ul>
          <AddTheme
            questionId={questionId}
            onAdded={(t) => {
              reload();
              setSelected(t.id);
            }}
          />
        </div>
        <div className="theme-column wide">
          {theme ? (
            <ThemeDetail
              key={theme.id}
              theme={theme}
              themes={themes}
              onChanged={reload}
              onDeleted={() => {
                setSelected(null);
                reload();
              }}
            />
          ) : (
            <p className="muted">Select a theme to see its keywords, quotes and responses.</p>
          )}
          <AgreementPanel agreement={agreement.data ?? null} />
          <ReviewQueue
            questionId={questionId}
            version={themes.reduce((n, t) => n + t.proposed * 7 + t.accepted, 0)}
            onChanged={reload}
          />
        </div>
      </div>
    </>
  );
}

function RunLine({ data }: { data: QuestionThemes }) {
  const run = data.discovery!;
  const quality = run.quality as {
    languages?: Record<string, number>;
    inOther?: number;
    k?: { requested: number | 'auto'; clustered: number };
  };
  const other = Object.entries(quality.languages ?? {}).filter(([lang]) => lang !== 'en' && lang !== 'und');
  const names = new Intl.DisplayNames(['en-GB'], { type: 'language' });
  return (
    <p className="run-line muted">
      Discovered {new Date(run.startedAt).toLocaleString('en-GB')} by {run.startedBy}
      {quality.k
        ? ` (${quality.k.requested === 'auto' ? `number chosen automatically: ${quality.k.clustered}` : `${quality.k.requested} requested`}, seed ${run.seed})`
        : ''}
      .
      {other.length > 0 &&
        ` Not in English, kept out of the themes: ${other.map(([lang, n]) => `${n} in ${names.of(lang) ?? lang}`).join(', ')}.`}
    </p>
  );
}

function ThemeItem({
  theme,
  subThemes,
  selected,
  onSelect,
  onDrop,
}: {
  theme: Theme;
  subThemes: Theme[];
  selected: number | null;
  onSelect: (id: number) => void;
  onDrop: (t: Theme) => (e: DragEvent) => void;
}) {
  const [over, setOver] = useState(false);
  return (
    <li>
      <button
        type="button"
        className={`theme-item${theme.id === selected ? ' selected' : ''}${over ? ' drop' : ''}${theme.isOther ? ' other' : ''}`}
        aria-pressed={theme.id === selected}
        onClick={() => onSelect(theme.id)}
        onDragOver={(e) => {
          if (theme.isOther) return;
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          setOver(false);
          onDrop(theme)(e);
        }}
      >
        <span className="theme-name">
          {theme.name}
          {theme.status === 'candidate' && !theme.isOther && <span className="tag candidate">Candidate</span>}
        </span>
        <span className="theme-counts">
          {theme.accepted.toLocaleString('en-GB')} accepted · {theme.proposed.toLocaleString('en-GB')} proposed ·{' '}
          {(theme.share * 100).toFixed(1)}%
        </span>
        <span className="share" aria-hidden="true">
          <span style={{ width: `${Math.min(100, theme.share * 100)}%` }} />
        </span>
        {theme.keywords.length > 0 && <span className="theme-keywords">{theme.keywords.slice(0, 6).join(' · ')}</span>}
      </button>
      {subThemes.length > 0 && (
        <ul className="sub-themes" aria-label={`Sub-themes of ${theme.name}`}>
          {subThemes.map((c) => (
            <ThemeItem key={c.id} theme={c} subThemes={[]} selected={selected} onSelect={onSelect} onDrop={onDrop} />
          ))}
        </ul>
      )}
    </li>
  );
}

function AddTheme({ questionId, onAdded }: { questionId: number; onAdded: (t: Theme) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    api.call('themes.create', { questionId, name }).then(
      (t) => {
        setName('');
        onAdded(t);
      },
      (err: unknown) => setError(message(err)),
    );
  };
  return (
    <form className="add-theme" onSubmit={submit}>
      <label htmlFor="new-theme">Add a theme by hand</label>
      <div className="row">
        <input id="new-theme" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        <button type="submit" disabled={!name.trim()}>
          Add
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

function ThemeDetail({
  theme,
  themes,
  onChanged,
  onDeleted,
}: {
  theme: Theme;
  themes: Theme[];
  onChanged: () => void;
  onDeleted: () => void;
}) {
  const [name, setName] = useState(theme.name);
  const [description, setDescription] = useState(theme.description);
  const [rules, setRules] = useState(theme.rules.map((r) => r.terms.join(', ')).join('\n'));
  const [mergeInto, setMergeInto] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const action = useAction(onChanged);
  const others = themes.filter((t) => t.id !== theme.id && !t.isOther);
  const parents = others.filter((t) => t.parentId === null);
  const save = (e: FormEvent) => {
    e.preventDefault();
    action.run(() => api.call('themes.update', { themeId: theme.id, name, description }));
  };
  return (
    <article className="theme-detail" aria-labelledby="theme-detail-title">
      <h2 id="theme-detail-title">{theme.name}</h2>
      {action.error && (
        <p role="alert" className="error">
          {action.error}
        </p>
      )}
      <form className="theme-form" onSubmit={save}>
        <div className="field">
          <label htmlFor="theme-name">Name</label>
          <input id="theme-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </div>
        <div className="field grow">
          <label htmlFor="theme-description">Description</label>
          <input
            id="theme-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            maxLength={5000}
          />
        </div>
        <button type="submit" disabled={name === theme.name && description === theme.description}>
          Save
        </button>
      </form>
      <div className="theme-actions">
        {!theme.isOther && (
          <button
            type="button"
            className={theme.status === 'candidate' ? 'primary' : ''}
            onClick={() =>
              action.run(() =>
                api.call('themes.update', {
                  themeId: theme.id,
                  status: theme.status === 'candidate' ? 'accepted' : 'candidate',
                }),
              )
            }
          >
            {theme.status === 'candidate' ? 'Accept into codebook' : 'Back to candidate'}
          </button>
        )}
        {!theme.isOther && (
          <div className="field inline">
            <label htmlFor="theme-parent">Sits under</label>
            <select
              id="theme-parent"
              value={theme.parentId ?? ''}
              onChange={(e) =>
                action.run(() =>
                  api.call('themes.update', {
                    themeId: theme.id,
                    parentId: e.target.value ? Number(e.target.value) : null,
                  }),
                )
              }
            >
              <option value="">Top level</option>
              {parents.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <form
          className="field inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (mergeInto)
              action.run(() =>
                api.call('themes.merge', { targetId: Number(mergeInto), sourceIds: [theme.id] }).then(onDeleted),
              );
          }}
        >
          <label htmlFor="theme-merge">Merge into</label>
          <select id="theme-merge" value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
            <option value="">Choose a theme…</option>
            {others.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={!mergeInto}>
            Merge
          </button>
        </form>
        {confirmDelete ? (
          <>
            <button
              type="button"
              className="danger"
              onClick={() => action.run(() => api.call('themes.delete', { themeId: theme.id }).then(onDeleted))}
            >
              Delete “{theme.name}” and its {theme.accepted + theme.proposed} assignments
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmDelete(true)}>
            Delete…
          </button>
        )}
      </div>
      {theme.keywords.length > 0 && (
        <p>
          <strong>Distinctive words:</strong> {theme.keywords.join(', ')}
        </p>
      )}
      {!theme.isOther && (
        <form
          className="rules"
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = rules
              .split('\n')
              .map((line) =>
                line
                  .split(',')
                  .map((t) => t.trim())
                  .filter(Boolean),
              )
              .filter((r) => r.length);
            action.run(() => api.call('themes.setRules', { themeId: theme.id, rules: parsed }));
          }}
        >
          <label htmlFor="theme-rules">
            Keyword rules (one rule per line; a response matches a rule if it contains any of its comma-separated words
            or phrases)
          </label>
          <textarea
            id="theme-rules"
            rows={2}
            value={rules}
            onChange={(e) => setRules(e.target.value)}
            placeholder="graduate, brain drain, retain talent"
          />
          <button type="submit">Save rules</button>
        </form>
      )}
      {theme.quotes.length > 0 && (
        <section aria-label="Representative quotes">
          <h3>Representative quotes</h3>
          {theme.quotes.map((q) => (
            <blockquote key={q.responseId} className="quote">
              {q.text}
            </blockquote>
          ))}
        </section>
      )}
      <ThemeResponses theme={theme} themes={others} onChanged={onChanged} />
    </article>
  );
}

type Filter = 'proposed' | 'accepted' | 'rejected';

function ThemeResponses({ theme, themes, onChanged }: { theme: Theme; themes: Theme[]; onChanged: () => void }) {
  const [filter, setFilter] = useState<Filter>(theme.proposed > 0 ? 'proposed' : 'accepted');
  const [limit, setLimit] = useState(PAGE);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [target, setTarget] = useState('');
  const [minimum, setMinimum] = useState('0.8');
  const page = useCall(
    'themes.responses',
    { themeId: theme.id, states: [filter], offset: 0, limit },
    `${theme.id}:${filter}:${limit}:${theme.accepted}:${theme.proposed}`,
  );
  const done = (): void => {
    setChecked(new Set());
    page.reload();
    onChanged();
  };
  const action = useAction(done);
  const rows: ThemeResponse[] = page.data?.rows ?? [];
  const toggle = (id: number) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const selectedAssignments = rows.filter((r) => checked.has(r.responseId)).map((r) => r.assignment.id);
  return (
    <section className="theme-responses" aria-labelledby="theme-responses-title">
      <h3 id="theme-responses-title">Responses</h3>
      <div className="segmented" role="group" aria-label="Show">
        {(['proposed', 'accepted', 'rejected'] as const).map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            onClick={() => {
              setFilter(f);
              setChecked(new Set());
              setLimit(PAGE);
            }}
          >
            {f === 'proposed'
              ? `Proposed (${theme.proposed})`
              : f === 'accepted'
                ? `Accepted (${theme.accepted})`
                : 'Rejected'}
          </button>
        ))}
      </div>
      {action.error && (
        <p role="alert" className="error">
          {action.error}
        </p>
      )}
      <div className="bulk">
        {filter === 'proposed' && (
          <>
            <button
              type="button"
              disabled={!selectedAssignments.length}
              onClick={() =>
                action.run(() => api.call('themes.decide', { decision: 'accept', assignmentIds: selectedAssignments }))
              }
            >
              Accept selected
            </button>
            <button
              type="button"
              disabled={!selectedAssignments.length}
              onClick={() =>
                action.run(() => api.call('themes.decide', { decision: 'reject', assignmentIds: selectedAssignments }))
              }
            >
              Reject selected
            </button>
            <div className="field inline">
              <label htmlFor="min-confidence">Accept all at or above</label>
              <select id="min-confidence" value={minimum} onChange={(e) => setMinimum(e.target.value)}>
                {['0.95', '0.9', '0.8', '0.7', '0.5', '0'].map((m) => (
                  <option key={m} value={m}>
                    {m === '0' ? 'any confidence' : percent(Number(m))}
                  </option>
                ))}
              </select>
              <button
                type="button"
                disabled={theme.proposed === 0}
                onClick={() =>
                  action.run(() =>
                    api.call('themes.decide', {
                      decision: 'accept',
                      themeId: theme.id,
                      minConfidence: Number(minimum),
                    }),
                  )
                }
              >
                Accept
              </button>
            </div>
          </>
        )}
        <form
          className="field inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (target && checked.size)
              action.run(() => api.call('themes.assign', { responseIds: [...checked], themeId: Number(target) }));
          }}
        >
          <label htmlFor="assign-to">Also assign selected to</label>
          <select id="assign-to" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">Choose a theme…</option>
            {themes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={!target || !checked.size}>
            Assign
          </button>
        </form>
      </div>
      <p className="muted small-print">Drag a response onto a theme in the list to give it that theme too.</p>
      <ul className="response-list" aria-busy={page.loading}>
        {rows.map((r) => (
          <li
            key={r.assignment.id}
            draggable
            onDragStart={(e) => {
              const ids = checked.has(r.responseId) ? [...checked] : [r.responseId];
              e.dataTransfer.setData('application/x-response-ids', ids.join(','));
              e.dataTransfer.effectAllowed = 'copy';
            }}
          >
            <input
              type="checkbox"
              id={`pick-${r.assignment.id}`}
              checked={checked.has(r.responseId)}
              onChange={() => toggle(r.responseId)}
            />
            <div className="response-body">
              <label htmlFor={`pick-${r.assignment.id}`} className="response-meta">
                {r.respondentExternalId} ·{' '}
                {r.assignment.state === 'proposed' ? `${percent(r.assignment.confidence)} · ` : ''}
                {r.assignment.sourceDetail}
              </label>
              <p className="answer-text">
                <EvidenceText text={r.text} spans={r.assignment.evidence} />
              </p>
            </div>
            <div className="row-actions">
              {r.assignment.state === 'proposed' && (
                <>
                  <button
                    type="button"
                    className="small"
                    onClick={() =>
                      action.run(() =>
                        api.call('themes.decide', { decision: 'accept', assignmentIds: [r.assignment.id] }),
                      )
                    }
                  >
                    Accept<span className="visually-hidden"> for {r.respondentExternalId}</span>
                  </button>
                  <button
                    type="button"
                    className="small"
                    onClick={() =>
                      action.run(() =>
                        api.call('themes.decide', { decision: 'reject', assignmentIds: [r.assignment.id] }),
                      )
                    }
                  >
                    Reject<span className="visually-hidden"> for {r.respondentExternalId}</span>
                  </button>
                </>
              )}
              {r.assignment.state === 'accepted' && (
                <button
                  type="button"
                  className="small"
                  onClick={() =>
                    action.run(() => api.call('themes.unassign', { responseIds: [r.responseId], themeId: theme.id }))
                  }
                >
                  Remove<span className="visually-hidden"> from {r.respondentExternalId}</span>
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {page.data && page.data.total > rows.length && (
        <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
          Show more ({(page.data.total - rows.length).toLocaleString('en-GB')} left)
        </button>
      )}
      {page.data?.total === 0 && <p className="muted">None.</p>}
    </section>
  );
}

function AgreementPanel({ agreement }: { agreement: Agreement | null }) {
  if (!agreement) return null;
  const trust =
    agreement.kappa >= 0.8
      ? 'strong'
      : agreement.kappa >= 0.6
        ? 'substantial'
        : agreement.kappa >= 0.4
          ? 'moderate'
          : 'weak';
  return (
    <section className="agreement" aria-labelledby="agreement-title">
      <h2 id="agreement-title">How far to trust the classifier</h2>
      <p>
        On {agreement.responses.toLocaleString('en-GB')} responses the analysts coded, held out in turn (5-fold
        cross-validation), the model agreed with them: F1 {agreement.samplesF1.toFixed(2)}, Cohen’s kappa{' '}
        {agreement.kappa.toFixed(2)} ({trust} agreement). It proposes a theme at {percent(agreement.threshold)}{' '}
        confidence or more.
      </p>
      <table>
        <caption className="visually-hidden">Agreement with analysts per theme</caption>
        <thead>
          <tr>
            <th scope="col">Theme</th>
            <th scope="col">Coded</th>
            <th scope="col">Precision</th>
            <th scope="col">Recall</th>
            <th scope="col">F1</th>
            <th scope="col">Kappa</th>
          </tr>
        </thead>
        <tbody>
          {agreement.perTheme.map((t) => (
            <tr key={t.themeId}>
              <th scope="row">{t.theme}</th>
              <td>{t.support}</td>
              <td>{t.precision.toFixed(2)}</td>
              <td>{t.recall.toFixed(2)}</td>
              <td>{t.f1.toFixed(2)}</td>
              <td>{t.kappa.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {agreement.untrainable.length > 0 && (
        <p className="muted">No coded examples yet, so not learnt: {agreement.untrainable.join(', ')}.</p>
      )}
    </section>
  );
}

function ReviewQueue({
  questionId,
  version,
  onChanged,
}: {
  questionId: number;
  version: number;
  onChanged: () => void;
}) {
  const queue = useCall('themes.review', { questionId, offset: 0, limit: 10 }, `${questionId}:${version}`);
  const action = useAction(() => {
    queue.reload();
    onChanged();
  });
  if (!queue.data || queue.data.total === 0) return null;
  return (
    <section className="review" aria-labelledby="review-title">
      <h2 id="review-title">
        Review: least certain proposals first ({queue.data.total.toLocaleString('en-GB')} to review)
      </h2>
      {action.error && (
        <p role="alert" className="error">
          {action.error}
        </p>
      )}
      <ul className="response-list">
        {queue.data.rows.map((r) => (
          <li key={r.assignment.id}>
            <div className="response-body">
              <span className="response-meta">
                {r.assignment.themeName} · {percent(r.assignment.confidence)} · {r.respondentExternalId}
              </span>
              <p className="answer-text">
                <EvidenceText text={r.text} spans={r.assignment.evidence} />
              </p>
            </div>
            <div className="row-actions">
              <button
                type="button"
                className="small"
                onClick={() =>
                  action.run(() => api.call('themes.decide', { decision: 'accept', assignmentIds: [r.assignment.id] }))
                }
              >
                Accept
                <span className="visually-hidden">
                  {' '}
                  {r.assignment.themeName} for {r.respondentExternalId}
                </span>
              </button>
              <button
                type="button"
                className="small"
                onClick={() =>
                  action.run(() => api.call('themes.decide', { decision: 'reject', assignmentIds: [r.assignment.id] }))
                }
              >
                Reject
                <span className="visually-hidden">
                  {' '}
                  {r.assignment.themeName} for {r.respondentExternalId}
                </span>
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
