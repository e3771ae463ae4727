import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of byte order mark at the start of the file, skipped when decoding. */
  bomLength: number;
  reason: string;
}

/** Length of an incomplete UTF-8 sequence at the end of a buffer (0-3), so a chunk can be checked alone. */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const byte = buf[buf.length - back];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

function utf16Without(head: Buffer): TextEncoding | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Guesses a text file's encoding from its first bytes (BOM, then UTF-16 shape, then UTF-8 validity). */
export function detectEncoding(head: Buffer): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3, reason: 'UTF-8 byte order mark' };
  if (head[0] === 0xff && head[1] === 0xfe)
    return { encoding: 'utf-16le', bomLength: 2, reason: 'UTF-16 byte order mark' };
  if (head[0] === 0xfe && head[1] === 0xff)
    return { encoding: 'utf-16be', bomLength: 2, reason: 'UTF-16 byte order mark' };
  const utf16 = utf16Without(head);
  if (utf16)
    return { encoding: utf16, bomLength: 0, reason: 'UTF-16 without a byte order mark (every other byte is zero)' };
  const body = head.subarray(0, head.length - incompleteTail(head));
  if (isUtf8(body)) {
    const ascii = !body.some((b) => b >= 0x80);
    return { encoding: 'utf-8', bomLength: 0, reason: ascii ? 'plain ASCII (read as UTF-8)' : 'valid UTF-8' };
  }
  return { encoding: 'windows-1252', bomLength: 0, reason: 'not valid UTF-8: read as Windows-1252 (Excel on Windows)' };
}

/** Checks a whole file is valid UTF-8 chunk by chunk, carrying split sequences across chunk edges. */
export class Utf8Check {
  private carry: Buffer = Buffer.alloc(0);
  private offset = 0;
  /** Byte offset of the first invalid sequence, or null while all is valid. */
  invalidAt: number | null = null;

  push(chunk: Buffer): void {
    if (this.invalidAt !== null) return;
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const tail = incompleteTail(buf);
    const body = buf.subarray(0, buf.length - tail);
    if (!isUtf8(body)) {
      // Find the first bad byte for the message: narrow down by halves.
      let lo = 0;
      let hi = body.length;
      while (hi - lo > 64) {
        const mid = (lo + hi) >> 1;
        const cut = mid - incompleteTail(body.subarray(0, mid));
        if (isUtf8(body.subarray(0, cut))) lo = cut;
        else hi = mid;
      }
      this.invalidAt = this.offset - this.carry.length + lo;
      return;
    }
    this.offset += chunk.length;
    this.carry = Buffer.from(buf.subarray(buf.length - tail));
  }

  end(): void {
    if (this.invalidAt === null && this.carry.length) this.invalidAt = this.offset - this.carry.length;
  }
}

/** A streaming decoder that drops the byte order mark. */
export function decoder(encoding: TextEncoding): { write(chunk: Buffer): string; end(): string } {
  const d = iconv.getDecoder(encoding, { stripBOM: true });
  return { write: (chunk) => d.write(chunk), end: () => d.end() ?? '' };
}

/** Decodes a whole (small) buffer, for documents. */
export function decodeBuffer(buf: Buffer): { text: string; guess: EncodingGuess } {
  const guess = detectEncoding(buf.subarray(0, 65536));
  let encoding = guess.encoding;
  let reason = guess.reason;
  if (encoding === 'utf-8' && !isUtf8(buf.subarray(guess.bomLength))) {
    encoding = 'windows-1252';
    reason = 'not valid UTF-8: read as Windows-1252 (Excel on Windows)';
  }
  return {
    text: iconv.decode(buf, encoding, { stripBOM: true }),
    guess: { encoding, bomLength: guess.bomLength, reason },
  };
}
