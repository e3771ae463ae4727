/**
 * Themes and their assignments (issue 5's tables: theme, assignment, analysis_run). Without those tables
 * every function returns nothing, so a project from before themes still gets a report.
 */
import type { Db } from '../../db/connection';
import { hasColumn, hasTable, parseJson } from './schema';

export interface ThemeRow {
  id: number;
  questionId: number;
  questionCode: string;
  name: string;
  description: string;
  keywords: string[];
  parentId: number | null;
  status: string;
  /** The question's "Other / unclear" group: shown last. */
  isOther: boolean;
  /** Responses an analyst (or discovery) picked to illustrate the theme, quoted first. */
  pinnedQuotes: number[];
}

/** An assignment counts unless an analyst rejected it. */
export const COUNTED_ASSIGNMENT = "a.state <> 'rejected'";

export function hasThemes(db: Db): boolean {
  return hasTable(db, 'theme') && hasTable(db, 'assignment');
}

export function listThemes(db: Db): ThemeRow[] {
  if (!hasThemes(db)) return [];
  const optional = (column: string, fallback: string) => (hasColumn(db, 'theme', column) ? `t.${column}` : fallback);
  const rows = db
    .prepare(
      `SELECT t.id, t.question_id AS questionId, q.code AS questionCode, t.name, coalesce(t.description, '') AS description,
              t.keywords, t.parent_id AS parentId, t.status, ${optional('is_other', '0')} AS isOther, ${optional('quotes', "'[]'")} AS quotes
         FROM theme t JOIN question q ON q.id = t.question_id
        ORDER BY q.position, ${optional('position', '0')}, t.id`,
    )
    .all() as (Omit<ThemeRow, 'keywords' | 'isOther' | 'pinnedQuotes'> & { keywords: string | null; isOther: number; quotes: string | null })[];
  return rows.map(({ quotes, ...r }) => ({
    ...r,
    keywords: parseJson<string[]>(r.keywords, []),
    isOther: r.isOther === 1,
    pinnedQuotes: parseJson<unknown[]>(quotes, []).filter((id): id is number => Number.isInteger(id)),
  }));
}

/**
 * The themes a report shows: those chosen, or else each question's signed-off themes, or (where a question
 * has none signed off yet) its candidates, marked as a draft.
 */
export function themesForReport(db: Db, chosen: number[] | undefined): { themes: ThemeRow[]; draftQuestions: Set<number> } {
  const all = listThemes(db);
  const draftQuestions = new Set<number>();
  if (chosen) {
    const wanted = new Set(chosen);
    const themes = all.filter((t) => wanted.has(t.id));
    for (const t of themes) if (t.status !== 'accepted') draftQuestions.add(t.questionId);
    return { themes, draftQuestions };
  }
  const accepted = new Set(all.filter((t) => t.status === 'accepted').map((t) => t.questionId));
  const themes = all.filter((t) => t.status === 'accepted' || !accepted.has(t.questionId));
  for (const t of themes) if (!accepted.has(t.questionId)) draftQuestions.add(t.questionId);
  return { themes, draftQuestions };
}

/**
 * Fills temp.report_theme_up(theme_id, ancestor_id) for the shown themes: each theme with itself and every
 * shown ancestor, so a parent counts the responses of its sub-themes once.
 */
export function loadThemeAncestry(db: Db, themes: ThemeRow[]): void {
  db.exec('DROP TABLE IF EXISTS temp.report_theme_up; CREATE TEMP TABLE report_theme_up (theme_id INTEGER NOT NULL, ancestor_id INTEGER NOT NULL)');
  const byId = new Map(themes.map((t) => [t.id, t]));
  const insert = db.prepare('INSERT INTO temp.report_theme_up (theme_id, ancestor_id) VALUES (?, ?)');
  db.transaction(() => {
    for (const t of themes) {
      const seen = new Set<number>();
      for (let at: ThemeRow | undefined = t; at && !seen.has(at.id); at = at.parentId === null ? undefined : byId.get(at.parentId)) {
        seen.add(at.id);
        insert.run(t.id, at.id);
      }
    }
  })();
  db.exec('CREATE INDEX temp.report_theme_up_theme ON report_theme_up(theme_id)');
}

/**
 * Counted responses per shown theme and group for one question (group = a SQL expression over respondent p).
 * Needs temp.report_scope and temp.report_theme_up. Returns "themeId\tgroup" -> count; group '' is the total.
 */
export function themeCounts(db: Db, questionId: number, groupExpr: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (!hasThemes(db)) return counts;
  const rows = db
    .prepare(
      `SELECT u.ancestor_id AS themeId, ${groupExpr} AS grp, count(DISTINCT s.response_id) AS n
         FROM temp.report_scope s
         JOIN assignment a ON a.response_id = s.response_id AND ${COUNTED_ASSIGNMENT}
         JOIN temp.report_theme_up u ON u.theme_id = a.theme_id
         JOIN respondent p ON p.id = s.respondent_id
        WHERE s.question_id = ? AND s.counted = 1
        GROUP BY u.ancestor_id, grp`,
    )
    .all(questionId) as { themeId: number; grp: string; n: number }[];
  for (const r of rows) {
    counts.set(`${r.themeId}\t${r.grp}`, r.n);
    counts.set(`${r.themeId}\t`, (counts.get(`${r.themeId}\t`) ?? 0) + r.n);
  }
  return counts;
}

