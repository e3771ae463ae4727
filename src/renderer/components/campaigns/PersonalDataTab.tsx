import { useState } from 'react';
import type { PiiFinding, PiiKind, PiiResponseRow } from '../../../shared/api';
import { api } from '../../api';
import { useCall } from '../../hooks';
import { PersonalDataNotice } from '../PersonalDataNotice';
import { PersonalDataText } from '../PersonalDataText';
import { useChanged, useRunningJob } from './use-changes';

const PAGE = 20;

/** One response with personal data: the text with each item marked, the items to review, and the export. */
function PiiRow({ row }: { row: PiiResponseRow }) {
  const [findings, setFindings] = useState<PiiFinding[]>(row.findings);
  const [full, setFull] = useState<string | null>(null);
  const [redacted, setRedacted] = useState<string | null>(null);
  const detail = () => {
    api.call('responses.get', { id: row.responseId }).then(
      (d) => setFull(d.text),
      () => undefined,
    );
    api.call('pii.redacted', { responseId: row.responseId }).then(
      (r) => setRedacted(r.text),
      () => undefined,
    );
  };
  const changed = (next: PiiFinding[]) => {
    setFindings(next);
    if (redacted !== null)
      api.call('pii.redacted', { responseId: row.responseId }).then(
        (r) => setRedacted(r.text),
        () => undefined,
      );
  };
  return (
    <li className="pii-row">
      <h3>
        {row.respondentExternalId}, {row.questionCode}
      </h3>
      <p className="member-text">
        <PersonalDataText
          text={full ?? row.excerpt}
          findings={findings.filter((f) => (full ?? row.excerpt).length >= f.end)}
        />
        {full === null && row.excerpt.length >= 240 ? '…' : ''}
      </p>
      <PersonalDataNotice findings={findings} onChange={changed} />
      {redacted === null ? (
        <button type="button" className="small-button" onClick={detail}>
          Show in full and as exported
        </button>
      ) : (
        <>
          <h4>As exported (redacted)</h4>
          <p className="template">{redacted}</p>
        </>
      )}
    </li>
  );
}

/** Every response with personal data: review, mark false positives, see what exports will contain. */
export function PersonalDataTab() {
  const [kind, setKind] = useState<PiiKind | ''>('');
  const [includeFalsePositives, setInclude] = useState(false);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const query = { kind: kind || undefined, includeFalsePositives, offset, limit: PAGE };
  const page = useCall('pii.list', query, JSON.stringify(query));
  useChanged('signals', page.reload);
  const [job, setJob] = useRunningJob('signals.scan');
  const scan = () =>
    api.call('signals.scan').then(setJob, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  const p = page.data;
  return (
    <div role="tabpanel" id="panel-personal" aria-labelledby="tab-personal">
      <p className="lead">
        E-mail addresses, phone numbers, postcodes, National Insurance numbers, web addresses, card numbers and names
        are found automatically and replaced (for example with [email]) in everything exported, unless redaction is
        turned off for an export. Mark anything that is not personal data; stored responses are never changed.
      </p>
      <div className="toolbar">
        <button type="button" className="primary" onClick={scan} disabled={!!job}>
          {job ? `Checking… ${job.total ? `${Math.round((100 * job.done) / job.total)}%` : ''}` : 'Check responses'}
        </button>
        <div className="field">
          <label htmlFor="pii-kind">Kind</label>
          <select
            id="pii-kind"
            value={kind}
            onChange={(e) => {
              setOffset(0);
              setKind(e.target.value as PiiKind | '');
            }}
          >
            <option value="">Every kind</option>
            {p?.byKind.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label} ({k.count.toLocaleString('en-GB')})
              </option>
            ))}
          </select>
        </div>
        <label>
          <input
            type="checkbox"
            checked={includeFalsePositives}
            onChange={(e) => {
              setOffset(0);
              setInclude(e.target.checked);
            }}
          />{' '}
          Include items marked as not personal data
        </label>
      </div>
      {(error || page.error) && (
        <p role="alert" className="error">
          {error ?? page.error}
        </p>
      )}
      {p && (
        <p className="muted" aria-live="polite">
          {p.total === 0
            ? 'No responses with personal data found. Run the check after importing responses.'
            : `${p.total.toLocaleString('en-GB')} responses with personal data; showing ${p.offset + 1}–${p.offset + p.rows.length}.`}
        </p>
      )}
      <ul className="members">
        {p?.rows.map((row) => (
          <PiiRow key={`${row.responseId}:${includeFalsePositives}`} row={row} />
        ))}
      </ul>
      {p && p.total > PAGE && (
        <div className="toolbar">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Previous
          </button>
          <button type="button" disabled={offset + PAGE >= p.total} onClick={() => setOffset(offset + PAGE)}>
            Next
          </button>
        </div>
      )}
    </div>
  );
}
