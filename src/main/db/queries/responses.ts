import type {
  Facets,
  ResponseDetail,
  ResponseFilter,
  ResponsePage,
  ResponseQuery,
  ResponseRow,
  SortKey,
  TextSegment,
} from '../../../shared/api';
import { regionOf } from '../../../shared/places';
import { AppError } from '../../util/errors';
import type { Db } from '../connection';
import { optionalTables } from './optional-tables';
import { SIGNAL_COLUMNS } from './signals';
import { countMatching, filterSql, fromSearch, fromWhere, withSearchErrors, type FilterSql } from './response-filter';
import { markMatches } from './match-marks';
import { plain, segments } from './text-segments';
import { readState, STATE_SQL } from './triage-state';

const EXCERPT_CHARS = 240;

/** Sort keys as SQL; a key on the respondent needs the join. */
const SORT_COLUMNS: Record<Exclude<SortKey, 'relevance'>, { sql: string; respondent: boolean }> = {
  respondent: { sql: 'r.respondent_id', respondent: false },
  question: { sql: 'r.question_id', respondent: false },
  type: { sql: 'p.type', respondent: true },
  city: { sql: 'p.city', respondent: true },
  submittedAt: { sql: 'p.submitted_at', respondent: true },
  status: {
    sql: "CASE r.status WHEN 'new' THEN 0 WHEN 'read' THEN 1 WHEN 'in_review' THEN 2 WHEN 'done' THEN 3 ELSE 4 END",
    respondent: false,
  },
  priority: { sql: 'r.priority', respondent: false },
  length: { sql: 'length(r.text)', respondent: false },
};

const sortOf = (query: ResponseQuery, f: FilterSql): NonNullable<ResponseQuery['sort']> =>
  query.sort ?? { key: f.match ? 'relevance' : 'respondent', dir: 'asc' };

/** The SQL for the ids of one page, in order: the filter and sort touch indexes only, never the answer text. */
export function pageQuery(db: Db, query: ResponseQuery): { sql: string; params: unknown[] } {
  const f = filterSql(db, query);
  const sort = sortOf(query, f);
  const dir = sort.dir === 'desc' ? 'DESC' : 'ASC';
  const page = [query.limit, query.offset];
  if (sort.key === 'relevance' && f.match) {
    const { sql, params } = fromSearch({ ...f, match: f.match });
    return { sql: `SELECT rowid ${sql} ORDER BY rank ${dir}, rowid LIMIT ? OFFSET ?`, params: [...params, ...page] };
  }
  const key = sort.key === 'relevance' ? 'respondent' : sort.key;
  if (key === 'submittedAt' && !f.conditions.length && !f.match) {
    // Every response by date: the date-order index (migration 6) holds the same order, date, respondent,
    // question, so a deep offset steps over index entries instead of joining each respondent's answers.
    return {
      sql: `SELECT response_id FROM response_date ORDER BY submitted_at ${dir}, respondent_id ${dir}, question_id ${dir} LIMIT ? OFFSET ?`,
      params: page,
    };
  }
  if (key === 'respondent' && !f.conditions.length && !f.match) {
    // Every response in the order received: the same ids from the date order's narrow table, whose few pages
    // a deep offset steps over far faster than the responses' own (which hold the text).
    return { sql: `SELECT response_id FROM response_date ORDER BY response_id ${dir} LIMIT ? OFFSET ?`, params: page };
  }
  const column = SORT_COLUMNS[key];
  // Ordered by respondent, then question (unique together), whenever the respondent is joined: SQLite then
  // walks the respondent index the filter or sort uses and each respondent's answers in order, with no sort
  // step, so the first page and deep pages stay cheap. Without the join, response order (r.id) is the same
  // order received, straight from the table or a (…, rowid) index.
  const byRespondent = `p.id ${dir}, r.question_id ${dir}`;
  const joined = f.usesRespondent || column.respondent;
  const order =
    key === 'respondent'
      ? joined
        ? byRespondent
        : `r.id ${dir}`
      : column.respondent
        ? `${column.sql} ${dir}, ${byRespondent}`
        : `${column.sql} ${dir}, r.id ${dir}`;
  const { sql, params } = fromWhere(f, column.respondent);
  return { sql: `SELECT r.id ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`, params: [...params, ...page] };
}

/**
 * A search narrowed by other filters, in relevance order, with the number of matches on every row: the
 * matches within the filters are found once, where counting and then paging would build the filters' set
 * (the costly part: ~20 ms for a question and a place at 1M) twice. Null for any other query.
 */
