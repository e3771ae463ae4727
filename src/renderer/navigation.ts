import type { DashboardFilter } from '../shared/api';
import { responsesHash } from '../shared/filter-link';

export { readFilterFromHash, readResponsesFilter, responsesHash } from '../shared/filter-link';

/** Opens the Responses area filtered to exactly `filter`'s responses (`#/responses?filter=<JSON>`). */
export function openResponses(filter: DashboardFilter): void {
  window.location.hash = responsesHash(filter);
}
