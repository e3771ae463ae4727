/** Quality measures: clustering against labels (NMI), and a classifier against analysts (P/R/F1, kappa). */

function entropy(counts: Iterable<number>, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

function encode(labels: ArrayLike<string | number>): { codes: Int32Array; counts: number[] } {
  const ids = new Map<string | number, number>();
  const codes = new Int32Array(labels.length);
  const counts: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    let id = ids.get(labels[i]);
    if (id === undefined) {
      id = counts.length;
      ids.set(labels[i], id);
      counts.push(0);
    }
    counts[id]++;
    codes[i] = id;
  }
  return { codes, counts };
}

/**
 * Normalised mutual information with arithmetic-mean normalisation (scikit-learn's default):
 * NMI = I(U;V) / ((H(U) + H(V)) / 2).
 */
export function nmi(truth: ArrayLike<string | number>, predicted: ArrayLike<string | number>): number {
  const n = truth.length;
  if (n !== predicted.length) throw new Error('nmi: label arrays differ in length');
  if (n === 0) return 1;
  const a = encode(truth);
  const b = encode(predicted);
  const joint = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = a.codes[i] * b.counts.length + b.codes[i];
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  const ha = entropy(a.counts, n);
  const hb = entropy(b.counts, n);
  if (ha === 0 && hb === 0) return 1;
  let mi = 0;
  for (const [key, count] of joint) {
    const pu = a.counts[Math.floor(key / b.counts.length)];
    const pv = b.counts[key % b.counts.length];
    mi += (count / n) * Math.log((count * n) / (pu * pv));
  }
  const denominator = (ha + hb) / 2;
  return denominator === 0 ? 0 : Math.max(0, mi / denominator);
}

export interface BinaryAgreement {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Cohen's kappa: agreement beyond chance (1 = perfect, 0 = chance). */
  kappa: number;
  /** How many responses the analysts gave this theme. */
  support: number;
}

export function binaryAgreement(tp: number, fp: number, fn: number, tn: number): BinaryAgreement {
  const n = tp + fp + fn + tn;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const observed = n === 0 ? 1 : (tp + tn) / n;
  const expected = n === 0 ? 1 : ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n);
  const kappa = expected === 1 ? (observed === 1 ? 1 : 0) : (observed - expected) / (1 - expected);
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision,
    recall,
    f1,
    kappa,
    support: tp + fn,
  };
}

export interface MultiLabelAgreement {
  perLabel: Record<string, BinaryAgreement>;
  /** Mean over responses of each response's F1 (scikit-learn's average='samples'). */
  samplesF1: number;
  microF1: number;
  macroF1: number;
  /** Kappa over every (response, theme) decision pooled. */
  kappa: number;
  responses: number;
}

/** Compares predicted label sets with the analysts' sets, response by response. */
export function multiLabelAgreement(truth: string[][], predicted: string[][], labels: string[]): MultiLabelAgreement {
  const n = truth.length;
  const counts = new Map(labels.map((l) => [l, { tp: 0, fp: 0, fn: 0, tn: 0 }]));
  let samplesF1 = 0;
  for (let i = 0; i < n; i++) {
    const t = new Set(truth[i]);
    const p = new Set(predicted[i]);
    let hit = 0;
    for (const l of p) if (t.has(l)) hit++;
    samplesF1 += t.size + p.size === 0 ? 1 : (2 * hit) / (t.size + p.size);
    for (const l of labels) {
      const c = counts.get(l)!;
      if (t.has(l) && p.has(l)) c.tp++;
      else if (p.has(l)) c.fp++;
      else if (t.has(l)) c.fn++;
      else c.tn++;
    }
  }
  const perLabel: Record<string, BinaryAgreement> = {};
  const total = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const [l, c] of counts) {
    perLabel[l] = binaryAgreement(c.tp, c.fp, c.fn, c.tn);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    total.tn += c.tn;
  }
  const pooled = binaryAgreement(total.tp, total.fp, total.fn, total.tn);
  const macroF1 = labels.length ? labels.reduce((s, l) => s + perLabel[l].f1, 0) / labels.length : 0;
  return { perLabel, samplesF1: n ? samplesF1 / n : 0, microF1: pooled.f1, macroF1, kappa: pooled.kappa, responses: n };
}
