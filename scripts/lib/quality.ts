/** The measurements behind `npm run eval` and the quality tests: the same code, so the two cannot drift. */
import { classifyResponses } from '../../src/main/analysis/classify';
import { Corpus } from '../../src/main/analysis/corpus';
import { discoverThemes } from '../../src/main/analysis/discover';
import { multiLabelAgreement, nmi, type MultiLabelAgreement } from '../../src/main/analysis/evaluate';
import type { CodedSet, LabelledCorpus } from './datasets';

export interface DiscoveryQuality {
  labels: number;
  meanNmi: number;
  meanSeconds: number;
  perSeed: { seed: number; nmi: number; themes: number; inOther: number; seconds: number }[];
}

/** Discovers themes (k = the number of labels unless 'auto') and scores them against the labels. */
export function evaluateDiscovery(
  data: LabelledCorpus,
  seeds: number[],
  themes: number | 'auto' = new Set(data.labels).size,
): DiscoveryQuality {
  const perSeed = seeds.map((seed) => {
    const started = performance.now();
    const corpus = new Corpus();
    for (const text of data.texts) corpus.add(text);
    const docs = Array.from({ length: corpus.size }, (_, i) => i);
    const result = discoverThemes(corpus, docs, { themes, seed });
    const seconds = (performance.now() - started) / 1000;
    // Other / unclear is scored as one more group: leaving responses out would flatter the figure.
    const predicted = Array.from(result.assignment);
    return {
      seed,
      nmi: nmi(data.labels, predicted),
      themes: result.themes.length,
      inOther: predicted.filter((p) => p < 0).length,
      seconds,
    };
  });
  const mean = (f: (s: (typeof perSeed)[number]) => number): number =>
    perSeed.reduce((a, s) => a + f(s), 0) / perSeed.length;
  return {
    labels: new Set(data.labels).size,
    meanNmi: mean((s) => s.nmi),
    meanSeconds: mean((s) => s.seconds),
    perSeed,
  };
}

export interface ClassificationQuality {
  trained: number;
  tested: number;
  test: MultiLabelAgreement;
  crossValidated: MultiLabelAgreement;
  threshold: number;
  seconds: number;
}

/** Trains on the coded half and scores the proposals for the held-out half against its true themes. */
export function evaluateClassification(set: CodedSet): ClassificationQuality {
  const started = performance.now();
  const corpus = new Corpus();
  for (const text of set.texts) corpus.add(text);
  const docs = set.ids.map((_, i) => i);
  const index = new Map(set.themes.map((t, i) => [t, i]));
  const coded = set.ids.flatMap((id, position) => {
    const themes = set.coded.get(id);
    return themes ? [{ position, themes: themes.map((t) => index.get(t)!) }] : [];
  });
  const held = set.ids.flatMap((id, position) => (set.truth.has(id) ? [position] : []));
  const result = classifyResponses(corpus, docs, set.themes.length, coded, held, { seed: 1 });
  const test = multiLabelAgreement(
    held.map((p) => set.truth.get(set.ids[p])!),
    result.proposals.map((list) => list.map((p) => set.themes[p.theme])),
    set.themes,
  );
  return {
    trained: coded.length,
    tested: held.length,
    test,
    crossValidated: result.agreement!,
    threshold: result.threshold,
    seconds: (performance.now() - started) / 1000,
  };
}
