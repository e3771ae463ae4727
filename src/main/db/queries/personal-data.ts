import type { PiiFinding, PiiKind, PiiPage, PiiResponseRow } from '../../../shared/api';
import { PII_KINDS, PII_LABEL } from '../../analysis/pii/kinds';
import { redact, type RedactOptions } from '../../analysis/pii/redact';
import { AppError } from '../../util/errors';
import type { Db } from '../connection';
import { appendAudit } from './audit';

interface FindingRow {
  responseId: number;
  kind: PiiKind;
  start: number;
  end: number;
  falsePositive: number;
  markedBy: string | null;
}

/**
 * Every finding in one response, false positives included (flagged). Offsets are UTF-16 (JavaScript)
 * positions, which SQLite's substr does not count in, so the text of each is sliced here.
 */
export function findingsForResponse(db: Db, responseId: number): PiiFinding[] {
  const rows = db
    .prepare(
      `SELECT f.response_id AS responseId, f.kind, f.start, f.end, (fp.response_id IS NOT NULL) AS falsePositive, fp.marked_by AS markedBy
         FROM pii_finding f
         LEFT JOIN pii_false_positive fp ON fp.response_id = f.response_id AND fp.kind = f.kind AND fp.start = f.start AND fp.end = f.end
        WHERE f.response_id = ? ORDER BY f.start`,
    )
    .all(responseId) as FindingRow[];
  if (rows.length === 0) return [];
  const full = db.prepare('SELECT text FROM response WHERE id = ?').pluck().get(responseId) as string;
  return rows.map((r) => ({
    ...r,
    label: PII_LABEL[r.kind],
    falsePositive: r.falsePositive === 1,
    text: full.slice(r.start, r.end),
  }));
}

export interface PiiQuery {
  kind?: PiiKind;
  questionId?: number;
  includeFalsePositives?: boolean;
  offset: number;
  limit: number;
}

export function listPersonalData(db: Db, query: PiiQuery): PiiPage {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!query.includeFalsePositives) where.push('fp.response_id IS NULL');
  if (query.kind) {
    where.push('f.kind = ?');
    params.push(query.kind);
  }
  if (query.questionId !== undefined) {
    where.push('r.question_id = ?');
    params.push(query.questionId);
  }
  const from = `FROM pii_finding f JOIN response r ON r.id = f.response_id
    LEFT JOIN pii_false_positive fp ON fp.response_id = f.response_id AND fp.kind = f.kind AND fp.start = f.start AND fp.end = f.end
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const total = db
    .prepare(`SELECT count(DISTINCT f.response_id) ${from}`)
    .pluck()
    .get(...params) as number;
  const ids = db
    .prepare(`SELECT DISTINCT f.response_id ${from} ORDER BY f.response_id LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, query.limit, query.offset) as number[];
  const head = db.prepare(
    `SELECT r.id AS responseId, p.external_id AS respondentExternalId, q.code AS questionCode, substr(r.text, 1, 240) AS excerpt
       FROM response r JOIN respondent p ON p.id = r.respondent_id JOIN question q ON q.id = r.question_id WHERE r.id = ?`,
  );
  const rows: PiiResponseRow[] = ids.map((id) => ({
    ...(head.get(id) as Omit<PiiResponseRow, 'findings'>),
    findings: findingsForResponse(db, id),
  }));
  const counts = db
    .prepare(
      `SELECT f.kind, count(*) AS count FROM pii_finding f
         LEFT JOIN pii_false_positive fp ON fp.response_id = f.response_id AND fp.kind = f.kind AND fp.start = f.start AND fp.end = f.end
        WHERE fp.response_id IS NULL GROUP BY f.kind`,
    )
    .all() as { kind: PiiKind; count: number }[];
  const byKind = PII_KINDS.map((kind) => ({
    kind,
    label: PII_LABEL[kind],
    count: counts.find((c) => c.kind === kind)?.count ?? 0,
  }));
  return { total, offset: query.offset, rows, byKind };
}

export interface PiiMark {
  responseId: number;
  kind: PiiKind;
  start: number;
  end: number;
  falsePositive: boolean;
}

