import { useState } from 'react';
import type { CountingView, SignalAggregate, StanceCounts } from '../../../shared/api';
import { api } from '../../api';
import { useCall } from '../../hooks';
import { useChanged, useRunningJob } from './use-changes';

const pct = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : '–');

/** A stacked bar of stance counts, with the numbers in its accessible name. */
function StanceBar({ stance }: { stance: StanceCounts }) {
  const total = stance.agree + stance.disagree + stance.mixed + stance.unclear;
  const label = `Agree ${stance.agree}, disagree ${stance.disagree}, mixed ${stance.mixed}, unclear ${stance.unclear}`;
  return (
    <span className="bar" role="img" aria-label={label} title={label}>
      {(['agree', 'disagree', 'mixed', 'unclear'] as const).map((k) => (
        <span key={k} className={k} style={{ width: total ? `${(100 * stance[k]) / total}%` : 0 }} />
      ))}
    </span>
  );
}

function AggregateTable({
  rows,
  caption,
  showStance,
}: {
  rows: SignalAggregate[];
  caption: string;
  showStance: (key: number) => boolean;
}) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption.startsWith('By campaign') ? 'Campaign' : 'Question'}</th>
          <th scope="col">Responses</th>
          <th scope="col">Agree</th>
          <th scope="col">Disagree</th>
          <th scope="col">Mixed or unclear</th>
          <th scope="col">Stance</th>
          <th scope="col">Mean sentiment</th>
          <th scope="col">Positive / neutral / negative</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const asked = showStance(r.key);
          const decided = r.stance.agree + r.stance.disagree + r.stance.mixed + r.stance.unclear;
          return (
            <tr key={r.key}>
              <th scope="row">{r.label.length > 80 ? `${r.label.slice(0, 80)}…` : r.label}</th>
              <td>{r.responses.toLocaleString('en-GB')}</td>
              <td>{asked ? pct(r.stance.agree, decided) : 'not asked'}</td>
              <td>{asked ? pct(r.stance.disagree, decided) : ''}</td>
              <td>{asked ? pct(r.stance.mixed + r.stance.unclear, decided) : ''}</td>
              <td>{asked && <StanceBar stance={r.stance} />}</td>
              <td>{r.sentiment.mean === null ? '–' : r.sentiment.mean.toFixed(2)}</td>
              <td>
                {r.sentiment.positive.toLocaleString('en-GB')} / {r.sentiment.neutral.toLocaleString('en-GB')} /{' '}
                {r.sentiment.negative.toLocaleString('en-GB')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The stance read from the open answers against the same respondents' closed answers. */
function Agreement({ openQuestionId, closedQuestionId }: { openQuestionId: number; closedQuestionId: number }) {
  const agreement = useCall(
    'stance.agreement',
    { openQuestionId, closedQuestionId },
    `${openQuestionId}:${closedQuestionId}`,
  );
  useChanged('signals', agreement.reload);
  const a = agreement.data;
  if (agreement.error) {
    return (
      <p role="alert" className="error">
        {agreement.error}
      </p>
    );
  }
  if (!a || a.openQuestionId !== openQuestionId || a.closedQuestionId !== closedQuestionId) return null;
  return (
    <div className="agreement" aria-live="polite">
      <p>
        {a.compared.toLocaleString('en-GB')} of {a.respondents.toLocaleString('en-GB')} respondents had a clear side in
        both. {a.accuracy === null ? 'Nothing to compare yet.' : `They match for ${Math.round(a.accuracy * 100)}%`}
        {a.kappa !== null ? ` (Cohen's kappa ${a.kappa.toFixed(2)}; 0 is chance, 1 is perfect).` : '.'}
      </p>
      <table className="data-table">
        <caption>Stance read from the open answer (rows) against the closed answer (columns)</caption>
        <thead>
          <tr>
            <th scope="col">Text stance</th>
            <th scope="col">Agree</th>
            <th scope="col">Neither</th>
            <th scope="col">Disagree</th>
          </tr>
        </thead>
        <tbody>
          {a.matrix.map((m) => (
            <tr key={m.stance}>
              <th scope="row">{m.stance}</th>
              <td>{m.agree}</td>
              <td>{m.neutral}</td>
              <td>{m.disagree}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Stance and sentiment per question and per campaign, which questions ask for a stance, and a check of the method. */
export function StanceTab() {
  const [view, setView] = useState<CountingView>('responses');
  const [error, setError] = useState<string | null>(null);
  const questions = useCall('stance.questions', undefined, 'questions');
  const byQuestion = useCall('signals.aggregate', { by: 'question', view }, `q:${view}`);
  const byCampaign = useCall('signals.aggregate', { by: 'campaign', view }, `c:${view}`);
  const reloadAll = () => {
    questions.reload();
    byQuestion.reload();
    byCampaign.reload();
  };
  useChanged('signals', reloadAll);
  useChanged('campaigns', byCampaign.reload);
  const [job, setJob] = useRunningJob('signals.scan');
  const [pair, setPair] = useState<{ open: number; closed: number } | null>(null);

  const q = questions.data;
  const asks = (key: number) => q?.questions.find((x) => x.questionId === key)?.asksStance ?? false;
  const setAsks = (questionId: number, asksStance: boolean) =>
    api
      .call('stance.setQuestion', { questionId, asksStance })
      .then(reloadAll, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  const scan = () =>
    api.call('signals.scan').then(setJob, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  const scanned = q?.questions.some((x) => x.sentiment.mean !== null);

  return (
    <div role="tabpanel" id="panel-stance" aria-labelledby="tab-stance">
      <p className="notice">
        <strong>These are estimates.</strong> Stance (agree, disagree, mixed, unclear) and sentiment are read from the
        words of each response by transparent rules, not stated by respondents. Use them to find and compare responses,
        and check them against what respondents wrote before quoting a figure.
      </p>
      <div className="toolbar">
        <button type="button" className="primary" onClick={scan} disabled={!!job}>
          {job
            ? `Checking… ${job.total ? `${Math.round((100 * job.done) / job.total)}%` : ''}`
            : scanned
              ? 'Check responses again'
              : 'Check responses'}
        </button>
        <div className="field">
          <label htmlFor="stance-view">Count</label>
          <select id="stance-view" value={view} onChange={(e) => setView(e.target.value as CountingView)}>
            <option value="responses">Every response as submitted</option>
            <option value="campaigns-once">Each campaign once</option>
          </select>
        </div>
      </div>
      {(error || questions.error || byQuestion.error) && (
        <p role="alert" className="error">
          {error ?? questions.error ?? byQuestion.error}
        </p>
      )}
      <h2>Questions that ask for a view</h2>
      <p className="muted">
        Stance is shown only for questions that ask for one; it is worked out from the wording, and you can change it.
      </p>
      <ul className="pii-list">
        {q?.questions.map((x) => (
          <li key={x.questionId}>
            <label>
              <input
                type="checkbox"
                checked={x.asksStance}
                onChange={(e) => void setAsks(x.questionId, e.target.checked)}
              />{' '}
              {x.code}: {x.text}
            </label>
            <span className="muted">
              {x.automatic ? '(from the wording)' : `(set by ${x.decidedBy ?? 'an analyst'})`}
            </span>
          </li>
        ))}
      </ul>
      <h2>By question</h2>
      {byQuestion.data && <AggregateTable rows={byQuestion.data} caption="By question" showStance={asks} />}
      <h2>By campaign</h2>
      {byCampaign.data && byCampaign.data.length > 0 ? (
        <AggregateTable rows={byCampaign.data} caption="By campaign" showStance={() => true} />
      ) : (
        <p className="muted">No campaigns found yet.</p>
      )}
      <h2>Check the method against a closed question</h2>
      {q && q.closedScales.length > 0 ? (
        <>
          <p className="muted">
            Where the same respondents answered an agree/disagree question, compare it with the stance read from their
            words.
          </p>
          <form
            className="toolbar"
            onSubmit={(e) => {
              e.preventDefault();
              const data = new FormData(e.currentTarget);
              setPair({ open: Number(data.get('open')), closed: Number(data.get('closed')) });
            }}
          >
            <div className="field">
              <label htmlFor="agree-open">Open question</label>
              <select id="agree-open" name="open" defaultValue={q.questions[0]?.questionId}>
                {q.questions.map((x) => (
                  <option key={x.questionId} value={x.questionId}>
                    {x.code}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="agree-closed">Closed question</label>
              <select id="agree-closed" name="closed" defaultValue={q.closedScales[0].questionId}>
                {q.closedScales.map((x) => (
                  <option key={x.questionId} value={x.questionId}>
                    {x.code}: {x.text.length > 60 ? `${x.text.slice(0, 60)}…` : x.text}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">Compare</button>
          </form>
          {pair && <Agreement openQuestionId={pair.open} closedQuestionId={pair.closed} />}
        </>
      ) : (
        <p className="muted">This consultation has no closed agree/disagree question to compare with.</p>
      )}
    </div>
  );
}
