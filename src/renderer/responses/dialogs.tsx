import { useState } from 'react';
import type { ExclusionReason, Settings } from '../../shared/api';
import { EXCLUSION_REASONS, REASON_LABELS } from '../../shared/triage';
import { Dialog } from '../components/Dialog';
import { SHORTCUTS } from './shortcuts';

/** Choose why a response is excluded: arrow keys pick, Enter confirms, Escape cancels. */
export function ExcludeDialog({
  onExclude,
  onClose,
}: {
  onExclude: (reason: ExclusionReason) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState<ExclusionReason>('spam');
  return (
    <Dialog title="Exclude this response" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onExclude(reason);
        }}
      >
        <fieldset>
          <legend>Reason</legend>
          {EXCLUSION_REASONS.map((r, i) => (
            <label key={r} className="radio">
              <input
                type="radio"
                name="reason"
                value={r}
                checked={reason === r}
                autoFocus={i === 0}
                onChange={() => setReason(r)}
              />
              {REASON_LABELS[r]}
            </label>
          ))}
        </fieldset>
        <DialogActions submit="Exclude" onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="wide">
      <p>
        These work while the list of responses has focus (Tab to it, or click a row); never while you type in a field.
      </p>
      <dl className="shortcuts">
        {SHORTCUTS.map((s) => (
          <div key={`${s.label}-${s.action}`}>
            <dt>
              <kbd>{s.label}</kbd>
            </dt>
            <dd>{s.description}</dd>
          </div>
        ))}
        <div>
          <dt>
            <kbd>Escape</kbd>
          </dt>
          <dd>In the note or search: back to the list</dd>
        </div>
      </dl>
      <p>Single-key shortcuts can be turned off in Settings.</p>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

/** The analyst's name (recorded with every decision) and whether single-key shortcuts are on. */
export function SettingsDialog({
  settings,
  onSave,
  onClose,
}: {
  settings: Settings;
  onSave: (settings: Settings) => Promise<void>;
  onClose: () => void;
}) {
  const [name, setName] = useState(settings.analystName);
  const [keys, setKeys] = useState(settings.characterShortcuts);
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title="Settings" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return setError('Enter your name: it is recorded with every decision you make.');
          onSave({ analystName: name.trim(), characterShortcuts: keys }).catch((err: unknown) =>
            setError(err instanceof Error ? err.message : String(err)),
          );
        }}
      >
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <label htmlFor="analyst-name">Your name</label>
        <input
          id="analyst-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoFocus
          aria-describedby="analyst-help"
        />
        <p id="analyst-help" className="hint">
          Recorded with every decision in the history and the audit log.
        </p>
        <label className="inline">
          <input id="character-shortcuts" type="checkbox" checked={keys} onChange={(e) => setKeys(e.target.checked)} />
          Single-key shortcuts (J, K, D, E, F…) in the list of responses
        </label>
        <DialogActions submit="Save" onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function SaveViewDialog({ onSave, onClose }: { onSave: (name: string) => Promise<void>; onClose: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title="Save this view" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave(name).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
        }}
      >
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <label htmlFor="view-name">Name of the view</label>
        <input
          id="view-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoFocus
          required
          maxLength={100}
        />
        <p className="hint">
          Saving under an existing name replaces that view. Views are stored in the project file, for everyone who opens
          it.
        </p>
        <DialogActions submit="Save view" onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** A dialog form's footer: its primary (submit) button, then Cancel. */
function DialogActions({ submit, onCancel }: { submit: string; onCancel: () => void }) {
  return (
    <div className="dialog-actions">
      <button type="submit" className="primary">
        {submit}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
