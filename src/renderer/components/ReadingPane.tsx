import { Fragment } from 'react';
import { useCall } from '../hooks';
import { Highlight } from './Highlight';
import { ThemeChips } from './ThemeChips';

/** The full answer, with the respondent's other answers and attributes. */
export function ReadingPane({ responseId, highlight }: { responseId: number | null; highlight: string }) {
  const detail = useCall('responses.get', { id: responseId ?? 0 }, String(responseId));
  if (responseId === null) {
    return (
      <aside className="reading-pane" aria-label="Reading pane">
        <p className="muted">Select a response to read it in full. Use the arrow keys or J and K to move through the list.</p>
      </aside>
    );
  }
  const d = detail.data;
  return (
    <aside className="reading-pane" aria-label="Reading pane" aria-busy={detail.loading}>
      {detail.error && <p role="alert" className="error">{detail.error}</p>}
      {d && d.id === responseId && (
        <>
          <h2>
            {d.respondent.externalId}
            {d.respondent.organisation ? ` — ${d.respondent.organisation}` : ''}
          </h2>
          <dl className="attributes">
            {(
              [
                ['Type', d.respondent.type],
                ['Place', d.respondent.city],
                ['Submitted', d.respondent.submittedAt ? new Date(d.respondent.submittedAt).toLocaleString('en-GB') : null],
                ['Channel', d.respondent.channel],
                ...Object.entries(d.respondent.attributes),
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
          <ThemeChips responseId={d.id} />
          {d.respondent.answers.map((a) => (
            <article key={a.responseId} className={`answer${a.responseId === d.id ? ' current' : ''}`} aria-current={a.responseId === d.id ? 'true' : undefined}>
              <h3>
                {a.questionCode}. {a.questionText}
              </h3>
              <p className="answer-text">
                <Highlight text={a.text} query={highlight} />
              </p>
            </article>
          ))}
        </>
      )}
    </aside>
  );
}
