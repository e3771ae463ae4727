import type { DashboardFilter } from '../../shared/api';
import { barFilter, notGivenFilter, NOT_GIVEN, type ChartContext } from './common';
import type { Facts } from './facts';

/** The cities of the TechNorth partnership, which the Northern Futures charts single out. */
const TECHNORTH_CITIES = ['Manchester', 'Leeds', 'Sheffield', 'Liverpool', 'Newcastle'];
const FOCUS_COUNT = 5;
export const ELSEWHERE = '\u0000elsewhere';
/** The Responses filter takes at most this many places. */
const MAX_FILTER_PLACES = 200;

/**
 * The places the place charts show on their own: the five TechNorth cities where respondents name any of
 * them, otherwise (another consultation) the five places most respondents give.
 */
export function focusPlaces(facts: Facts): string[] {
  if (facts.places.some((c) => TECHNORTH_CITIES.includes(c))) return TECHNORTH_CITIES;
  const counts = new Array<number>(facts.places.length + 1).fill(0);
  for (let p = 0; p < facts.place.length; p++) counts[facts.place[p]]++;
  return facts.places
    .map((city, i) => ({ city, n: counts[i + 1] }))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n || a.city.localeCompare(b.city))
    .slice(0, FOCUS_COUNT)
    .map((c) => c.city);
}

/** Each place code's group: a focus place, ELSEWHERE or NOT_GIVEN. */
export function placeGroups(facts: Facts, focus: string[]): string[] {
  return [NOT_GIVEN, ...facts.places.map((c) => (focus.includes(c) ? c : ELSEWHERE))];
}

export const placeLabel = (key: string): string =>
  key === ELSEWHERE ? 'Elsewhere' : key === NOT_GIVEN ? 'Not given' : key;

/**
 * The filter for the respondents of one place group: that place, "not given", or for "elsewhere" every other
 * place named in the project (within the filter's own places); null where there are more places than the
 * Responses filter takes.
 */
export function placeFilter(ctx: ChartContext, key: string, focus: string[]): DashboardFilter | null {
  if (key === NOT_GIVEN) return notGivenFilter(ctx, 'place');
  if (key !== ELSEWHERE) return barFilter(ctx, { cities: [key] });
  const chosen = ctx.filter.cities;
  const others = ctx.facts.places.filter((c) => !focus.includes(c) && (!chosen?.length || chosen.includes(c))).sort();
  return others.length && others.length <= MAX_FILTER_PLACES ? barFilter(ctx, { cities: others }) : null;
}
