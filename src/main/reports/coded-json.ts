/**
 * The coded data as JSON: questions, themes (with counts and keywords) and every response with its
 * respondent and its themes, likeliest first, each with its source and confidence. Written in pages, so a
 * million responses never sit in memory; written beside the target and renamed, so a failure leaves no
 * half-written file.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { Db } from '../db/connection';
import { signalsForExport, type ExportSignals } from '../db/queries/signals';
import { redactorFor } from './redaction';

const PAGE = 5000;

interface ResponseRow {
  id: number;
  questionCode: string;
  text: string;
  externalId: string;
  type: string | null;
  organisation: string | null;
  city: string | null;
  submittedAt: string | null;
  channel: string | null;
  attributes: string;
}

interface AssignmentRow {
  responseId: number;
  themeId: number;
  name: string;
  source: string;
  sourceDetail: string;
  state: string;
  confidence: number | null;
}

export function writeCodedJson(
  db: Db,
  path: string,
  onProgress?: (done: number, total: number) => void,
  options: { redact?: boolean } = {},
): { responses: number; themes: number } {
  // Personal data is redacted on the way out unless the user turns it off; stored text is never changed.
  const redact = options.redact ?? true;
  const redactor = redactorFor(db, redact);
  const signals = signalsForExport(db);
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  try {
    const write = (s: string): void => {
      writeSync(fd, s);
    };
    const consultation = db.prepare('SELECT title, description FROM consultation WHERE id = 1').get() ?? {
      title: '',
      description: '',
    };
    const questions = db.prepare('SELECT id, code, text, kind FROM question ORDER BY position, id').all();
    const themes = (
      db
        .prepare(
          `SELECT t.id, q.code AS question, t.name, t.description, t.parent_id AS parentId, t.status, t.is_other AS isOther, t.keywords,
                  (SELECT count(*) FROM assignment a WHERE a.theme_id = t.id AND a.state = 'accepted') AS accepted,
                  (SELECT count(*) FROM assignment a WHERE a.theme_id = t.id AND a.state = 'proposed') AS proposed
             FROM theme t JOIN question q ON q.id = t.question_id ORDER BY q.position, t.is_other, t.position, t.id`,
        )
        .all() as { keywords: string; isOther: number; accepted: number; proposed: number }[]
    ).map((t) => ({
      ...t,
      isOther: t.isOther === 1,
      keywords: JSON.parse(t.keywords) as string[],
      count: t.accepted + t.proposed,
    }));
    write(
      `{"consultation":${JSON.stringify(consultation)},\n"questions":${JSON.stringify(questions)},\n"themes":${JSON.stringify(themes)},\n"responses":[`,
    );
    const total = db.prepare('SELECT count(*) FROM response').pluck().get() as number;
    const pageOfResponses = db.prepare(
      `SELECT r.id, q.code AS questionCode, r.text, p.external_id AS externalId, p.type, p.organisation, p.city,
              p.submitted_at AS submittedAt, p.channel, p.attributes
         FROM response r JOIN respondent p ON p.id = r.respondent_id JOIN question q ON q.id = r.question_id
        WHERE r.id > ? ORDER BY r.id LIMIT ?`,
    );
    const assignmentsIn = db.prepare(
      `SELECT a.response_id AS responseId, a.theme_id AS themeId, t.name, a.source, a.source_detail AS sourceDetail, a.state, a.confidence
         FROM assignment a JOIN theme t ON t.id = a.theme_id
        WHERE a.response_id BETWEEN ? AND ? AND a.state <> 'rejected'
        ORDER BY a.response_id, a.state = 'proposed', a.confidence DESC, t.position`,
    );
    let after = 0;
    let written = 0;
    for (;;) {
      const rows = pageOfResponses.all(after, PAGE) as ResponseRow[];
      if (rows.length === 0) break;
      const byResponse = new Map<number, AssignmentRow[]>();
      for (const a of assignmentsIn.all(rows[0].id, rows[rows.length - 1].id) as AssignmentRow[]) {
        const list = byResponse.get(a.responseId) ?? [];
        list.push(a);
        byResponse.set(a.responseId, list);
      }
      const chunk = rows.map((r) =>
        JSON.stringify({
          id: r.id,
          respondent: r.externalId,
          attributes: {
            type: r.type,
            organisation: r.organisation,
            city: r.city,
            submittedAt: r.submittedAt,
            channel: r.channel,
            ...(JSON.parse(r.attributes) as Record<string, string>),
          },
          question: r.questionCode,
          text: redactor(r.text, r.id),
          ...exportedSignals(signals.get(r.id), redact),
          themes: (byResponse.get(r.id) ?? []).map((a) => ({
            id: a.themeId,
            name: a.name,
            state: a.state,
            source: a.source,
            sourceDetail: a.sourceDetail,
            confidence: a.confidence,
          })),
        }),
      );
      write(`${written ? ',' : ''}\n${chunk.join(',\n')}`);
      written += rows.length;
      after = rows[rows.length - 1].id;
      onProgress?.(written, total);
    }
    write('\n]}\n');
    closeSync(fd);
    renameSync(partial, path);
    return { responses: written, themes: themes.length };
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Campaign, personal data, stance and sentiment of one response; offsets only where the text is not redacted. */
function exportedSignals(s: ExportSignals | undefined, redacted: boolean) {
  return {
    campaignId: s?.campaignId ?? null,
    personalData: (s?.personalData ?? []).map((f) => (redacted ? { kind: f.kind } : f)),
    stance: s?.stance ?? null,
    sentiment: s?.sentiment ?? null,
    sentimentLabel: s?.sentimentLabel ?? null,
  };
}
