/**
 * Files serve mode stores for import, in the data folder's uploads/<id>/<name>. They hold response text and
 * personal data, so they are removed once the import that read them has finished, failed or been cancelled,
 * and any left over (an upload previewed but never imported, a crash) go when the server starts or closes.
 * Only uploads/<id> folders are ever removed: a file the user chose from their own disk is never touched.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { EXPORT_ID as STORED_ID } from './reports-export';

export function uploadsDir(dataDir: string): string {
  return join(dataDir, 'uploads');
}

/** The uploads/<id> folder that holds a path, or null when the path is anywhere else. */
export function uploadFolderOf(dataDir: string, path: string): string | null {
  const root = resolve(uploadsDir(dataDir));
  const inside = relative(root, resolve(path));
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return null;
  const id = inside.split(sep)[0];
  return STORED_ID.test(id) ? join(root, id) : null;
}

function remove(folder: string): void {
  try {
    // Retries cover a worker that is still letting go of the file (Windows refuses to delete an open file).
    rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  } catch {
    // Left for the next start of the server to sweep; failing here must not change the import's outcome.
  }
}

/** Removes the upload folders behind any of these paths; other paths are left alone. */
export function removeUploads(dataDir: string, paths: string[]): void {
  const folders = new Set(paths.map((p) => uploadFolderOf(dataDir, p)).filter((f): f is string => f !== null));
  for (const folder of folders) remove(folder);
}

/** Removes every stored upload (when the server starts or closes). */
export function clearUploads(dataDir: string): void {
  const root = uploadsDir(dataDir);
  if (!existsSync(root)) return;
  for (const name of readdirSync(root)) if (STORED_ID.test(name)) remove(join(root, name));
}
