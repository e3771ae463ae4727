import { useState } from 'react';
import type { PiiFinding } from '../../shared/api';
import { api } from '../api';
import './signals.css';

/**
 * The personal data found in one response, each with a button to mark it as not personal data (or undo
 * that). Marks are audited and respected when exporting; the stored text is never changed.
 */
export function PersonalDataNotice({
  findings,
  onChange,
}: {
  findings: readonly PiiFinding[];
  onChange: (next: PiiFinding[]) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!findings.length) return null;
  const flagged = findings.filter((f) => !f.falsePositive).length;
  const mark = (f: PiiFinding, falsePositive: boolean) => {
    setBusy(true);
    api.call('pii.mark', { responseId: f.responseId, kind: f.kind, start: f.start, end: f.end, falsePositive }).then(
      (next) => {
        setError(null);
        setBusy(false);
        onChange(next);
      },
      (e: unknown) => {
        setBusy(false);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };
  return (
    <section className="pii-notice" aria-label="Personal data">
      <p className="row">
        <span className="badge pii">Personal data</span>{' '}
        {flagged
          ? `${flagged} ${flagged === 1 ? 'item is' : 'items are'} redacted in exports (for example [email]).`
          : 'Every item here was marked as not personal data.'}
      </p>
      <ul className="pii-list">
        {findings.map((f) => (
          <li key={`${f.start}-${f.kind}`}>
            <span>{f.label}:</span> <code>{f.text}</code>
            {f.falsePositive && <span className="muted">not personal data{f.markedBy ? ` (${f.markedBy})` : ''}</span>}
            <button type="button" className="small-button" disabled={busy} onClick={() => mark(f, !f.falsePositive)}>
              {f.falsePositive ? 'Undo' : 'Not personal data'}
              <span className="visually-hidden">
                {f.falsePositive ? `: treat ${f.text} as personal data again` : `: ${f.text}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