export function rankedSearchQuery(db: Db, query: ResponseQuery): { sql: string; params: unknown[] } | null {
  const f = filterSql(db, query);
  const sort = sortOf(query, f);
  if (!f.match || sort.key !== 'relevance' || !f.conditions.length) return null;
  const { sql, params } = fromSearch({ ...f, match: f.match });
  return {
    sql: `WITH hit AS MATERIALIZED (SELECT rowid AS id, rank AS score ${sql})
          SELECT id, (SELECT count(*) FROM hit) AS total FROM hit
           ORDER BY score ${sort.dir === 'desc' ? 'DESC' : 'ASC'}, id LIMIT ? OFFSET ?`,
    params: [...params, query.limit, query.offset],
  };
}

function pageIds(db: Db, query: ResponseQuery): number[] {
  const { sql, params } = pageQuery(db, query);
  return db
    .prepare(sql)
    .pluck()
    .all(...params) as number[];
}

interface RawRow extends Omit<
  ResponseRow,
  'excerpt' | 'flags' | 'themes' | 'hasNote' | 'status' | 'priority' | 'campaignKind'
> {
  /** From SIGNAL_COLUMNS (signals.ts), which also gives the campaign's id: not needed in a row. */
  campaignKind: string | null;
  campaignId: number | null;
  excerpt: string;
  /** The whole answer, read only when searching (for its snippet). */
  text: string | null;
  /** The answer itself holds a marker character: its snippet cannot be split reliably, so it is shown plain. */
  hasMarkers: number;
  state: string;
  themes: string | null;
}

