/**
 * TF-IDF as scikit-learn computes it (smooth idf = ln((1+n)/(1+df)) + 1, optional sublinear tf = 1 + ln tf,
 * L2-normalised rows), so our figures can be compared with its reference pipeline.
 */
import type { Corpus } from './corpus';
import type { Csr } from './sparse';

export interface TfIdfOptions {
  /** Drop terms in fewer responses than this. */
  minDf: number;
  /** Drop terms in more than this share of responses (0-1]. */
  maxDf: number;
  sublinear: boolean;
  bigrams: boolean;
}

export interface TfIdf {
  matrix: Csr;
  /** Column -> corpus term id. */
  terms: Int32Array;
  /** Corpus term id -> column, -1 when the term was dropped. */
  columnOf: Int32Array;
  idf: Float64Array;
}

export function tfidf(corpus: Corpus, docs: ArrayLike<number>, options: TfIdfOptions): TfIdf {
  const n = docs.length;
  const termCount = corpus.termCount;
  const { tokens, starts } = corpus.termStream();
  // Per term, side by side (one cache miss, not two, in a pass that jumps about millions of terms): the last
  // response it was counted for, and its document frequency.
  const seen = new Int32Array(2 * termCount);
  for (let t = 0; t < termCount; t++) seen[2 * t] = -1;
  let total = 0;
  for (let d = 0; d < n; d++) {
    const end = starts[docs[d] + 1];
    for (let i = starts[docs[d]]; i < end; i++) {
      const t = 2 * tokens[i];
      if (seen[t] !== d) {
        seen[t] = d;
        seen[t + 1]++;
      }
    }
    total += end - starts[docs[d]];
  }
  const df = (t: number): number => seen[2 * t + 1];
  const maxDocs = options.maxDf * n;
  const columnOf = new Int32Array(termCount).fill(-1);
  const kept: number[] = [];
  // Columns in term id order: ids follow the order responses were read (by id), so the same data always
  // gives the same matrix.
  for (let t = 0; t < termCount; t++) {
    if (df(t) < options.minDf || df(t) > maxDocs) continue;
    if (!options.bigrams && corpus.isBigram(t)) continue;
    columnOf[t] = kept.length;
    kept.push(t);
  }
  const cols = kept.length;
  const idf = new Float64Array(cols);
  for (let c = 0; c < cols; c++) idf[c] = Math.log((1 + n) / (1 + df(kept[c]))) + 1;

  const indptr = new Int32Array(n + 1);
  let indices = new Int32Array(Math.max(16, total));
  let data = new Float32Array(Math.max(16, total));
  const count = new Int32Array(cols);
  let p = 0;
  for (let d = 0; d < n; d++) {
    const end = starts[docs[d] + 1];
    // The row's distinct columns go straight into `indices`, kept sorted by insertion: rows are a few dozen
    // terms, where this is several times faster than sorting an array with a comparator.
    const rowStart = p;
    for (let i = starts[docs[d]]; i < end; i++) {
      const c = columnOf[tokens[i]];
      if (c < 0) continue;
      if (count[c]++ > 0) continue;
      let q = p++;
      for (; q > rowStart && indices[q - 1] > c; q--) indices[q] = indices[q - 1];
      indices[q] = c;
    }
    let norm = 0;
    for (let q = rowStart; q < p; q++) {
      const c = indices[q];
      const tf = options.sublinear ? 1 + Math.log(count[c]) : count[c];
      const w = tf * idf[c];
      data[q] = w;
      norm += w * w;
      count[c] = 0;
    }
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let q = rowStart; q < p; q++) data[q] *= inv;
    }
    indptr[d + 1] = p;
  }
  // Views, not copies: a copy would briefly double the largest arrays of a million-response question.
  indices = indices.subarray(0, p);
  data = data.subarray(0, p);
  return { matrix: { rows: n, cols, indptr, indices, data }, terms: Int32Array.from(kept), columnOf, idf };
}
