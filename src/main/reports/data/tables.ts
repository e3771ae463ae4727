/**
 * The data exports as tables streamed row by row from SQLite (never all in memory): every response with its
 * themes, triage and attributes; a respondents x themes matrix; the codebook. Response text, organisation
 * names, notes and attribute values pass through the Redactor; anonymising drops identifiers.
 */
import type { ReportOptions } from '../../../shared/api';
import type { Db } from '../../db/connection';
import { AppError } from '../../util/errors';
import type { Redactor } from '../redaction';
import { buildScope } from '../scope';
import { campaignColumn } from './campaigns';
import { selectQuestions, type QuestionRow } from './core';
import { parseJson } from './schema';
import { loadThemes, themesForReport, type ThemeRow } from './themes';
import { flagLabel, reasonLabel, statusLabel, triageColumns } from './triage';

export type Cell = string | number | null;

export interface DataTable {
  /** The sheet name in a workbook. */
  name: string;
  columns: string[];
  /** Rows in total, for progress. */
  total: number;
  rows: () => Iterable<Cell[]>;
}

export interface Progress {
  progress(phase: string, done: number, total: number | null): void;
  cancelled(): boolean;
}

/** Attribute keys that name or reach a person: left out when anonymising. */
const PERSONAL_KEY = /name|e-?mail|phone|mobile|tel|address|postcode|post code|contact|ip|date of birth|dob/i;

export interface DataScope {
  questions: QuestionRow[];
  themes: ThemeRow[];
}

/** Decides what the exports cover (the same scope as the summary) and loads the theme ancestry. */
export function prepareData(db: Db, options: ReportOptions): DataScope {
  const questions = selectQuestions(db, options.questions);
  const ids = questions.map((q) => q.id);
  buildScope(db, ids, options);
  const themes = themesForReport(db, options.themeIds).themes.filter((t) => ids.includes(t.questionId));
  loadThemes(db, themes);
  return { questions, themes };
}

function respondentLabel(options: ReportOptions, id: number, externalId: string): string {
  return options.anonymise ? `R${id}` : externalId;
}

function organisationShown(options: ReportOptions, type: string | null, organisation: string | null): boolean {
  if (!organisation) return false;
  return !options.anonymise || (options.nameOrganisations && type !== null && type !== 'individual');
}

function attributeKeys(db: Db, options: ReportOptions): string[] {
  // Keys from every respondent in scope: json_each over distinct attribute sets is cheap (they repeat).
  const keys = db
    .prepare(
      `SELECT DISTINCT j.key FROM (SELECT DISTINCT p.attributes FROM respondent p
          WHERE p.id IN (SELECT respondent_id FROM temp.report_scope)) a, json_each(a.attributes) j ORDER BY j.key`,
    )
    .pluck()
    .all() as string[];
  return options.anonymise ? keys.filter((k) => !PERSONAL_KEY.test(k)) : keys;
}

function count(db: Db, sql: string): number {
  return db.prepare(sql).pluck().get() as number;
}

function checkCancel(progress: Progress | undefined, phase: string, done: number, total: number): void {
  if (done % 2000 !== 0) return;
  if (progress?.cancelled()) throw new AppError('CANCELLED', 'The export was cancelled.');
  progress?.progress(phase, done, total);
}

interface ResponseRecord {
  responseId: number;
  respondentId: number;
  externalId: string;
  type: string | null;
  organisation: string | null;
  city: string | null;
  submittedAt: string | null;
  channel: string | null;
  attributes: string;
  questionCode: string;
  text: string;
  counted: number;
  themes: string | null;
  status: string;
  exclusionReason: string | null;
  note: string | null;
  flags: string | null;
  campaignId: number | null;
}

