import type { ColumnMapping, ColumnPreview, ColumnRole, ImportMapping, QuestionChoice } from '../../../shared/api';

const ROLES: { value: ColumnRole; label: string }[] = [
  { value: 'id', label: 'Respondent id' },
  { value: 'open', label: 'Open question (free text)' },
  { value: 'closed', label: 'Closed question (options)' },
  { value: 'attribute', label: 'Respondent detail' },
  { value: 'themes', label: 'Themes (separated by ;)' },
  { value: 'ignore', label: 'Do not import (kept in the original row)' },
];

const STANDARD: { value: string; label: string }[] = [
  { value: 'type', label: 'Respondent type' },
  { value: 'organisation', label: 'Organisation' },
  { value: 'city', label: 'Place' },
  { value: 'submitted_at', label: 'Date submitted' },
  { value: 'channel', label: 'Channel' },
];
const OTHER = '__other';
const NEW = '__new';

export interface MappingTableProps {
  /** Distinguishes this table's control ids from another file's. */
  idPrefix: string;
  columns: ColumnPreview[];
  mapping: ImportMapping;
  questions: QuestionChoice[];
  onChange: (mapping: ImportMapping) => void;
  /** A question code no file uses yet. */
  newCode: () => string;
}

/** One row per column: what it becomes, and which question or detail. Native controls, all labelled. */
export function MappingTable({ idPrefix, columns, mapping, questions, onChange, newCode }: MappingTableProps) {
  const byColumn = new Map(mapping.columns.map((m) => [m.column, m]));
  const update = (column: string, next: Partial<ColumnMapping>) => {
    const current = byColumn.get(column) ?? { column, role: 'ignore' as const };
    const merged: ColumnMapping = { ...current, ...next, column };
    const others = mapping.columns.filter((m) => m.column !== column);
    // Only one id column: choosing another demotes the old one.
    const fixed =
      merged.role === 'id'
        ? others.map((m) => (m.role === 'id' ? { column: m.column, role: 'ignore' as const } : m))
        : others;
    const order = columns.map((c) => c.name);
    onChange({ columns: [...fixed, merged].sort((a, b) => order.indexOf(a.column) - order.indexOf(b.column)) });
  };
  const setRole = (column: string, role: ColumnRole) => {
    const current = byColumn.get(column);
    if (role === 'open' || role === 'closed') {
      const keep = current?.question && questions.some((q) => q.code === current.question);
      update(column, {
        role,
        question: keep ? current.question : newCode(),
        text: keep ? current.text : column,
        attribute: undefined,
      });
    } else if (role === 'attribute')
      update(column, { role, attribute: current?.attribute ?? column, question: undefined, text: undefined });
    else update(column, { role, question: undefined, text: undefined, attribute: undefined });
  };
  return (
    <table className="mapping-table">
      <caption className="visually-hidden">What each column becomes</caption>
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">First values</th>
          <th scope="col">Becomes</th>
          <th scope="col">Question or detail</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((c, i) => {
          const m = byColumn.get(c.name) ?? { column: c.name, role: 'ignore' as const };
          const id = `${idPrefix}-col-${i}`;
          const standard = STANDARD.some((s) => s.value === m.attribute);
          const question = questions.find((q) => q.code === m.question);
          return (
            <tr key={c.name}>
              <th scope="row" id={`${id}-name`}>
                {c.name}
                {c.reason && <span className="muted reason">{c.reason}</span>}
              </th>
              <td className="samples">
                {c.samples.length ? (
                  <ul>
                    {c.samples.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">(empty)</span>
                )}
              </td>
              <td>
                <label className="visually-hidden" htmlFor={`${id}-role`}>
                  {`${c.name}: becomes`}
                </label>
                <select
                  id={`${id}-role`}
                  value={m.role}
                  onChange={(e) => setRole(c.name, e.target.value as ColumnRole)}
                >
                  {ROLES.map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.label}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {(m.role === 'open' || m.role === 'closed') && (
                  <div className="stack">
                    <label className="visually-hidden" htmlFor={`${id}-question`}>
                      {`${c.name}: question`}
                    </label>
                    <select
                      id={`${id}-question`}
                      value={question ? m.question : NEW}
                      onChange={(e) =>
                        e.target.value === NEW
                          ? update(c.name, { question: newCode(), text: c.name })
                          : update(c.name, { question: e.target.value, text: undefined })
                      }
                    >
                      {questions.map((q) => (
                        <option key={q.code} value={q.code}>
                          {`${q.code}: ${q.text.length > 70 ? `${q.text.slice(0, 70)}…` : q.text}${q.existing ? '' : ' (new)'}`}
                        </option>
                      ))}
                      <option value={NEW}>A new question…</option>
                    </select>
                    {question && !question.existing && question.code === m.question && m.text !== undefined && (
                      <>
                        <label className="small" htmlFor={`${id}-text`}>{`Text of new question ${m.question}`}</label>
                        <input
                          id={`${id}-text`}
                          value={m.text}
                          onChange={(e) => update(c.name, { text: e.target.value })}
                        />
                      </>
                    )}
                  </div>
                )}
                {m.role === 'attribute' && (
                  <div className="stack">
                    <label className="visually-hidden" htmlFor={`${id}-attribute`}>
                      {`${c.name}: detail`}
                    </label>
                    <select
                      id={`${id}-attribute`}
                      value={standard ? m.attribute : OTHER}
                      onChange={(e) =>
                        update(c.name, { attribute: e.target.value === OTHER ? c.name : e.target.value })
                      }
                    >
                      {STANDARD.map((s) => (
                        <option key={s.value} value={s.value}>
                          {s.label}
                        </option>
                      ))}
                      <option value={OTHER}>Another detail, named…</option>
                    </select>
                    {!standard && (
                      <>
                        <label className="small" htmlFor={`${id}-attribute-name`}>
                          Name of the detail
                        </label>
                        <input
                          id={`${id}-attribute-name`}
                          value={m.attribute ?? ''}
                          onChange={(e) => update(c.name, { attribute: e.target.value })}
                        />
                      </>
                    )}
                  </div>
                )}
                {m.role === 'themes' && <span className="muted">Kept for the Themes area</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
