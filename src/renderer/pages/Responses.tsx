import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ResponseQuery, ResponseRow } from '../../shared/api';
import { api } from '../api';
import type { AreaProps } from '../areas';
import { ReadingPane } from '../components/ReadingPane';
import { useCall } from '../hooks';

const PAGE = 50;
const ROW_HEIGHT = 64;
const HEADER_HEIGHT = 36;

interface Filters {
  questionId?: number;
  search: string;
  type: string;
  city: string;
}

const EMPTY: Filters = { search: '', type: '', city: '' };

function toQuery(f: Filters): Omit<ResponseQuery, 'offset' | 'limit'> {
  return {
    questionId: f.questionId,
    search: f.search.trim() || undefined,
    respondentTypes: f.type ? [f.type] : undefined,
    cities: f.city ? [f.city] : undefined,
  };
}

function formatDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }) : '';
}

/** Loads only the pages of rows that are on screen, and forgets them when the query changes. */
function useRowPages(query: Omit<ResponseQuery, 'offset' | 'limit'>) {
  const key = JSON.stringify(query);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pages, setPages] = useState<Map<number, ResponseRow[]>>(new Map());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);

  const load = useCallback(
    (page: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      const gen = generation.current;
      api.call('responses.list', { ...query, offset: page * PAGE, limit: PAGE }).then(
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
        },
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  useEffect(() => {
    generation.current += 1;
    loading.current = new Set();
    setPages(new Map());
    setTotal(null);
    load(0);
  }, [load]);

  const row = (index: number): ResponseRow | undefined => pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  return { total, error, row, load };
}

export function Responses({ project }: AreaProps) {
  const questions = useCall('questions.list', undefined, project.path);
  const facets = useCall('responses.facets', undefined, project.path);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [searchText, setSearchText] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const query = useMemo(() => toQuery(filters), [filters]);
  const { total, error, row, load } = useRowPages(query);
  const scroller = useRef<HTMLDivElement>(null);

  // Search as the user types, once they pause.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.search === searchText ? f : { ...f, search: searchText })), 300);
    return () => clearTimeout(timer);
  }, [searchText]);

  useEffect(() => setSelected(null), [filters]);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // The sticky header row sits above the list inside the same scroller.
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    for (const item of items) if (!row(item.index)) load(Math.floor(item.index / PAGE));
  });

  const move = (to: number) => {
    if (!total) return;
    const next = Math.max(0, Math.min(total - 1, to));
    setSelected(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const current = selected ?? -1;
    const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(current + 1),
      ArrowUp: () => move(current - 1),
      j: () => move(current + 1),
      k: () => move(current - 1),
      PageDown: () => move(current + pageRows),
      PageUp: () => move(current - pageRows),
      Home: () => move(0),
      End: () => move((total ?? 1) - 1),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const selectedRow = selected !== null ? row(selected) : undefined;
  const filtered = filters.questionId !== undefined || filters.search || filters.type || filters.city;
  const clear = () => {
    setSearchText('');
    setFilters(EMPTY);
  };

  return (
    <section className="page responses" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">Responses</h1>
        <p className="count" aria-live="polite">
          {total === null ? 'Counting…' : `${total.toLocaleString('en-GB')} ${total === 1 ? 'response' : 'responses'}${filtered ? ' match' : ''}`}
        </p>
      </div>
      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); setFilters((f) => ({ ...f, search: searchText })); }}>
        <div className="field grow">
          <label htmlFor="search">Search</label>
          <input
            id="search"
            type="search"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            placeholder='Words, "a phrase", graduate*, housing NOT London'
          />
        </div>
        <div className="field">
          <label htmlFor="question">Question</label>
          <select
            id="question"
            value={filters.questionId ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, questionId: e.target.value ? Number(e.target.value) : undefined }))}
          >
            <option value="">All questions</option>
            {questions.data?.map((q) => (
              <option key={q.id} value={q.id}>
                {q.code}: {q.text.length > 60 ? `${q.text.slice(0, 60)}…` : q.text}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="type">Respondent type</label>
          <select id="type" value={filters.type} onChange={(e) => setFilters((f) => ({ ...f, type: e.target.value }))}>
            <option value="">All types</option>
            {facets.data?.types.map((t) => (
              <option key={t.value} value={t.value}>
                {t.value} ({t.count.toLocaleString('en-GB')})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="city">Place</label>
          <select id="city" value={filters.city} onChange={(e) => setFilters((f) => ({ ...f, city: e.target.value }))}>
            <option value="">All places</option>
            {facets.data?.cities.map((c) => (
              <option key={c.value} value={c.value}>
                {c.value} ({c.count.toLocaleString('en-GB')})
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={clear} disabled={!filtered && !searchText}>
          Clear filters
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="split">
        <div
          ref={scroller}
          className="table"
          role="grid"
          aria-label="Responses"
          aria-rowcount={(total ?? 0) + 1}
          aria-activedescendant={selected !== null ? `row-${selected}` : undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          <div className="tr th" role="row" aria-rowindex={1}>
            <span role="columnheader">Respondent</span>
            <span role="columnheader">Question</span>
            <span role="columnheader">Answer</span>
            <span role="columnheader">Type</span>
            <span role="columnheader">Place</span>
            <span role="columnheader">Submitted</span>
          </div>
          <div className="tbody">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const r = row(item.index);
                return (
                  <div
                    key={item.key}
                    id={`row-${item.index}`}
                    className={`tr${item.index === selected ? ' selected' : ''}`}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-selected={item.index === selected}
                    style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                    onClick={() => setSelected(item.index)}
                  >
                    {r ? (
                      <>
                        <span role="gridcell">{r.respondentExternalId}</span>
                        <span role="gridcell">{r.questionCode}</span>
                        <span role="gridcell" className="excerpt">
                          {r.excerpt}
                        </span>
                        <span role="gridcell">{r.respondentType ?? ''}</span>
                        <span role="gridcell">{r.city ?? ''}</span>
                        <span role="gridcell">{formatDate(r.submittedAt)}</span>
                      </>
                    ) : (
                      <span role="gridcell" className="muted">
                        Loading…
                      </span>
                    )}
                  </div>
                );
              })}
            </div>
            {total === 0 && !error && <p className="empty">{filtered ? 'No responses match these filters.' : 'No responses yet: import some in the Import area.'}</p>}
          </div>
        </div>
        <ReadingPane responseId={selectedRow?.id ?? null} highlight={filters.search} />
      </div>
    </section>
  );
}
