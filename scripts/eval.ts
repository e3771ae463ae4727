/**
 * `npm run eval`: theme quality on the labelled corpora in ../shared/data, written to
 * bench/results/quality.json (committed, so a change in quality shows in review).
 *  - Discovery: NMI of the discovered themes (Other / unclear counted as a group of its own) against the
 *    labels, with k = the number of labels, mean over seeds 0-2, beside scikit-learn's TF-IDF + LSA(100) +
 *    k-means reference; and the k chosen automatically, with its NMI.
 *  - Classification: i.AI's gambling set, trained on coded_half.csv, tested on truth.json: per-theme
 *    precision, recall, F1 and kappa, samples-F1, and the cross-validated figures the app shows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { evaluateClassification, evaluateDiscovery } from './lib/quality';
import { agNews, bbcNews, gambling, polis, sharedDataMissing } from './lib/datasets';

const OUT = join(import.meta.dirname, '..', 'bench', 'results', 'quality.json');

/** scikit-learn 1.2.1, TF-IDF (sublinear, English stop words, min_df 2, max_df 0.5) + LSA(100) + k-means, mean of 3 seeds. */
const SKLEARN_LSA_NMI: Record<string, number> = { 'bbc-news': 0.895, polis: 0.235, 'ag-news': 0.256 };
const SKLEARN_SAMPLES_F1 = 0.949;

function main(): void {
  const missing = sharedDataMissing();
  if (missing) {
    console.error(`eval: ${missing}; nothing measured.`);
    process.exitCode = 1;
    return;
  }
  const discovery = [bbcNews(), polis(), agNews()].map((corpus) => {
    const result = evaluateDiscovery(corpus, [0, 1, 2]);
    const auto = evaluateDiscovery(corpus, [0], 'auto');
    const line = {
      corpus: corpus.name,
      responses: corpus.texts.length,
      labels: result.labels,
      nmi: round(result.meanNmi),
      nmiPerSeed: result.perSeed.map((s) => round(s.nmi)),
      inOther: result.perSeed.map((s) => s.inOther),
      sklearnLsaNmi: SKLEARN_LSA_NMI[corpus.name],
      seconds: round(result.meanSeconds, 2),
      auto: { k: auto.perSeed[0].themes, nmi: round(auto.perSeed[0].nmi) },
    };
    console.log(
      `${corpus.name}: NMI ${line.nmi} (sklearn ${line.sklearnLsaNmi}); auto k=${line.auto.k} NMI ${line.auto.nmi}`,
    );
    return line;
  });
  const c = evaluateClassification(gambling());
  const classification = {
    corpus: 'gambling-generation-synthetic',
    trainedOn: c.trained,
    testedOn: c.tested,
    samplesF1: round(c.test.samplesF1),
    microF1: round(c.test.microF1),
    macroF1: round(c.test.macroF1),
    kappa: round(c.test.kappa),
    threshold: c.threshold,
    sklearnSamplesF1: SKLEARN_SAMPLES_F1,
    crossValidated: { samplesF1: round(c.crossValidated.samplesF1), kappa: round(c.crossValidated.kappa) },
    perTheme: Object.fromEntries(
      Object.entries(c.test.perLabel).map(([theme, m]) => [
        theme,
        {
          precision: round(m.precision),
          recall: round(m.recall),
          f1: round(m.f1),
          kappa: round(m.kappa),
          support: m.support,
        },
      ]),
    ),
    seconds: round(c.seconds, 2),
  };
  console.log(
    `gambling: samples-F1 ${classification.samplesF1} (sklearn ${SKLEARN_SAMPLES_F1}), kappa ${classification.kappa}`,
  );
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(
    OUT,
    `${JSON.stringify({ measuredAt: new Date().toISOString().slice(0, 10), discovery, classification }, null, 2)}\n`,
  );
  console.log(`Written to ${OUT}`);
}

function round(x: number, digits = 4): number {
  return Number(x.toFixed(digits));
}

main();
