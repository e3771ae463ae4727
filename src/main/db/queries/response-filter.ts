import { AppError } from '../../util/errors';
import type { Priority, ResponseFilter } from '../../../shared/api';
import { placesIn } from '../../../shared/places';
import { PRIORITIES } from '../../../shared/triage';
import { toFtsQuery } from '../../search/fts-query';
import type { Db } from '../connection';
import { ukDayEndBound, ukDayStartBound } from '../../util/uk-time';
import { optionalTables } from './optional-tables';
import { signalFilterSql } from './signals';

/**
 * A ResponseFilter as SQL over `response r` (and `respondent p` when `usesRespondent`). One builder for
 * every query that filters responses: the list, the count, bulk actions, saved views.
 */
export interface FilterSql {
  /** Conditions ANDed together, the search apart (see `match`); empty for "everything". */
  conditions: string[];
  params: unknown[];
  usesRespondent: boolean;
  /** The FTS5 query when searching, null otherwise. */
  match: string | null;
}

/**
 * Responses a campaign group that counts once stands for through its template: the view "each campaign
 * once" leaves them out (the complement of the `counted_response` view, as a set SQLite builds once).
 */
export const CAMPAIGN_COPIES = `SELECT m.response_id FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id
  WHERE g.status <> 'dismissed' AND g.counting = 'one' AND m.response_id <> g.template_response_id`;

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(',');

export const priorityNumber = (p: Priority): number => PRIORITIES.indexOf(p);

function facetPlaces(db: Db): string[] {
  return db.prepare('SELECT DISTINCT city FROM respondent WHERE city IS NOT NULL').pluck().all() as string[];
}

export function filterSql(db: Db, filter: ResponseFilter): FilterSql {
  const conditions: string[] = [];
  const params: unknown[] = [];
  let usesRespondent = false;
  const add = (sql: string, ...values: unknown[]): void => {
    conditions.push(sql);
    params.push(...values);
  };

  if (filter.questionId !== undefined) add('r.question_id = ?', filter.questionId);

  const match = filter.search?.trim() ? toFtsQuery(filter.search.trim()) : null;

  if (filter.unread) add("r.status = 'new'");
  if (filter.statuses?.length) add(`r.status IN (${placeholders(filter.statuses.length)})`, ...filter.statuses);
  if (filter.priorities?.length) {
    add(`r.priority IN (${placeholders(filter.priorities.length)})`, ...filter.priorities.map(priorityNumber));
  }
  if (filter.flags?.length) {
    add(
      `r.id IN (SELECT response_id FROM response_flag WHERE flag IN (${placeholders(filter.flags.length)}))`,
      ...filter.flags,
    );
  }
  if (filter.assignee !== undefined) add('r.assignee = ?', filter.assignee);

  if (filter.respondentTypes?.length) {
    usesRespondent = true;
    add(`p.type IN (${placeholders(filter.respondentTypes.length)})`, ...filter.respondentTypes);
  }
  const places = [
    ...(filter.cities ?? []),
    ...(filter.regions?.length ? placesIn(filter.regions, facetPlaces(db)) : []),
  ];
  if (filter.cities?.length || filter.regions?.length) {
    usesRespondent = true;
    // A region with no known place in this project matches nothing, as it should.
    add(places.length ? `p.city IN (${placeholders(places.length)})` : '0', ...places);
  }
  // Days are UK days (src/main/util/uk-time.ts), as the Dashboard draws them.
  if (filter.submittedFrom) {
    usesRespondent = true;
    add('p.submitted_at >= ?', ukDayStartBound(filter.submittedFrom));
  }
  if (filter.submittedTo) {
    usesRespondent = true;
    add('p.submitted_at < ?', ukDayEndBound(filter.submittedTo));
  }
  if (filter.notGiven?.includes('type')) {
    usesRespondent = true;
    add('p.type IS NULL');
  }
  if (filter.notGiven?.includes('place')) {
    usesRespondent = true;
    add('p.city IS NULL');
  }
  for (const answer of filter.answers ?? []) {
    if (!answer.options.length) continue;
    // A set of respondents built once from the question's answers beats probing each row's respondent; the
    // length term lets SQLite use the short-answer index (migration 3) when every option is short.
    const short = answer.options.every((o) => o.length <= 120) ? ' AND length(c.text) <= 120' : '';
    add(
      `r.respondent_id IN (SELECT c.respondent_id FROM response c WHERE c.question_id = ?${short} AND c.text IN (${placeholders(answer.options.length)}))`,
      answer.questionId,
      ...answer.options,
    );
  }

  // Themes arrive with the themes area's migration: without its tables, no response is known to have one.
  const optional = optionalTables(db);
  if (filter.themes?.ids.length) {
    const ids = filter.themes.ids;
    if (!optional.themes) add('0');
    else if (filter.themes.mode === 'all') {
      add(
        `(SELECT count(DISTINCT a.theme_id) FROM assignment a WHERE a.response_id = r.id AND a.state <> 'rejected' AND a.theme_id IN (${placeholders(ids.length)})) = ?`,
        ...ids,
        new Set(ids).size,
      );
    } else
      add(
        `r.id IN (SELECT response_id FROM assignment WHERE state <> 'rejected' AND theme_id IN (${placeholders(ids.length)}))`,
        ...ids,
      );
  }
  if (filter.coding?.length) {
    // Which of hand (0), model (1) or none (NULL) a response's live assignments make it; people only accept.
    const state = optional.themes
      ? "(SELECT min(a.state <> 'accepted') FROM assignment a WHERE a.response_id = r.id AND a.state <> 'rejected')"
      : 'NULL';
    const wanted = filter.coding.map((c) =>
      c === 'hand' ? `${state} = 0` : c === 'model' ? `${state} = 1` : `${state} IS NULL`,
    );
    add(wanted.length === 1 ? wanted[0] : `(${wanted.join(' OR ')})`);
  }
  // Personal data, campaigns, stance and sentiment: the signals area's own SQL (docs/SIGNALS.md).
  const signals = signalFilterSql({
    personalData: filter.hasPersonalData,
    campaign: filter.campaign === 'unique' ? 'individual' : filter.campaign,
    stance: filter.stances,
    sentiment: filter.sentiments,
  });
  conditions.push(...signals.sql);
  params.push(...signals.params);
  if (filter.counting === 'campaigns-once') add(`r.id NOT IN (${CAMPAIGN_COPIES})`);
  return { conditions, params, usesRespondent, match };
}

