import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ExclusionReason, Flag, SortKey, TriageChange, TriageTarget } from '../../shared/api';
import { describeChange, PRIORITIES } from '../../shared/triage';
import { api } from '../api';
import type { AreaProps } from '../areas';
import { ReadingPane } from '../components/ReadingPane';
import { useCall } from '../hooks';
import { useFilterInAddress, useSharedFilter } from '../filter-store';
import { BulkBar } from '../responses/BulkBar';
import { ExcludeDialog, SettingsDialog, ShortcutsDialog } from '../responses/dialogs';
import { COUNTED_ONCE } from '../responses/filter-chips';
import { FilterBar } from '../responses/FilterBar';
import { ProgressPanel } from '../responses/ProgressPanel';
import { ResponsesTable, ROW_HEIGHT, type Sort } from '../responses/ResponsesTable';
import { findShortcut, type ShortcutAction } from '../responses/shortcuts';
import { useRowPages } from '../responses/useRowPages';

/** How long a response must stay open before it counts as read (so skimming past with J does not). */
const READ_AFTER_MS = 600;

type DialogName = 'exclude' | 'help' | 'settings' | null;

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function Responses({ project }: AreaProps) {
  const questions = useCall('questions.list', undefined, project.path);
  const facets = useCall('responses.facets', undefined, project.path);
  const settings = useCall('settings.get', undefined, project.path);
  const [filter] = useSharedFilter();
  const [sort, setSort] = useState<Sort>(undefined);
  const [cursor, setCursor] = useState<number | null>(null);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [version, setVersion] = useState(0);
  const [paneVersion, setPaneVersion] = useState(0);
  const [dialog, setDialog] = useState<DialogName>(null);
  const [message, setMessage] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  const undoStack = useCall('triage.undoStack', undefined, `${project.path}:${version}`);
  const progress = useCall('triage.progress', undefined, `${project.path}:${version}:${paneVersion}`);
  const analyst = settings.data?.analystName ?? '';

  const query = useMemo(() => ({ ...filter, sort }), [filter, sort]);
  const { total, error, row, load, refresh, patch } = useRowPages(query);
  const current = cursor !== null ? row(cursor) : undefined;

  useFilterInAddress('responses', filter);

  useEffect(() => {
    setCursor(null);
    setChecked(new Set());
  }, [filter, sort]);

  // Decisions made anywhere (a background bulk change finishing, another window) refresh what is shown.
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'changed' && event.what === 'triage') {
          refresh();
          setVersion((v) => v + 1);
        }
        // A large change ran in the background: say how it ended.
        if (event.type === 'job' && event.job.kind.startsWith('triage.') && event.job.state !== 'running') {
          const { job } = event;
          const result = job.result as { changed?: number; reverted?: number } | undefined;
          const n = result?.changed ?? result?.reverted;
          setMessage(
            job.state === 'done'
              ? `${job.title}: done${n !== undefined ? ` (${n.toLocaleString('en-GB')} responses)` : ''}.`
              : `${job.title}: ${job.error?.message ?? job.state}`,
          );
        }
      }),
    [refresh],
  );

  // Opening a response marks it read once it has been on screen for a moment.
  const currentId = current?.id;
  const currentIsNew = current?.status === 'new';
  useEffect(() => {
    if (currentId === undefined || !currentIsNew) return;
    const timer = setTimeout(() => {
      api.call('triage.markRead', { id: currentId }).then(
        (r) => {
          if (!r.changed) return;
          patch(currentId, { status: 'read' });
          setPaneVersion((v) => v + 1);
        },
        () => undefined, // Not being able to mark it read must never interrupt reading.
      );
    }, READ_AFTER_MS);
    return () => clearTimeout(timer);
  }, [currentId, currentIsNew, patch]);

  const afterChange = (text: string): void => {
    setMessage(text);
    setActionError(null);
    refresh();
    setVersion((v) => v + 1);
  };

  const apply = async (target: TriageTarget, change: TriageChange): Promise<void> => {
    try {
      const result = await api.call('triage.apply', { target, change });
      if (result.jobId) setMessage(`${describeChange(change)}: running in the background…`);
      else afterChange(result.action ? `${result.action.description}: saved.` : 'Nothing to change: already so.');
    } catch (e) {
      setActionError(errorText(e));
    }
  };

  const decide = (change: TriageChange): void => {
    if (current) void apply({ ids: [current.id] }, change);
  };

  const undo = async (): Promise<void> => {
    try {
      const result = await api.call('triage.undo');
      if (result.jobId) setMessage('Undoing in the background…');
      else if (!result.undone) setMessage('Nothing to undo.');
      else {
        const skipped = result.skipped ? ` ${result.skipped} changed since were left as they are.` : '';
        afterChange(`Undone: ${result.undone.description}.${skipped}`);
      }
    } catch (e) {
      setActionError(errorText(e));
    }
  };

  const move = (to: number): void => {
    if (!total) return;
    setCursor(Math.max(0, Math.min(total - 1, to)));
  };

  const toggleFlag = (flag: Flag): void => {
    if (current) decide(current.flags.includes(flag) ? { removeFlags: [flag] } : { addFlags: [flag] });
  };

  const toggleChecked = (id: number): void =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const actions: Record<ShortcutAction, () => void> = {
    next: () => move((cursor ?? -1) + 1),
    previous: () => move((cursor ?? 1) - 1),
    pageDown: () => move((cursor ?? 0) + pageRows()),
    pageUp: () => move((cursor ?? 0) - pageRows()),
    first: () => move(0),
    last: () => move((total ?? 1) - 1),
    select: () => current && toggleChecked(current.id),
    read: () => decide({ status: 'read' }),
    inReview: () => decide({ status: 'in_review' }),
    done: () => decide({ status: 'done' }),
    exclude: () => current && setDialog('exclude'),
    unread: () => decide({ status: 'new' }),
    followUp: () => toggleFlag('follow_up'),
    quote: () => toggleFlag('notable_quote'),
    organisation: () => toggleFlag('organisation'),
    safeguarding: () => toggleFlag('safeguarding'),
    priority: () =>
      current && decide({ priority: PRIORITIES[(PRIORITIES.indexOf(current.priority) + 1) % PRIORITIES.length] }),
    assign: () => current && decide({ assignee: current.assignee === analyst ? null : analyst }),
    note: () => noteRef.current?.focus(),
    search: () => searchRef.current?.focus(),
    undo: () => void undo(),
    help: () => setDialog('help'),
  };
  function pageRows(): number {
    return Math.max(1, Math.floor((gridRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 2);
  }

  const onGridKeyDown = (event: KeyboardEvent): void => {
    if (event.target !== gridRef.current) return;
    const action = findShortcut(event, settings.data?.characterShortcuts ?? true);
    if (!action) return;
    event.preventDefault();
    actions[action]();
  };

  // Escape in the note or the search box goes back to the list.
  const onPageKeyDown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    if (event.key === 'Escape' && (target === noteRef.current || target === searchRef.current)) {
      event.preventDefault();
      gridRef.current?.focus();
    }
  };

  const onSort = (key: SortKey): void =>
    setSort((s) => (s?.key === key ? (s.dir === 'asc' ? { key, dir: 'desc' } : undefined) : { key, dir: 'asc' }));

  const filtered = Object.keys(filter).length > 0;
  const undoNext = undoStack.data?.[0];

  return (
    <section className="page responses" aria-labelledby="page-title" onKeyDown={onPageKeyDown}>
      <div className="page-head">
        <h1 id="page-title">Responses</h1>
        <p className="count" aria-live="polite">
          {total === null
            ? 'Counting…'
            : `${total.toLocaleString('en-GB')} ${total === 1 ? 'response' : 'responses'}${filtered ? ' match' : ''}`}
        </p>
        <div className="head-actions">
          <button
            type="button"
            onClick={() => void undo()}
            disabled={!undoNext}
            title={undoNext ? `Undo: ${undoNext.description}` : 'Nothing to undo'}
          >
            {undoNext
              ? `Undo: ${undoNext.description.length > 40 ? `${undoNext.description.slice(0, 40)}…` : undoNext.description}`
              : 'Undo'}
          </button>
          <button type="button" onClick={() => setDialog('help')}>
            Keyboard shortcuts
          </button>
          <button type="button" onClick={() => setDialog('settings')}>
            Settings
          </button>
          <span className="muted analyst">Deciding as {analyst || '…'}</span>
        </div>
      </div>
      {filter.counting === 'campaigns-once' && (
        <p className="counted-once">
          Campaign copies left out: {COUNTED_ONCE.toLowerCase()}, its template response standing for the group.
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      {message && (
        <p className="message" aria-hidden="true">
          {message}
        </p>
      )}
      <FilterBar
        searchRef={searchRef}
        questions={questions.data ?? []}
        facets={facets.data}
        analyst={analyst}
        onMessage={setMessage}
      />
      <ProgressPanel progress={progress.data} />
      <BulkBar
        selected={checked.size}
        matching={total}
        analyst={analyst}
        onClearSelection={() => setChecked(new Set())}
        onApply={(scope, change) =>
          apply(scope === 'selected' ? { ids: [...checked] } : { filter, expectedCount: total ?? 0 }, change).then(() =>
            setChecked(new Set()),
          )
        }
      />
      {(error || actionError) && (
        <p role="alert" className="error">
          {error ?? actionError}
        </p>
      )}
      <div className="split">
        <ResponsesTable
          total={total}
          row={row}
          load={load}
          cursor={cursor}
          onCursor={setCursor}
          checked={checked}
          onToggle={toggleChecked}
          sort={sort}
          onSort={onSort}
          showThemes={!!facets.data?.available.themes}
          gridRef={gridRef}
          onKeyDown={onGridKeyDown}
          empty={
            error
              ? 'Change the search to see responses.'
              : filtered
                ? 'No responses match these filters.'
                : 'No responses yet: import some in the Import area.'
          }
        />
        <ReadingPane
          responseId={current?.id ?? null}
          search={filter.search ?? ''}
          version={version + paneVersion}
          analyst={analyst}
          noteRef={noteRef}
          onDecide={decide}
          onExclude={() => setDialog('exclude')}
        />
      </div>
      {dialog === 'exclude' && current && (
        <ExcludeDialog
          onClose={() => setDialog(null)}
          onExclude={(reason: ExclusionReason) => {
            setDialog(null);
            decide({ status: 'excluded', exclusionReason: reason });
          }}
        />
      )}
      {dialog === 'help' && <ShortcutsDialog onClose={() => setDialog(null)} />}
      {dialog === 'settings' && settings.data && (
        <SettingsDialog
          settings={settings.data}
          onClose={() => setDialog(null)}
          onSave={async (next) => {
            await api.call('settings.set', next);
            settings.reload();
            setDialog(null);
            setMessage(`Settings saved: deciding as ${next.analystName}.`);
          }}
        />
      )}
    </section>
  );
}
