/** Seeded k-means (greedy k-means++ initialisation, Lloyd iterations, best of several starts). */
import { axpy, dotAt } from './kernels';
import { Random } from './random';

export interface KMeansOptions {
  seed: number;
  /** Independent starts; the one with the lowest inertia wins. */
  starts?: number;
  maxIterations?: number;
  /** Stop when the centroids move less than this (sum of squared shifts) relative to the data's spread. */
  tolerance?: number;
  /** Called after each start. */
  onStart?: (done: number, total: number) => void;
}

export interface KMeansResult {
  /** k x d, row-major. */
  centroids: Float64Array;
  labels: Int32Array;
  inertia: number;
}

function dot(x: Float64Array, i: number, c: Float64Array, j: number, d: number): number {
  return dotAt(x, i * d, c, j * d, d);
}

function squaredNorms(x: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = dot(x, i, x, i, d);
  return out;
}

/** Greedy k-means++: each new centre is the best of a few candidates drawn in proportion to D². */
function initialise(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  norms: Float64Array,
  random: Random,
): Float64Array {
  const centroids = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = random.int(n);
  centroids.set(x.subarray(first * d, first * d + d), 0);
  const closest = new Float64Array(n);
  for (let i = 0; i < n; i++) closest[i] = Math.max(0, norms[i] - 2 * dot(x, i, x, first, d) + norms[first]);
  let potential = closest.reduce((a, b) => a + b, 0);
  const candidateDist = new Float64Array(n);
  const bestDist = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let bestCandidate = -1;
    let bestPotential = Infinity;
    for (let t = 0; t < trials; t++) {
      let target = random.next() * potential;
      let candidate = n - 1;
      for (let i = 0; i < n; i++) {
        target -= closest[i];
        if (target <= 0) {
          candidate = i;
          break;
        }
      }
      let pot = 0;
      for (let i = 0; i < n; i++) {
        const dist = Math.max(0, norms[i] - 2 * dot(x, i, x, candidate, d) + norms[candidate]);
        candidateDist[i] = Math.min(closest[i], dist);
        pot += candidateDist[i];
      }
      if (pot < bestPotential) {
        bestPotential = pot;
        bestCandidate = candidate;
        bestDist.set(candidateDist);
      }
    }
    centroids.set(x.subarray(bestCandidate * d, bestCandidate * d + d), c * d);
    closest.set(bestDist);
    potential = bestPotential;
  }
  return centroids;
}

/**
 * Lloyd's iterations with Hamerly's bounds: a point whose distance to its centre is provably below half the
 * gap to the nearest other centre (or below its lower bound on every other centre) is not re-examined, which
 * skips most distance computations once the themes settle. The result is exactly Lloyd's.
 */
function lloyd(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  norms: Float64Array,
  centroids: Float64Array,
  maxIterations: number,
  tol: number,
): KMeansResult {
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const counts = new Float64Array(k);
  const next = new Float64Array(k * d);
  const centroidNorms = new Float64Array(k);
  const half = new Float64Array(k);
  const moved = new Float64Array(k);
  const distance = (i: number, c: number): number =>
    Math.sqrt(Math.max(0, norms[i] - 2 * dot(x, i, centroids, c, d) + centroidNorms[c]));
  const assign = (i: number): void => {
    let best = 0;
    let first = Infinity;
    let second = Infinity;
    for (let c = 0; c < k; c++) {
      const dist = distance(i, c);
      if (dist < first) {
        second = first;
        first = dist;
        best = c;
      } else if (dist < second) second = dist;
    }
    labels[i] = best;
    upper[i] = first;
    lower[i] = second;
  };
  for (let c = 0; c < k; c++) centroidNorms[c] = dot(centroids, c, centroids, c, d);
  for (let i = 0; i < n; i++) assign(i);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    next.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      counts[labels[i]]++;
      axpy(1, x, i * d, next, labels[i] * d, d);
    }
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) {
        // An empty cluster takes the point worst served by its centre.
        let worst = 0;
        for (let i = 1; i < n; i++) if (upper[i] > upper[worst]) worst = i;
        upper[worst] = 0;
        next.set(x.subarray(worst * d, worst * d + d), c * d);
      } else {
        for (let t = 0; t < d; t++) next[c * d + t] /= counts[c];
      }
    }
    let shift = 0;
    let maxMoved = 0;
    let secondMoved = 0;
    let maxMover = -1;
    for (let c = 0; c < k; c++) {
      let m = 0;
      for (let t = 0; t < d; t++) m += (next[c * d + t] - centroids[c * d + t]) ** 2;
      shift += m;
      moved[c] = Math.sqrt(m);
      if (moved[c] > maxMoved) {
        secondMoved = maxMoved;
        maxMoved = moved[c];
        maxMover = c;
      } else if (moved[c] > secondMoved) secondMoved = moved[c];
    }
    centroids.set(next);
    for (let c = 0; c < k; c++) centroidNorms[c] = dot(centroids, c, centroids, c, d);
    for (let i = 0; i < n; i++) {
      upper[i] += moved[labels[i]];
      lower[i] -= labels[i] === maxMover ? secondMoved : maxMoved;
    }
    if (shift <= tol) break;
    for (let c = 0; c < k; c++) {
      let nearestOther = Infinity;
      for (let o = 0; o < k; o++) {
        if (o === c) continue;
        const dist = Math.sqrt(
          Math.max(0, centroidNorms[c] - 2 * dot(centroids, c, centroids, o, d) + centroidNorms[o]),
        );
        if (dist < nearestOther) nearestOther = dist;
      }
      half[c] = nearestOther / 2;
    }
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const bound = Math.max(half[labels[i]], lower[i]);
      if (upper[i] <= bound) continue;
      upper[i] = distance(i, labels[i]);
      if (upper[i] <= bound) continue;
      const before = labels[i];
      assign(i);
      if (labels[i] !== before) changed++;
    }
    if (changed === 0) break;
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    assign(i);
    inertia += upper[i] * upper[i];
  }
  return { centroids, labels, inertia };
}

export function kmeans(x: Float64Array, n: number, d: number, k: number, options: KMeansOptions): KMeansResult {
  if (k < 1 || n < k) throw new Error(`k-means needs at least k=${k} points, got ${n}`);
  const random = new Random(options.seed);
  const norms = squaredNorms(x, n, d);
  // Tolerance relative to the data's spread, as scikit-learn does.
  let variance = 0;
  for (let t = 0; t < d; t++) {
    let mean = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      mean += x[i * d + t];
      sq += x[i * d + t] ** 2;
    }
    mean /= n;
    variance += sq / n - mean * mean;
  }
  const tol = (options.tolerance ?? 1e-4) * (variance / d);
  const starts = options.starts ?? 1;
  let best: KMeansResult | null = null;
  for (let s = 0; s < starts; s++) {
    const centroids = initialise(x, n, d, k, norms, random);
    const result = lloyd(x, n, d, k, norms, centroids, options.maxIterations ?? 100, tol);
    if (!best || result.inertia < best.inertia) best = result;
    options.onStart?.(s + 1, starts);
  }
  return best!;
}
