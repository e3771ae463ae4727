import { useState } from 'react';
import type { ResponseFilter } from '../../shared/api';
import { api } from '../api';
import { useCall } from '../hooks';
import { SaveViewDialog } from './dialogs';

interface Props {
  filter: ResponseFilter;
  onChange: (filter: ResponseFilter) => void;
  /** Says what happened ("Saved the view …") wherever the page reports its messages. */
  onMessage: (text: string) => void;
}

const same = (a: ResponseFilter, b: ResponseFilter): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Saved views: open one, save the current filter under a name, delete the one in use. */
export function SavedViews({ filter, onChange, onMessage }: Props) {
  const [version, setVersion] = useState(0);
  const [saving, setSaving] = useState(false);
  const views = useCall('views.list', undefined, String(version)).data ?? [];
  const inUse = views.find((v) => same(v.filter, filter));
  return (
    <div className="views">
      <label htmlFor="view">Saved views</label>
      <select
        id="view"
        value=""
        onChange={(e) => {
          const view = views.find((v) => v.id === Number(e.target.value));
          if (view) onChange(view.filter);
        }}
      >
        <option value="">{views.length ? 'Open a saved view…' : 'No saved views yet'}</option>
        {views.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => setSaving(true)} disabled={!Object.keys(filter).length}>
        Save view…
      </button>
      {inUse && (
        <button
          type="button"
          onClick={() =>
            void api.call('views.delete', { id: inUse.id }).then(() => {
              setVersion((v) => v + 1);
              onMessage(`Deleted the view "${inUse.name}".`);
            })
          }
        >
          Delete this view
        </button>
      )}
      {saving && (
        <SaveViewDialog
          onClose={() => setSaving(false)}
          onSave={async (name) => {
            const view = await api.call('views.save', { name, filter });
            setVersion((v) => v + 1);
            setSaving(false);
            onMessage(`Saved the view "${view.name}".`);
          }}
        />
      )}
    </div>
  );
}
