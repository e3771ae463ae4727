import type { ResponseFilter } from '../shared/api';

/**
 * Links into the Responses area with a filter applied, for other areas (the dashboard's click-through):
 * `#/responses?filter=<JSON>`. The backend validates the filter like any other input.
 */
export function responsesHref(filter: ResponseFilter): string {
  return `#/responses?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

/** The filter in the current address, if it carries one. */
export function filterFromLocation(): ResponseFilter | null {
  const query = window.location.hash.split('?')[1];
  const raw = query ? new URLSearchParams(query).get('filter') : null;
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as ResponseFilter) : null;
  } catch {
    return null;
  }
}
