import { useState } from 'react';
import type { ExclusionReason, Flag, Priority, TriageChange, TriageStatus } from '../../shared/api';
import {
  describeChange,
  EXCLUSION_REASONS,
  FLAG_LABELS,
  FLAGS,
  PRIORITIES,
  PRIORITY_LABELS,
  REASON_LABELS,
  STATUS_LABELS,
} from '../../shared/triage';
import { Dialog } from '../components/Dialog';

/** Every bulk action as a menu value, and the change it makes. */
function bulkActions(analyst: string): { value: string; label: string; change: TriageChange }[] {
  return [
    ...(['new', 'read', 'in_review', 'done'] as TriageStatus[]).map((s) => ({
      value: `status:${s}`,
      label: `Set status: ${STATUS_LABELS[s]}`,
      change: { status: s },
    })),
    ...EXCLUSION_REASONS.map((r: ExclusionReason) => ({
      value: `exclude:${r}`,
      label: `Exclude: ${REASON_LABELS[r]}`,
      change: { status: 'excluded' as const, exclusionReason: r },
    })),
    ...FLAGS.map((f: Flag) => ({
      value: `flag:${f}`,
      label: `Add flag: ${FLAG_LABELS[f]}`,
      change: { addFlags: [f] },
    })),
    ...FLAGS.map((f: Flag) => ({
      value: `unflag:${f}`,
      label: `Remove flag: ${FLAG_LABELS[f]}`,
      change: { removeFlags: [f] },
    })),
    ...PRIORITIES.map((p: Priority) => ({
      value: `priority:${p}`,
      label: `Set priority: ${PRIORITY_LABELS[p]}`,
      change: { priority: p },
    })),
    { value: 'assign', label: `Assign to me (${analyst})`, change: { assignee: analyst } },
    { value: 'unassign', label: 'Unassign', change: { assignee: null } },
  ];
}

interface Props {
  selected: number;
  matching: number | null;
  analyst: string;
  onApply: (scope: 'selected' | 'matching', change: TriageChange) => Promise<void>;
  onClearSelection: () => void;
}

const formatCount = (n: number): string => n.toLocaleString('en-GB');

/** A decision on the selected responses or on every response the filters match, after confirming the count. */
export function BulkBar({ selected, matching, analyst, onApply, onClearSelection }: Props) {
  const [scope, setScope] = useState<'selected' | 'matching'>('matching');
  const [value, setValue] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const actions = bulkActions(analyst);
  const action = actions.find((a) => a.value === value);
  const effectiveScope = selected === 0 ? 'matching' : scope;
  const count = effectiveScope === 'selected' ? selected : (matching ?? 0);
  return (
    <section className="bulk" aria-label="Bulk actions">
      <fieldset className="scope">
        <legend>Apply to</legend>
        <label className="inline">
          <input
            type="radio"
            name="bulk-scope"
            checked={effectiveScope === 'selected'}
            disabled={selected === 0}
            onChange={() => setScope('selected')}
          />
          {formatCount(selected)} selected
        </label>
        <label className="inline">
          <input
            type="radio"
            name="bulk-scope"
            checked={effectiveScope === 'matching'}
            onChange={() => setScope('matching')}
          />
          All {matching === null ? '…' : formatCount(matching)} matching
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor="bulk-action">Bulk action</label>
        <select id="bulk-action" value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">Choose an action…</option>
          {actions.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <button type="button" disabled={!action || count === 0 || busy} onClick={() => setConfirming(true)}>
        Apply…
      </button>
      {selected > 0 && (
        <button type="button" className="link" onClick={onClearSelection}>
          Clear selection
        </button>
      )}
      {confirming && action && (
        <Dialog title="Confirm bulk action" onClose={() => setConfirming(false)}>
          <p>
            <strong>{describeChange(action.change)}</strong> on <strong>{formatCount(count)}</strong>{' '}
            {count === 1 ? 'response' : 'responses'}
            {effectiveScope === 'matching'
              ? ' (every response the current filters match)'
              : ' (the selected responses)'}
            .
          </p>
          <p>Each change is recorded in the history under your name, and Undo reverses the whole action.</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="primary"
              autoFocus
              onClick={() => {
                setBusy(true);
                setConfirming(false);
                void onApply(effectiveScope, action.change).finally(() => setBusy(false));
              }}
            >
              Apply to {formatCount(count)} {count === 1 ? 'response' : 'responses'}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
