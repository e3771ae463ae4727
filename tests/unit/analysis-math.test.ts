import { describe, expect, it } from 'vitest';
import { Corpus } from '../../src/main/analysis/corpus';
import { symmetricEigen } from '../../src/main/analysis/dense';
import { binaryAgreement, multiLabelAgreement, nmi } from '../../src/main/analysis/evaluate';
import { kmeans } from '../../src/main/analysis/kmeans';
import { Random } from '../../src/main/analysis/random';
import type { Csr } from '../../src/main/analysis/sparse';
import { truncatedSvd } from '../../src/main/analysis/svd';
import { tfidf } from '../../src/main/analysis/vectorise';

function dense(rows: number[][]): Csr {
  const indptr = [0];
  const indices: number[] = [];
  const data: number[] = [];
  for (const row of rows) {
    row.forEach((v, j) => {
      if (v !== 0) {
        indices.push(j);
        data.push(v);
      }
    });
    indptr.push(indices.length);
  }
  return {
    rows: rows.length,
    cols: rows[0].length,
    indptr: Int32Array.from(indptr),
    indices: Int32Array.from(indices),
    data: Float32Array.from(data),
  };
}

describe('analysis maths, against values computed with scikit-learn 1.2.1 and numpy', () => {
  it('NMI (arithmetic normalisation)', () => {
    expect(nmi([0, 0, 0, 1, 1, 1, 2, 2, 2, 2], [0, 0, 1, 1, 1, 2, 2, 2, 0, 0])).toBeCloseTo(0.39464837163589433, 10);
    expect(nmi(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y'])).toBeCloseTo(1, 12);
  });

  it("Cohen's kappa and samples-F1", () => {
    // truth [1,1,0,0,1,0,1,1] vs predicted [1,0,0,0,1,1,1,1]: tp 4, fp 1, fn 1, tn 2.
    expect(binaryAgreement(4, 1, 1, 2).kappa).toBeCloseTo(0.4666666666666667, 12);
    const m = multiLabelAgreement([['a', 'c'], ['b'], ['a', 'b']], [['a'], ['b', 'c'], ['a', 'b']], ['a', 'b', 'c']);
    expect(m.samplesF1).toBeCloseTo(0.7777777777777777, 12);
  });

  it('TF-IDF (sublinear, smooth idf, L2) matches TfidfVectorizer', () => {
    const corpus = new Corpus(false);
    for (const t of ['apple banana apple', 'banana cherry', 'cherry cherry date']) corpus.add(t);
    const x = tfidf(corpus, [0, 1, 2], { minDf: 1, maxDf: 1, sublinear: true, bigrams: false });
    const row = (r: number) => {
      const out = new Array<number>(x.matrix.cols).fill(0);
      for (let p = x.matrix.indptr[r]; p < x.matrix.indptr[r + 1]; p++) out[x.matrix.indices[p]] = x.matrix.data[p];
      return out;
    };
    const expected = [
      [0.9122016296, 0.40974161, 0, 0],
      [0, 0.7071067812, 0.7071067812, 0],
      [0, 0, 0.7898069291, 0.613355537],
    ];
    expected.forEach((e, r) => row(r).forEach((v, j) => expect(v).toBeCloseTo(e[j], 6)));
  });

  it('truncated SVD finds the singular values numpy finds', () => {
    const a = dense([
      [3, 1, 0, 0],
      [1, 3, 0, 0],
      [0, 0, 2, 0],
      [0, 0, 0, 0.5],
      [1, 1, 1, 1],
    ]);
    const svd = truncatedSvd(a, 3, { seed: 7, oversample: 1 });
    expect(Array.from(svd.singularValues)).toEqual([
      expect.closeTo(4.2763132447, 6),
      expect.closeTo(2.2422699699, 6),
      expect.closeTo(2, 6),
    ]);
  });

  it('symmetric eigen-decomposition reconstructs the matrix', () => {
    const k = 6;
    const random = new Random(3);
    const m = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j <= i; j++) m[i * k + j] = m[j * k + i] = random.normal();
    const { values, vectors } = symmetricEigen(m, k);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let t = 0; t < k; t++) s += vectors[i * k + t] * values[t] * vectors[j * k + t];
        expect(s).toBeCloseTo(m[i * k + j], 9);
      }
    }
    for (let t = 1; t < k; t++) expect(values[t]).toBeLessThanOrEqual(values[t - 1]);
  });

  it('k-means separates clear groups and is deterministic for a seed', () => {
    const random = new Random(11);
    const n = 300;
    const x = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      const centre = i % 3;
      x[i * 2] = centre * 10 + random.normal();
      x[i * 2 + 1] = (centre === 1 ? 10 : 0) + random.normal();
    }
    const a = kmeans(x, n, 2, 3, { seed: 5, starts: 3 });
    const b = kmeans(x, n, 2, 3, { seed: 5, starts: 3 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(
      nmi(
        Array.from({ length: n }, (_, i) => i % 3),
        Array.from(a.labels),
      ),
    ).toBeCloseTo(1, 9);
  });
});
