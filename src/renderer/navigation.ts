import type { ResponseFilter } from '../shared/api';
import { responsesHash } from '../shared/filter-link';

/** Opens the Responses area filtered to exactly `filter`'s responses (`#/responses?filter=<JSON>`). */
export function openResponses(filter: ResponseFilter): void {
  window.location.hash = responsesHash(filter);
}
