/**
 * Chooses the number of themes by stability: for each candidate k, two random 70% subsamples of a fixed-size
 * sample are clustered independently and the two groupings compared (NMI) on the responses they share. A k
 * that reflects real structure gives the same themes from different subsets; a k that splits or merges
 * arbitrarily does not. (The silhouette, tried first, only grows with k in these high-dimensional spaces.)
 * Measured: bbc-news peaks at its true 5, the gambling set at 10 (12 true), Polis rises to the cap of 30.
 * k = 2 is left out: one dominant split is always stable and never a useful codebook.
 * Cost depends on the sample size only, never on the number of responses.
 */
import { nmi } from './evaluate';
import { kmeans } from './kmeans';
import { Random } from './random';

export interface KCandidate {
  k: number;
  stability: number;
}

const SAMPLE = 1500;
const SUBSAMPLE = 0.7;
const REPEATS = 3;
const GRID = [3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 18, 20, 23, 26, 30];

function rowsOf(x: Float64Array, d: number, picked: ArrayLike<number>): Float64Array {
  const out = new Float64Array(picked.length * d);
  for (let i = 0; i < picked.length; i++) out.set(x.subarray(picked[i] * d, (picked[i] + 1) * d), i * d);
  return out;
}

export function chooseK(
  embedded: Float64Array,
  n: number,
  d: number,
  maxK: number,
  seed: number,
  onK?: (done: number, total: number) => void,
): { k: number; candidates: KCandidate[] } {
  const random = new Random(seed + 1);
  const sample = random.sample(n, SAMPLE);
  const x = rowsOf(embedded, d, sample);
  const s = sample.length;
  const size = Math.floor(s * SUBSAMPLE);
  const grid = GRID.filter((k) => k <= maxK && k < size);
  const candidates: KCandidate[] = [];
  for (const k of grid) {
    let total = 0;
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const a = random.sample(s, size);
      const b = random.sample(s, size);
      const fa = kmeans(rowsOf(x, d, a), size, d, k, { seed: seed + repeat, starts: 2 });
      const fb = kmeans(rowsOf(x, d, b), size, d, k, { seed: seed + repeat + 101, starts: 2 });
      const positionInB = new Map<number, number>();
      b.forEach((row, i) => positionInB.set(row, i));
      const la: number[] = [];
      const lb: number[] = [];
      a.forEach((row, i) => {
        const j = positionInB.get(row);
        if (j !== undefined) {
          la.push(fa.labels[i]);
          lb.push(fb.labels[j]);
        }
      });
      total += nmi(la, lb);
    }
    candidates.push({ k, stability: total / REPEATS });
    onK?.(candidates.length, grid.length);
  }
  if (candidates.length === 0) return { k: Math.max(1, Math.min(maxK, s)), candidates };
  // The most stable k; on a tie the larger (the grid ascends), giving the analyst detail to merge.
  const best = candidates.reduce((a, b) => (b.stability >= a.stability - 1e-9 ? b : a));
  return { k: best.k, candidates };
}
