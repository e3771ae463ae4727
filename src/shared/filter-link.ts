import type { DashboardFilter } from './api';

/**
 * Links between areas that carry a filter: `#/responses?filter=<JSON>`. The filter is the Responses area's
 * (DashboardFilter names the fields the dashboard sets; at merge it is ResponseFilter).
 */
const RESPONSES = '#/responses';

/** The hash that opens the Responses area filtered to exactly `filter`'s responses. */
export function responsesHash(filter: DashboardFilter): string {
  return `${RESPONSES}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;
const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const strings = (v: unknown): string[] | null =>
  Array.isArray(v) && v.length <= 200 && v.every((s) => typeof s === 'string' && s.length <= 200)
    ? (v as string[])
    : null;

/**
 * Reads and checks a filter from a hash like `#/responses?filter=…` (anything the user can paste in the
 * address bar): unknown fields and malformed values are dropped, never trusted. Null when there is none.
 */
export function readFilterFromHash(hash: string): DashboardFilter | null {
  const query = hash.split('?')[1];
  if (!query) return null;
  const raw = new URLSearchParams(query).get('filter');
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(parsed)) return null;
  const f: DashboardFilter = {};
  if (isId(parsed.questionId)) f.questionId = parsed.questionId;
  if (typeof parsed.search === 'string' && parsed.search.length <= 1000) f.search = parsed.search;
  const types = strings(parsed.respondentTypes);
  if (types) f.respondentTypes = types;
  const cities = strings(parsed.cities);
  if (cities) f.cities = cities;
  if (isDay(parsed.submittedFrom)) f.submittedFrom = parsed.submittedFrom;
  if (isDay(parsed.submittedTo)) f.submittedTo = parsed.submittedTo;
  if (Array.isArray(parsed.answers)) {
    const answers = parsed.answers.flatMap((a: unknown) => {
      const options = isObject(a) ? strings(a.options) : null;
      return isObject(a) && isId(a.questionId) && options ? [{ questionId: a.questionId, options }] : [];
    });
    if (answers.length) f.answers = answers.slice(0, 50);
  }
  if (
    isObject(parsed.themes) &&
    Array.isArray(parsed.themes.ids) &&
    (parsed.themes.mode === 'any' || parsed.themes.mode === 'all')
  ) {
    const ids = parsed.themes.ids.filter(isId).slice(0, 200);
    if (ids.length) f.themes = { ids, mode: parsed.themes.mode };
  }
  if (parsed.campaign === 'member' || parsed.campaign === 'unique') f.campaign = parsed.campaign;
  return f;
}

/** The Responses area's filter from its address, as that page reads it (wired in at merge). */
export const readResponsesFilter = (hash: string): DashboardFilter | null =>
  hash.startsWith(RESPONSES) ? readFilterFromHash(hash) : null;
