import { Fragment, useEffect, useState, type RefObject } from 'react';
import type {
  Flag,
  HistoryEntry,
  PiiFinding,
  Priority,
  ResponseDetail,
  TriageChange,
  TriageStatus,
} from '../../shared/api';
import { FLAG_LABELS, FLAGS, PRIORITIES, PRIORITY_LABELS, REASON_LABELS, STATUS_LABELS } from '../../shared/triage';
import { useCall } from '../hooks';
import { PersonalDataText } from './PersonalDataText';
import { ResponseSignalsPanel } from './ResponseSignalsPanel';
import { Segments } from './Segments';
import { ThemeChips } from './ThemeChips';

interface Props {
  responseId: number | null;
  search: string;
  /** Changes whenever a decision may have changed this response: reloads it and its history. */
  version: number;
  analyst: string;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  onDecide: (change: TriageChange) => void;
  onExclude: () => void;
}

const formatTime = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** What a history entry changed, in words: "Status: New → Done". */
function describeEntry(entry: HistoryEntry): string[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const label = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (key === 'status') return STATUS_LABELS[value as TriageStatus] ?? String(value);
    if (key === 'exclusionReason') return REASON_LABELS[value as keyof typeof REASON_LABELS] ?? String(value);
    if (key === 'priority') return PRIORITY_LABELS[value as Priority] ?? String(value);
    if (key === 'flags')
      return Array.isArray(value) && value.length
        ? value.map((f) => FLAG_LABELS[f as Flag] ?? String(f)).join(', ')
        : '—';
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  const names: Record<string, string> = {
    status: 'Status',
    exclusionReason: 'Reason',
    priority: 'Priority',
    flags: 'Flags',
    note: 'Note',
    assignee: 'Assignee',
  };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${names[k] ?? k}: ${label(k, before[k])} → ${label(k, after[k])}`);
}

const ACTION_NAMES: Record<string, string> = {
  'triage.read': 'Opened',
  'triage.decide': 'Decision',
  'triage.bulk': 'Bulk action',
  'triage.undo': 'Undone',
};

function Decisions({
  detail,
  analyst,
  noteRef,
  onDecide,
  onExclude,
}: { detail: ResponseDetail } & Pick<Props, 'analyst' | 'noteRef' | 'onDecide' | 'onExclude'>) {
  const t = detail.triage;
  const [note, setNote] = useState(t.note ?? '');
  useEffect(() => setNote(t.note ?? ''), [t.note, detail.id]);
  const statuses: TriageStatus[] = ['new', 'read', 'in_review', 'done'];
  return (
    <section className="decisions" aria-label="Decisions">
      <div className="status-row" role="group" aria-label="Status">
        {statuses.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={t.status === s}
            onClick={() => t.status !== s && onDecide({ status: s })}
          >
            {STATUS_LABELS[s]}
          </button>
        ))}
        <button type="button" aria-pressed={t.status === 'excluded'} onClick={onExclude}>
          {t.status === 'excluded' ? `Excluded: ${REASON_LABELS[t.exclusionReason ?? 'other']}` : 'Exclude…'}
        </button>
      </div>
      <div className="decision-row">
        <fieldset className="flags">
          <legend>Flags</legend>
          {FLAGS.map((f) => (
            <label key={f} className="inline">
              <input
                type="checkbox"
                checked={t.flags.includes(f)}
                onChange={(e) => onDecide(e.target.checked ? { addFlags: [f] } : { removeFlags: [f] })}
              />
              {FLAG_LABELS[f]}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="decision-priority">Priority</label>
          <select
            id="decision-priority"
            value={t.priority}
            onChange={(e) => onDecide({ priority: e.target.value as Priority })}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </select>
          <p className="assignee">
            {t.assignee ? `Assigned to ${t.assignee}` : 'Not assigned'}{' '}
            {t.assignee === analyst ? (
              <button type="button" className="link" onClick={() => onDecide({ assignee: null })}>
                Unassign
              </button>
            ) : (
              <button type="button" className="link" onClick={() => onDecide({ assignee: analyst })}>
                Assign to me
              </button>
            )}
          </p>
        </div>
      </div>
      <form
        className="note"
        onSubmit={(e) => {
          e.preventDefault();
          if (note !== (t.note ?? '')) onDecide({ note: note.trim() ? note : null });
        }}
      >
        <label htmlFor="note">Note</label>
        <textarea
          id="note"
          ref={noteRef}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          aria-describedby="note-help"
        />
        <span id="note-help" className="hint">
          Ctrl+Enter saves. Escape goes back to the list.
        </span>
        <button type="submit" disabled={note === (t.note ?? '')}>
          Save note
        </button>
      </form>
    </section>
  );
}

/** The full answer, with the respondent's other answers and attributes, the decisions on it and its history. */
export function ReadingPane({ responseId, search, version, analyst, noteRef, onDecide, onExclude }: Props) {
  const [findings, setFindings] = useState<PiiFinding[]>([]);
  const detail = useCall(
    'responses.get',
    { id: responseId ?? 0, search: search || undefined },
    `${responseId}:${search}:${version}`,
  );
  const history = useCall('triage.history', { responseId: responseId ?? 0 }, `${responseId}:${version}`);
  if (responseId === null) {
    return (
      <aside className="reading-pane" aria-label="Reading pane">
        <p className="muted">
          Select a response to read it in full. With the list focused, use J and K (or the arrow keys) to move, and
          press ? for every shortcut.
        </p>
      </aside>
    );
  }
  const d = detail.data;
  return (
    <aside className="reading-pane" aria-label="Reading pane" aria-busy={detail.loading}>
      {detail.error && (
        <p role="alert" className="error">
          {detail.error}
        </p>
      )}
      {d && d.id === responseId && (
        <>
          <h2>
            {d.respondent.externalId}
            {d.respondent.organisation ? ` — ${d.respondent.organisation}` : ''}
          </h2>
          <Decisions detail={d} analyst={analyst} noteRef={noteRef} onDecide={onDecide} onExclude={onExclude} />
          <dl className="attributes">
            {(
              [
                ['Type', d.respondent.type],
                ['Place', d.respondent.city],
                ['Submitted', d.respondent.submittedAt ? formatTime(d.respondent.submittedAt) : null],
                ['Channel', d.respondent.channel],
                ...Object.entries(d.respondent.attributes),
                ['Themes', d.themes.join(', ')],
              ] as [string, string | null][]
            )
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <Fragment key={k}>
                  <dt>{k.replace(/_/g, ' ')}</dt>
                  <dd>{v}</dd>
                </Fragment>
              ))}
          </dl>
          <ResponseSignalsPanel responseId={d.id} onFindings={setFindings} />
          <ThemeChips responseId={d.id} />
          {d.respondent.answers.map((a) => (
            <article
              key={a.responseId}
              className={`answer${a.responseId === d.id ? ' current' : ''}`}
              aria-current={a.responseId === d.id ? 'true' : undefined}
            >
              <h3>
                {a.questionCode}. {a.questionText}
              </h3>
              <p className="answer-text">
                {/* The current answer shows its personal data marked, unless a search is marking its matches. */}
                {a.responseId === d.id && !search && findings.some((f) => f.responseId === d.id) ? (
                  <PersonalDataText text={d.text} findings={findings.filter((f) => f.responseId === d.id)} />
                ) : (
                  <Segments segments={a.segments} />
                )}
              </p>
            </article>
          ))}
          <section className="history" aria-labelledby="history-title">
            <h3 id="history-title">History of this response</h3>
            {history.data && history.data.length === 0 && <p className="muted">No decisions yet.</p>}
            <ol>
              {history.data?.map((h) => (
                <li key={h.id}>
                  <span className="history-when">
                    {formatTime(h.at)} · {h.actor} · {ACTION_NAMES[h.action] ?? h.action}
                  </span>
                  <ul>
                    {describeEntry(h).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </aside>
  );
}
