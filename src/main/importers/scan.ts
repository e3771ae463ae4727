import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { AppError } from '../util/errors';
import { Utf8Check } from './encoding';

export interface FileScan {
  sha256: string;
  size: number;
  /** Byte offset of the first invalid UTF-8 sequence, null when the whole file is valid UTF-8. */
  utf8InvalidAt: number | null;
}

/** One streamed pass over a file: its SHA-256 (to spot re-imports) and whether it is valid UTF-8. */
export async function scanFile(
  path: string,
  checkUtf8: boolean,
  onProgress?: (bytes: number, size: number) => void,
  cancelled?: () => boolean,
): Promise<FileScan> {
  const size = statSync(path).size;
  const hash = createHash('sha256');
  const utf8 = checkUtf8 ? new Utf8Check() : null;
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    hash.update(buf);
    utf8?.push(buf);
    bytes += buf.length;
    onProgress?.(bytes, size);
    if (cancelled?.()) throw new AppError('CANCELLED', 'Cancelled.');
  }
  utf8?.end();
  return { sha256: hash.digest('hex'), size, utf8InvalidAt: utf8?.invalidAt ?? null };
}

/** Hash of several files (a folder of documents): the sorted list of their names and hashes. */
export function combinedHash(parts: { name: string; sha256: string }[]): string {
  const hash = createHash('sha256');
  for (const p of [...parts].sort((a, b) => a.name.localeCompare(b.name))) hash.update(`${p.name}\0${p.sha256}\n`);
  return hash.digest('hex');
}

/**
 * A source's fingerprint, as recorded on its import: one file's SHA-256 (with its UTF-8 check), or for a set
 * of documents their combined hash, read one at a time.
 */
export async function fingerprintSource(
  paths: string[],
  documents: boolean,
  onProgress?: (done: number, total: number) => void,
  cancelled?: () => boolean,
): Promise<{ sha256: string; utf8InvalidAt: number | null }> {
  if (!documents) return scanFile(paths[0], true, onProgress, cancelled);
  const parts: { name: string; sha256: string }[] = [];
  for (let i = 0; i < paths.length; i++) {
    parts.push({ name: paths[i], sha256: (await scanFile(paths[i], false, undefined, cancelled)).sha256 });
    onProgress?.(i + 1, paths.length);
  }
  return { sha256: combinedHash(parts), utf8InvalidAt: null };
}
