import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateSync } from 'fflate';
import { AppError } from '../util/errors';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Limits that refuse zip bombs before anything is inflated. Real survey workbooks are far below them. */
export const ZIP_LIMITS = {
  maxEntries: 10_000,
  maxTotalUncompressed: 2 * 1024 ** 3,
  maxEntryUncompressed: 1024 ** 3,
  /** Compression ratio allowed for entries over 1 MB; XML sheets compress 5-30x, bombs 1,000x and more. */
  maxRatio: 200,
  maxCentralDirectory: 32 * 1024 * 1024,
};

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const read = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, read);
}

/**
 * Reads a ZIP file's central directory (without inflating anything) and refuses archives whose declared
 * sizes or ratios are those of a zip bomb. `what` names the file in messages.
 */
export function readZipDirectory(path: string, what: string): ZipEntry[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = readAt(fd, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0)
      throw new AppError(
        'BAD_FILE',
        `${what} is not a valid ZIP-based file (no central directory): it may be damaged or cut short.`,
      );
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      // ZIP64: the locator sits just before the end record.
      const locator = eocd - 20;
      if (locator < 0 || tail.readUInt32LE(locator) !== 0x07064b50)
        throw new AppError('BAD_FILE', `${what} has a damaged ZIP64 directory.`);
      const record = readAt(fd, Number(tail.readBigUInt64LE(locator + 8)), 56);
      if (record.readUInt32LE(0) !== 0x06064b50)
        throw new AppError('BAD_FILE', `${what} has a damaged ZIP64 directory.`);
      count = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
    }
    if (count > ZIP_LIMITS.maxEntries)
      throw new AppError(
        'BAD_FILE',
        `${what} holds ${count.toLocaleString('en-GB')} files inside; that is not a normal Office file, so it was not opened.`,
      );
    if (cdSize > ZIP_LIMITS.maxCentralDirectory || cdOffset + cdSize > size)
      throw new AppError('BAD_FILE', `${what} has a damaged ZIP directory.`);
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let total = 0;
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50)
        throw new AppError('BAD_FILE', `${what} has a damaged ZIP directory.`);
      const method = cd.readUInt16LE(p + 10);
      let compressedSize = cd.readUInt32LE(p + 20);
      let uncompressedSize = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      let localHeaderOffset = cd.readUInt32LE(p + 42);
      const name = cd.subarray(p + 46, p + 46 + nameLength).toString('utf8');
      // ZIP64 extra field: the real sizes when the 32-bit ones are saturated.
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      while (e + 4 <= extraEnd) {
        const id = cd.readUInt16LE(e);
        const len = cd.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (uncompressedSize === 0xffffffff) {
            uncompressedSize = Number(cd.readBigUInt64LE(q));
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = Number(cd.readBigUInt64LE(q));
            q += 8;
          }
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(cd.readBigUInt64LE(q));
        }
        e += 4 + len;
      }
      p = extraEnd + commentLength;
      total += uncompressedSize;
      const ratio = uncompressedSize / Math.max(1, compressedSize);
      if (
        uncompressedSize > ZIP_LIMITS.maxEntryUncompressed ||
        (uncompressedSize > 1024 * 1024 && ratio > ZIP_LIMITS.maxRatio)
      ) {
        throw new AppError(
          'BAD_FILE',
          `${what} was not opened: its part ${name} would expand from ${compressedSize.toLocaleString('en-GB')} to ${uncompressedSize.toLocaleString('en-GB')} bytes, which is what a "zip bomb" does, not a real spreadsheet or document.`,
        );
      }
      entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    }
    if (total > ZIP_LIMITS.maxTotalUncompressed) {
      throw new AppError(
        'BAD_FILE',
        `${what} was not opened: it would expand to ${(total / 1024 ** 3).toFixed(1)} GB.`,
      );
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/** Inflates one (small) entry, checking the result is no larger than the directory said. */
export function readZipEntry(path: string, entry: ZipEntry, what: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const header = readAt(fd, entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50)
      throw new AppError('BAD_FILE', `${what} is damaged (${entry.name}).`);
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const data = readAt(fd, start, entry.compressedSize);
    if (entry.method === 0) return data;
    if (entry.method !== 8)
      throw new AppError('BAD_FILE', `${what} uses an unsupported compression method (${entry.method}).`);
    const out = inflateSync(data, { out: new Uint8Array(entry.uncompressedSize) });
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('BAD_FILE', `${what} is damaged: ${(error as Error).message}`);
  } finally {
    closeSync(fd);
  }
}