/** Counted responses to a question with none of the shown themes. */
export function responsesWithoutTheme(db: Db, questionId: number): number {
  const base = 'SELECT count(*) FROM temp.report_scope s WHERE s.question_id = ? AND s.counted = 1';
  if (!hasThemes(db)) return db.prepare(base).pluck().get(questionId) as number;
  return db
    .prepare(
      `${base} AND NOT EXISTS (SELECT 1 FROM assignment a JOIN temp.report_theme_up u ON u.theme_id = a.theme_id
                                WHERE a.response_id = s.response_id AND ${COUNTED_ASSIGNMENT})`,
    )
    .pluck()
    .get(questionId) as number;
}

export interface QuoteCandidate {
  responseId: number;
  respondentId: number;
  text: string;
  type: string | null;
  city: string | null;
  organisation: string | null;
  externalId: string;
}

/**
 * Responses that show a theme best: those pinned to the theme first, then analysts' own assignments, then the model's most confident, of a
 * readable length, nearest a short paragraph. `exclude` is a SQL condition on s.response_id (campaign
 * members, so a template is not quoted as if it were many voices).
 */
export function quoteCandidates(db: Db, themeId: number, pinned: number[], exclude: string | null, limit: number): QuoteCandidate[] {
  if (!hasThemes(db)) return [];
  return db
    .prepare(
      `SELECT r.id AS responseId, p.id AS respondentId, r.text, p.type, p.city, p.organisation, p.external_id AS externalId
         FROM assignment a
         JOIN temp.report_scope s ON s.response_id = a.response_id AND s.counted = 1
         JOIN response r ON r.id = a.response_id
         JOIN respondent p ON p.id = s.respondent_id
        WHERE a.theme_id = ? AND ${COUNTED_ASSIGNMENT} AND length(r.text) BETWEEN 60 AND 900
          ${exclude ? `AND NOT (${exclude})` : ''}
        ORDER BY (r.id IN (SELECT value FROM json_each(?))) DESC, (a.source = 'analyst') DESC, (a.state = 'accepted') DESC,
                 coalesce(a.confidence, 0) DESC, abs(length(r.text) - 240), r.id
        LIMIT ?`,
    )
    .all(themeId, JSON.stringify(pinned), limit) as QuoteCandidate[];
}

/** Counted assignments to the shown themes, by source (analyst, model, rule, import). */
export function assignmentsBySource(db: Db): { label: string; count: number }[] {
  if (!hasThemes(db)) return [];
  return db
    .prepare(
      `SELECT a.source AS label, count(*) AS count
         FROM assignment a
         JOIN temp.report_scope s ON s.response_id = a.response_id AND s.counted = 1
        WHERE ${COUNTED_ASSIGNMENT} AND a.theme_id IN (SELECT theme_id FROM temp.report_theme_up)
        GROUP BY a.source ORDER BY count DESC, a.source`,
    )
    .all() as { label: string; count: number }[];
}

export interface RunRow {
  questionCode: string | null;
  kind: string;
  at: string;
  seed: number | null;
  parameters: Record<string, unknown>;
  quality: Record<string, unknown>;
}

export function analysisRuns(db: Db, questionIds: number[]): RunRow[] {
  if (!hasTable(db, 'analysis_run')) return [];
  const seed = hasColumn(db, 'analysis_run', 'seed') ? 'r.seed' : 'NULL';
  const rows = db
    .prepare(
      `SELECT q.code AS questionCode, r.kind, r.started_at AS at, ${seed} AS seed, r.parameters, r.quality
         FROM analysis_run r LEFT JOIN question q ON q.id = r.question_id
        WHERE r.question_id IS NULL OR r.question_id IN (SELECT value FROM json_each(?))
        ORDER BY r.started_at, r.id`,
    )
    .all(JSON.stringify(questionIds)) as (Omit<RunRow, 'parameters' | 'quality'> & { parameters: string | null; quality: string | null })[];
  return rows.map((r) => ({
    ...r,
    parameters: parseJson<Record<string, unknown>>(r.parameters, {}),
    quality: parseJson<Record<string, unknown>>(r.quality, {}),
  }));
}

export interface Agreement {
  questionCode: string | null;
  at: string;
  /** Analyst-coded responses the model was checked against (held out in cross-validation). */
  coded: number;
  measures: { measure: string; value: number }[];
}

const AGREEMENT_MEASURES = ['microF1', 'macroF1', 'samplesF1', 'kappa'];

/** The model's agreement with analysts from each question's latest classification run that measured it. */
export function latestAgreement(runs: RunRow[]): Agreement[] {
  const latest = new Map<string | null, Agreement>();
  for (const run of runs) {
    const a = run.quality.agreement;
    if (run.kind !== 'classify' || !a || typeof a !== 'object') continue;
    const measured = a as Record<string, unknown>;
    const measures = AGREEMENT_MEASURES.filter((m) => typeof measured[m] === 'number').map((m) => ({ measure: m, value: measured[m] as number }));
    if (measures.length === 0) continue;
    latest.set(run.questionCode, { questionCode: run.questionCode, at: run.at, coded: typeof measured.responses === 'number' ? measured.responses : 0, measures });
  }
  return [...latest.values()];
}

/** Every counted assignment to a shown theme of the responses in scope, in response order (for exports). */
export function assignmentsInScopeSql(db: Db): string | null {
  if (!hasThemes(db)) return null;
  return `SELECT a.response_id AS responseId, a.theme_id AS themeId, a.source, a.confidence, a.state
            FROM assignment a JOIN temp.report_scope s ON s.response_id = a.response_id
           WHERE ${COUNTED_ASSIGNMENT} AND a.theme_id IN (SELECT theme_id FROM temp.report_theme_up)
           ORDER BY a.response_id, a.theme_id`;
}
