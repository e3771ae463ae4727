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

/** The columns of row r that pushed theme t up the most: (column, contribution), largest first. */
export function contributions(model: LogisticModel, x: Csr, r: number, t: number, limit: number): [number, number][] {
  const out: [number, number][] = [];
  for (let p = x.indptr[r]; p < x.indptr[r + 1]; p++) {
    const row = model.rowOf[x.indices[p]];
    if (row < 0) continue;
    const c = x.data[p] * model.weights[row * model.themes + t];
    if (c > 0) out.push([x.indices[p], c]);
  }
  return out.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
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
  const s: Float64Array[] = [];
  const yv: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(memory);
  const direction = new Float64Array(dim);
  const wNext = new Float64Array(dim);
  const gNext = new Float64Array(dim);
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    let gMax = 0;
    for (let j = 0; j < dim; j++) gMax = Math.max(gMax, Math.abs(g[j]));
    if (gMax < options.tolerance) break;
    // Two-loop recursion: direction = -H·g.
    direction.set(g);
    for (let m = s.length - 1; m >= 0; m--) {
      let a = 0;
      for (let j = 0; j < dim; j++) a += s[m][j] * direction[j];
      a *= rho[m];
      alpha[m] = a;
      for (let j = 0; j < dim; j++) direction[j] -= a * yv[m][j];
    }
    if (s.length) {
      const last = s.length - 1;
      let yy = 0;
      for (let j = 0; j < dim; j++) yy += yv[last][j] * yv[last][j];
      const gamma = 1 / (rho[last] * yy);
      for (let j = 0; j < dim; j++) direction[j] *= gamma;
    } else {
      // First step: a gradient step of unit length at most.
      const scale = 1 / Math.max(1, Math.sqrt(g.reduce((acc, v) => acc + v * v, 0)));
      for (let j = 0; j < dim; j++) direction[j] *= scale;
    }
    for (let m = 0; m < s.length; m++) {
      let b = 0;
      for (let j = 0; j < dim; j++) b += yv[m][j] * direction[j];
      b *= rho[m];
      for (let j = 0; j < dim; j++) direction[j] += s[m][j] * (alpha[m] - b);
    }
    for (let j = 0; j < dim; j++) direction[j] = -direction[j];
    let slope = 0;
    for (let j = 0; j < dim; j++) slope += g[j] * direction[j];
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      s.length = yv.length = rho.length = 0;
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
    const sv = new Float64Array(dim);
    const yy = new Float64Array(dim);
    let sy = 0;
    for (let j = 0; j < dim; j++) {
      sv[j] = wNext[j] - w[j];
      yy[j] = gNext[j] - g[j];
      sy += sv[j] * yy[j];
    }
    if (sy > 1e-12) {
      s.push(sv);
      yv.push(yy);
      rho.push(1 / sy);
      if (s.length > memory) {
        s.shift();
        yv.shift();
        rho.shift();
      }
    }
    const converged = Math.abs(fx - fNext) <= 1e-9 * Math.max(1, Math.abs(fx));
    w = Float64Array.from(wNext);
    g = Float64Array.from(gNext);
    fx = fNext;
    if (converged) break;
  }
  return w;
}
