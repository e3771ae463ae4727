/**
 * Truncated SVD of a sparse matrix by randomised subspace iteration (Halko, Martinsson & Tropp 2011, as in
 * scikit-learn's TruncatedSVD): a few passes over the matrix, never a dense copy of it.
 */
import { gram, orthonormalise, symmetricEigen } from './dense';
import { axpy, dotAt } from './kernels';
import { Random } from './random';
import { mulDense, mulTransposeDense, type Csr } from './sparse';

export interface SvdOptions {
  seed: number;
  /** Extra random directions beyond the components wanted (accuracy). */
  oversample?: number;
  /** Power iterations (accuracy on slowly decaying spectra). */
  iterations?: number;
  /** Called after each pass over the matrix. */
  onPass?: (done: number, total: number) => void;
}

export interface Svd {
  /** Right singular vectors as columns: cols x dims, row-major. A row's embedding is row · components. */
  components: Float64Array;
  singularValues: Float64Array;
  dims: number;
  /**
   * When fitted on a sample: column of the full matrix -> row of components (-1 for a term the sample never
   * used, which then contributes nothing).
   */
  columnMap?: Int32Array;
}

export function truncatedSvd(a: Csr, wanted: number, options: SvdOptions): Svd {
  const dims = Math.max(1, Math.min(wanted, a.rows - 1, a.cols - 1));
  const l = Math.min(dims + (options.oversample ?? 10), a.rows, a.cols);
  const iterations = options.iterations ?? 4;
  const passes = 2 * iterations + 2;
  const random = new Random(options.seed);
  const omega = new Float64Array(a.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = random.normal();
  let pass = 0;
  const step = (): void => options.onPass?.(++pass, passes);
  const y = mulDense(a, omega, l);
  step();
  orthonormalise(y, a.rows, l, 1);
  const z = omega; // reused: cols x l
  // Only the row side is re-orthonormalised: Aᵀ·Q with Q orthonormal is well enough conditioned for
  // CholeskyQR2 on the next product, and it halves the dense work when there are many terms.
  for (let it = 0; it < iterations; it++) {
    mulTransposeDense(a, y, l, z);
    step();
    mulDense(a, z, l, y);
    step();
    orthonormalise(y, a.rows, l, it === iterations - 1 ? 2 : 1);
  }
  // B = Qᵀ A, held as Bᵀ = Aᵀ Q (cols x l). B Bᵀ (l x l) is Bᵀ's Gram matrix, or, cheaper when there are
  // many more terms than responses, Qᵀ (A Bᵀ).
  const bt = mulTransposeDense(a, y, l, z);
  step();
  let bbt: Float64Array;
  if (a.cols > 2 * a.rows) {
    const abt = mulDense(a, bt, l);
    bbt = new Float64Array(l * l);
    for (let i = 0; i < a.rows; i++) {
      for (let t = 0; t < l; t++) {
        const q = y[i * l + t];
        if (q !== 0) axpy(q, abt, i * l, bbt, t * l, l);
      }
    }
  } else {
    bbt = gram(bt, a.cols, l);
  }
  const { values, vectors } = symmetricEigen(bbt, l);
  const singularValues = new Float64Array(dims);
  for (let c = 0; c < dims; c++) singularValues[c] = Math.sqrt(Math.max(0, values[c]));
  // V = Bᵀ U_B Σ⁻¹ = Aᵀ (Q U_B Σ⁻¹): one more sparse pass instead of a dense cols x l x dims product.
  const w = new Float64Array(a.rows * dims);
  for (let i = 0; i < a.rows; i++) {
    for (let t = 0; t < l; t++) {
      const q = y[i * l + t];
      if (q !== 0) axpy(q, vectors, t * l, w, i * dims, dims);
    }
  }
  for (let i = 0; i < a.rows; i++)
    for (let c = 0; c < dims; c++) w[i * dims + c] = singularValues[c] > 0 ? w[i * dims + c] / singularValues[c] : 0;
  const components = mulTransposeDense(a, w, dims);
  return { components, singularValues, dims };
}

/** Embeds rows [from, to) of A: A·V, each row scaled to unit length. */
export function embedRows(
  a: Csr,
  svd: Svd,
  from: number,
  to: number,
  out: Float64Array = new Float64Array((to - from) * svd.dims),
): Float64Array {
  const d = svd.dims;
  const v = svd.components;
  const map = svd.columnMap;
  out.fill(0, 0, (to - from) * d);
  for (let i = from; i < to; i++) {
    const o = (i - from) * d;
    for (let p = a.indptr[i]; p < a.indptr[i + 1]; p++) {
      const w = a.data[p];
      const column = map ? map[a.indices[p]] : a.indices[p];
      if (column < 0) continue;
      axpy(w, v, column * d, out, o, d);
    }
    const s = dotAt(out, o, out, o, d);
    if (s > 0) {
      const inv = 1 / Math.sqrt(s);
      for (let j = 0; j < d; j++) out[o + j] *= inv;
    }
  }
  return out;
}

/**
 * Fits the SVD on a sample of rows (the right singular vectors of a large random sample are those of the
 * whole matrix, to sampling error), keeping only the columns the sample uses so memory stays small.
 */
export function truncatedSvdOfRows(a: Csr, rows: ArrayLike<number>, wanted: number, options: SvdOptions): Svd {
  const map = new Int32Array(a.cols).fill(-1);
  let cols = 0;
  let nnz = 0;
  for (let i = 0; i < rows.length; i++) {
    for (let p = a.indptr[rows[i]]; p < a.indptr[rows[i] + 1]; p++) {
      nnz++;
      if (map[a.indices[p]] < 0) map[a.indices[p]] = cols++;
    }
  }
  const indptr = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const data = new Float32Array(nnz);
  let q = 0;
  for (let i = 0; i < rows.length; i++) {
    for (let p = a.indptr[rows[i]]; p < a.indptr[rows[i] + 1]; p++) {
      indices[q] = map[a.indices[p]];
      data[q++] = a.data[p];
    }
    indptr[i + 1] = q;
  }
  const svd = truncatedSvd({ rows: rows.length, cols, indptr, indices, data }, wanted, options);
  return { ...svd, columnMap: map };
}
