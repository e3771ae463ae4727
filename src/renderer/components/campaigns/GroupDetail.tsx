import { useCallback, useState } from 'react';
import type { CampaignGroup, CampaignMember, CampaignStatus, CountingMode, DiffSegment } from '../../../shared/api';
import { api } from '../../api';
import { useCall } from '../../hooks';
import { useChanged } from './use-changes';

const PAGE = 25;

/** The member's text against the template: its own words marked as inserted, left-out words as deleted. */
function DiffText({ segments }: { segments: DiffSegment[] }) {
  return (
    <p className="member-text">
      {segments.map((s, i) =>
        s.kind === 'same' ? (
          <span key={i}>{s.text}</span>
        ) : s.kind === 'added' ? (
          <ins key={i} title="Added by this respondent">
            {s.text}
          </ins>
        ) : (
          <del key={i} title="In the template, left out here">
            {s.text}
          </del>
        ),
      )}
    </p>
  );
}

function Member({ member, checked, onToggle }: { member: CampaignMember; checked: boolean; onToggle: () => void }) {
  const id = `member-${member.responseId}`;
  return (
    <li>
      <input id={id} type="checkbox" checked={checked} onChange={onToggle} />
      <div>
        <div className="member-head">
          <label htmlFor={id}>{member.respondentExternalId}</label>
          <span>
            {member.exact ? 'Same words as the template' : `${Math.round(member.addedShare * 100)}% own words`}
          </span>
          <span>similarity {member.similarity.toFixed(2)}</span>
        </div>
        <DiffText segments={member.segments} />
      </div>
    </li>
  );
}

const STATUS_TEXT: Record<CampaignStatus, string> = {
  proposed: 'Proposed',
  confirmed: 'Confirmed',
  dismissed: 'Dismissed',
};

/** One group: its template, the analyst's decisions (status, counting, split) and its members' diffs. */
export function GroupDetail({ id, onChanged }: { id: number; onChanged: () => void }) {
  const [offset, setOffset] = useState(0);
  const [editedOnly, setEditedOnly] = useState(false);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const detail = useCall('campaigns.get', { id, offset, limit: PAGE, editedOnly }, `${id}:${offset}:${editedOnly}`);
  const reload = detail.reload;
  const refresh = useCallback(() => {
    setChecked(new Set());
    reload();
    onChanged();
  }, [reload, onChanged]);
  useChanged('campaigns', refresh);

  const act = (call: () => Promise<unknown>) => {
    setBusy(true);
    call().then(
      () => {
        setBusy(false);
        setError(null);
        refresh();
      },
      (e: unknown) => {
        setBusy(false);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };
  const setStatus = (status: CampaignStatus) => act(() => api.call('campaigns.setStatus', { id, status }));
  const setCounting = (counting: CountingMode) => act(() => api.call('campaigns.setCounting', { id, counting }));
  // Splitting runs as a job; the page reloads when the backend reports the change.
  const split = (asNewGroup: boolean) => {
    setBusy(true);
    api.call('campaigns.split', { id, responseIds: [...checked], asNewGroup }).then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };

  const d = detail.data;
  if (detail.error) {
    return (
      <section className="group-detail" aria-label="Campaign group">
        <p role="alert" className="error">
          {detail.error}
        </p>
      </section>
    );
  }
  if (!d || d.group.id !== id) {
    return (
      <section className="group-detail" aria-label="Campaign group" aria-busy="true">
        <p className="muted">Loading…</p>
      </section>
    );
  }
  const g: CampaignGroup = d.group;
  const toggle = (responseId: number) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (next.has(responseId)) next.delete(responseId);
      else next.add(responseId);
      return next;
    });
  return (
    <section className="group-detail" aria-labelledby="group-title">
      <h2 id="group-title">
        {g.kind === 'campaign' ? 'Campaign' : 'Duplicate set'} {g.id}: {g.size.toLocaleString('en-GB')} responses to{' '}
        {g.questionCode}
      </h2>
      <p className="muted">
        {STATUS_TEXT[g.status]}
        {g.decidedBy ? ` by ${g.decidedBy}` : ''}.{' '}
        {g.distinctTexts === 1
          ? 'Every member sent the same words.'
          : `${g.distinctTexts.toLocaleString('en-GB')} different wordings.`}{' '}
        Mean similarity to the template {g.meanSimilarity.toFixed(2)}.
      </p>
      <h3>Template ({g.templateRespondent}, the most central member)</h3>
      <p className="template">{d.template.text}</p>
      <div className="decisions" role="group" aria-label="Decision">
        <button
          type="button"
          className="primary"
          disabled={busy || g.status === 'confirmed'}
          onClick={() => setStatus('confirmed')}
        >
          Confirm
        </button>
        <button type="button" disabled={busy || g.status === 'dismissed'} onClick={() => setStatus('dismissed')}>
          Dismiss: not a campaign
        </button>
        {g.status !== 'proposed' && (
          <button type="button" disabled={busy} onClick={() => setStatus('proposed')}>
            Undo decision
          </button>
        )}
      </div>
      <fieldset className="counting">
        <legend>In charts and reports, when each campaign counts once, this group counts as</legend>
        <label>
          <input
            type="radio"
            name={`counting-${id}`}
            checked={g.counting === 'one'}
            disabled={busy}
            onChange={() => setCounting('one')}
          />{' '}
          one response
        </label>
        <label>
          <input
            type="radio"
            name={`counting-${id}`}
            checked={g.counting === 'all'}
            disabled={busy}
            onChange={() => setCounting('all')}
          />{' '}
          all {g.size.toLocaleString('en-GB')} responses
        </label>
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <h3>Members</h3>
      <div className="toolbar">
        <label>
          <input
            type="checkbox"
            checked={editedOnly}
            onChange={(e) => {
              setOffset(0);
              setEditedOnly(e.target.checked);
            }}
          />{' '}
          Only members with words of their own, most first
        </label>
        <button type="button" disabled={busy || checked.size < 2} onClick={() => split(true)}>
          Split {checked.size || ''} selected into a new group
        </button>
        <button type="button" disabled={busy || checked.size === 0} onClick={() => split(false)}>
          Take {checked.size || ''} selected out: not campaign responses
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {d.total === 0
          ? 'No members match.'
          : `Showing ${d.offset + 1}–${d.offset + d.members.length} of ${d.total.toLocaleString('en-GB')}.`}{' '}
        <ins>Inserted words</ins> are the respondent&apos;s own; <del>struck words</del> are in the template but not in
        this response.
      </p>
      <ul className="members">
        {d.members.map((m) => (
          <Member
            key={m.responseId}
            member={m}
            checked={checked.has(m.responseId)}
            onToggle={() => toggle(m.responseId)}
          />
        ))}
      </ul>
      <div className="toolbar">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          Previous
        </button>
        <button type="button" disabled={offset + PAGE >= d.total} onClick={() => setOffset(offset + PAGE)}>
          Next
        </button>
      </div>
    </section>
  );
}