/** Marks or unmarks a finding as not personal data; audited. Returns the response's findings. */
export function markPersonalData(db: Db, mark: PiiMark, actor: string): PiiFinding[] {
  db.transaction(() => {
    const exists = db
      .prepare('SELECT 1 FROM pii_finding WHERE response_id = ? AND kind = ? AND start = ? AND end = ?')
      .get(mark.responseId, mark.kind, mark.start, mark.end);
    if (!exists && mark.falsePositive) {
      throw new AppError(
        'NOT_FOUND',
        `Response ${mark.responseId} has no ${PII_LABEL[mark.kind].toLowerCase()} at ${mark.start}-${mark.end}; run the checks again.`,
      );
    }
    const key = [mark.responseId, mark.kind, mark.start, mark.end];
    const was =
      db
        .prepare('SELECT 1 FROM pii_false_positive WHERE response_id = ? AND kind = ? AND start = ? AND end = ?')
        .get(...key) !== undefined;
    if (was === mark.falsePositive) return;
    if (mark.falsePositive) {
      db.prepare(
        'INSERT INTO pii_false_positive (response_id, kind, start, end, marked_by, marked_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(...key, actor, new Date().toISOString());
    } else {
      db.prepare('DELETE FROM pii_false_positive WHERE response_id = ? AND kind = ? AND start = ? AND end = ?').run(
        ...key,
      );
    }
    appendAudit(db, {
      actor,
      action: mark.falsePositive ? 'pii.mark_false_positive' : 'pii.unmark_false_positive',
      entity: 'response',
      entityId: mark.responseId,
      before: { kind: mark.kind, start: mark.start, end: mark.end, falsePositive: was },
      after: { kind: mark.kind, start: mark.start, end: mark.end, falsePositive: mark.falsePositive },
    });
  })();
  return findingsForResponse(db, mark.responseId);
}

/**
 * For exports: a function that redacts one response's text with its findings, leaving out what analysts
 * marked as not personal data. Findings are read one response at a time, so it suits a streaming export.
 * Usage: `const redactText = redactorFor(db); redactText(response.id, response.text, { enabled: !noRedact })`.
 */
export function redactorFor(db: Db): (responseId: number, text: string, options?: RedactOptions) => string {
  const statement = db.prepare(
    `SELECT f.kind, f.start, f.end FROM pii_finding f
      WHERE f.response_id = ? AND NOT EXISTS (
        SELECT 1 FROM pii_false_positive fp
         WHERE fp.response_id = f.response_id AND fp.kind = f.kind AND fp.start = f.start AND fp.end = f.end)`,
  );
  return (responseId, text, options = { enabled: true }) =>
    options.enabled
      ? redact(text, statement.all(responseId) as { kind: PiiKind; start: number; end: number }[], options)
      : text;
}

export function redactedResponse(db: Db, responseId: number): string {
  const text = db.prepare('SELECT text FROM response WHERE id = ?').pluck().get(responseId) as string | undefined;
  if (text === undefined) throw new AppError('NOT_FOUND', `There is no response ${responseId}.`);
  return redactorFor(db)(responseId, text);
}

/** For `consult stats`: responses with personal data still flagged, and findings by kind. */
export function personalDataStats(db: Db): {
  responsesWithPersonalData: number;
  personalDataByKind: Record<string, number>;
} {
  const rows = db
    .prepare(
      `SELECT f.kind, count(*) AS count, count(DISTINCT f.response_id) AS responses FROM pii_finding f
        WHERE NOT EXISTS (SELECT 1 FROM pii_false_positive fp
                           WHERE fp.response_id = f.response_id AND fp.kind = f.kind AND fp.start = f.start AND fp.end = f.end)
        GROUP BY f.kind ORDER BY f.kind`,
    )
    .all() as { kind: string; count: number }[];
  const responses = db
    .prepare(
      `SELECT count(DISTINCT f.response_id) FROM pii_finding f
        WHERE NOT EXISTS (SELECT 1 FROM pii_false_positive fp
                           WHERE fp.response_id = f.response_id AND fp.kind = f.kind AND fp.start = f.start AND fp.end = f.end)`,
    )
    .pluck()
    .get() as number;
  return {
    responsesWithPersonalData: responses,
    personalDataByKind: Object.fromEntries(rows.map((r) => [r.kind, r.count])),
  };
}
