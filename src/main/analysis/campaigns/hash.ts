/**
 * Small, seeded 32-bit hash functions. Campaign detection must give the same groups on every run and
 * machine, so nothing here uses Math.random or insertion-order-dependent state.
 */

/** MurmurHash3's finaliser: a fast, well-mixed permutation of 32-bit integers. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines two 32-bit hashes into one, order-sensitively. */
export function combine(a: number, b: number): number {
  return fmix32((Math.imul(a, 0x9e3779b1) ^ (b + 0x7f4a7c15)) >>> 0);
}

/** A seeded sequence of well-spread 32-bit numbers (for sampling, deterministically). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    return fmix32(state) / 0x100000000;
  };
}
