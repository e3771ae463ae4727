import type { ImportSummary } from '../../../shared/api';

const n = (x: number) => x.toLocaleString('en-GB');

/** What the import did, file by file, with the first quarantined rows and why. */
export function ImportResult({ summary }: { summary: ImportSummary }) {
  return (
    <section className="import-result" aria-labelledby="import-result-title">
      <h2 id="import-result-title" tabIndex={-1}>
        Import finished
      </h2>
      <p className="lead">
        {n(summary.respondentsAdded)} respondents and {n(summary.responsesAdded)} answers imported;{' '}
        {n(summary.quarantined)} rows quarantined; {n(summary.duplicates)} duplicates skipped.
      </p>
      <ul className="file-results">
        {summary.files.map((f) => (
          <li key={f.paths.join('\n')} className={`file-result ${f.status}`}>
            <strong>
              {f.status === 'imported'
                ? 'Imported'
                : f.status === 'empty'
                  ? 'Nothing to import'
                  : f.status === 'refused'
                    ? 'Refused'
                    : 'Failed'}
              :
            </strong>{' '}
            {f.message}
            {f.quarantineSample.length > 0 && (
              <ul>
                {f.quarantineSample.map((q, i) => (
                  <li key={i}>
                    {q.kind === 'duplicate' ? 'Duplicate' : 'Quarantined'}: {q.reason}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
