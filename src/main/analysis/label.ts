/**
 * Theme labels by class-based TF-IDF (as BERTopic): a term's weight in a theme is its share of the theme's
 * words times log(1 + A / f), where A is the average number of words per theme and f the term's frequency
 * in all responses, so words frequent in this theme and rare elsewhere come first.
 */
import type { Corpus } from './corpus';

export interface LabelOptions {
  /** Terms to keep per theme. */
  keywords: number;
  /** A term must occur at least this often in the theme. */
  minCount: number;
}

/**
 * @param groups for each response in `docs`, its theme index (0..themes-1), or -1 (counted in the
 * background frequencies but in no theme)
 * @returns per theme, corpus term ids in decreasing weight
 */
export function classTfIdf(
  corpus: Corpus,
  docs: ArrayLike<number>,
  groups: ArrayLike<number>,
  themes: number,
  options: LabelOptions,
): number[][] {
  // Local ids for the terms these responses use, so the per-theme tables stay small at any corpus size.
  const local = new Map<number, number>();
  const termOf: number[] = [];
  const classCounts: Map<number, number>[] = Array.from({ length: themes + 1 }, () => new Map());
  const classTotals = new Float64Array(themes + 1);
  for (let i = 0; i < docs.length; i++) {
    const g = groups[i] < 0 ? themes : groups[i];
    const counts = classCounts[g];
    const terms = corpus.termsOf(docs[i]);
    for (let j = 0; j < terms.length; j++) {
      let id = local.get(terms[j]);
      if (id === undefined) {
        id = termOf.length;
        local.set(terms[j], id);
        termOf.push(terms[j]);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
      if (!corpus.isBigram(terms[j])) classTotals[g]++;
    }
  }
  const frequency = new Float64Array(termOf.length);
  for (const counts of classCounts) for (const [id, c] of counts) frequency[id] += c;
  let words = 0;
  for (const t of classTotals) words += t;
  const average = words / (themes + 1);
  const result: number[][] = [];
  for (let c = 0; c < themes; c++) {
    const scored: [number, number][] = [];
    for (const [id, count] of classCounts[c]) {
      if (count < options.minCount || classTotals[c] === 0) continue;
      scored.push([id, (count / classTotals[c]) * Math.log(1 + average / frequency[id])]);
    }
    // Ties broken by term name, so labels never depend on the order responses arrived in.
    scored.sort((a, b) => b[1] - a[1] || (corpus.name(termOf[a[0]]) < corpus.name(termOf[b[0]]) ? -1 : 1));
    result.push(
      pickDistinct(
        corpus,
        scored.map(([id]) => termOf[id]),
        options.keywords,
      ),
    );
  }
  return result;
}

/** The first `wanted` terms, leaving out a word already said by a chosen pair ("brain drain" then "drain"). */
function pickDistinct(corpus: Corpus, ranked: number[], wanted: number): number[] {
  const chosen: number[] = [];
  const covered = new Set<string>();
  for (const term of ranked) {
    if (chosen.length >= wanted) break;
    const parts = corpus.name(term).split(' ');
    if (parts.length === 1 && covered.has(parts[0])) continue;
    if (parts.length > 1) {
      // A pair replaces the single words it contains that were already chosen.
      for (let i = chosen.length - 1; i >= 0; i--) if (parts.includes(corpus.name(chosen[i]))) chosen.splice(i, 1);
    }
    for (const p of parts) covered.add(p);
    chosen.push(term);
  }
  return chosen;
}
