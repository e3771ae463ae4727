import type { DashboardFilter } from '../../shared/api';
import type { Db } from '../db/connection';
import { NOT_GIVEN } from './common';

/** The cities of the TechNorth partnership, which the Northern Futures charts single out. */
const TECHNORTH_CITIES = ['Manchester', 'Leeds', 'Sheffield', 'Liverpool', 'Newcastle'];
const FOCUS_COUNT = 5;
export const ELSEWHERE = '\u0000elsewhere';
/** The Responses filter takes at most this many places (issue 4's schema). */
const MAX_FILTER_PLACES = 200;

/**
 * The places the place charts show on their own: the five TechNorth cities where respondents name any of
 * them, otherwise (another consultation) the five places most respondents give.
 */
export function focusPlaces(db: Db): string[] {
  const counts = db
    .prepare('SELECT city, count(*) AS n FROM respondent WHERE city IS NOT NULL GROUP BY city ORDER BY n DESC, city')
    .all() as { city: string; n: number }[];
  if (counts.some((c) => TECHNORTH_CITIES.includes(c.city))) return TECHNORTH_CITIES;
  return counts.slice(0, FOCUS_COUNT).map((c) => c.city);
}

/** SQL over `respondent p` grouping each respondent into a focus place, ELSEWHERE or NULL (not given). */
export function placeKeySql(focus: string[]): { sql: string; params: unknown[] } {
  if (!focus.length) return { sql: 'CASE WHEN p.city IS NULL THEN NULL ELSE ? END', params: [ELSEWHERE] };
  return {
    sql: `CASE WHEN p.city IN (${focus.map(() => '?').join(',')}) THEN p.city WHEN p.city IS NULL THEN NULL ELSE ? END`,
    params: [...focus, ELSEWHERE],
  };
}

export const placeLabel = (key: string): string =>
  key === ELSEWHERE ? 'Elsewhere' : key === NOT_GIVEN ? 'Not given' : key;

/**
 * The filter for the respondents of one place group: that place, or for "elsewhere" every other place named
 * in the project (within the filter's own places). Null where it cannot be expressed: "not given", or more
 * places than the Responses filter takes.
 */
export function placeFilter(db: Db, filter: DashboardFilter, key: string, focus: string[]): DashboardFilter | null {
  if (key === NOT_GIVEN) return null;
  if (key !== ELSEWHERE) return { ...filter, cities: [key] };
  let others = db
    .prepare('SELECT DISTINCT city FROM respondent WHERE city IS NOT NULL ORDER BY city')
    .pluck()
    .all() as string[];
  others = others.filter((c) => !focus.includes(c) && (!filter.cities?.length || filter.cities.includes(c)));
  return others.length && others.length <= MAX_FILTER_PLACES ? { ...filter, cities: others } : null;
}
