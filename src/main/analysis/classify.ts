/**
 * Classification of a question's responses against its codebook: TF-IDF (words and word pairs, sublinear)
 * and one-vs-rest logistic regression trained on the responses analysts coded. Its agreement with the
 * analysts is measured by k-fold cross-validation on those coded responses, before it proposes anything.
 */
import type { Corpus } from './corpus';
import { multiLabelAgreement, type MultiLabelAgreement } from './evaluate';
import { contributions, LOGISTIC_DEFAULTS, predictRow, trainLogistic, type LogisticModel } from './logistic';
import { Random } from './random';
import { tfidf, type TfIdf } from './vectorise';

export interface ClassifyOptions {
  seed: number;
  /** Logistic regression's inverse regularisation. */
  c: number;
  /**
   * Propose a theme when its probability reaches this; 'auto' picks the threshold that agrees best with
   * the analysts in cross-validation.
   */
  threshold: number | 'auto';
  /** When no theme reaches the threshold, still propose the likeliest one (every response is about something). */
  atLeastOne: boolean;
  /** Cross-validation folds for the agreement figures (0 to skip). */
  folds: number;
  minDf: number;
  /** Terms that drove a proposal, kept as its evidence. */
  evidenceTerms: number;
}

export const CLASSIFY_DEFAULTS: ClassifyOptions = {
  seed: 1,
  c: 10,
  threshold: 'auto',
  atLeastOne: true,
  folds: 5,
  minDf: 2,
  evidenceTerms: 5,
};

export interface ClassifierProposal {
  theme: number;
  confidence: number;
  /** Corpus term ids that drove it, strongest first. */
  evidence: number[];
}

export interface Classification {
  /** Per position in `toClassify`: the proposed themes, likeliest first. */
  proposals: ClassifierProposal[][];
  /** Cross-validated agreement with the analysts (labels are theme indices as strings); null when too few coded. */
  agreement: MultiLabelAgreement | null;
  /** Themes with no coded example: the model cannot learn them. */
  untrainable: number[];
  /** The probability threshold used. */
  threshold: number;
  features: number;
  timings: Record<string, number>;
}

/** Thresholds tried when choosing one by cross-validation. */
const THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

/** The themes a response gets from its probabilities. */
export function decide(
  probabilities: Float64Array,
  options: { threshold: number; atLeastOne: boolean },
  trainable: boolean[],
): number[] {
  const chosen: number[] = [];
  let best = -1;
  for (let t = 0; t < probabilities.length; t++) {
    if (!trainable[t]) continue;
    if (probabilities[t] >= options.threshold) chosen.push(t);
    if (best < 0 || probabilities[t] > probabilities[best]) best = t;
  }
  if (chosen.length === 0 && options.atLeastOne && best >= 0) chosen.push(best);
  return chosen.sort((a, b) => probabilities[b] - probabilities[a] || a - b);
}

function fit(x: TfIdf, rows: number[], labels: number[][], themes: number, c: number): LogisticModel {
  const positive = Array.from({ length: themes }, () => new Set<number>());
  rows.forEach((_, i) => {
    for (const t of labels[i]) positive[t].add(i);
  });
  return trainLogistic(x.matrix, rows, positive, { ...LOGISTIC_DEFAULTS, c });
}

/**
 * @param docs corpus ids of every response of the question (the TF-IDF is fitted on all of them)
 * @param coded positions in `docs` that analysts coded, with their theme indices (0..themes-1)
 * @param toClassify positions in `docs` to propose themes for
 */
export function classifyResponses(
  corpus: Corpus,
  docs: ArrayLike<number>,
  themes: number,
  coded: { position: number; themes: number[] }[],
  toClassify: ArrayLike<number>,
  partial: Partial<ClassifyOptions> = {},
  onProgress?: (phase: string, done: number, total: number | null) => void,
): Classification {
  const options = { ...CLASSIFY_DEFAULTS, ...partial };
  const timings: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    timings[name] = Math.round(now - clock);
    clock = now;
  };
  const x = tfidf(corpus, docs, { minDf: options.minDf, maxDf: 1, sublinear: true, bigrams: true });
  lap('tfidf');
  const trainable = Array.from({ length: themes }, (_, t) => coded.some((c) => c.themes.includes(t)));
  const untrainable = trainable.flatMap((ok, t) => (ok ? [] : [t]));

  let agreement: MultiLabelAgreement | null = null;
  let threshold = options.threshold === 'auto' ? 0.5 : options.threshold;
  if (options.folds >= 2 && coded.length >= options.folds * 2) {
    onProgress?.('Measuring agreement with analysts', 0, options.folds);
    const order = new Random(options.seed).permutation(coded.length);
    const held: { truth: string[]; probabilities: Float64Array; trainable: boolean[] }[] = [];
    for (let fold = 0; fold < options.folds; fold++) {
      const train: number[] = [];
      const test: number[] = [];
      order.forEach((i, rank) => (rank % options.folds === fold ? test : train).push(i));
      const foldTrainable = Array.from({ length: themes }, (_, t) => train.some((i) => coded[i].themes.includes(t)));
      const model = fit(
        x,
        train.map((i) => coded[i].position),
        train.map((i) => coded[i].themes),
        themes,
        options.c,
      );
      for (const i of test) {
        held.push({
          truth: coded[i].themes.map(String),
          probabilities: predictRow(model, x.matrix, coded[i].position),
          trainable: foldTrainable,
        });
      }
      onProgress?.('Measuring agreement with analysts', fold + 1, options.folds);
    }
    const labels = trainable.flatMap((ok, t) => (ok ? [String(t)] : []));
    const measure = (at: number): MultiLabelAgreement =>
      multiLabelAgreement(
        held.map((h) => h.truth),
        held.map((h) =>
          decide(h.probabilities, { threshold: at, atLeastOne: options.atLeastOne }, h.trainable).map(String),
        ),
        labels,
      );
    if (options.threshold === 'auto') {
      let best = -1;
      for (const at of THRESHOLDS) {
        const f1 = measure(at).samplesF1;
        if (f1 > best + 1e-9) {
          best = f1;
          threshold = at;
        }
      }
    }
    agreement = measure(threshold);
    lap('cross-validation');
  }

  onProgress?.('Training', 0, null);
  const model = fit(
    x,
    coded.map((c) => c.position),
    coded.map((c) => c.themes),
    themes,
    options.c,
  );
  lap('train');
  const proposals: ClassifierProposal[][] = [];
  const probabilities = new Float64Array(themes);
  const rule = { threshold, atLeastOne: options.atLeastOne };
  for (let i = 0; i < toClassify.length; i++) {
    const row = toClassify[i];
    predictRow(model, x.matrix, row, probabilities);
    proposals.push(
      decide(probabilities, rule, trainable).map((t) => ({
        theme: t,
        confidence: probabilities[t],
        evidence: contributions(model, x.matrix, row, t, options.evidenceTerms).map(([column]) => x.terms[column]),
      })),
    );
    if (i % 5000 === 0) onProgress?.('Proposing themes', i, toClassify.length);
  }
  lap('predict');
  return { proposals, agreement, untrainable, threshold, features: x.matrix.cols, timings };
}
