import type { KeywordRule, Quote, Theme, ThemeStatus } from '../../../shared/api';
import { AppError } from '../../util/errors';
import type { Db } from '../connection';
import { appendAudit } from './audit';

interface ThemeRow {
  id: number;
  questionId: number;
  parentId: number | null;
  name: string;
  description: string;
  status: ThemeStatus;
  isOther: number;
  keywords: string;
  quotes: string;
  runId: number | null;
  position: number;
  createdBy: string;
  createdAt: string;
  accepted: number;
  proposed: number;
}

const THEME_COLUMNS = `t.id, t.question_id AS questionId, t.parent_id AS parentId, t.name, t.description, t.status,
  t.is_other AS isOther, t.keywords, t.quotes, t.run_id AS runId, t.position, t.created_by AS createdBy, t.created_at AS createdAt,
  (SELECT count(*) FROM assignment a WHERE a.theme_id = t.id AND a.state = 'accepted') AS accepted,
  (SELECT count(*) FROM assignment a WHERE a.theme_id = t.id AND a.state = 'proposed') AS proposed`;

function responsesTo(db: Db, questionId: number): number {
  return db.prepare('SELECT count(*) FROM response WHERE question_id = ?').pluck().get(questionId) as number;
}

function rulesOf(db: Db, themeIds: number[]): Map<number, KeywordRule[]> {
  const out = new Map<number, KeywordRule[]>();
  if (themeIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT id, theme_id AS themeId, terms, created_by AS createdBy, created_at AS createdAt FROM keyword_rule
        WHERE theme_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(JSON.stringify(themeIds)) as (Omit<KeywordRule, 'terms'> & { terms: string })[];
  for (const r of rows) {
    const list = out.get(r.themeId) ?? [];
    list.push({ ...r, terms: JSON.parse(r.terms) as string[] });
    out.set(r.themeId, list);
  }
  return out;
}

function quotesOf(db: Db, ids: number[]): Quote[] {
  if (ids.length === 0) return [];
  const texts = new Map(
    (
      db
        .prepare('SELECT id, text FROM response WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(ids)) as { id: number; text: string }[]
    ).map((r) => [r.id, r.text]),
  );
  return ids.filter((id) => texts.has(id)).map((id) => ({ responseId: id, text: texts.get(id)! }));
}

function toTheme(db: Db, row: ThemeRow, responses: number, rules: Map<number, KeywordRule[]>): Theme {
  return {
    id: row.id,
    questionId: row.questionId,
    parentId: row.parentId,
    name: row.name,
    description: row.description,
    status: row.status,
    isOther: row.isOther === 1,
    keywords: JSON.parse(row.keywords) as string[],
    quotes: quotesOf(db, JSON.parse(row.quotes) as number[]),
    rules: rules.get(row.id) ?? [],
    accepted: row.accepted,
    proposed: row.proposed,
    share: responses ? (row.accepted + row.proposed) / responses : 0,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

/** The question's themes (Other / unclear last), with counts, share, keywords, quotes and rules. */
export function listThemes(db: Db, questionId: number): Theme[] {
  const rows = db
    .prepare(`SELECT ${THEME_COLUMNS} FROM theme t WHERE t.question_id = ? ORDER BY t.is_other, t.position, t.id`)
    .all(questionId) as ThemeRow[];
  const responses = responsesTo(db, questionId);
  const rules = rulesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toTheme(db, r, responses, rules));
}

export function getTheme(db: Db, id: number): Theme {
  const row = db.prepare(`SELECT ${THEME_COLUMNS} FROM theme t WHERE t.id = ?`).get(id) as ThemeRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no theme ${id}.`);
  return toTheme(db, row, responsesTo(db, row.questionId), rulesOf(db, [id]));
}

export function requireQuestion(db: Db, questionId: number): { id: number; code: string; text: string; kind: string } {
  const q = db.prepare('SELECT id, code, text, kind FROM question WHERE id = ?').get(questionId) as
    { id: number; code: string; text: string; kind: string } | undefined;
  if (!q) throw new AppError('NOT_FOUND', `There is no question ${questionId}.`);
  return q;
}

export interface NewTheme {
  questionId: number;
  name: string;
  description?: string;
  parentId?: number | null;
  status: ThemeStatus;
  isOther?: boolean;
  keywords?: string[];
  quotes?: number[];
  runId?: number | null;
  position?: number;
  createdBy: string;
}

/** Explains the SQL constraints on themes in words an analyst can act on. */
function themeConstraint(error: unknown, name: string): never {
  const message = (error as Error).message;
  if (/UNIQUE constraint failed: theme.question_id, theme.name/.test(message)) {
    throw new AppError(
      'CONFLICT',
      `This question already has a theme called "${name}". Choose another name, or merge the two.`,
    );
  }
  if (/sub-theme must sit under/.test(message)) {
    throw new AppError(
      'INVALID_INPUT',
      'Themes nest one level only: a sub-theme must sit under a top-level theme of the same question, and a theme with sub-themes cannot become one.',
    );
  }
  throw error;
}

export function insertTheme(db: Db, theme: NewTheme): number {
  const position =
    theme.position ??
    (db
      .prepare('SELECT coalesce(max(position), 0) + 1 FROM theme WHERE question_id = ?')
      .pluck()
      .get(theme.questionId) as number);
  try {
    return Number(
      db
        .prepare(
          `INSERT INTO theme (question_id, parent_id, name, description, status, is_other, keywords, quotes, run_id, position, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          theme.questionId,
          theme.parentId ?? null,
          theme.name.trim(),
          theme.description ?? '',
          theme.status,
          theme.isOther ? 1 : 0,
          JSON.stringify(theme.keywords ?? []),
          JSON.stringify(theme.quotes ?? []),
          theme.runId ?? null,
          position,
          theme.createdBy,
          new Date().toISOString(),
        ).lastInsertRowid,
    );
  } catch (error) {
    themeConstraint(error, theme.name);
  }
}

/** A person adds a theme by hand. */
export function createTheme(
  db: Db,
  theme: Omit<NewTheme, 'status' | 'createdBy'> & { status?: ThemeStatus },
  actor: string,
): Theme {
  return db.transaction(() => {
    const id = insertTheme(db, { ...theme, status: theme.status ?? 'accepted', createdBy: actor });
    const created = getTheme(db, id);
    appendAudit(db, { actor, action: 'create', entity: 'theme', entityId: id, after: summary(created) });
    return created;
  })();
}

function summary(t: Theme): Record<string, unknown> {
  return {
    name: t.name,
    description: t.description,
    status: t.status,
    parentId: t.parentId,
    questionId: t.questionId,
    accepted: t.accepted,
    proposed: t.proposed,
  };
}

export function updateTheme(
  db: Db,
  id: number,
  patch: { name?: string; description?: string; status?: ThemeStatus; parentId?: number | null },
  actor: string,
): Theme {
  return db.transaction(() => {
    const before = getTheme(db, id);
    if (before.isOther && (patch.parentId || patch.status === 'accepted')) {
      throw new AppError(
        'INVALID_INPUT',
        '"Other / unclear" holds what fits no theme: it cannot be accepted into the codebook or nested. Rename it to make it a theme of its own.',
      );
    }
    const sets: string[] = [];
    const params: unknown[] = [];
    if (patch.name !== undefined) {
      sets.push('name = ?', 'is_other = 0');
      params.push(patch.name.trim());
    }
    if (patch.description !== undefined) {
      sets.push('description = ?');
      params.push(patch.description);
    }
    if (patch.status !== undefined) {
      sets.push('status = ?');
      params.push(patch.status);
    }
    if (patch.parentId !== undefined) {
      sets.push('parent_id = ?');
      params.push(patch.parentId);
    }
    if (sets.length === 0) return before;
    try {
      db.prepare(`UPDATE theme SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
    } catch (error) {
      themeConstraint(error, patch.name ?? before.name);
    }
    const after = getTheme(db, id);
    appendAudit(db, {
      actor,
      action: 'update',
      entity: 'theme',
      entityId: id,
      before: summary(before),
      after: summary(after),
    });
    return after;
  })();
}

export function deleteTheme(db: Db, id: number, actor: string): number {
  return db.transaction(() => {
    const before = getTheme(db, id);
    const assignments = db
      .prepare(
        "SELECT response_id AS responseId, source, state FROM assignment WHERE theme_id = ? AND (state <> 'proposed')",
      )
      .all(id);
    const removed = db.prepare('SELECT count(*) FROM assignment WHERE theme_id = ?').pluck().get(id) as number;
    db.prepare('DELETE FROM theme WHERE id = ?').run(id);
    appendAudit(db, {
      actor,
      action: 'delete',
      entity: 'theme',
      entityId: id,
      before: { ...summary(before), decisions: assignments },
    });
    return removed;
  })();
}

interface AssignmentRow {
  id: number;
  responseId: number;
  source: string;
  state: string;
}

/** Human decisions outrank proposals. */
function strength(state: string): number {
  return state === 'proposed' ? 0 : 1;
}

/**
 * Merges themes into one: every assignment moves to the target (where both had one for a response, the
 * human decision is kept), keyword rules and sub-themes move too, keywords are pooled, and the sources go.
 */
export function mergeThemes(db: Db, targetId: number, sourceIds: number[], actor: string): Theme {
  return db.transaction(() => {
    const target = getTheme(db, targetId);
    const sources = sourceIds.filter((s) => s !== targetId).map((s) => getTheme(db, s));
    for (const s of sources) {
      if (s.questionId !== target.questionId)
        throw new AppError(
          'INVALID_INPUT',
          `"${s.name}" belongs to another question; only themes of one question can be merged.`,
        );
    }
    const existing = db.prepare(
      'SELECT id, response_id AS responseId, source, state FROM assignment WHERE theme_id = ? AND response_id = ?',
    );
    const move = db.prepare('UPDATE assignment SET theme_id = ? WHERE id = ?');
    const overwrite = db.prepare(
      `UPDATE assignment SET (source, source_detail, run_id, rule_id, confidence, state, evidence, decided_by, decided_at, at) =
         (SELECT source, source_detail, run_id, rule_id, confidence, state, evidence, decided_by, decided_at, at FROM assignment WHERE id = ?)
       WHERE id = ?`,
    );
    const drop = db.prepare('DELETE FROM assignment WHERE id = ?');
    let moved = 0;
    for (const s of sources) {
      const rows = db
        .prepare('SELECT id, response_id AS responseId, source, state FROM assignment WHERE theme_id = ?')
        .all(s.id) as AssignmentRow[];
      for (const row of rows) {
        const clash = existing.get(targetId, row.responseId) as AssignmentRow | undefined;
        if (!clash) {
          move.run(targetId, row.id);
        } else {
          // The human decision wins; a rejection only yields to an acceptance.
          const keepSource =
            strength(row.state) > strength(clash.state) || (clash.state === 'rejected' && row.state === 'accepted');
          if (keepSource) overwrite.run(row.id, clash.id);
          drop.run(row.id);
        }
        moved++;
      }
      db.prepare('UPDATE keyword_rule SET theme_id = ? WHERE theme_id = ?').run(targetId, s.id);
      db.prepare('UPDATE theme SET parent_id = ? WHERE parent_id = ?').run(target.parentId ?? targetId, s.id);
      db.prepare('DELETE FROM theme WHERE id = ?').run(s.id);
    }
    const keywords = [...new Set([...target.keywords, ...sources.flatMap((s) => s.keywords)])].slice(0, 15);
    const quotes = [...new Set([...target.quotes, ...sources.flatMap((s) => s.quotes)].map((q) => q.responseId))].slice(
      0,
      5,
    );
    db.prepare('UPDATE theme SET keywords = ?, quotes = ? WHERE id = ?').run(
      JSON.stringify(keywords),
      JSON.stringify(quotes),
      targetId,
    );
    const after = getTheme(db, targetId);
    appendAudit(db, {
      actor,
      action: 'merge',
      entity: 'theme',
      entityId: targetId,
      before: { target: summary(target), sources: sources.map((s) => ({ id: s.id, ...summary(s) })) },
      after: { ...summary(after), movedAssignments: moved },
    });
    return after;
  })();
}

/** Moves the given responses' assignments from a theme to a new sibling theme. */
export function splitTheme(db: Db, themeId: number, name: string, responseIds: number[], actor: string): Theme {
  return db.transaction(() => {
    const source = getTheme(db, themeId);
    const id = insertTheme(db, {
      questionId: source.questionId,
      name,
      parentId: source.parentId,
      status: source.isOther ? 'candidate' : source.status,
      createdBy: actor,
    });
    const moved = db
      .prepare(
        'UPDATE assignment SET theme_id = ? WHERE theme_id = ? AND response_id IN (SELECT value FROM json_each(?))',
      )
      .run(id, themeId, JSON.stringify(responseIds)).changes;
    const created = getTheme(db, id);
    appendAudit(db, {
      actor,
      action: 'split',
      entity: 'theme',
      entityId: themeId,
      before: summary(source),
      after: { newTheme: id, name, responseIds, moved },
    });
    return created;
  })();
}

export function setRules(db: Db, themeId: number, rules: string[][], actor: string): KeywordRule[] {
  return db.transaction(() => {
    const before = getTheme(db, themeId).rules.map((r) => r.terms);
    db.prepare('DELETE FROM keyword_rule WHERE theme_id = ?').run(themeId);
    const insert = db.prepare('INSERT INTO keyword_rule (theme_id, terms, created_by, created_at) VALUES (?, ?, ?, ?)');
    const now = new Date().toISOString();
    for (const terms of rules) {
      const clean = [...new Set(terms.map((t) => t.trim()).filter(Boolean))];
      if (clean.length) insert.run(themeId, JSON.stringify(clean), actor, now);
    }
    const after = rulesOf(db, [themeId]).get(themeId) ?? [];
    appendAudit(db, {
      actor,
      action: 'set-rules',
      entity: 'theme',
      entityId: themeId,
      before,
      after: after.map((r) => r.terms),
    });
    return after;
  })();
}
