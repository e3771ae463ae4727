/**
 * Test material for campaign detection, built from real text: Polis comments (../shared/data/polis/) as
 * individual responses, and campaign families made from them: a template letter copied many times, each copy
 * edited by a known share of its words (sentences added, names changed, sentences dropped, paragraphs
 * reordered, typos), so grouping quality can be measured against edit size. Seeded: the same seed gives the
 * same corpus.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../src/main/analysis/campaigns/hash';
import { parseCsvRows as parseCsv } from './csv';

export const POLIS_FILE = join(import.meta.dirname, '../../../shared/data/polis/polis_en_not_rejected.csv');

export interface Comment {
  label: string;
  text: string;
}

/** The Polis comments, or null when ../shared/data is not there (a user's clone). */
export function readPolis(): Comment[] | null {
  if (!existsSync(POLIS_FILE)) return null;
  const [header, ...rows] = parseCsv(readFileSync(POLIS_FILE, 'utf8'));
  const label = header.indexOf('label');
  const text = header.indexOf('text');
  return rows.filter((r) => r[text]?.trim()).map((r) => ({ label: r[label], text: r[text].trim() }));
}

type Rand = () => number;

const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

function shuffle<T>(rand: Rand, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

const NAMES = [
  'Sarah',
  'Mohammed',
  'Jones',
  'Priya',
  'Okafor',
  'Leeds',
  'Bradford',
  'Wigan',
  'Tom',
  'Grace',
  'Hughes',
  'Kaur',
];

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

function sentences(text: string): string[] {
  return (
    text
      .match(/[^.!?]+[.!?]*\s*/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? [text]
  );
}

/**
 * Edits a template (paragraphs of sentences) until about `fraction` of its words have changed: the edits a
 * campaign's respondents make (a personal sentence added, a name or place changed, a sentence left out,
 * paragraphs in another order, a typo).
 */
export function editTemplate(paragraphs: string[][], fraction: number, rand: Rand, donors: readonly string[]): string {
  const paras = paragraphs.map((p) => [...p]);
  const total = paras.flat().reduce((n, s) => n + wordCount(s), 0);
  const budget = Math.round(fraction * total);
  let changed = 0;
  let reordered = false;
  while (changed < budget) {
    const left = budget - changed;
    const r = rand();
    const p = pick(rand, paras);
    if (r < 0.4) {
      // A sentence of the respondent's own, cut to what the budget allows.
      const words = pick(rand, donors).split(/\s+/).slice(0, Math.max(3, left));
      p.splice(Math.floor(rand() * (p.length + 1)), 0, `${words.join(' ').replace(/[.!?]*$/, '')}.`);
      changed += words.length;
    } else if (r < 0.75) {
      const i = Math.floor(rand() * p.length);
      const words = p[i].split(' ');
      const w = Math.floor(rand() * words.length);
      words[w] = r < 0.65 ? pick(rand, NAMES) : words[w].split('').reverse().join('');
      p[i] = words.join(' ');
      changed += 1;
    } else if (r < 0.9) {
      const i = Math.floor(rand() * p.length);
      if (p.length > 1 && wordCount(p[i]) <= left) {
        changed += wordCount(p[i]);
        p.splice(i, 1);
      }
    } else if (!reordered && paras.length > 1) {
      paras.reverse();
      reordered = true;
    }
  }
  return paras.map((p) => p.join(' ')).join('\n\n');
}

export interface LabelledResponse {
  text: string;
  /** The campaign family, or null for an individual response. */
  family: number | null;
  /** The share of the template's words edited (0 for individual responses). */
  edit: number;
}

export interface FamilyOptions {
  families: number;
  copiesPerEdit: number;
  edits: readonly number[];
  seed: number;
}

/**
 * Campaign families plus every other comment as an individual response, shuffled. Each comment is used
 * once, so individual responses share no sentences by construction (as real ones rarely do).
 */
export function buildFamilies(comments: readonly Comment[], options: FamilyOptions): LabelledResponse[] {
  const rand = seededRandom(options.seed);
  // Polis has a few comments posted word for word by several people ("I am 55 years of age or older"): real
  // duplicates, but not injected ones. Keep one of each so the scores measure the injected families only.
  const seen = new Set<string>();
  const unique = comments.filter((c) => {
    const key = c.text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const pool = shuffle(
    rand,
    unique.filter((c) => wordCount(c.text) >= 6),
  );
  const byLabel = new Map<string, Comment[]>();
  for (const c of pool) byLabel.set(c.label, [...(byLabel.get(c.label) ?? []), c]);
  const labels = [...byLabel.keys()].sort((a, b) => (byLabel.get(b)?.length ?? 0) - (byLabel.get(a)?.length ?? 0));
  const used = new Set<Comment>();
  const out: LabelledResponse[] = [];
  const donorComments = pool.slice(-400);
  donorComments.forEach((c) => used.add(c));
  const donors = donorComments.flatMap((c) => sentences(c.text));
  for (let f = 0; f < options.families; f++) {
    // A template letter: five comments on one topic, in two paragraphs.
    const topic = byLabel.get(labels[f % labels.length]) ?? [];
    const parts = topic.filter((c) => !used.has(c)).slice(0, 5);
    parts.forEach((c) => used.add(c));
    const paragraphs = [
      parts.slice(0, 3).flatMap((c) => sentences(c.text)),
      parts.slice(3).flatMap((c) => sentences(c.text)),
    ];
    for (const edit of options.edits) {
      for (let i = 0; i < options.copiesPerEdit; i++)
        out.push({ text: editTemplate(paragraphs, edit, rand, donors), family: f, edit });
    }
  }
  for (const c of pool) if (!used.has(c)) out.push({ text: c.text, family: null, edit: 0 });
  return shuffle(rand, out);
}

/** A vocabulary of real words with their frequencies, for generating large amounts of text quickly. */
export function vocabulary(comments: readonly Comment[]): string[] {
  return comments.flatMap((c) => c.text.split(/\s+/).filter(Boolean));
}

/** A response of `words` words drawn from the vocabulary (real word frequencies, no shared sentences). */
export function randomResponse(rand: Rand, vocab: readonly string[], words: number): string {
  const out = new Array<string>(words);
  for (let i = 0; i < words; i++) out[i] = vocab[Math.floor(rand() * vocab.length)];
  return out.join(' ');
}
