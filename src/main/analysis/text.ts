/**
 * The text pipeline: normalise, tokenise (keeping character offsets, so evidence can be highlighted), detect
 * the language, drop English stop words and consultation boilerplate, and stem with natural's Porter stemmer
 * (cached per distinct word: the stemmer costs ~3 µs a call, which at 1M responses would dominate).
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { words as naturalStopWords } from 'natural/lib/natural/util/stopwords.js';
import { detectLanguage, languageMask } from './language';

/** Function words natural's list lacks (scikit-learn's English list has most of them), and contractions. */
const MORE_STOP_WORDS = `
  across afterwards almost alone along already although always among amongst amount anyhow anyone anything anyway
  anywhere around back became become becomes becoming beforehand behind beside besides beyond bottom cant co
  con de describe detail done down due eg eight either eleven else elsewhere empty enough etc even ever every
  everyone everything everywhere except fill find first five former formerly forty four front full give go
  hence hereafter hereby herein hereupon hers however hundred ie inc indeed interest keep last latter latterly
  least less ltd made may meanwhile mine moreover mostly move name namely neither nevertheless next nine no
  nobody none noone nor not nothing nowhere off often once one onto others otherwise part per perhaps put
  rather re seem seemed seeming seems serious several show side sincere six sixty someone something sometime
  sometimes somewhere system ten thence thereafter thereby therefore therein thereupon thick thin third three
  thru thus together top toward towards twelve twenty two un upon us via whatever whence whenever whereafter
  whereas whereby wherein whereupon wherever whether whither whoever whole whose will within without yet
  yourselves just really also i'm im ive i've id i'd ill i'll dont don't doesnt doesn't didnt didn't isnt isn't
  arent aren't wasnt wasn't werent weren't wont won't wouldnt wouldn't shouldnt shouldn't couldnt couldn't
  cant can't hasnt hasn't havent haven't hadnt hadn't theyre they're youre you're weve we've thats that's
  theres there's lets let's ok okay yes
`;

export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...naturalStopWords,
  ...MORE_STOP_WORDS.split(/\s+/).filter(Boolean),
]);

/**
 * Consultation boilerplate: phrases that open half the answers and say nothing about the subject. Removed
 * as whole phrases, so "think" or "government" elsewhere are kept.
 */
export const BOILERPLATE_PHRASES: readonly string[] = [
  'i think',
  'i believe',
  'i feel',
  'i would like',
  'i would say',
  'i agree',
  'i disagree',
  'i strongly agree',
  'i strongly disagree',
  'we think',
  'we believe',
  'we feel',
  'we would like',
  'we would',
  'we agree',
  'in my opinion',
  'in my view',
  'in our view',
  'in our opinion',
  'my view is',
  'our view is',
  'the government should',
  'government should',
  'the government needs to',
  'the council should',
  'it is important',
  'it is important that',
  'it is vital',
  'it is essential',
  'thank you',
  'thank you for',
  'many thanks',
  'to be honest',
  'at the end of the day',
  'as a resident',
  'as someone who',
];

/** Answers that say nothing: they go to "Other / unclear" rather than into a theme. */
const NON_ANSWERS = new Set([
  'no comment',
  'no comments',
  'none',
  'n/a',
  'na',
  'nothing',
  'no',
  'yes',
  'nil',
  'not applicable',
  'nothing to add',
  'no opinion',
  "don't know",
  'dont know',
  'not sure',
  'unsure',
  'see above',
  'as above',
  'no further comment',
  'no further comments',
  '-',
  '.',
  '?',
]);

/** Only short texts can be non-answers: longer ones are not normalised at all (this runs on every response). */
const LONGEST_NON_ANSWER = 40;

export function isNonAnswer(text: string): boolean {
  if (text.length > LONGEST_NON_ANSWER) return !/\S/.test(text);
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[.!\s]+$/, '')
    .replace(/\s+/g, ' ');
  return t.length === 0 || NON_ANSWERS.has(t);
}

