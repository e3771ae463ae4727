import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ResponseFilter } from '../shared/api';
import { areaOf, filterHash, readFilterFromHash, type FilterArea } from '../shared/filter-link';

/**
 * The one filter the Responses area and the Dashboard share: set it in one and the other shows it. An address
 * that carries a filter (a bar's click-through, Back to the dashboard, a pasted link) replaces it on arrival.
 */
let current: ResponseFilter = readFilterFromHash(window.location.hash) ?? {};
const listeners = new Set<() => void>();

/** Without the parts that narrow nothing, so "no filter" is always `{}`. */
function clean(filter: ResponseFilter): ResponseFilter {
  const next = { ...filter };
  for (const [k, v] of Object.entries(next))
    if (v === undefined || (Array.isArray(v) && v.length === 0)) delete next[k as keyof ResponseFilter];
  return next;
}

export function getFilter(): ResponseFilter {
  return current;
}

export function setFilter(filter: ResponseFilter): void {
  const next = clean(filter);
  if (JSON.stringify(next) === JSON.stringify(current)) return;
  current = next;
  for (const listener of listeners) listener();
}

window.addEventListener('hashchange', () => {
  const linked = readFilterFromHash(window.location.hash);
  if (linked) setFilter(linked);
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The shared filter, and the way to change it. */
export function useSharedFilter(): [ResponseFilter, (filter: ResponseFilter) => void] {
  return [useSyncExternalStore(subscribe, getFilter), setFilter];
}

/**
 * Keeps `area`'s address showing the filter (replacing the history entry, not adding one), so Back from a
 * click-through returns to the same view. Written even when empty, so Back restores "no filter" too.
 */
export function useFilterInAddress(area: FilterArea, filter: ResponseFilter): void {
  useEffect(() => {
    // While another area opens, this one may still render the filter that area brought: leave its address be.
    if (areaOf(window.location.hash || `#/${area}`) !== area) return;
    window.history.replaceState(null, '', filterHash(area, filter));
  }, [area, filter]);
}

/**
 * The search box's text, which becomes the filter's search once the user pauses typing, and follows the
 * filter when its search changes elsewhere (a chip removed, a link, a saved view).
 */
export function useSearchText(filter: ResponseFilter): [string, (text: string) => void] {
  const search = filter.search ?? '';
  const [text, setText] = useState(search);
  const sent = useRef(search);
  useEffect(() => {
    if (search === sent.current) return;
    sent.current = search;
    setText(search);
  }, [search]);
  useEffect(() => {
    const timer = setTimeout(() => {
      const next = text.trim();
      if (next === (getFilter().search ?? '')) return;
      sent.current = next;
      setFilter({ ...getFilter(), search: next || undefined });
    }, 300);
    return () => clearTimeout(timer);
  }, [text]);
  return [text, setText];
}
