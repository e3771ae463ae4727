import type { QuestionProgress } from '../../shared/api';

const pct = (n: number, of: number): string => (of ? `${Math.round((100 * n) / of)}%` : '0%');
const formatCount = (n: number): string => n.toLocaleString('en-GB');

/** How far the work is: read and done per question, with the totals always in view. */
export function ProgressPanel({ progress }: { progress: QuestionProgress[] | undefined }) {
  if (!progress) return null;
  const total = progress.reduce((n, q) => n + q.total, 0);
  const read = progress.reduce((n, q) => n + q.read, 0);
  const done = progress.reduce((n, q) => n + q.done + q.excluded, 0);
  return (
    <details className="progress">
      <summary>
        Progress: {formatCount(read)} of {formatCount(total)} read ({pct(read, total)}), {formatCount(done)} done or
        excluded ({pct(done, total)})
      </summary>
      <table>
        <caption className="visually-hidden">Progress by question</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Responses</th>
            <th scope="col">Read</th>
            <th scope="col">In review</th>
            <th scope="col">Done</th>
            <th scope="col">Excluded</th>
          </tr>
        </thead>
        <tbody>
          {progress.map((q) => (
            <tr key={q.questionId}>
              <th scope="row" title={q.text}>
                {q.code}
              </th>
              <td>{formatCount(q.total)}</td>
              <td>
                <progress max={q.total || 1} value={q.read} aria-label={`${q.code} read`} /> {formatCount(q.read)} (
                {pct(q.read, q.total)})
              </td>
              <td>{formatCount(q.inReview)}</td>
              <td>
                <progress max={q.total || 1} value={q.done + q.excluded} aria-label={`${q.code} done or excluded`} />{' '}
                {formatCount(q.done)}
              </td>
              <td>{formatCount(q.excluded)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
