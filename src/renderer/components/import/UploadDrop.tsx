import { useState } from 'react';
import { DropZone } from './DropZone';

/** Serve mode: a browser cannot give file paths, so files are streamed to the server, which saves them and says where. */
async function upload(file: File): Promise<string> {
  const response = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    credentials: 'same-origin',
    body: file,
  });
  const body = (await response.json()) as { path?: string; error?: string };
  if (!response.ok || !body.path) throw new Error(body.error ?? `Uploading ${file.name} failed (${response.status}).`);
  return body.path;
}

export function UploadDrop({
  onUploaded,
  onError,
}: {
  onUploaded: (paths: string[]) => void;
  onError: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const send = (files: File[]) => {
    if (!files.length) return;
    setBusy(true);
    Promise.all(files.map(upload)).then(
      (paths) => {
        setBusy(false);
        onUploaded(paths);
      },
      (e: unknown) => {
        setBusy(false);
        onError(e instanceof Error ? e.message : String(e));
      },
    );
  };
  return (
    <DropZone onFiles={send}>
      <label htmlFor="upload-files">Or drop files here, or choose them to upload</label>
      <input
        id="upload-files"
        type="file"
        multiple
        disabled={busy}
        onChange={(e) => send([...(e.target.files ?? [])])}
      />
      <p className="muted" aria-live="polite">
        {busy ? 'Uploading…' : 'Uploaded files are kept in the app’s data folder until they have been imported.'}
      </p>
    </DropZone>
  );
}
