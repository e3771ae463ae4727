import type { ResponseFilter } from './api';
import { filterFields, filterSchema } from './filter-schema';

/**
 * Addresses that carry the one filter model: `#/responses?filter=<JSON>` (a bar's click-through) and
 * `#/dashboard?filter=<JSON>` (the dashboard's own address, so Back returns to the same view).
 */
export type FilterArea = 'responses' | 'dashboard';

/** The hash that opens `area` filtered to exactly `filter`. */
export function filterHash(area: FilterArea, filter: ResponseFilter): string {
  return `#/${area}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

/** The hash that opens the Responses area filtered to exactly `filter`'s responses. */
export const responsesHash = (filter: ResponseFilter): string => filterHash('responses', filter);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An empty list or a theme filter without themes narrows nothing: left out, as the filter bar leaves them out. */
const narrows = (v: unknown): boolean =>
  !(Array.isArray(v) && v.length === 0) && !(isObject(v) && Array.isArray(v.ids) && v.ids.length === 0);

/**
 * Reads and checks a filter from a hash like `#/responses?filter=…` (anything the user can paste in the
 * address bar) with the backend's own checks, field by field: unknown fields and malformed values are
 * dropped, never trusted. Null when there is none.
 */
export function readFilterFromHash(hash: string): ResponseFilter | null {
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
  const kept = Object.entries(filterFields).flatMap(([key, field]) => {
    const checked = field.safeParse(parsed[key]);
    return checked.success && checked.data !== undefined && narrows(checked.data) ? [[key, checked.data]] : [];
  });
  // Every field passed its own check, so the whole does too; parsing again gives the typed filter.
  return filterSchema.parse(Object.fromEntries(kept));
}

/** The area a hash opens ("responses" for `#/responses?filter=…`). */
export const areaOf = (hash: string): string => hash.replace(/^#\/?/, '').split('?')[0];

/** The Responses area's filter from its address. */
export const readResponsesFilter = (hash: string): ResponseFilter | null =>
  areaOf(hash) === 'responses' ? readFilterFromHash(hash) : null;
