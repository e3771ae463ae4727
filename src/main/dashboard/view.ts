import type { CountingView, DashboardFilter } from '../../shared/api';
import { filterSql, fromSearch, fromWhere } from '../db/queries/response-filter';
import type { Db } from '../db/connection';
import { COPY, MEMBER, scan, type Facts } from './facts';

/** Respondent bits in a view: they have a response in view; one of those is in a campaign; one is not. */
export const IN_VIEW = 1;
export const IN_CAMPAIGN = 2;
export const OUTSIDE_CAMPAIGN = 4;

/**
 * The responses and respondents a filter and counting view select. The filter means exactly what it means in
 * the Responses area: anything beyond a question is selected by the Responses area's own SQL
 * (src/main/db/queries/response-filter.ts), so a bar's filter opens exactly the responses it counts.
 */
export interface View {
  /** By response id: 1 when in view. */
  responses: Uint8Array;
  /** By respondent id: IN_VIEW, IN_CAMPAIGN and OUTSIDE_CAMPAIGN bits. */
  respondents: Uint8Array;
  responseCount: number;
  respondentCount: number;
}

/**
 * Under "each campaign once", a campaign copy is left out (its group's template stands for it), and a
 * respondent is in view when one of their responses in view is counted: the respondents of the responses the
 * Responses area lists under the same filter.
 */
export function selectView(db: Db, facts: Facts, filter: DashboardFilter, counting: CountingView): View {
  const { counting: _ignored, questionId, ...rest } = filter;
  const responses = new Uint8Array(facts.question.length);
  if (Object.values(rest).some((v) => v !== undefined)) {
    // The Responses area's SQL selects them; the question, if any, narrows its scan.
    const f = filterSql(db, { ...rest, questionId });
    const { sql, params } = f.match ? fromSearch({ ...f, match: f.match }) : fromWhere(f);
    scan(db, `${f.match ? 'rowid' : 'r.id'}, 0, 0, 0`, sql, params, (id) => {
      responses[id as number] = 1;
    });
  } else {
    for (let r = 0; r < responses.length; r++)
      if (facts.question[r] !== 0 && (questionId === undefined || facts.question[r] === questionId)) responses[r] = 1;
  }
  const once = counting === 'campaigns-once';
  const respondents = new Uint8Array(facts.type.length);
  let responseCount = 0;
  let respondentCount = 0;
  for (let r = 0; r < responses.length; r++) {
    if (!responses[r]) continue;
    const campaign = facts.campaign[r];
    if (once && campaign & COPY) {
      responses[r] = 0;
      continue;
    }
    responseCount++;
    const p = facts.respondent[r];
    if (!respondents[p]) respondentCount++;
    respondents[p] |= IN_VIEW | (campaign & MEMBER ? IN_CAMPAIGN : OUTSIDE_CAMPAIGN);
  }
  return { responses, respondents, responseCount, respondentCount };
}
