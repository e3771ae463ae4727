/**
 * Where words and phrases occur in a response, matched the way the analysis sees text (stemmed, stop words
 * and boilerplate removed), so "graduate" finds "graduates" and "brain drain" finds "brain-drain". Used to
 * highlight the evidence for an assignment and to apply keyword rules.
 */
import type { EvidenceSpan } from '../../shared/api';
import type { Term, TextAnalyser } from './text';

export interface PhraseMatcher {
  /** Spans of every phrase found in the text, in text order. */
  find(text: string): EvidenceSpan[];
  /** The same, for a text already analysed. */
  findInTerms(terms: Term[]): EvidenceSpan[];
}

export function phraseMatcher(analyser: TextAnalyser, phrases: string[]): PhraseMatcher {
  const stemmed = phrases
    .map((phrase) => ({ phrase, stems: analyser.stemPhrase(phrase) }))
    .filter((p) => p.stems.length > 0);
  const byFirst = new Map<string, { phrase: string; stems: string[] }[]>();
  for (const p of stemmed) {
    const list = byFirst.get(p.stems[0]) ?? [];
    list.push(p);
    byFirst.set(p.stems[0], list);
  }
  const findInTerms = (terms: Term[]): EvidenceSpan[] => {
    const spans: EvidenceSpan[] = [];
    for (let i = 0; i < terms.length; i++) {
      for (const p of byFirst.get(terms[i].stem) ?? []) {
        if (i + p.stems.length > terms.length) continue;
        let match = true;
        for (let j = 1; j < p.stems.length; j++) {
          if (terms[i + j].stem !== p.stems[j]) {
            match = false;
            break;
          }
        }
        if (match) spans.push({ start: terms[i].start, end: terms[i + p.stems.length - 1].end, term: p.phrase });
      }
    }
    return spans;
  };
  return {
    find: (text) => (byFirst.size === 0 ? [] : findInTerms(analyser.analyse(text).terms)),
    findInTerms,
  };
}
