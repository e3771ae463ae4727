/**
 * Themes and their assignments (issue 5's tables: theme, assignment, analysis_run). Without those tables
 * every function returns nothing, so a project from before themes still gets a report.
 */
import type { Db } from '../../db/connection';
import { CrossCounts, type CrossRow } from './cross';
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
    .all() as (Omit<ThemeRow, 'keywords' | 'isOther' | 'pinnedQuotes'> & {
    keywords: string | null;
    isOther: number;
    quotes: string | null;
  })[];
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
export function themesForReport(
  db: Db,
  chosen: number[] | undefined,
): { themes: ThemeRow[]; draftQuestions: Set<number> } {
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
 * Loads what every theme count reads, once per report: temp.report_theme_up(theme_id, ancestor_id) pairs
 * each shown theme with itself and its shown ancestors (so a parent counts its sub-themes' responses once),
 * and temp.report_assignment holds the counted assignments to shown themes of the responses in scope, with
 * their question and respondent. Reading the assignment table once, in order, is far cheaper than looking
 * rows up theme by theme at a million responses. Needs temp.report_scope; without theme tables both are empty.
 */
export function loadThemes(db: Db, themes: ThemeRow[]): void {
  db.exec(`DROP TABLE IF EXISTS temp.report_theme_up;
    CREATE TEMP TABLE report_theme_up (theme_id INTEGER NOT NULL, ancestor_id INTEGER NOT NULL, PRIMARY KEY (theme_id, ancestor_id)) WITHOUT ROWID;
    DROP TABLE IF EXISTS temp.report_assignment;
    CREATE TEMP TABLE report_assignment (
      response_id INTEGER NOT NULL, theme_id INTEGER NOT NULL, source TEXT NOT NULL, state TEXT NOT NULL, confidence REAL,
      question_id INTEGER NOT NULL, respondent_id INTEGER NOT NULL, counted INTEGER NOT NULL)`);
  const byId = new Map(themes.map((t) => [t.id, t]));
  const insert = db.prepare('INSERT OR IGNORE INTO temp.report_theme_up (theme_id, ancestor_id) VALUES (?, ?)');
  db.transaction(() => {
    for (const t of themes) {
      const seen = new Set<number>();
      for (
        let at: ThemeRow | undefined = t;
        at && !seen.has(at.id);
        at = at.parentId === null ? undefined : byId.get(at.parentId)
      ) {
        seen.add(at.id);
        insert.run(t.id, at.id);
      }
    }
  })();
  if (hasThemes(db)) {
    // "+a.theme_id" keeps SQLite from looking assignments up theme by theme through the index.
    db.exec(`INSERT INTO temp.report_assignment
      SELECT a.response_id, a.theme_id, a.source, a.state, a.confidence, s.question_id, s.respondent_id, s.counted
        FROM temp.report_scope s JOIN assignment a ON a.response_id = s.response_id
       WHERE ${COUNTED_ASSIGNMENT} AND +a.theme_id IN (SELECT theme_id FROM temp.report_theme_up)`);
  }
  db.exec(`CREATE INDEX temp.report_assignment_question ON report_assignment(question_id, theme_id);
           CREATE INDEX temp.report_assignment_response ON report_assignment(response_id)`);
}

/**
 * Counted responses per shown theme (key: the theme id) by type and place group, for one question. A parent
 * counts a response with several of its sub-themes once (the distinct count is needed only then). Needs
 * temp.report_group.
 */
export function themeCounts(db: Db, questionId: number, nested: boolean): CrossCounts {
  return new CrossCounts(
    db
      .prepare(
        `SELECT CAST(u.ancestor_id AS TEXT) AS key, g.type_group AS typeGroup, g.place_group AS placeGroup,
                ${nested ? 'count(DISTINCT a.response_id)' : 'count(*)'} AS n
           FROM temp.report_assignment a
           JOIN temp.report_theme_up u ON u.theme_id = a.theme_id
           JOIN temp.report_group g ON g.respondent_id = a.respondent_id
          WHERE a.question_id = ? AND a.counted = 1
          GROUP BY u.ancestor_id, typeGroup, placeGroup`,
      )
      .all(questionId) as CrossRow[],
  );
}

/** Counted responses to a question with none of the shown themes. */
export function responsesWithoutTheme(db: Db, questionId: number): number {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM temp.report_scope WHERE question_id = ? AND counted = 1)
            - (SELECT count(DISTINCT response_id) FROM temp.report_assignment WHERE question_id = ? AND counted = 1)`,
    )
    .pluck()
    .get(questionId, questionId) as number;
}

export interface QuoteCandidate {
  themeId: number;
  responseId: number;
  respondentId: number;
  text: string;
  type: string | null;
  city: string | null;
  organisation: string | null;
  externalId: string;
}

/**
 * For each shown theme of a question, the responses that show it best: those pinned to the theme first,
 * then analysts' own assignments, then the model's most confident; of a readable length, and among equals
 * nearest a short paragraph. `exclude` is a SQL condition on a.response_id (campaign members, so a template
 * is not quoted as if it were many voices). Ranking happens on the assignments alone; only the best `limit`
 * per theme have their text read, so the cost does not grow with the theme's size.
 */
export function quoteCandidates(
  db: Db,
  questionId: number,
  themes: ThemeRow[],
  exclude: string | null,
  limit: number,
): Map<number, QuoteCandidate[]> {
  const byTheme = new Map<number, QuoteCandidate[]>();
  if (themes.length === 0) return byTheme;
  const pinned = themes.flatMap((t) => t.pinnedQuotes.map((id) => `${t.id}:${id}`));
  const rows = db
    .prepare(
      `WITH ranked AS (
         SELECT a.theme_id, a.response_id, a.respondent_id,
                ((a.theme_id || ':' || a.response_id) IN (SELECT value FROM json_each(?))) AS pinned,
                (a.source = 'analyst') AS analyst, (a.state = 'accepted') AS accepted, coalesce(a.confidence, 0) AS confidence,
                row_number() OVER (PARTITION BY a.theme_id ORDER BY (a.theme_id || ':' || a.response_id) IN (SELECT value FROM json_each(?)) DESC,
                                   a.source = 'analyst' DESC, a.state = 'accepted' DESC, coalesce(a.confidence, 0) DESC, a.response_id) AS rank
           FROM temp.report_assignment a
          WHERE a.question_id = ? AND a.counted = 1 AND a.theme_id IN (SELECT value FROM json_each(?))
            ${exclude ? `AND NOT (${exclude})` : ''}
       )
       SELECT k.theme_id AS themeId, r.id AS responseId, k.respondent_id AS respondentId, r.text, p.type, p.city, p.organisation,
              p.external_id AS externalId
         FROM ranked k JOIN response r ON r.id = k.response_id JOIN respondent p ON p.id = k.respondent_id
        WHERE k.rank <= ? AND length(r.text) BETWEEN 60 AND 900
        ORDER BY k.theme_id, k.pinned DESC, k.analyst DESC, k.accepted DESC, k.confidence DESC, abs(length(r.text) - 240), r.id`,
    )
    .all(
      JSON.stringify(pinned),
      JSON.stringify(pinned),
      questionId,
      JSON.stringify(themes.map((t) => t.id)),
      limit,
    ) as QuoteCandidate[];
  for (const r of rows) byTheme.set(r.themeId, [...(byTheme.get(r.themeId) ?? []), r]);
  return byTheme;
}

/** Counted assignments to the shown themes, by source (analyst, model, rule, import). */
export function assignmentsBySource(db: Db): { label: string; count: number }[] {
  return db
    .prepare(
      'SELECT source AS label, count(*) AS count FROM temp.report_assignment WHERE counted = 1 GROUP BY source ORDER BY count DESC, source',
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
    .all(JSON.stringify(questionIds)) as (Omit<RunRow, 'parameters' | 'quality'> & {
    parameters: string | null;
    quality: string | null;
  })[];
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
    const measures = AGREEMENT_MEASURES.filter((m) => typeof measured[m] === 'number').map((m) => ({
      measure: m,
      value: measured[m] as number,
    }));
    if (measures.length === 0) continue;
    latest.set(run.questionCode, {
      questionCode: run.questionCode,
      at: run.at,
      coded: typeof measured.responses === 'number' ? measured.responses : 0,
      measures,
    });
  }
  return [...latest.values()];
}
