import { useState } from 'react';
import type { CampaignStatus, GroupKind, Question } from '../../../shared/api';
import { api } from '../../api';
import { useCall } from '../../hooks';
import { GroupDetail } from './GroupDetail';
import { takeGroupToOpen } from './open-group';
import { useChanged, useRunningJob } from './use-changes';

const n = (x: number) => x.toLocaleString('en-GB');

/** Campaign groups per question: find them, review them, decide how they count. */
export function CampaignsTab({ questions }: { questions: Question[] }) {
  const [questionId, setQuestionId] = useState<number | undefined>();
  const [kind, setKind] = useState<GroupKind | ''>('');
  const [status, setStatus] = useState<CampaignStatus | ''>('');
  const [selected, setSelected] = useState<number | null>(takeGroupToOpen);
  const [error, setError] = useState<string | null>(null);
  const filter = { questionId, kind: kind || undefined, status: status || undefined };
  const overview = useCall('campaigns.list', filter, JSON.stringify(filter));
  useChanged('campaigns', overview.reload);
  const [job, setJob] = useRunningJob('campaigns.detect');

  const detect = () =>
    api.call('campaigns.detect', {}).then(setJob, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));

  const o = overview.data;
  const open = questions.filter((q) => q.kind === 'open');
  return (
    <div role="tabpanel" id="panel-campaigns" aria-labelledby="tab-campaigns">
      <p className="lead">
        Organised campaigns send the same text many times. Groups of 10 or more near-identical responses are campaigns;
        smaller groups are sets of duplicates. Each group counts as one response or as all its members when charts and
        reports count each campaign once; both views are always available.
      </p>
      <div className="toolbar">
        <button type="button" className="primary" onClick={detect} disabled={!!job}>
          {job
            ? `Finding campaigns… ${job.total ? `${Math.round((100 * job.done) / job.total)}%` : ''}`
            : o?.lastRun
              ? 'Find campaigns again'
              : 'Find campaigns'}
        </button>
        <div className="field">
          <label htmlFor="campaign-question">Question</label>
          <select
            id="campaign-question"
            value={questionId ?? ''}
            onChange={(e) => setQuestionId(e.target.value ? Number(e.target.value) : undefined)}
          >
            <option value="">All open questions</option>
            {open.map((q) => (
              <option key={q.id} value={q.id}>
                {q.code}: {q.text.length > 50 ? `${q.text.slice(0, 50)}…` : q.text}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="campaign-kind">Show</label>
          <select id="campaign-kind" value={kind} onChange={(e) => setKind(e.target.value as GroupKind | '')}>
            <option value="">Campaigns and duplicates</option>
            <option value="campaign">Campaigns only</option>
            <option value="duplicates">Duplicate sets only</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="campaign-status">Status</label>
          <select
            id="campaign-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as CampaignStatus | '')}
          >
            <option value="">Any</option>
            <option value="proposed">Proposed</option>
            <option value="confirmed">Confirmed</option>
            <option value="dismissed">Dismissed</option>
          </select>
        </div>
      </div>
      {(error || overview.error) && (
        <p role="alert" className="error">
          {error ?? overview.error}
        </p>
      )}
      {o && (
        <dl className="totals" aria-label="Counts">
          <div>
            <dt>Responses as submitted</dt>
            <dd>{n(o.totals.responses)}</dd>
          </div>
          <div>
            <dt>In campaigns</dt>
            <dd>{n(o.totals.campaignResponses)}</dd>
          </div>
          <div>
            <dt>Counting each campaign once</dt>
            <dd>{n(o.totals.countedOnce)}</dd>
          </div>
        </dl>
      )}
      {o && !o.lastRun && <p className="notice">No search for campaigns has been run on this project yet.</p>}
      {o?.lastRun && (
        <p className="muted">
          Last run {new Date(o.lastRun.at).toLocaleString('en-GB')} by {o.lastRun.by}. Confirmed and dismissed groups
          are kept when it runs again.
        </p>
      )}
      {o && o.groups.length > 0 && (
        <div className="campaigns-split">
          <div className="group-list">
            <table>
              <caption className="visually-hidden">Campaign groups, largest first</caption>
              <thead>
                <tr>
                  <th scope="col">Size</th>
                  <th scope="col">Question</th>
                  <th scope="col">Status</th>
                  <th scope="col">Counts as</th>
                  <th scope="col">Template</th>
                </tr>
              </thead>
              <tbody>
                {o.groups.map((g) => (
                  <tr
                    key={g.id}
                    className={g.id === selected ? 'selected' : undefined}
                    aria-selected={g.id === selected}
                  >
                    <td>
                      {n(g.size)}
                      {g.kind === 'duplicates' && <span className="muted"> dup.</span>}
                    </td>
                    <td>{g.questionCode}</td>
                    <td>{g.status}</td>
                    <td>{g.counting === 'one' ? 'one' : 'all'}</td>
                    <td>
                      <button type="button" className="link" onClick={() => setSelected(g.id)}>
                        <span className="visually-hidden">Open group {g.id}: </span>
                        {g.templateExcerpt.length > 90 ? `${g.templateExcerpt.slice(0, 90)}…` : g.templateExcerpt}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {selected !== null && o.groups.some((g) => g.id === selected) ? (
            <GroupDetail key={selected} id={selected} onChanged={overview.reload} />
          ) : (
            <section className="group-detail" aria-label="Campaign group">
              <p className="muted">Choose a group to see its template and how each member differs from it.</p>
            </section>
          )}
        </div>
      )}
      {o && o.lastRun && o.groups.length === 0 && <p className="empty">No groups match.</p>}
    </div>
  );
}
