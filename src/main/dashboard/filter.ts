import type { CountingView, DashboardFilter } from '../../shared/api';
import type { Db } from '../db/connection';
import { AppError } from '../util/errors';
import { dashboardSchema, LIVE_ASSIGNMENT } from './schema';

/**
 * The one place the dashboard turns a filter and a counting view into SQL. It implements the fields of
 * the Responses area's filter with the same meaning as issue 4's `filterSql` (src/main/db/queries/
 * response-filter.ts in that branch), which replaces the body of `viewSql` at merge.
 *
 * Conditions are split by table so each query can put them where its indexes work: `response` conditions
 * are over `response r` (and may use r.respondent_id), `respondent` conditions over `respondent p`.
 */
export interface ViewSql {
  response: string[];
  responseParams: unknown[];
  respondent: string[];
  respondentParams: unknown[];
  /**
   * A SELECT of the ids of responses the counting view leaves out: copies in a campaign group that counts
   * once (the group's template stands for them). Null when every response counts. Not correlated with the
   * outer query, so SQLite builds the (small) set once per query rather than probing for every response.
   */
  copies: string | null;
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(',');

export function viewSql(db: Db, filter: DashboardFilter, counting: CountingView): ViewSql {
  const v: ViewSql = { response: [], responseParams: [], respondent: [], respondentParams: [], copies: null };
  const onResponse = (sql: string, ...params: unknown[]): void => {
    v.response.push(sql);
    v.responseParams.push(...params);
  };
  const onRespondent = (sql: string, ...params: unknown[]): void => {
    v.respondent.push(sql);
    v.respondentParams.push(...params);
  };
  const schema = dashboardSchema(db);

  if (filter.questionId !== undefined) onResponse('r.question_id = ?', filter.questionId);
  const search = filter.search?.trim();
  if (search) onResponse('r.id IN (SELECT rowid FROM response_fts WHERE response_fts MATCH ?)', search);
  if (filter.respondentTypes?.length)
    onRespondent(`p.type IN (${placeholders(filter.respondentTypes.length)})`, ...filter.respondentTypes);
  if (filter.cities?.length) onRespondent(`p.city IN (${placeholders(filter.cities.length)})`, ...filter.cities);
  if (filter.submittedFrom) onRespondent('p.submitted_at >= ?', filter.submittedFrom);
  // Inclusive of the whole last day, whatever the time of day is stored.
  if (filter.submittedTo) onRespondent("p.submitted_at < date(?, '+1 day')", filter.submittedTo);
  for (const answer of filter.answers ?? []) {
    if (!answer.options.length) continue;
    onRespondent(
      `EXISTS (SELECT 1 FROM response c WHERE c.respondent_id = p.id AND c.question_id = ? AND c.text IN (${placeholders(answer.options.length)}))`,
      answer.questionId,
      ...answer.options,
    );
  }
  // Without their tables, theme and campaign filters match nothing they would not match with no data.
  // A rejected assignment is an analyst's "no": it never counts as the theme (issue 4's filter must agree).
  if (filter.themes?.ids.length) {
    const ids = filter.themes.ids;
    if (!schema.themes) onResponse('0');
    else if (filter.themes.mode === 'all') {
      onResponse(
        `(SELECT count(DISTINCT a.theme_id) FROM assignment a WHERE a.response_id = r.id AND ${LIVE_ASSIGNMENT} AND a.theme_id IN (${placeholders(ids.length)})) = ?`,
        ...ids,
        new Set(ids).size,
      );
    } else
      onResponse(
        `r.id IN (SELECT a.response_id FROM assignment a WHERE ${LIVE_ASSIGNMENT} AND a.theme_id IN (${placeholders(ids.length)}))`,
        ...ids,
      );
  }
  const member = schema.campaigns
    ? "EXISTS (SELECT 1 FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id WHERE m.response_id = r.id AND g.status <> 'dismissed')"
    : '0';
  if (filter.campaign) onResponse(filter.campaign === 'member' ? member : `NOT ${member}`);
  if (counting === 'campaigns-once' && schema.campaigns) {
    v.copies = `SELECT m.response_id FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id
      WHERE g.status <> 'dismissed' AND g.counting = 'one' AND m.response_id <> g.template_response_id`;
  }
  return v;
}

const and = (parts: string[]): string => parts.map((p) => ` AND ${p}`).join('');

/**
 * Respondents in view, as conditions over `respondent p`: they match the respondent conditions and have a
 * matching response; under "campaigns once", none of their matching responses is a campaign copy (so with a
 * question chosen, each answer is judged on its own; with none, a submission with a campaign copy in it is
 * the campaign's, counted once through its template's respondent).
 */
export function respondentsWhere(v: ViewSql): { sql: string; params: unknown[] } {
  const conditions = [...v.respondent];
  const params = [...v.respondentParams];
  conditions.push(`EXISTS (SELECT 1 FROM response r WHERE r.respondent_id = p.id${and(v.response)})`);
  params.push(...v.responseParams);
  if (v.copies) {
    conditions.push(
      `p.id NOT IN (SELECT r.respondent_id FROM response r WHERE r.id IN (${v.copies})${and(v.response)})`,
    );
    params.push(...v.responseParams);
  }
  return { sql: conditions.join(' AND '), params };
}

/** Responses in view, as conditions over `response r JOIN respondent p`, each campaign copy left out under "campaigns once". */
export function responsesWhere(v: ViewSql): { sql: string; params: unknown[]; needsRespondent: boolean } {
  const conditions = [...v.response, ...v.respondent, ...(v.copies ? [`r.id NOT IN (${v.copies})`] : [])];
  return {
    sql: conditions.length ? conditions.join(' AND ') : '1',
    params: [...v.responseParams, ...v.respondentParams],
    needsRespondent: v.respondent.length > 0,
  };
}

/** FTS5 reports a malformed search as an SQLite error; the user gets a message about their search instead. */
export function withSearchErrors<T>(filter: DashboardFilter, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (
      filter.search &&
      !(error instanceof AppError) &&
      /fts5|syntax error|unterminated|no such column/i.test((error as Error).message)
    ) {
      throw new AppError(
        'INVALID_INPUT',
        `The search "${filter.search}" could not be understood. Put phrases in double quotes, use AND, OR and NOT in capitals between words, and * only at the end of a word.`,
        { field: 'search' },
      );
    }
    throw error;
  }
}
