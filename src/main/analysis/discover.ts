/**
 * Theme discovery for one question: TF-IDF -> truncated SVD (LSA) -> unit length -> k-means, with i.AI's
 * theme-set rules (each theme on at least max(5, 0.1%) of responses, at most 30 themes, no two nearly the
 * same), labels by class-based TF-IDF, representative quotes, and an "Other / unclear" group for responses
 * that fit no theme. Large questions are fitted on a seeded sample and then every response is assigned in
 * one streaming pass, so no step is quadratic in the number of responses.
 */
import { DOC_NON_ANSWER, DOC_NOT_ENGLISH, type Corpus } from './corpus';
import { classTfIdf } from './label';
import { chooseK, type KCandidate } from './choose-k';
import { kmeans } from './kmeans';
import { Random } from './random';
import { axpy, dotAt } from './kernels';
import { embedRows, truncatedSvdOfRows, type Svd } from './svd';
import { tfidf } from './vectorise';

export interface DiscoverOptions {
  /** A number of themes, or 'auto' to choose one. */
  themes: number | 'auto';
  seed: number;
  minDf: number;
  maxDf: number;
  /** Use word pairs as clustering features (labels always consider them). */
  bigramFeatures: boolean;
  svdIterations: number;
  /**
   * Up to this many responses, the SVD and k-means use all of them with `dims` dimensions and `starts`
   * k-means starts (the figures in bench/results/quality.json). Above it, both are fitted on a seeded
   * sample of `sample` responses with `sampledDims` and `sampledStarts` (measured on AG news: the same
   * NMI at a third of the time), and every response is then assigned in one streaming pass.
   */
  fullUpTo: number;
  dims: number;
  starts: number;
  sample: number;
  sampledDims: number;
  sampledStarts: number;
  /**
   * A response less similar than this to every theme goes to Other / unclear (cosine, in TF-IDF space,
   * between the response and the theme's centre direction).
   */
  otherThreshold: number;
  /** Themes whose centres are more similar than this (cosine) are merged. */
  mergeThreshold: number;
  maxThemes: number;
  /** Smallest theme: max(minThemeSize, minThemeShare x responses). */
  minThemeSize: number;
  minThemeShare: number;
  keywords: number;
  quotes: number;
}

export const DISCOVER_DEFAULTS: DiscoverOptions = {
  themes: 'auto',
  seed: 1,
  minDf: 2,
  maxDf: 0.5,
  bigramFeatures: true,
  svdIterations: 2,
  fullUpTo: 5_000,
  dims: 100,
  starts: 10,
  sample: 3_000,
  sampledDims: 64,
  sampledStarts: 3,
  otherThreshold: 0.03,
  mergeThreshold: 0.9,
  maxThemes: 30,
  minThemeSize: 5,
  minThemeShare: 0.001,
  keywords: 10,
  quotes: 5,
};

export type OtherReason = 'nonAnswer' | 'notEnglish' | 'noContent' | 'fitsNoTheme' | 'smallTheme';

export interface DiscoveredTheme {
  /** Corpus term ids, most distinctive first. */
  terms: number[];
  /** The terms as people wrote them. */
  keywords: string[];
  /** A short name from the top terms. */
  label: string;
  /** How many responses it has. */
  size: number;
  /** Positions (in `docs`) of the most representative responses, best first. */
  quotes: number[];
}

export interface Discovery {
  themes: DiscoveredTheme[];
  /** Per position in `docs`: theme index, or -1 for Other / unclear. */
  assignment: Int32Array;
  /** Per position: cosine similarity to its theme's centre (0 in Other). */
  similarity: Float32Array;
  /** Per position: why it is in Other (null when in a theme). */
  otherReason: (OtherReason | null)[];
  otherCounts: Record<OtherReason, number>;
  languages: Record<string, number>;
  k: { requested: number | 'auto'; clustered: number; final: number; candidates: KCandidate[] };
  features: number;
  timings: Record<string, number>;
}

export type Progress = (phase: string, done: number, total: number | null) => void;

export interface DiscoverHooks {
  progress?: Progress;
  /** Polled between steps; throw from it to stop. */
  checkCancelled?: () => void;
}

function minThemeSize(options: DiscoverOptions, n: number): number {
  return Math.max(options.minThemeSize, Math.ceil(options.minThemeShare * n));
}

const CHUNK = 4096;

