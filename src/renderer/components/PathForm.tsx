import { useState } from 'react';

/** A labelled field for a file or folder path typed by hand, and its button. */
export function PathForm(props: {
  id: string;
  label: string;
  placeholder: string;
  action: string;
  onPath: (path: string) => void;
  /** Empty the field once the path is taken (when several can be added). */
  clearOnSubmit?: boolean;
}) {
  const { id, label, placeholder, action, onPath, clearOnSubmit } = props;
  const [text, setText] = useState('');
  return (
    <form
      className="open-path"
      onSubmit={(e) => {
        e.preventDefault();
        const path = text.trim();
        if (!path) return;
        if (clearOnSubmit) setText('');
        onPath(path);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input id={id} value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} />
        <button type="submit">{action}</button>
      </div>
    </form>
  );
}
