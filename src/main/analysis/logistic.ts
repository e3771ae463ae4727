/**
 * One-vs-rest logistic regression on sparse TF-IDF rows: for each theme, minimise
 * Σ log(1 + exp(-y·(w·x + b))) + ||w||² / (2C) with L-BFGS (deterministic: no sampling, zero start).
 * Only terms that occur in the training responses can get a weight (any other term's gradient is zero from
 * a zero start), so the optimisation runs over those alone: its cost follows the coded responses, not the
 * vocabulary of the whole question. Weights are stored term-major (terms x themes), so predicting a
 * response touches only its own terms.
 */
import type { Csr } from './sparse';

export interface LogisticOptions {
  /** Inverse regularisation strength, as scikit-learn's C. */
  c: number;
  maxIterations: number;
  /** Stop when the gradient's largest component is below this. */
  tolerance: number;
  /**
   * Weigh each theme's examples so its responses and the rest count equally (scikit-learn's
   * class_weight='balanced'): most themes are on a small share of responses, and unweighted the model
   * would rarely dare to propose them.
   */
  balanced: boolean;
}

export const LOGISTIC_DEFAULTS: LogisticOptions = { c: 10, maxIterations: 200, tolerance: 1e-4, balanced: true };

export interface LogisticModel {
  themes: number;
  /** Column of the matrix -> row of `weights`, or -1 for a term the training responses never used. */
  rowOf: Int32Array;
  /** Trained terms x themes. */
  weights: Float64Array;
  bias: Float64Array;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function softplus(z: number): number {
  return z > 30 ? z : z < -30 ? Math.exp(z) : Math.log1p(Math.exp(z));
}

/**
 * @param rows the training rows of `x`
 * @param positive positive[t] is the set of training rows (indices into `rows`) that have theme t
 */
export function trainLogistic(
  x: Csr,
  rows: ArrayLike<number>,
  positive: Set<number>[],
  options: LogisticOptions = LOGISTIC_DEFAULTS,
): LogisticModel {
  const themes = positive.length;
  const n = rows.length;
  // The training rows, re-indexed over the columns they use.
  const rowOf = new Int32Array(x.cols).fill(-1);
  let cols = 0;
  const indptr = new Int32Array(n + 1);
  let nnz = 0;
  for (let i = 0; i < n; i++) nnz += x.indptr[rows[i] + 1] - x.indptr[rows[i]];
  const indices = new Int32Array(nnz);
  const data = new Float64Array(nnz);
  let q = 0;
  for (let i = 0; i < n; i++) {
    for (let p = x.indptr[rows[i]]; p < x.indptr[rows[i] + 1]; p++) {
      const c = x.indices[p];
      if (rowOf[c] < 0) rowOf[c] = cols++;
      indices[q] = rowOf[c];
      data[q++] = x.data[p];
    }
    indptr[i + 1] = q;
  }
  const weights = new Float64Array(cols * themes);
  const bias = new Float64Array(themes);
  const y = new Float64Array(n);
  const weight = new Float64Array(n);
  for (let t = 0; t < themes; t++) {
    const positives = positive[t].size;
    const wPositive = options.balanced && positives > 0 ? n / (2 * positives) : 1;
    const wNegative = options.balanced && positives < n ? n / (2 * (n - positives)) : 1;
    for (let i = 0; i < n; i++) {
      y[i] = positive[t].has(i) ? 1 : 0;
      weight[i] = y[i] ? wPositive : wNegative;
    }
    // Parameters: one weight per trained term, then the bias.
    const dim = cols + 1;
    const objective = (w: Float64Array, grad: Float64Array): number => {
      grad.fill(0);
      let loss = 0;
      for (let i = 0; i < n; i++) {
        let z = w[cols];
        for (let p = indptr[i]; p < indptr[i + 1]; p++) z += data[p] * w[indices[p]];
        loss += weight[i] * (y[i] ? softplus(-z) : softplus(z));
        const g = weight[i] * (sigmoid(z) - y[i]);
        for (let p = indptr[i]; p < indptr[i + 1]; p++) grad[indices[p]] += g * data[p];
        grad[cols] += g;
      }
      let reg = 0;
      for (let j = 0; j < cols; j++) {
        reg += w[j] * w[j];
        grad[j] += w[j] / options.c;
      }
      return loss + reg / (2 * options.c);
    };
    const w = lbfgs(objective, dim, options);
    for (let j = 0; j < cols; j++) weights[j * themes + t] = w[j];
    bias[t] = w[cols];
  }
  return { themes, rowOf, weights, bias };
}

/** Probabilities of each theme for row r of x (same columns as the model was trained on). */
export function predictRow(
  model: LogisticModel,
  x: Csr,
  r: number,
  out = new Float64Array(model.themes),
): Float64Array {
  const T = model.themes;
  out.set(model.bias);
  for (let p = x.indptr[r]; p < x.indptr[r + 1]; p++) {
    const row = model.rowOf[x.indices[p]];
    if (row < 0) continue;
    const v = x.data[p];
    const o = row * T;
    for (let t = 0; t < T; t++) out[t] += v * model.weights[o + t];
  }
  for (let t = 0; t < T; t++) out[t] = sigmoid(out[t]);
  return out;
}

/** Whether contribution `a` ranks before (column, c): larger first, then the lower column. */
function ahead(a: [number, number], column: number, c: number): boolean {
  return a[1] > c || (a[1] === c && a[0] < column);
}

/** The columns of row r that pushed theme t up the most: (column, contribution), largest first. */
export function contributions(model: LogisticModel, x: Csr, r: number, t: number, limit: number): [number, number][] {
  // Kept as a short sorted list as the row is read (this runs for every proposal of a million responses).
  const out: [number, number][] = [];
  if (limit <= 0) return out;
  for (let p = x.indptr[r]; p < x.indptr[r + 1]; p++) {
    const row = model.rowOf[x.indices[p]];
    if (row < 0) continue;
    const c = x.data[p] * model.weights[row * model.themes + t];
    if (!(c > 0)) continue;
    const column = x.indices[p];
    if (out.length === limit) {
      if (ahead(out[limit - 1], column, c)) continue;
      out.pop();
    }
    let q = out.length;
    while (q > 0 && !ahead(out[q - 1], column, c)) q--;
    out.splice(q, 0, [column, c]);
  }
  return out;
}

/** Limited-memory BFGS with a backtracking (Armijo) line search, from zero. */
function lbfgs(
  f: (w: Float64Array, grad: Float64Array) => number,
  dim: number,
  options: LogisticOptions,
): Float64Array {
  const memory = 10;
  let w = new Float64Array(dim);
  let g = new Float64Array(dim);
  let fx = f(w, g);
  // The last `memory` steps as a ring of preallocated vectors, and the iterates swapped rather than copied:
  // nothing is allocated per iteration (the optimisation is the fixed cost of every classification).
  const s = Array.from({ length: memory }, () => new Float64Array(dim));
  const yv = Array.from({ length: memory }, () => new Float64Array(dim));
  const rho = new Float64Array(memory);
  let stored = 0;
  let oldest = 0;
  const slot = (k: number): number => (oldest + k) % memory;
  const alpha = new Float64Array(memory);
  const direction = new Float64Array(dim);
  let wNext = new Float64Array(dim);
  let gNext = new Float64Array(dim);
  let sNew = new Float64Array(dim);
  let yNew = new Float64Array(dim);
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    let gMax = 0;
    for (let j = 0; j < dim; j++) gMax = Math.max(gMax, Math.abs(g[j]));
    if (gMax < options.tolerance) break;
    // Two-loop recursion: direction = -H·g.
    direction.set(g);
    for (let k = stored - 1; k >= 0; k--) {
      const sk = s[slot(k)];
      const yk = yv[slot(k)];
      let a = 0;
      for (let j = 0; j < dim; j++) a += sk[j] * direction[j];
      a *= rho[slot(k)];
      alpha[k] = a;
      for (let j = 0; j < dim; j++) direction[j] -= a * yk[j];
    }
    if (stored) {
      const last = yv[slot(stored - 1)];
      let yy = 0;
      for (let j = 0; j < dim; j++) yy += last[j] * last[j];
      const gamma = 1 / (rho[slot(stored - 1)] * yy);
      for (let j = 0; j < dim; j++) direction[j] *= gamma;
    } else {
      // First step: a gradient step of unit length at most.
      let gg = 0;
      for (let j = 0; j < dim; j++) gg += g[j] * g[j];
      const scale = 1 / Math.max(1, Math.sqrt(gg));
      for (let j = 0; j < dim; j++) direction[j] *= scale;
    }
    for (let k = 0; k < stored; k++) {
      const sk = s[slot(k)];
      const yk = yv[slot(k)];
      let b = 0;
      for (let j = 0; j < dim; j++) b += yk[j] * direction[j];
      b *= rho[slot(k)];
      for (let j = 0; j < dim; j++) direction[j] += sk[j] * (alpha[k] - b);
    }
    for (let j = 0; j < dim; j++) direction[j] = -direction[j];
    let slope = 0;
    for (let j = 0; j < dim; j++) slope += g[j] * direction[j];
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      stored = 0;
      continue;
    }
    let step = 1;
    let fNext = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let j = 0; j < dim; j++) wNext[j] = w[j] + step * direction[j];
      fNext = f(wNext, gNext);
      if (fNext <= fx + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(fNext < fx)) break;
    let sy = 0;
    for (let j = 0; j < dim; j++) {
      sNew[j] = wNext[j] - w[j];
      yNew[j] = gNext[j] - g[j];
      sy += sNew[j] * yNew[j];
    }
    if (sy > 1e-12) {
      // Into the slot after the newest, which is the oldest once the ring is full.
      const into = slot(stored < memory ? stored : 0);
      [s[into], sNew] = [sNew, s[into]];
      [yv[into], yNew] = [yNew, yv[into]];
      rho[into] = 1 / sy;
      if (stored < memory) stored++;
      else oldest = (oldest + 1) % memory;
    }
    const converged = Math.abs(fx - fNext) <= 1e-9 * Math.max(1, Math.abs(fx));
    [w, wNext] = [wNext, w];
    [g, gNext] = [gNext, g];
    fx = fNext;
    if (converged) break;
  }
  return w;
}