export function discoverThemes(
  corpus: Corpus,
  docs: ArrayLike<number>,
  partial: Partial<DiscoverOptions> = {},
  hooks: DiscoverHooks = {},
): Discovery {
  const options = { ...DISCOVER_DEFAULTS, ...partial };
  const progress = hooks.progress ?? (() => undefined);
  const check = hooks.checkCancelled ?? (() => undefined);
  const timings: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    timings[name] = Math.round(now - clock);
    clock = now;
    check();
  };
  const n = docs.length;
  const assignment = new Int32Array(n).fill(-1);
  const similarity = new Float32Array(n);
  const otherReason: (OtherReason | null)[] = new Array<OtherReason | null>(n).fill(null);
  const languages: Record<string, number> = {};

  // Responses the English pipeline can cluster; the rest go to Other with their reason.
  const eligible: number[] = [];
  for (let i = 0; i < n; i++) {
    const flags = corpus.flags(docs[i]);
    if (flags & DOC_NOT_ENGLISH) otherReason[i] = 'notEnglish';
    else if (flags & DOC_NON_ANSWER) otherReason[i] = 'nonAnswer';
    else if (corpus.contentWords(docs[i]) === 0) otherReason[i] = 'noContent';
    else eligible.push(i);
  }
  for (let i = 0; i < n; i++) {
    const lang = corpus.languageOf(docs[i]);
    languages[lang] = (languages[lang] ?? 0) + 1;
  }
  progress('Weighting words', 0, null);
  const x = tfidf(
    corpus,
    eligible.map((i) => docs[i]),
    { minDf: options.minDf, maxDf: options.maxDf, sublinear: true, bigrams: options.bigramFeatures },
  );
  lap('tfidf');
  // Rows with no surviving term say nothing the others share: Other.
  const rows: number[] = [];
  for (let r = 0; r < x.matrix.rows; r++) {
    if (x.matrix.indptr[r + 1] > x.matrix.indptr[r]) rows.push(r);
    else otherReason[eligible[r]] = 'noContent';
  }
  const minSize = minThemeSize(options, n);
  const random = new Random(options.seed);
  const result = (themes: DiscoveredTheme[], k: Discovery['k']): Discovery => {
    const otherCounts: Record<OtherReason, number> = {
      nonAnswer: 0,
      notEnglish: 0,
      noContent: 0,
      fitsNoTheme: 0,
      smallTheme: 0,
    };
    for (const reason of otherReason) if (reason) otherCounts[reason]++;
    return { themes, assignment, similarity, otherReason, otherCounts, languages, k, features: x.matrix.cols, timings };
  };
  const requested = options.themes;
  if (rows.length < Math.max(2 * minSize, 4) || x.matrix.cols < 2) {
    for (const r of rows) otherReason[eligible[r]] = 'smallTheme';
    return result([], { requested, clustered: 0, final: 0, candidates: [] });
  }

  const sampled = rows.length > options.fullUpTo;
  const sampleSize = sampled ? options.sample : rows.length;
  const svdRows = random.sample(rows.length, sampleSize);
  const svd = truncatedSvdOfRows(
    x.matrix,
    Array.from(svdRows, (i) => rows[i]),
    sampled ? options.sampledDims : options.dims,
    {
      seed: options.seed,
      iterations: options.svdIterations,
      onPass: (done, total) => progress('Finding dimensions of meaning', done, total),
    },
  );
  lap('svd');

  const d = svd.dims;
  const sample = random.sample(rows.length, sampleSize);
  const s = sample.length;
  const embedded = new Float64Array(s * d);
  const one = new Float64Array(d);
  for (let i = 0; i < s; i++) {
    embedRows(x.matrix, svd, rows[sample[i]], rows[sample[i]] + 1, one);
    embedded.set(one, i * d);
  }
  lap('embed sample');

  const maxK = Math.max(1, Math.min(options.maxThemes, Math.floor(rows.length / minSize), s));
  let k: number;
  let candidates: KCandidate[] = [];
  if (requested === 'auto') {
    progress('Choosing the number of themes', 0, null);
    const chosen = chooseK(embedded, s, d, maxK, options.seed, (done, total) =>
      progress('Choosing the number of themes', done, total),
    );
    k = chosen.k;
    candidates = chosen.candidates;
    lap('choose k');
  } else {
    k = Math.max(1, Math.min(requested, maxK));
  }
  const fit = kmeans(embedded, s, d, k, {
    seed: options.seed,
    starts: sampled ? options.sampledStarts : options.starts,
    onStart: (done, total) => progress('Grouping similar responses', done, total),
  });
  lap('kmeans');

  // Theme-set rules on the sample: drop themes too small to stand, merge near-duplicates.
  const centroids = applyThemeRules(
    fit.centroids,
    fit.labels,
    k,
    d,
    s,
    rows.length,
    minSize,
    options.mergeThreshold,
    embedded,
  );
  const themes = centroids.length / d;
  lap('rules');

  // Every response to its most similar theme, in one streaming pass. A theme's centre, as a unit vector in
  // the SVD space, is a unit direction in term space (V·ĉ); a response's cosine to it is then a sparse dot
  // product with its TF-IDF row, touching only the response's own terms.
  const directions = themeDirections(svd, centroids, themes);
  const map = svd.columnMap;
  const scores = new Float64Array(themes);
  const m = x.matrix;
  for (let r = 0; r < rows.length; r++) {
    scores.fill(0);
    const row = rows[r];
    for (let p = m.indptr[row]; p < m.indptr[row + 1]; p++) {
      const column = map ? map[m.indices[p]] : m.indices[p];
      if (column >= 0) axpy(m.data[p], directions, column * themes, scores, 0, themes);
    }
    let best = 0;
    for (let c = 1; c < themes; c++) if (scores[c] > scores[best]) best = c;
    const position = eligible[row];
    similarity[position] = scores[best];
    if (scores[best] < options.otherThreshold) otherReason[position] = 'fitsNoTheme';
    else assignment[position] = best;
    if (r % CHUNK === 0) {
      progress('Assigning responses to themes', r, rows.length);
      check();
    }
  }
  lap('assign');

  // A theme that ended up too small after all is dissolved into Other; the rest are renumbered by size.
  const sizes = new Int32Array(themes);
  for (let i = 0; i < n; i++) if (assignment[i] >= 0) sizes[assignment[i]]++;
  const order = Array.from({ length: themes }, (_, c) => c)
    .filter((c) => sizes[c] >= minSize)
    .sort((a, b) => sizes[b] - sizes[a] || a - b);
  const renumber = new Int32Array(themes).fill(-1);
  order.forEach((c, i) => (renumber[c] = i));
  for (let i = 0; i < n; i++) {
    if (assignment[i] < 0) continue;
    const next = renumber[assignment[i]];
    if (next < 0) {
      otherReason[i] = 'smallTheme';
      similarity[i] = 0;
    }
    assignment[i] = next;
  }
  for (let i = 0; i < n; i++) if (assignment[i] < 0) similarity[i] = 0;

  progress('Naming themes', 0, null);
  const labelled = labelThemes(corpus, docs, assignment, order.length, options, random);
  const quotes = pickQuotes(corpus, docs, assignment, similarity, order.length, options.quotes);
  lap('label');
  const discovered: DiscoveredTheme[] = order.map((c, i) => ({
    ...labelled[i],
    size: sizes[c],
    quotes: quotes[i],
  }));
  return result(discovered, { requested, clustered: k, final: discovered.length, candidates });
}