/** The rows for given ids (one page), with snippets of the matches when searching. */
function rowsFor(db: Db, ids: number[], match: string | null): ResponseRow[] {
  if (!ids.length) return [];
  const themes = optionalTables(db).themes
    ? `(SELECT json_group_array(t.name) FROM assignment a JOIN theme t ON t.id = a.theme_id WHERE a.response_id = r.id AND a.state <> 'rejected')`
    : 'NULL';
  const raw = db
    .prepare(
      `SELECT r.id, r.respondent_id AS respondentId, p.external_id AS respondentExternalId,
              r.question_id AS questionId, q.code AS questionCode,
              substr(r.text, 1, ${EXCERPT_CHARS}) AS excerpt, length(r.text) AS length,
              ${match ? 'r.text' : 'NULL'} AS text,
              p.type AS respondentType, p.organisation, p.city, p.submitted_at AS submittedAt,
              ${STATE_SQL} AS state, ${themes} AS themes,
              instr(r.text, char(1)) OR instr(r.text, char(2)) AS hasMarkers,
              ${SIGNAL_COLUMNS}
         FROM response r JOIN respondent p ON p.id = r.respondent_id JOIN question q ON q.id = r.question_id
        WHERE r.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as RawRow[];
  const snippets = match
    ? markMatches(
        db,
        match,
        raw.map((r) => ({ id: r.id, text: r.text ?? '' })),
        'snippet',
      )
    : new Map<number, string>();
  const byId = new Map(raw.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const {
      state: stateJson,
      themes: themeJson,
      excerpt,
      text: _text,
      hasMarkers,
      campaignKind,
      campaignId: _campaignId,
      ...rest
    } = r;
    const state = readState(stateJson);
    const snippet = hasMarkers ? undefined : snippets.get(id);
    return [
      {
        ...rest,
        excerpt: snippet !== undefined ? segments(snippet) : plain(excerpt),
        status: state.status,
        priority: state.priority,
        flags: state.flags,
        hasNote: !!state.note,
        assignee: state.assignee,
        themes: themeJson ? (JSON.parse(themeJson) as string[]) : [],
        campaignKind: campaignKind === 'campaign' || campaignKind === 'duplicates' ? campaignKind : null,
      },
    ];
  });
}

export function listResponses(db: Db, query: ResponseQuery): ResponsePage {
  return withSearchErrors(query, () => {
    const ranked = rankedSearchQuery(db, query);
    const hits = ranked
      ? (db
          .prepare(ranked.sql)
          .raw()
          .all(...ranked.params) as [number, number][])
      : [];
    // The filter alone (paging and order are not filters), so the kept counts can answer it.
    const { offset: _offset, limit: _limit, sort: _sort, ...filter } = query;
    // Past the last match (or none), the combined query has no row to carry the count.
    const total = hits.length ? hits[0][1] : countMatching(db, filter);
    const ids = ranked ? hits.map(([id]) => id) : query.offset < total ? pageIds(db, query) : [];
    return { total, offset: query.offset, rows: rowsFor(db, ids, filterSql(db, { search: query.search }).match) };
  });
}

export function countResponses(db: Db, filter: ResponseFilter): number {
  return withSearchErrors(filter, () => countMatching(db, filter));
}

interface RespondentRow {
  id: number;
  externalId: string;
  type: string | null;
  organisation: string | null;
  city: string | null;
  submittedAt: string | null;
  channel: string | null;
  attributes: string;
}

export function getResponse(db: Db, id: number, search?: string): ResponseDetail {
  const response = db
    .prepare(
      `SELECT id, question_id AS questionId, text, respondent_id AS respondentId, ${STATE_SQL} AS state FROM response r WHERE id = ?`,
    )
    .get(id) as { id: number; questionId: number; text: string; respondentId: number; state: string } | undefined;
  if (!response) throw new AppError('NOT_FOUND', `There is no response ${id}.`);
  const p = db
    .prepare(
      `SELECT id, external_id AS externalId, type, organisation, city, submitted_at AS submittedAt, channel, attributes
         FROM respondent WHERE id = ?`,
    )
    .get(response.respondentId) as RespondentRow;
  const answers = db
    .prepare(
      `SELECT r.id AS responseId, q.id AS questionId, q.code AS questionCode, q.text AS questionText, r.text
         FROM response r JOIN question q ON q.id = r.question_id WHERE r.respondent_id = ? ORDER BY q.position`,
    )
    .all(p.id) as {
    responseId: number;
    questionId: number;
    questionCode: string;
    questionText: string;
    text: string;
  }[];
  const match = withSearchErrors({ search }, () => filterSql(db, { search }).match);
  const highlighted = match
    ? markMatches(
        db,
        match,
        answers.map((a) => ({ id: a.responseId, text: a.text })),
        'highlight',
      )
    : new Map<number, string>();
  const themes = optionalTables(db).themes
    ? (db
        .prepare(
          "SELECT t.name FROM assignment a JOIN theme t ON t.id = a.theme_id WHERE a.response_id = ? AND a.state <> 'rejected' ORDER BY t.name",
        )
        .pluck()
        .all(id) as string[])
    : [];
  return {
    id: response.id,
    questionId: response.questionId,
    text: response.text,
    triage: readState(response.state),
    themes,
    respondent: {
      ...p,
      attributes: JSON.parse(p.attributes) as Record<string, string>,
      answers: answers.map(({ text, ...a }) => {
        const marked = highlighted.get(a.responseId);
        const segs: TextSegment[] = marked !== undefined ? segments(marked, text) : plain(text);
        return { ...a, segments: segs };
      }),
    },
  };
}

export function responseFacets(db: Db): Facets {
  // Both menus in one pass over the (city, type) index rather than one pass each.
  const counts = db
    .prepare(
      `WITH pair AS MATERIALIZED (SELECT city, type, count(*) AS n FROM respondent GROUP BY city, type)
       SELECT 'city' AS facet, city AS value, sum(n) AS count FROM pair WHERE city IS NOT NULL GROUP BY city
       UNION ALL
       SELECT 'type', type, sum(n) FROM pair WHERE type IS NOT NULL GROUP BY type
       ORDER BY facet, count DESC, value`,
    )
    .all() as { facet: 'city' | 'type'; value: string; count: number }[];
  const facet = (name: 'city' | 'type') =>
    counts.filter((c) => c.facet === name).map(({ value, count }) => ({ value, count }));
  const cities = facet('city');
  const regionCounts = new Map<string, number>();
  for (const c of cities) {
    const region = regionOf(c.value);
    if (region) regionCounts.set(region, (regionCounts.get(region) ?? 0) + c.count);
  }
  // Two subqueries, so each is one step down the date index (min and max together would scan it).
  const span = db
    .prepare(
      `SELECT substr((SELECT min(submitted_at) FROM respondent), 1, 10) AS "from",
              substr((SELECT max(submitted_at) FROM respondent), 1, 10) AS "to"`,
    )
    .get() as {
    from: string | null;
    to: string | null;
  };
  const optional = optionalTables(db);
  const themes = optional.themes
    ? (db
        .prepare(
          `SELECT id, name, ${optional.themes.questionColumn ? 'question_id' : 'NULL'} AS questionId FROM theme ORDER BY name`,
        )
        .all() as Facets['themes'])
    : [];
  return {
    types: facet('type'),
    cities,
    regions: [...regionCounts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    submitted: span.from && span.to ? { from: span.from, to: span.to } : null,
    available: { themes: optional.themes !== null },
    themes,
  };
}
