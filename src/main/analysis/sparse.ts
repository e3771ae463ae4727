/**
 * Compressed sparse row matrices and the few products the analysis needs. Dense matrices are row-major
 * Float64Arrays with their column count passed alongside.
 */
import { axpy } from './kernels';

export interface Csr {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  data: Float32Array;
}

/** A (rows x cols, sparse) times B (cols x k, dense) = rows x k. */
export function mulDense(
  a: Csr,
  b: Float64Array,
  k: number,
  out: Float64Array = new Float64Array(a.rows * k),
): Float64Array {
  out.fill(0);
  for (let i = 0; i < a.rows; i++) {
    const o = i * k;
    for (let p = a.indptr[i]; p < a.indptr[i + 1]; p++) axpy(a.data[p], b, a.indices[p] * k, out, o, k);
  }
  return out;
}

/** Aᵀ (cols x rows) times B (rows x k, dense) = cols x k. */
export function mulTransposeDense(
  a: Csr,
  b: Float64Array,
  k: number,
  out: Float64Array = new Float64Array(a.cols * k),
): Float64Array {
  out.fill(0);
  for (let i = 0; i < a.rows; i++) {
    const o = i * k;
    for (let p = a.indptr[i]; p < a.indptr[i + 1]; p++) axpy(a.data[p], b, o, out, a.indices[p] * k, k);
  }
  return out;
}

/** The rows of A picked by `rows`, in that order. */
export function selectRows(a: Csr, rows: ArrayLike<number>): Csr {
  let nnz = 0;
  for (let i = 0; i < rows.length; i++) nnz += a.indptr[rows[i] + 1] - a.indptr[rows[i]];
  const indptr = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const data = new Float32Array(nnz);
  let p = 0;
  for (let i = 0; i < rows.length; i++) {
    const from = a.indptr[rows[i]];
    const to = a.indptr[rows[i] + 1];
    indices.set(a.indices.subarray(from, to), p);
    data.set(a.data.subarray(from, to), p);
    p += to - from;
    indptr[i + 1] = p;
  }
  return { rows: rows.length, cols: a.cols, indptr, indices, data };
}