/** V·ĉ for each theme centre c (unit length in the SVD space): rows of V's columns x themes. */
function themeDirections(svd: Svd, centroids: Float64Array, themes: number): Float64Array {
  const d = svd.dims;
  const rowsOfV = svd.components.length / d;
  const unit = Float64Array.from(centroids);
  for (let c = 0; c < themes; c++) {
    const norm = Math.sqrt(dotAt(unit, c * d, unit, c * d, d));
    for (let t = 0; t < d; t++) unit[c * d + t] = norm > 0 ? unit[c * d + t] / norm : 0;
  }
  const out = new Float64Array(rowsOfV * themes);
  for (let j = 0; j < rowsOfV; j++)
    for (let c = 0; c < themes; c++) out[j * themes + c] = dotAt(svd.components, j * d, unit, c * d, d);
  return out;
}

/**
 * Drops themes below the minimum size (estimated from the sample) and merges near-duplicate pairs, until
 * neither applies. Returns the surviving centroids.
 */
function applyThemeRules(
  centroids: Float64Array,
  labels: Int32Array,
  k: number,
  d: number,
  sampleSize: number,
  total: number,
  minSize: number,
  mergeThreshold: number,
  embedded: Float64Array,
): Float64Array {
  const scale = total / sampleSize;
  let groups: { centroid: Float64Array; members: number[] }[] = Array.from({ length: k }, (_, c) => ({
    centroid: centroids.slice(c * d, (c + 1) * d),
    members: [],
  }));
  for (let i = 0; i < sampleSize; i++) groups[labels[i]].members.push(i);
  const recentre = (members: number[]): Float64Array => {
    const c = new Float64Array(d);
    for (const i of members) for (let t = 0; t < d; t++) c[t] += embedded[i * d + t];
    for (let t = 0; t < d; t++) c[t] /= Math.max(1, members.length);
    return c;
  };
  const cosine = (a: Float64Array, b: Float64Array): number => {
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let t = 0; t < d; t++) {
      ab += a[t] * b[t];
      aa += a[t] * a[t];
      bb += b[t] * b[t];
    }
    return aa && bb ? ab / Math.sqrt(aa * bb) : 0;
  };
  for (;;) {
    // Merge the most similar pair above the threshold.
    let pair: [number, number] | null = null;
    let best = mergeThreshold;
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const cos = cosine(groups[a].centroid, groups[b].centroid);
        if (cos > best) {
          best = cos;
          pair = [a, b];
        }
      }
    }
    if (pair) {
      const members = [...groups[pair[0]].members, ...groups[pair[1]].members];
      groups[pair[0]] = { centroid: recentre(members), members };
      groups.splice(pair[1], 1);
      continue;
    }
    // Dissolve the smallest theme below the minimum; its members go to their next nearest theme.
    let smallest = -1;
    for (let g = 0; g < groups.length; g++) {
      if (
        groups[g].members.length * scale < minSize &&
        (smallest < 0 || groups[g].members.length < groups[smallest].members.length)
      )
        smallest = g;
    }
    if (smallest < 0 || groups.length === 1) break;
    const orphans = groups[smallest].members;
    groups.splice(smallest, 1);
    for (const i of orphans) {
      let target = 0;
      let bestDot = -Infinity;
      groups.forEach((g, gi) => {
        let dot = 0;
        for (let t = 0; t < d; t++) dot += embedded[i * d + t] * g.centroid[t];
        if (dot > bestDot) {
          bestDot = dot;
          target = gi;
        }
      });
      groups[target].members.push(i);
    }
    groups = groups.map((g) => ({ centroid: recentre(g.members), members: g.members }));
  }
  const out = new Float64Array(groups.length * d);
  groups.forEach((g, i) => out.set(g.centroid, i * d));
  return out;
}

