/**
 * MinHash signatures by one-permutation hashing with optimal densification (Shrivastava 2017): each shingle
 * is hashed once (not once per hash function), so a signature costs O(shingles + bins) rather than
 * O(shingles x bins). The fraction of equal positions in two signatures estimates the Jaccard similarity of
 * the two texts' shingle sets.
 */
import { combine, fmix32 } from './hash';

const EMPTY = 0xffffffff;

/** Word n-grams (as hashes) of a text's word hashes; a text shorter than n is one shingle of all its words. */
export function shingles(words: readonly number[], n: number): number[] {
  if (words.length === 0) return [];
  if (words.length < n) {
    let h = 0x2545f491;
    for (const w of words) h = combine(h, w);
    return [h];
  }
  const out = new Array<number>(words.length - n + 1);
  for (let i = 0; i + n <= words.length; i++) {
    let h = words[i];
    for (let j = 1; j < n; j++) h = combine(h, words[i + j]);
    out[i] = h;
  }
  return out;
}

/**
 * Writes the signature of a shingle set into out[offset .. offset + bins). `bins` must be a power of two;
 * `seed` fixes the hash functions (the same seed gives the same signatures everywhere).
 */
export function signatureInto(
  shingleHashes: readonly number[],
  bins: number,
  seed: number,
  out: Uint32Array,
  offset: number,
): void {
  const mask = bins - 1;
  out.fill(EMPTY, offset, offset + bins);
  const valueSeed = fmix32(seed ^ 0x5bd1e995);
  for (const s of shingleHashes) {
    const h = fmix32((s ^ seed) >>> 0);
    const bin = h & mask;
    const value = fmix32((h ^ valueSeed) >>> 0);
    if (value < out[offset + bin]) out[offset + bin] = value;
  }
  if (shingleHashes.length === 0) return;
  // Densification: an empty bin borrows the value of a bin chosen by a seeded probe sequence that is the
  // same for every text, so two similar texts borrow alike and stay similar.
  const filled = new Uint8Array(bins);
  for (let i = 0; i < bins; i++) filled[i] = out[offset + i] === EMPTY ? 0 : 1;
  for (let i = 0; i < bins; i++) {
    if (filled[i]) continue;
    for (let attempt = 1; ; attempt++) {
      const j = fmix32((combine(i, attempt) ^ seed) >>> 0) & mask;
      if (filled[j]) {
        out[offset + i] = out[offset + j];
        break;
      }
    }
  }
}

/** The share of equal positions in two signatures: an unbiased estimate of Jaccard similarity. */
export function estimateJaccard(sigs: Uint32Array, a: number, b: number, bins: number): number {
  const oa = a * bins;
  const ob = b * bins;
  let equal = 0;
  for (let i = 0; i < bins; i++) if (sigs[oa + i] === sigs[ob + i]) equal++;
  return equal / bins;
}

/**
 * A 53-bit key of the word sequence: texts equal after normalisation share it. Two independent 32-bit
 * hashes make an accidental collision between different texts vanishingly rare (about 1 in 10^10 pairs).
 */
export function exactKey(words: readonly number[]): number {
  let a = 0x1b873593;
  let b = 0xcc9e2d51;
  for (const w of words) {
    a = combine(a, w);
    b = fmix32((b ^ w) + 0x27d4eb2f);
  }
  a = combine(a, words.length);
  return (a >>> 0) * 0x200000 + (b & 0x1fffff);
}
