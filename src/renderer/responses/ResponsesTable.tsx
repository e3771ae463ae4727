import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import type { ResponseRow, SortKey } from '../../shared/api';
import { FLAG_LABELS, STATUS_LABELS } from '../../shared/triage';
import { Segments } from '../components/Segments';
import { PAGE } from './useRowPages';

export const ROW_HEIGHT = 64;
/** The sticky header row sits above the rows inside the same scroller. */
const HEADER_HEIGHT = 36;

export type Sort = { key: SortKey; dir: 'asc' | 'desc' } | undefined;

interface Props {
  total: number | null;
  row: (index: number) => ResponseRow | undefined;
  load: (page: number) => void;
  cursor: number | null;
  onCursor: (index: number) => void;
  checked: ReadonlySet<number>;
  onToggle: (id: number) => void;
  sort: Sort;
  onSort: (key: SortKey) => void;
  showThemes: boolean;
  gridRef: RefObject<HTMLDivElement | null>;
  onKeyDown: (event: KeyboardEvent) => void;
  empty: string;
}

const COLUMNS: { label: string; short?: string; key: SortKey | null; className?: string }[] = [
  { label: 'Respondent', key: 'respondent' },
  { label: 'Question', short: 'Q', key: 'question' },
  { label: 'Answer', key: 'length', className: 'answer-col' },
  { label: 'Type', key: 'type' },
  { label: 'Place', key: 'city' },
  { label: 'Submitted', key: 'submittedAt' },
  { label: 'Status', key: 'status' },
  { label: 'Themes', key: null },
  { label: 'Flags', key: 'priority' },
];

const SHORT_FLAGS: Record<string, string> = {
  follow_up: 'Follow-up',
  notable_quote: 'Quote',
  organisation: 'Org',
  safeguarding: 'Safeguarding',
};

function formatDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }) : '';
}

/**
 * The responses as a virtualised grid: only the rows in view are in the page, and only their pages of 50 are
 * fetched. One tab stop; the active row is announced through aria-activedescendant.
 */
export function ResponsesTable(props: Props) {
  const { total, row, load, cursor } = props;
  const columns = COLUMNS.filter((c) => props.showThemes || c.label !== 'Themes');
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    // The grid itself scrolls, so the focusable region and the scrolling region are one (axe: scrollable-region-focusable).
    getScrollElement: () => props.gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    for (const item of items) if (!row(item.index)) load(Math.floor(item.index / PAGE));
  });
  useEffect(() => {
    if (cursor !== null) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, virtualizer]);

  const sortLabel = (key: SortKey | null): 'ascending' | 'descending' | undefined =>
    key && props.sort?.key === key ? (props.sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;

  return (
    <div
      ref={props.gridRef}
      className={`table${props.showThemes ? ' with-themes' : ''}`}
      role="grid"
      aria-label="Responses"
      aria-rowcount={(total ?? 0) + 1}
      aria-multiselectable="true"
      aria-activedescendant={cursor !== null && row(cursor) ? `row-${cursor}` : undefined}
      aria-describedby="grid-help"
      tabIndex={0}
      onKeyDown={props.onKeyDown}
    >
      <span id="grid-help" className="visually-hidden">
        J and K move between responses; press ? for every keyboard shortcut.
      </span>
      <div className="tr th" role="row" aria-rowindex={1}>
        <span role="columnheader" className="check-col">
          <span className="visually-hidden">Selected</span>
        </span>
        {columns.map((c) => (
          <span key={c.label} role="columnheader" aria-sort={sortLabel(c.key)} className={c.className}>
            {c.key ? (
              <button
                type="button"
                className="sort"
                onClick={() => props.onSort(c.key!)}
                title={
                  c.key === 'length'
                    ? 'Sort by length of answer'
                    : c.key === 'priority'
                      ? 'Sort by priority'
                      : `Sort by ${c.label.toLowerCase()}`
                }
              >
                {c.short ? (
                  <>
                    <span aria-hidden="true">{c.short}</span>
                    <span className="visually-hidden">{c.label}</span>
                  </>
                ) : (
                  c.label
                )}
                <span aria-hidden="true">
                  {sortLabel(c.key) === 'ascending' ? ' ▲' : sortLabel(c.key) === 'descending' ? ' ▼' : ''}
                </span>
              </button>
            ) : (
              c.label
            )}
          </span>
        ))}
      </div>
      <div className="tbody">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const r = row(item.index);
            const isChecked = r ? props.checked.has(r.id) : false;
            return (
              <div
                key={item.key}
                id={`row-${item.index}`}
                className={`tr${item.index === cursor ? ' selected' : ''}${isChecked ? ' checked' : ''}${r?.status === 'new' ? ' unread' : ''}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isChecked}
                aria-current={item.index === cursor ? 'true' : undefined}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                }}
                onClick={() => props.onCursor(item.index)}
              >
                {r ? (
                  <>
                    <span role="gridcell" className="check-col">
                      <input
                        type="checkbox"
                        tabIndex={-1}
                        checked={isChecked}
                        aria-label={`Select ${r.respondentExternalId} ${r.questionCode}`}
                        onClick={(e) => e.stopPropagation()}
                        onChange={() => props.onToggle(r.id)}
                      />
                    </span>
                    <span role="gridcell">{r.respondentExternalId}</span>
                    <span role="gridcell">{r.questionCode}</span>
                    <span role="gridcell" className="excerpt answer-col">
                      <Segments segments={r.excerpt} />
                    </span>
                    <span role="gridcell">{r.respondentType ?? ''}</span>
                    <span role="gridcell">{r.city ?? ''}</span>
                    <span role="gridcell">{formatDate(r.submittedAt)}</span>
                    <span role="gridcell" className={`status status-${r.status}`}>
                      {STATUS_LABELS[r.status]}
                      {r.assignee ? <span className="assignee-tag"> · {r.assignee}</span> : null}
                    </span>
                    {props.showThemes && (
                      <span role="gridcell" className="themes-cell" title={r.themes.join(', ')}>
                        {r.themes.join(', ')}
                      </span>
                    )}
                    <span role="gridcell" className="flags-cell">
                      {r.priority !== 'none' && <span className={`tag-priority p-${r.priority}`}>{r.priority}</span>}
                      {r.flags.map((f) => (
                        <span key={f} className="flag" title={FLAG_LABELS[f]}>
                          {SHORT_FLAGS[f]}
                        </span>
                      ))}
                      {r.hasNote && <span className="flag">Note</span>}
                      {r.personalData > 0 && (
                        <span
                          className="flag pii"
                          title={`${r.personalData} piece${r.personalData === 1 ? '' : 's'} of personal data found`}
                        >
                          PII
                        </span>
                      )}
                      {r.campaignKind && (
                        <span className="flag campaign">
                          {r.campaignKind === 'campaign' ? 'Campaign' : 'Duplicate'}
                        </span>
                      )}
                    </span>
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
        {total === 0 && <p className="empty">{props.empty}</p>}
      </div>
    </div>
  );
}