const LABEL_SAMPLE = 20_000;

function labelThemes(
  corpus: Corpus,
  docs: ArrayLike<number>,
  assignment: Int32Array,
  themes: number,
  options: DiscoverOptions,
  random: Random,
): { terms: number[]; keywords: string[]; label: string }[] {
  const picked = random.sample(docs.length, LABEL_SAMPLE);
  const sampleDocs = Array.from(picked, (i) => docs[i]);
  const groups = Array.from(picked, (i) => assignment[i]);
  const ranked = classTfIdf(corpus, sampleDocs, groups, themes, { keywords: options.keywords, minCount: 2 });
  const used = new Set<string>();
  return ranked.map((terms) => {
    const keywords = corpus.displayNames(terms);
    // Three terms name a theme; more when needed to tell two themes apart.
    let size = Math.min(3, keywords.length);
    let label = keywords.slice(0, size).join(', ') || 'Unnamed theme';
    while (used.has(label) && size < keywords.length) label = keywords.slice(0, ++size).join(', ');
    let suffix = 2;
    const base = label;
    while (used.has(label)) label = `${base} (${suffix++})`;
    used.add(label);
    return { terms, keywords, label };
  });
}

/**
 * The most representative responses of each theme: closest to its centre, of a readable length, and not
 * copies of one another (campaign texts repeat).
 */
function pickQuotes(
  corpus: Corpus,
  docs: ArrayLike<number>,
  assignment: Int32Array,
  similarity: Float32Array,
  themes: number,
  wanted: number,
): number[][] {
  const pool = wanted * 8;
  const candidates: number[][] = Array.from({ length: themes }, () => []);
  const readable = (i: number): boolean => {
    const length = corpus.length(docs[i]);
    return length >= 40 && length <= 600 && corpus.contentWords(docs[i]) >= 4;
  };
  // Keep a bounded pool of the best candidates per theme (readable first, then most similar).
  const better = (a: number, b: number): number =>
    Number(readable(b)) - Number(readable(a)) || similarity[b] - similarity[a] || a - b;
  for (let i = 0; i < assignment.length; i++) {
    const c = assignment[i];
    if (c < 0) continue;
    const list = candidates[c];
    if (list.length < pool) {
      list.push(i);
      if (list.length === pool) list.sort(better);
    } else if (better(i, list[pool - 1]) < 0) {
      list[pool - 1] = i;
      list.sort(better);
    }
  }
  return candidates.map((list) => {
    list.sort(better);
    const chosen: number[] = [];
    const seen = new Set<string>();
    for (const i of list) {
      const key = corpus.termsOf(docs[i]).join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      chosen.push(i);
      if (chosen.length >= wanted) break;
    }
    return chosen;
  });
}
