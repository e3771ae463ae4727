/**
 * The normalisation campaign detection compares texts by: case, punctuation, quotes and spacing do not
 * count, words do. Written as one pass over character codes (no regular expressions, no substrings) because
 * it runs over every response of a consultation, up to a million of them.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Characters above ASCII that separate words rather than belong to them. */
const SEPARATORS = new Set([
  0x00a0, 0x00a3, 0x00ab, 0x00bb, 0x00b7, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2018, 0x2019, 0x201a,
  0x201c, 0x201d, 0x201e, 0x2022, 0x2026, 0x2032, 0x2033, 0x2039, 0x203a, 0x20ac, 0x2028, 0x2029, 0x3000, 0xfeff,
]);

/** Exactly the characters of the regular expression class \s, so tokenKeys and displayTokens agree. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return !SEPARATORS.has(c) && !(c >= 0x2000 && c <= 0x200b);
}

/**
 * FNV-1a hashes of the text's words, lower-cased, in order. Apostrophes split words ("don't" is "don" "t"),
 * consistently for every text, which is all a comparison needs.
 */
export function wordHashes(text: string): number[] {
  const lower = text.toLowerCase();
  const out: number[] = [];
  let h = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isWordCode(c)) {
      h = Math.imul(h ^ c, FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      out.push(h >>> 0);
      h = FNV_OFFSET;
      inWord = false;
    }
  }
  if (inWord) out.push(h >>> 0);
  return out;
}

/** A character lower-cased on its own: ASCII by arithmetic, the rest by the string method. */
function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/**
 * The key of text[from, to), one display token: a hash of its words lower-cased, with breaks inside it
 * ("don't", "e-mail") kept and punctuation around it ignored; a token of punctuation alone ("-", "&") is
 * keyed by its characters, distinct from any word.
 */
function keyOf(text: string, from: number, to: number): number {
  let h = FNV_OFFSET;
  let p = Math.imul(FNV_OFFSET ^ 1, FNV_PRIME);
  let words = 0;
  let broken = false;
  for (let i = from; i < to; i++) {
    const raw = text.charCodeAt(i);
    const c = lowerCode(raw);
    if (isWordCode(c)) {
      if (broken) h = Math.imul(h ^ 0x20, FNV_PRIME);
      h = Math.imul(h ^ c, FNV_PRIME);
      words++;
      broken = false;
    } else {
      if (words) broken = true;
      if (!isSpace(raw)) p = Math.imul(p ^ raw, FNV_PRIME);
    }
  }
  return (words ? h : p) | 0;
}

/** The key of one display token for diffing (see keyOf). */
export function tokenKey(token: string): number {
  return keyOf(token, 0, token.length);
}

/**
 * The keys of a text's display tokens (tokenKey of each of displayTokens(text)) in one pass, without
 * making the token strings, as 32-bit integers (fast to compare): what diffing needs, for every member of
 * every group.
 */
export function tokenKeys(text: string): Int32Array {
  const keys: number[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpace(text.charCodeAt(i));
    if (!space && start < 0) start = i;
    else if (space && start >= 0) {
      keys.push(keyOf(text, start, i));
      start = -1;
    }
  }
  // Only spacing: displayTokens keeps it as one token.
  if (keys.length === 0 && text.length > 0) keys.push(tokenKey(text));
  return Int32Array.from(keys);
}

/**
 * A text cut into display tokens (each word with the spacing after it) that join back to exactly the text,
 * so a diff can be shown in the member's own words.
 */
export function displayTokens(text: string): string[] {
  const tokens: string[] = text.match(/\S+\s*/g) ?? [];
  const lead = /^\s+/.exec(text)?.[0];
  if (lead) {
    if (tokens.length) tokens[0] = lead + tokens[0];
    else tokens.push(lead);
  }
  return tokens;
}
