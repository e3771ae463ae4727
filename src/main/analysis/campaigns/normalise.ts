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

/** The key of one display token for diffing: its word characters, lower-cased (or the token itself). */
export function tokenKey(token: string): number {
  const hashes = wordHashes(token);
  if (hashes.length === 0) return wordHashes(`\u0001${token.trim()}`)[0] ?? 0;
  let h = FNV_OFFSET;
  for (const x of hashes) h = Math.imul(h ^ x, FNV_PRIME);
  return h >>> 0;
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
