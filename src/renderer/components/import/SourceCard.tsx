import { useState } from 'react';
import type { ImportMapping, QuestionChoice, SourcePreview } from '../../../shared/api';
import { api } from '../../api';
import { MappingTable } from './MappingTable';

export interface SourceCardProps {
  /** Called after the mapping was saved, so lists of saved mappings can reload. */
  onSaved?: () => void;
  index: number;
  source: SourcePreview;
  mapping: ImportMapping;
  included: boolean;
  questions: QuestionChoice[];
  newCode: () => string;
  onMapping: (mapping: ImportMapping) => void;
  onInclude: (included: boolean) => void;
  onSheet: (sheet: string | null) => void;
}

const FORMATS: Record<string, string> = {
  csv: 'CSV',
  xlsx: 'Excel workbook',
  json: 'JSON',
  jsonl: 'JSON Lines',
  documents: 'Documents',
};

/** One file (or folder of documents) as read: what was detected, the first rows, and its mapping. */
export function SourceCard({
  index,
  source,
  mapping,
  included,
  questions,
  newCode,
  onMapping,
  onInclude,
  onSheet,
  onSaved,
}: SourceCardProps) {
  const [saveName, setSaveName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const id = `source-${index}`;
  if (source.error) {
    return (
      <section className="source-card failed" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>{source.name}</h3>
        <p className="error">{source.error}</p>
      </section>
    );
  }
  const save = () => {
    setSaveError(null);
    api.call('import.saveMapping', { name: saveName.trim(), columns: source.columns.map((c) => c.name), mapping }).then(
      (m) => {
        setSaved(m.name);
        onSaved?.();
      },
      (e: unknown) => setSaveError(e instanceof Error ? e.message : String(e)),
    );
  };
  const rows = source.rowEstimate.toLocaleString('en-GB');
  return (
    <section className="source-card" aria-labelledby={`${id}-title`}>
      <div className="source-head">
        <h3 id={`${id}-title`}>{source.name}</h3>
        <div className="checkbox">
          <input
            id={`${id}-include`}
            type="checkbox"
            checked={included}
            onChange={(e) => onInclude(e.target.checked)}
          />
          <label htmlFor={`${id}-include`}>Import this file</label>
        </div>
      </div>
      <dl className="facts">
        <dt>Format</dt>
        <dd>{FORMATS[source.format] ?? source.format}</dd>
        {source.encoding && (
          <>
            <dt>Encoding</dt>
            <dd>
              {source.encoding}
              {source.encodingReason && <span className="muted"> ({source.encodingReason})</span>}
            </dd>
          </>
        )}
        <dt>Rows</dt>
        <dd>{source.rowEstimateExact ? rows : `about ${rows}`}</dd>
        {source.savedMapping && (
          <>
            <dt>Mapping</dt>
            <dd>the saved mapping “{source.savedMapping}”</dd>
          </>
        )}
      </dl>
      {source.alreadyImported && (
        <p className="notice warning">
          This file was imported on {source.alreadyImported.at.slice(0, 10)} (as {source.alreadyImported.fileName}). It
          will be refused unless you tick “Import files again” below.
        </p>
      )}
      {source.warnings.length > 0 && (
        <ul className="warnings">
          {source.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {source.sheets.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-sheet`}>Sheet</label>
          <select id={`${id}-sheet`} value={source.sheet ?? ''} onChange={(e) => onSheet(e.target.value || null)}>
            <option value="">Every visible sheet</option>
            {source.sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
                {s.hidden ? ' (hidden)' : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      <MappingTable
        idPrefix={id}
        columns={source.columns}
        mapping={mapping}
        questions={questions}
        onChange={onMapping}
        newCode={newCode}
      />
      <details className="save-mapping">
        <summary>Save this mapping for the next file of this layout</summary>
        <div className="row">
          <label htmlFor={`${id}-save-name`}>Name</label>
          <input
            id={`${id}-save-name`}
            value={saveName}
            onChange={(e) => setSaveName(e.target.value)}
            placeholder="e.g. Citizen Space export"
          />
          <button type="button" onClick={save} disabled={!saveName.trim()}>
            Save mapping
          </button>
        </div>
        <p role="status">{saved ? `Saved as “${saved}”.` : ''}</p>
        {saveError && <p className="error">{saveError}</p>}
      </details>
    </section>
  );
}