/**
 * `FROM response r … WHERE …` and its parameters for a filter, joining the respondent only when the filter
 * (or `withRespondent`) needs it. A search is a membership test (the unary + stops SQLite from probing the
 * list of matches once per row of another index, which at scale is ruinous): the other filters' indexes
 * drive, and the matches are looked up once.
 */
export function fromWhere(f: FilterSql, withRespondent = false): { sql: string; params: unknown[] } {
  const join = f.usesRespondent || withRespondent ? ' JOIN respondent p ON p.id = r.respondent_id' : '';
  const conditions = f.match
    ? ['+r.id IN (SELECT rowid FROM response_fts WHERE response_fts MATCH ?)', ...f.conditions]
    : f.conditions;
  return {
    sql: `FROM response r${join}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`,
    params: f.match ? [f.match, ...f.params] : f.params,
  };
}

/**
 * `FROM response_fts WHERE …` for a search (and the ranking that only the search index can give): the
 * matches are the outer loop, and the other filters a set of ids built once from their indexes.
 */
export function fromSearch(f: FilterSql & { match: string }): { sql: string; params: unknown[] } {
  if (!f.conditions.length) return { sql: 'FROM response_fts WHERE response_fts MATCH ?', params: [f.match] };
  const rest = fromWhere({ ...f, match: null });
  return {
    sql: `FROM response_fts WHERE response_fts MATCH ? AND +rowid IN (SELECT r.id ${rest.sql})`,
    params: [f.match, ...rest.params],
  };
}

/** Filters the per-question status counts answer without counting rows (see migration 3). */
const COUNTED_KEYS = new Set<keyof ResponseFilter>(['questionId', 'statuses', 'unread']);
/** Filters the date order (migration 6) answers from its index alone. */
const DATED_KEYS = new Set<keyof ResponseFilter>(['questionId', 'submittedFrom', 'submittedTo']);

/**
 * The SQL that counts a filter's responses. The commonest counts (everything, a question, a status, unread)
 * come from the kept counts; a plain search is counted in the search index alone; anything else is counted
 * in SQL from indexes.
 */
export function countQuery(db: Db, filter: ResponseFilter): { sql: string; params: unknown[] } {
  const f = filterSql(db, filter);
  // Counting every response is no filter at all.
  const keys = (Object.keys(filter) as (keyof ResponseFilter)[]).filter(
    (k) => filter[k] !== undefined && k !== 'search' && !(k === 'counting' && filter.counting === 'responses'),
  );
  if (!f.match && keys.every((k) => COUNTED_KEYS.has(k))) {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.questionId !== undefined) {
      conditions.push('question_id = ?');
      params.push(filter.questionId);
    }
    if (filter.unread) conditions.push("status = 'new'");
    if (filter.statuses?.length) {
      conditions.push(`status IN (${placeholders(filter.statuses.length)})`);
      params.push(...filter.statuses);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    return { sql: `SELECT coalesce(sum(n), 0) FROM response_status_count ${where}`, params };
  }
  if (!f.match && keys.every((k) => DATED_KEYS.has(k))) {
    // A date range (in a question): counted in the date order's index, not by joining every respondent in it.
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.questionId !== undefined) {
      conditions.push('question_id = ?');
      params.push(filter.questionId);
    }
    if (filter.submittedFrom) {
      conditions.push('submitted_at >= ?');
      params.push(ukDayStartBound(filter.submittedFrom));
    }
    if (filter.submittedTo) {
      conditions.push('submitted_at < ?');
      params.push(ukDayEndBound(filter.submittedTo));
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    return { sql: `SELECT count(*) FROM response_date ${where}`, params };
  }
  if (f.match) {
    const { sql, params } = fromSearch({ ...f, match: f.match });
    return { sql: `SELECT count(*) ${sql}`, params };
  }
  const { sql, params } = fromWhere(f);
  return { sql: `SELECT count(*) ${sql}`, params };
}

export function countMatching(db: Db, filter: ResponseFilter): number {
  const { sql, params } = countQuery(db, filter);
  return db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

/** FTS5 can still reject a query our parser let through; the user gets a message, not an error page. */
export function withSearchErrors<T>(filter: ResponseFilter, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (filter.search && !(error instanceof AppError) && /fts5|syntax error/i.test((error as Error).message)) {
      throw new AppError(
        'INVALID_INPUT',
        `The search ${JSON.stringify(filter.search)} could not be understood (${(error as Error).message}). Put phrases in "double quotes", write AND, OR and NOT in capitals between words, and * only at the end of a word.`,
        { field: 'search' },
      );
    }
    throw error;
  }
}
