/**
 * Precision and recall of personal-data detection per kind, on the labelled snippets in
 * tests/fixtures/pii/*.jsonl (each line: a text and the pieces of personal data in it, by kind and value).
 * A find counts as correct when it has the right kind and overlaps an expected piece.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPersonalData } from '../../src/main/analysis/pii/detect';
import { PII_KINDS, type PiiKind } from '../../src/main/analysis/pii/kinds';

export const PII_FIXTURES = join(import.meta.dirname, '../../tests/fixtures/pii');

export interface PiiSnippet {
  file: string;
  text: string;
  expected: { kind: PiiKind; value: string }[];
}

export function readPiiSnippets(dir = PII_FIXTURES): PiiSnippet[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => ({ file, ...(JSON.parse(line) as Omit<PiiSnippet, 'file'>) })),
    );
}

export interface KindScore {
  expected: number;
  found: number;
  correct: number;
  precision: number | null;
  recall: number | null;
}

export interface PiiScores {
  snippets: number;
  byKind: Record<PiiKind, KindScore>;
  /** The mistakes, for reading: what was missed and what was wrongly flagged. */
  missed: { kind: PiiKind; value: string; text: string }[];
  wrong: { kind: PiiKind; value: string; text: string }[];
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function scorePii(snippets: readonly PiiSnippet[]): PiiScores {
  const tally = Object.fromEntries(
    PII_KINDS.map((k) => [k, { expected: 0, found: 0, correctFound: 0, correctExpected: 0 }]),
  );
  const missed: PiiScores['missed'] = [];
  const wrong: PiiScores['wrong'] = [];
  for (const s of snippets) {
    const found = findPersonalData(s.text);
    const expected = s.expected.map((e) => {
      const start = s.text.indexOf(e.value);
      return { kind: e.kind, start, end: start + e.value.length, value: e.value };
    });
    const overlaps = (
      a: { kind: PiiKind; start: number; end: number },
      b: { kind: PiiKind; start: number; end: number },
    ) => a.kind === b.kind && a.start < b.end && b.start < a.end;
    for (const e of expected) {
      tally[e.kind].expected++;
      if (found.some((f) => overlaps(f, e))) tally[e.kind].correctExpected++;
      else missed.push({ kind: e.kind, value: e.value, text: s.text });
    }
    for (const f of found) {
      tally[f.kind].found++;
      if (expected.some((e) => overlaps(f, e))) tally[f.kind].correctFound++;
      else wrong.push({ kind: f.kind, value: s.text.slice(f.start, f.end), text: s.text });
    }
  }
  const byKind = Object.fromEntries(
    PII_KINDS.map((k) => {
      const t = tally[k];
      return [
        k,
        {
          expected: t.expected,
          found: t.found,
          correct: t.correctExpected,
          precision: t.found ? round(t.correctFound / t.found) : null,
          recall: t.expected ? round(t.correctExpected / t.expected) : null,
        },
      ];
    }),
  ) as Record<PiiKind, KindScore>;
  return { snippets: snippets.length, byKind, missed, wrong };
}
