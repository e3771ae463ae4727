import { readFileSync } from 'node:fs';
import type { SampleConsultation } from '../../shared/sample';
import { openWorkerDb, type Db } from '../db/connection';
import type { TaskContext } from '../jobs/protocol';
import { AppError } from '../util/errors';

export interface BuildSampleInput {
  jsonPath: string;
  dbPath: string;
}

/** Writes the bundled sample consultation into an empty project, all in one transaction. */
export function loadSample(db: Db, sample: SampleConsultation, ctx?: TaskContext): number {
  const insertQuestion = db.prepare(
    'INSERT INTO question (code, text, kind, options, position) VALUES (?, ?, ?, ?, ?)',
  );
  const insertRespondent = db.prepare(
    `INSERT INTO respondent (external_id, type, organisation, city, submitted_at, channel, attributes, import_id, source_row)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertResponse = db.prepare('INSERT INTO response (respondent_id, question_id, text) VALUES (?, ?, ?)');
  const total = sample.respondents.length;
  db.transaction(() => {
    db.prepare('UPDATE consultation SET title = ?, description = ? WHERE id = 1').run(
      sample.consultation.title,
      sample.consultation.description,
    );
    const importId = db
      .prepare(
        `INSERT INTO import (file_name, sha256, format, encoding, rows_total, rows_imported, imported_by, started_at, finished_at)
         VALUES ('northern-futures.json', 'sample', 'sample', 'utf-8', ?, ?, 'sample', ?, ?)`,
      )
      .run(total, total, sample.consultation.opensAt, sample.consultation.opensAt).lastInsertRowid;
    const questionIds = new Map<string, number>();
    sample.questions.forEach((q, i) => {
      const id = insertQuestion.run(
        q.code,
        q.text,
        q.kind,
        q.options ? JSON.stringify(q.options) : null,
        i + 1,
      ).lastInsertRowid;
      questionIds.set(q.code, Number(id));
    });
    sample.respondents.forEach((r, i) => {
      if (ctx?.cancelled()) throw new AppError('CANCELLED', 'Building the sample was cancelled.');
      const respondentId = insertRespondent.run(
        r.externalId,
        r.type,
        r.organisation,
        r.city,
        r.submittedAt,
        r.channel,
        JSON.stringify(r.attributes),
        importId,
        JSON.stringify(r),
      ).lastInsertRowid;
      for (const [code, text] of Object.entries(r.answers)) {
        const questionId = questionIds.get(code);
        if (questionId === undefined)
          throw new AppError('BAD_FILE', `Respondent ${r.externalId} answers unknown question ${code}.`);
        insertResponse.run(respondentId, questionId, text);
      }
      if (i % 200 === 0) ctx?.progress('Loading the sample consultation', i, total);
    });
  })();
  ctx?.progress('Loading the sample consultation', total, total);
  return total;
}

export function readSample(jsonPath: string): SampleConsultation {
  return JSON.parse(readFileSync(jsonPath, 'utf8')) as SampleConsultation;
}

export function buildSampleTask(input: unknown, ctx: TaskContext): number {
  const { jsonPath, dbPath } = input as BuildSampleInput;
  const db = openWorkerDb(dbPath);
  try {
    return loadSample(db, readSample(jsonPath), ctx);
  } finally {
    db.close();
  }
}
