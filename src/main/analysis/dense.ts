/** Dense linear algebra on row-major Float64Arrays: just what truncated SVD and k-means need. */
import { axpy, dotAt } from './kernels';

/**
 * Orthonormalises the columns of Y (rows x k) in place by Cholesky QR: O(rows·k²) with contiguous access,
 * far faster than Gram-Schmidt column by column. Two passes (CholeskyQR2) give full accuracy; one is enough
 * between power iterations, where only the conditioning matters. Directions that are numerically absent
 * (rank deficiency) become zero columns.
 */
export function orthonormalise(y: Float64Array, rows: number, k: number, passes = 2): void {
  for (let pass = 0; pass < passes; pass++) {
    const g = new Float64Array(k * k);
    for (let i = 0; i < rows; i++) {
      const o = i * k;
      for (let a = 0; a < k; a++) {
        const ya = y[o + a];
        if (ya !== 0) axpy(ya, y, o + a, g, a * k + a, k - a);
      }
    }
    const r = cholesky(g, k);
    // Rᵀ, so the substitution below reads it contiguously.
    const rt = new Float64Array(k * k);
    for (let a = 0; a < k; a++) for (let j = a; j < k; j++) rt[j * k + a] = r[a * k + j];
    // Solve q R = y for each row (forward substitution; R is upper triangular).
    for (let i = 0; i < rows; i++) {
      const o = i * k;
      for (let j = 0; j < k; j++) {
        const rjj = rt[j * k + j];
        if (rjj === 0) {
          y[o + j] = 0;
          continue;
        }
        y[o + j] = (y[o + j] - dotAt(y, o, rt, j * k, j)) / rjj;
      }
    }
  }
}

/** Upper-triangular R with G = RᵀR (only G's upper triangle is read). Dead pivots give zero rows. */
function cholesky(g: Float64Array, k: number): Float64Array {
  const r = new Float64Array(k * k);
  let maxDiag = 0;
  for (let j = 0; j < k; j++) maxDiag = Math.max(maxDiag, g[j * k + j]);
  const tol = maxDiag * 1e-12;
  for (let j = 0; j < k; j++) {
    let s = g[j * k + j];
    for (let a = 0; a < j; a++) s -= r[a * k + j] * r[a * k + j];
    if (s <= tol) continue;
    const d = Math.sqrt(s);
    r[j * k + j] = d;
    for (let b = j + 1; b < k; b++) {
      let t = g[j * k + b];
      for (let a = 0; a < j; a++) t -= r[a * k + j] * r[a * k + b];
      r[j * k + b] = t / d;
    }
  }
  return r;
}

/** Bᵀ·B for B (rows x k): k x k. */
export function gram(b: Float64Array, rows: number, k: number): Float64Array {
  const g = new Float64Array(k * k);
  for (let i = 0; i < rows; i++) {
    const o = i * k;
    for (let a = 0; a < k; a++) {
      const ba = b[o + a];
      if (ba !== 0) axpy(ba, b, o + a, g, a * k + a, k - a);
    }
  }
  for (let a = 0; a < k; a++) for (let c = 0; c < a; c++) g[a * k + c] = g[c * k + a];
  return g;
}

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations. Returns eigenvalues in
 * decreasing order and the matching eigenvectors as columns of a k x k row-major matrix.
 */
export function symmetricEigen(input: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < k; p++) {
      diag += a[p * k + p] * a[p * k + p];
      for (let q = p + 1; q < k; q++) off += a[p * k + q] * a[p * k + q];
    }
    if (off <= 1e-22 * Math.max(diag, 1e-300)) break;
    for (let p = 0; p < k - 1; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * k + q] - a[p * k + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let i = 0; i < k; i++) {
          const aip = a[i * k + p];
          const aiq = a[i * k + q];
          a[i * k + p] = c * aip - s * aiq;
          a[i * k + q] = s * aip + c * aiq;
        }
        for (let i = 0; i < k; i++) {
          const api = a[p * k + i];
          const aqi = a[q * k + i];
          a[p * k + i] = c * api - s * aqi;
          a[q * k + i] = s * api + c * aqi;
        }
        for (let i = 0; i < k; i++) {
          const vip = v[i * k + p];
          const viq = v[i * k + q];
          v[i * k + p] = c * vip - s * viq;
          v[i * k + q] = s * vip + c * viq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => a[y * k + y] - a[x * k + x]);
  const values = new Float64Array(k);
  const vectors = new Float64Array(k * k);
  order.forEach((from, to) => {
    values[to] = a[from * k + from];
    for (let i = 0; i < k; i++) vectors[i * k + to] = v[i * k + from];
  });
  return { values, vectors };
}

/** Scales each row to unit length (zero rows stay zero). */
export function normaliseRows(x: Float64Array, rows: number, k: number): void {
  for (let i = 0; i < rows; i++) {
    const o = i * k;
    let s = 0;
    for (let j = 0; j < k; j++) s += x[o + j] * x[o + j];
    if (s === 0) continue;
    const inv = 1 / Math.sqrt(s);
    for (let j = 0; j < k; j++) x[o + j] *= inv;
  }
}