/** One row per response in scope. */
export function responsesTable(
  db: Db,
  scope: DataScope,
  options: ReportOptions,
  redact: Redactor,
  progress?: Progress,
): DataTable {
  const keys = attributeKeys(db, options);
  const names = new Map(scope.themes.map((t) => [t.id, t.name]));
  const total = count(db, 'SELECT count(*) FROM temp.report_scope');
  const themesSql = `(SELECT json_group_array(json_array(a.theme_id, a.source, a.confidence))
                        FROM (SELECT * FROM temp.report_assignment WHERE response_id = r.id ORDER BY theme_id) a)`;
  const sql = `SELECT r.id AS responseId, p.id AS respondentId, p.external_id AS externalId, p.type, p.organisation, p.city,
                      p.submitted_at AS submittedAt, p.channel, p.attributes, q.code AS questionCode, r.text, s.counted,
                      ${themesSql} AS themes, ${triageColumns(db)}, ${campaignColumn(db)}
                 FROM temp.report_scope s
                 JOIN response r ON r.id = s.response_id
                 JOIN respondent p ON p.id = s.respondent_id
                 JOIN question q ON q.id = s.question_id
                ORDER BY s.response_id`;
  return {
    name: 'Responses',
    columns: [
      'response_id',
      'respondent',
      'respondent_type',
      'organisation',
      'place',
      'submitted_at',
      'channel',
      'question',
      'response',
      'themes',
      'theme_sources',
      'theme_confidence',
      'counted',
      'campaign_group',
      'status',
      'exclusion_reason',
      'flags',
      'note',
      ...keys.map((k) => `attribute: ${k}`),
    ],
    total,
    *rows() {
      let done = 0;
      for (const r of db.prepare(sql).iterate() as IterableIterator<ResponseRecord>) {
        checkCancel(progress, 'Writing responses', ++done, total);
        const assigned = parseJson<[number, string, number | null][]>(r.themes, []);
        const attributes = parseJson<Record<string, unknown>>(r.attributes, {});
        yield [
          r.responseId,
          respondentLabel(options, r.respondentId, r.externalId),
          r.type,
          organisationShown(options, r.type, r.organisation) ? redact(r.organisation ?? '') : null,
          r.city,
          r.submittedAt,
          r.channel,
          r.questionCode,
          redact(r.text, r.responseId),
          assigned.map(([id]) => names.get(id) ?? String(id)).join('; '),
          assigned.map(([, source]) => source).join('; '),
          assigned.map(([, , c]) => (c === null ? '' : c.toFixed(2))).join('; '),
          r.counted ? 'yes' : 'no (campaign counted once)',
          r.campaignId,
          statusLabel(r.status),
          r.status === 'excluded' ? reasonLabel(r.exclusionReason) : null,
          r.flags ? r.flags.split('\u001f').map(flagLabel).join('; ') : null,
          r.note ? redact(r.note) : null,
          ...keys.map((k) =>
            attributes[k] === undefined || attributes[k] === null ? null : redact(String(attributes[k])),
          ),
        ];
      }
    },
  };
}

/** One row per respondent in scope, one column per theme: 1 where any of their answers has it. */
export function matrixTable(
  db: Db,
  scope: DataScope,
  options: ReportOptions,
  redact: Redactor,
  progress?: Progress,
): DataTable {
  const codes = new Map(scope.questions.map((q) => [q.id, q.code]));
  const themes = scope.themes;
  const column = new Map(themes.map((t, i) => [t.id, i]));
  const total = count(db, 'SELECT count(DISTINCT respondent_id) FROM temp.report_scope');
  const sql = `SELECT p.id, p.external_id AS externalId, p.type, p.organisation, p.city, t.ancestor_id AS themeId
                 FROM respondent p
                 LEFT JOIN (SELECT DISTINCT a.respondent_id, u.ancestor_id FROM temp.report_assignment a
                              JOIN temp.report_theme_up u ON u.theme_id = a.theme_id) t ON t.respondent_id = p.id
                WHERE p.id IN (SELECT respondent_id FROM temp.report_scope)
                ORDER BY p.id`;
  return {
    name: 'Respondents x themes',
    columns: [
      'respondent',
      'respondent_type',
      'organisation',
      'place',
      ...themes.map((t) => `${codes.get(t.questionId)}: ${t.name}`),
    ],
    total,
    *rows() {
      let current: Cell[] | null = null;
      let currentId = -1;
      let done = 0;
      for (const r of db.prepare(sql).iterate() as IterableIterator<{
        id: number;
        externalId: string;
        type: string | null;
        organisation: string | null;
        city: string | null;
        themeId: number | null;
      }>) {
        if (r.id !== currentId) {
          if (current) yield current;
          checkCancel(progress, 'Writing the respondents x themes matrix', ++done, total);
          currentId = r.id;
          current = [
            respondentLabel(options, r.id, r.externalId),
            r.type,
            organisationShown(options, r.type, r.organisation) ? redact(r.organisation ?? '') : null,
            r.city,
            ...themes.map(() => 0),
          ];
        }
        const at = r.themeId === null ? undefined : column.get(r.themeId);
        if (at !== undefined && current) current[4 + at] = 1;
      }
      if (current) yield current;
    },
  };
}

/** The themes shown, with their question, parent, status, description, key words and responses counted. */
export function codebookTable(db: Db, scope: DataScope): DataTable {
  const questions = new Map(scope.questions.map((q) => [q.id, q]));
  const names = new Map(scope.themes.map((t) => [t.id, t.name]));
  const counts = new Map(
    (
      db
        .prepare(
          `SELECT u.ancestor_id AS id, count(DISTINCT a.response_id) AS n FROM temp.report_assignment a
             JOIN temp.report_theme_up u ON u.theme_id = a.theme_id
            WHERE a.counted = 1 GROUP BY u.ancestor_id`,
        )
        .all() as { id: number; n: number }[]
    ).map((r) => [r.id, r.n]),
  );
  return {
    name: 'Codebook',
    columns: [
      'question',
      'question_text',
      'theme_id',
      'theme',
      'parent_theme',
      'status',
      'description',
      'keywords',
      'responses',
    ],
    total: scope.themes.length,
    *rows() {
      for (const t of scope.themes) {
        const q = questions.get(t.questionId);
        yield [
          q?.code ?? '',
          q?.text ?? '',
          t.id,
          t.name,
          t.parentId === null ? null : (names.get(t.parentId) ?? String(t.parentId)),
          t.status,
          t.description,
          t.keywords.join('; '),
          counts.get(t.id) ?? 0,
        ];
      }
    },
  };
}
