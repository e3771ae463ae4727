/**
 * The text pipeline: normalise, tokenise (keeping character offsets, so evidence can be highlighted), detect
 * the language, drop English stop words and consultation boilerplate, and stem with natural's Porter stemmer
 * (cached per distinct word: the stemmer costs ~3 µs a call, which at 1M responses would dominate).
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { words as naturalStopWords } from 'natural/lib/natural/util/stopwords.js';
import { IntBuffer } from './buffers';
import { countLanguageWord, languageCounts, languageMask, languageOf } from './language';

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
/** ASCII code -> its lower case. */
const ASCII_LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

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
 * are kept intact. `hash` is a non-negative FNV-1a hash of the lower-cased word when it is plain ASCII (no
 * apostrophe), -1 otherwise: with it the analyser finds a word it has seen without making a string for it.
 */
function scanWords(text: string, emit: (start: number, end: number, hash: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    let plain = true;
    for (;;) {
      if (i < n && isWordChar(text, i)) {
        const c = text.charCodeAt(i);
        if (c < 128) hash = Math.imul(hash ^ ASCII_LOWER[c], FNV_PRIME);
        else plain = false;
        i++;
      } else if (i + 1 < n && isApostrophe(text.charCodeAt(i)) && isWordChar(text, i + 1)) {
        plain = false;
        i += 2;
      } else break;
    }
    emit(start, i, plain ? hash & 0x7fffffff : -1);
  }
}

/** The lower-cased word at [start, end), apostrophes and a trailing 's removed unless it is plain. */
function lowerWord(text: string, start: number, end: number, plain: boolean): string {
  const lower = text.slice(start, end).toLowerCase();
  return plain ? lower : lower.replace(/['’]s$/, '').replace(/['’]/g, '');
}

/** Whether `word` is the plain ASCII word at [start, end) of text, lower-cased. */
function isLowerOf(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++)
    if (word.charCodeAt(k) !== ASCII_LOWER[text.charCodeAt(start + k)]) return false;
  return true;
}

export function tokenise(text: string): Word[] {
  const out: Word[] = [];
  scanWords(text, (start, end, hash) => out.push({ lower: lowerWord(text, start, end, hash >= 0), start, end }));
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

/** What the analyser tells about a whole response. */
export interface AnalysedSummary {
  /** Words before any were removed. */
  wordCount: number;
  /** ISO 639-1 code, 'und' when too short to tell. */
  language: string;
  /** "No comment", "n/a", an empty answer... */
  nonAnswer: boolean;
}

export interface AnalysedText extends AnalysedSummary {
  /** Content words in order, after stop words and boilerplate are removed; empty when not in English. */
  terms: Term[];
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
  // Scratch space for the words of the text being analysed, reused between texts: typed buffers, and an
  // array overwritten in place up to `wordCount` (emptying a JS array frees its storage).
  private readonly words: CachedWord[] = [];
  private wordCount = 0;
  private readonly starts = new IntBuffer();
  private readonly ends = new IntBuffer();
  private readonly languageHits = languageCounts();
  private readonly kept = new IntBuffer();
  // The cache again, as an open-addressing table keyed by scanWords' hash: a word seen before is found from
  // the text's characters, without slicing and lower-casing a string for it (most of the cost at 1M).
  private slots: (CachedWord | undefined)[] = new Array<CachedWord | undefined>(1 << 12).fill(undefined);
  private slotHashes = new Int32Array(1 << 12);
  private slotsUsed = 0;

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

  /** The cache entry of the word at [start, end) of text (hash from scanWords). */
  private wordAt(text: string, start: number, end: number, hash: number): CachedWord {
    if (hash < 0) return this.lookup(lowerWord(text, start, end, false));
    const mask = this.slots.length - 1;
    let i = hash & mask;
    for (let entry = this.slots[i]; entry !== undefined; entry = this.slots[i]) {
      if (this.slotHashes[i] === hash && isLowerOf(entry.lower, text, start, end)) return entry;
      i = (i + 1) & mask;
    }
    const entry = this.lookup(lowerWord(text, start, end, true));
    this.slots[i] = entry;
    this.slotHashes[i] = hash;
    if (++this.slotsUsed * 2 > this.slots.length) this.growSlots();
    return entry;
  }

  private growSlots(): void {
    const old = this.slots;
    const oldHashes = this.slotHashes;
    this.slots = new Array<CachedWord | undefined>(old.length * 2).fill(undefined);
    this.slotHashes = new Int32Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (let j = 0; j < old.length; j++) {
      if (old[j] === undefined) continue;
      let i = oldHashes[j] & mask;
      while (this.slots[i] !== undefined) i = (i + 1) & mask;
      this.slots[i] = old[j];
      this.slotHashes[i] = oldHashes[j];
    }
  }

  /** How many words of boilerplate start at word i (0 when none). */
  private boilerplateAt(i: number): number {
    const tails = this.words[i].boilerplate;
    if (!tails) return 0;
    for (const tail of tails) {
      if (i + tail.length >= this.wordCount) continue;
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

  /**
   * Tokenises into the scratch buffers and decides the language; `kept` gets the positions of the content
   * words (a buffer rather than a callback per word: this runs on every word of every response).
   */
  private scan(text: string): { wordCount: number; language: string; nonAnswer: boolean } {
    const normalised = text.normalize('NFC');
    const { words, starts, ends, languageHits, kept } = this;
    this.wordCount = 0;
    starts.clear();
    ends.clear();
    languageHits.fill(0);
    kept.clear();
    scanWords(normalised, (start, end, hash) => {
      const entry = this.wordAt(normalised, start, end, hash);
      words[this.wordCount++] = entry;
      starts.push(start);
      ends.push(end);
      countLanguageWord(languageHits, entry.languages);
    });
    const language = languageOf(normalised, languageHits, this.wordCount);
    const nonAnswer = isNonAnswer(normalised);
    const wordCount = this.wordCount;
    if (!isEnglishLike(language) || nonAnswer) return { wordCount, language, nonAnswer };
    for (let i = 0; i < wordCount; i++) {
      const skip = this.boilerplateAt(i);
      if (skip) {
        i += skip - 1;
        continue;
      }
      const entry = words[i];
      if (entry.stemId < 0) continue;
      entry.count++;
      kept.push(i);
    }
    return { wordCount, language, nonAnswer };
  }

  analyse(text: string): AnalysedText {
    const result = this.scan(text);
    return { ...result, terms: this.lastTerms() };
  }

  /**
   * The content words of the text analysed last, with their offsets: a caller that has just added a text to
   * a corpus can match phrases in it without analysing it a second time.
   */
  lastTerms(): Term[] {
    const terms: Term[] = [];
    for (let k = 0; k < this.kept.length; k++) {
      const i = this.kept.get(k);
      terms.push({ stem: this.stems[this.words[i].stemId], start: this.starts.get(i), end: this.ends.get(i) });
    }
    return terms;
  }

  /** Faster when offsets are not needed: content words as stem ids, into `stemIds` (emptied first). */
  analyseIds(text: string, stemIds: IntBuffer): AnalysedSummary {
    const result = this.scan(text);
    stemIds.clear();
    for (let k = 0; k < this.kept.length; k++) stemIds.push(this.words[this.kept.get(k)].stemId);
    return result;
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