const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] === 1;
  return LETTER_OR_DIGIT.test(text[i]);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** A word of the text: its lower-cased form (apostrophes and a trailing 's removed) and where it is. */
export interface Word {
  lower: string;
  start: number;
  end: number;
}

/**
 * Splits text into words, calling `emit` with each one's offsets. A word is a run of letters and digits,
 * with apostrophes inside it ("don't"); hyphens and other punctuation split. Accented and non-Latin letters
 * are kept intact.
 */
function scanWords(text: string, emit: (lower: string, start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let apostrophe = false;
    i++;
    for (;;) {
      if (i < n && isWordChar(text, i)) i++;
      else if (i + 1 < n && isApostrophe(text.charCodeAt(i)) && isWordChar(text, i + 1)) {
        apostrophe = true;
        i += 2;
      } else break;
    }
    const lower = text.slice(start, i).toLowerCase();
    emit(apostrophe ? lower.replace(/['’]s$/, '').replace(/['’]/g, '') : lower, start, i);
  }
}

export function tokenise(text: string): Word[] {
  const out: Word[] = [];
  scanWords(text, (lower, start, end) => out.push({ lower, start, end }));
  return out;
}

/** What the analyser remembers about each distinct word, so each costs one look-up per occurrence. */
interface CachedWord {
  lower: string;
  /** Index into the analyser's stems; -1 for stop words. */
  stemId: number;
  /** Languages the word is a function word of. */
  languages: number;
  /** Boilerplate phrases that start with this word (longest first), if any. */
  boilerplate: string[][] | undefined;
  count: number;
}

/** A content word of one response: its stem and where the word is in the text. */
export interface Term {
  stem: string;
  start: number;
  end: number;
}

export interface AnalysedText {
  /** Content words in order, after stop words and boilerplate are removed; empty when not in English. */
  terms: Term[];
  /** Words before any were removed. */
  wordCount: number;
  /** ISO 639-1 code, 'und' when too short to tell. */
  language: string;
  /** "No comment", "n/a", an empty answer... */
  nonAnswer: boolean;
}

/** The same, with content words as stem ids (the analyser's `stems`), for bulk use. */
export interface AnalysedIds {
  stemIds: number[];
  wordCount: number;
  language: string;
  nonAnswer: boolean;
}

const MIN_WORD_LENGTH = 2;

/** Languages the English pipeline handles: English, and answers too short to tell. */
export function isEnglishLike(language: string): boolean {
  return language === 'en' || language === 'und';
}

/**
 * Analyses texts one at a time, remembering each distinct word (its stem, whether it is a stop word, which
 * languages it signals) and how often each surface form occurs, so a stem ("univers") can be shown as the
 * word people wrote ("university").
 */
export class TextAnalyser {
  /** Stem id -> stem. */
  readonly stems: string[] = [];
  private readonly stemIds = new Map<string, number>();
  private readonly cache = new Map<string, CachedWord>();
  private readonly boilerplate = new Map<string, string[][]>();
  // Scratch space for the words of the text being analysed, reused between texts.
  private readonly words: CachedWord[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly masks: number[] = [];

  constructor() {
    for (const phrase of BOILERPLATE_PHRASES) {
      const parts = phrase.split(' ');
      const list = this.boilerplate.get(parts[0]) ?? [];
      list.push(parts.slice(1));
      this.boilerplate.set(parts[0], list);
    }
    // Longest first, so "it is important that" wins over "it is important".
    for (const list of this.boilerplate.values()) list.sort((a, b) => b.length - a.length);
  }

  private lookup(lower: string): CachedWord {
    let entry = this.cache.get(lower);
    if (!entry) {
      const stop = lower.length < MIN_WORD_LENGTH || STOP_WORDS.has(lower);
      let stemId = -1;
      if (!stop) {
        const stem = PorterStemmer.stem(lower);
        stemId = this.stemIds.get(stem) ?? -1;
        if (stemId < 0) {
          stemId = this.stems.length;
          this.stems.push(stem);
          this.stemIds.set(stem, stemId);
        }
      }
      entry = { lower, stemId, languages: languageMask(lower), boilerplate: this.boilerplate.get(lower), count: 0 };
      this.cache.set(lower, entry);
    }
    return entry;
  }

  /** How many words of boilerplate start at word i (0 when none). */
  private boilerplateAt(i: number): number {
    const tails = this.words[i].boilerplate;
    if (!tails) return 0;
    for (const tail of tails) {
      if (i + tail.length >= this.words.length) continue;
      let match = true;
      for (let j = 0; j < tail.length; j++) {
        if (this.words[i + 1 + j].lower !== tail[j]) {
          match = false;
          break;
        }
      }
      if (match) return tail.length + 1;
    }
    return 0;
  }

  /** Tokenises into the scratch arrays and decides the language; calls `emit` for each content word. */
  private scan(
    text: string,
    emit: (entry: CachedWord, start: number, end: number) => void,
  ): { wordCount: number; language: string; nonAnswer: boolean } {
    const normalised = text.normalize('NFC');
    const { words, starts, ends, masks } = this;
    words.length = starts.length = ends.length = masks.length = 0;
    scanWords(normalised, (lower, start, end) => {
      const entry = this.lookup(lower);
      words.push(entry);
      starts.push(start);
      ends.push(end);
      masks.push(entry.languages);
    });
    const language = detectLanguage(normalised, masks);
    const nonAnswer = isNonAnswer(normalised);
    const wordCount = words.length;
    if (!isEnglishLike(language) || nonAnswer) return { wordCount, language, nonAnswer };
    for (let i = 0; i < words.length; i++) {
      const skip = this.boilerplateAt(i);
      if (skip) {
        i += skip - 1;
        continue;
      }
      const entry = words[i];
      if (entry.stemId < 0) continue;
      entry.count++;
      emit(entry, starts[i], ends[i]);
    }
    return { wordCount, language, nonAnswer };
  }

  analyse(text: string): AnalysedText {
    const terms: Term[] = [];
    const result = this.scan(text, (entry, start, end) => terms.push({ stem: this.stems[entry.stemId], start, end }));
    return { ...result, terms };
  }

  /** Faster when offsets are not needed: content words as stem ids. */
  analyseIds(text: string): AnalysedIds {
    const stemIds: number[] = [];
    const result = this.scan(text, (entry) => stemIds.push(entry.stemId));
    return { ...result, stemIds };
  }

  /** The most frequent word each of these stems came from, e.g. "univers" -> "university". */
  surfaceForms(stems: Iterable<string>): Map<string, string> {
    const wanted = new Set(stems);
    const best = new Map<string, { word: string; count: number }>();
    for (const entry of this.cache.values()) {
      if (entry.stemId < 0) continue;
      const stem = this.stems[entry.stemId];
      if (!wanted.has(stem)) continue;
      const current = best.get(stem);
      if (!current || entry.count > current.count || (entry.count === current.count && entry.lower < current.word)) {
        best.set(stem, { word: entry.lower, count: entry.count });
      }
    }
    return new Map([...best].map(([stem, { word }]) => [stem, word]));
  }

  /** The stems of a phrase, the way response text is stemmed (for keyword rules and evidence). */
  stemPhrase(phrase: string): string[] {
    return tokenise(phrase.normalize('NFC'))
      .map((w) => this.lookup(w.lower).stemId)
      .filter((id) => id >= 0)
      .map((id) => this.stems[id]);
  }
}
