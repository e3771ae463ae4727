import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/** Uploads larger than this are refused (and the partial file removed). */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

/** A file name that is safe on every system: no folders, no control or reserved characters. */
export function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, '/'))
    .replace(/[\p{Cc}<>:"/\\|?*]/gu, '_')
    .replace(/^\.+/, '')
    .slice(0, 200);
  return base || 'upload';
}

/**
 * Serve mode's upload: streams the request body into the data folder's uploads/<random>/<name> (never
 * holding it in memory) and returns the path, which the import then reads like any other file. The import
 * removes it when it settles (see service/uploads.ts).
 */
export async function saveUpload(
  req: IncomingMessage,
  name: string,
  uploadsDir: string,
): Promise<{ ok: true; path: string } | { ok: false; error: string }> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/octet-stream'))
    return { ok: false, error: 'Uploads are sent as application/octet-stream.' };
  const dir = join(uploadsDir, randomUUID());
  mkdirSync(dir, { recursive: true });
  const path = join(dir, safeFileName(name));
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      callback(
        size > MAX_UPLOAD_BYTES
          ? new Error(`${safeFileName(name)} is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GB.`)
          : null,
        chunk,
      );
    },
  });
  try {
    await pipeline(req, limit, createWriteStream(path, { flags: 'wx' }));
    return { ok: true, path };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { ok: false, error: `The upload failed: ${(error as Error).message}` };
  }
}
