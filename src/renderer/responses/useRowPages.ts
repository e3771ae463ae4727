import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseQuery, ResponseRow } from '../../shared/api';
import { api } from '../api';

export const PAGE = 50;

type Query = Omit<ResponseQuery, 'offset' | 'limit'>;

/**
 * The rows of a query, fetched a page at a time as they scroll into view: never more than are shown (plus a
 * page either side). A new query starts afresh; refresh() re-reads the pages already loaded, in place, after
 * a decision, so the table keeps its scroll position.
 */
export function useRowPages(query: Query) {
  const key = JSON.stringify(query);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pages, setPages] = useState<Map<number, ResponseRow[]>>(new Map());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);

  const fetchPage = useCallback(
    (page: number, gen: number) =>
      api.call('responses.list', { ...(JSON.parse(key) as Query), offset: page * PAGE, limit: PAGE }).then(
        (result) => {
          if (gen !== generation.current) return;
          setTotal(result.total);
          setError(null);
          setPages((prev) => new Map(prev).set(page, result.rows));
        },
        (e: unknown) => {
          if (gen !== generation.current) return;
          loading.current.delete(page);
          setError(e instanceof Error ? e.message : String(e));
          setTotal(0);
          setPages(new Map());
        },
      ),
    [key],
  );

  const load = useCallback(
    (page: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      void fetchPage(page, generation.current);
    },
    [fetchPage],
  );

  useEffect(() => {
    generation.current += 1;
    loading.current = new Set();
    setPages(new Map());
    setTotal(null);
    load(0);
  }, [load]);

  const refresh = useCallback(() => {
    generation.current += 1;
    const gen = generation.current;
    const loaded = [...loading.current];
    if (!loaded.length) loaded.push(0);
    for (const page of loaded) void fetchPage(page, gen);
  }, [fetchPage]);

  /** Changes a loaded row without a round trip (marking read must not reorder anything). */
  const patch = useCallback((id: number, change: Partial<ResponseRow>) => {
    setPages((prev) => {
      for (const [page, rows] of prev) {
        const at = rows.findIndex((r) => r.id === id);
        if (at >= 0) {
          const next = rows.slice();
          next[at] = { ...rows[at], ...change };
          return new Map(prev).set(page, next);
        }
      }
      return prev;
    });
  }, []);

  const row = (index: number): ResponseRow | undefined => pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  const indexOf = (id: number): number | null => {
    for (const [page, rows] of pages) {
      const at = rows.findIndex((r) => r.id === id);
      if (at >= 0) return page * PAGE + at;
    }
    return null;
  };
  return { total, error, row, load, refresh, patch, indexOf };
}
