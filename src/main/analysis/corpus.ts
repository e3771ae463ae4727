/**
 * A corpus: every response of a question as a stream of term ids (stems and, optionally, bigrams of
 * neighbouring content words such as "inward investment"), with what the analysis needs to know about each
 * response (language, length, whether it says anything). Memory is a few flat typed arrays, not one object
 * per response, so a million responses fit.
 */
import { IntBuffer } from './buffers';
import { isEnglishLike, TextAnalyser, type AnalysedText } from './text';

/** Bigram keys pack two unigram ids in one number (ids stay below 2^22, i.e. 4M distinct stems). */
const PAIR = 0x400000;

export const DOC_NON_ANSWER = 1;
export const DOC_NOT_ENGLISH = 2;

export class Corpus {
  readonly analyser = new TextAnalyser();
  /** Term id -> stem, or for a bigram "stem1 stem2". */
  readonly names: string[] = [];
  /** Term id -> 1 for a bigram. */
  private readonly bigramFlag = new IntBuffer();
  private readonly unigrams = new Map<string, number>();
  private readonly bigrams = new Map<number, number>();
  private readonly tokens = new IntBuffer(1 << 16);
  private readonly starts = new IntBuffer();
  /** Per response: DOC_* flags. */
  private readonly flagBuffer = new IntBuffer();
  /** Per response: its length in characters. */
  private readonly lengthBuffer = new IntBuffer();
  /** Per response: how many content words (unigrams) it has. */
  private readonly contentBuffer = new IntBuffer();
  /** Per response: index into languageCodes. */
  private readonly languageBuffer = new IntBuffer();
  private readonly languageCodes: string[] = [];

  constructor(readonly withBigrams = true) {
    this.starts.push(0);
  }

  get size(): number {
    return this.flagBuffer.length;
  }

  get termCount(): number {
    return this.names.length;
  }

  isBigram(term: number): boolean {
    return this.bigramFlag.get(term) === 1;
  }

  private unigramId(stem: string): number {
    let id = this.unigrams.get(stem);
    if (id === undefined) {
      id = this.names.length;
      this.unigrams.set(stem, id);
      this.names.push(stem);
      this.bigramFlag.push(0);
    }
    return id;
  }

  private bigramId(a: number, b: number): number {
    const key = a * PAIR + b;
    let id = this.bigrams.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.bigrams.set(key, id);
      this.names.push(`${this.names[a]} ${this.names[b]}`);
      this.bigramFlag.push(1);
    }
    return id;
  }

  /** Adds one response; returns its analysis (the caller may want the offsets). */
  add(text: string): AnalysedText {
    const analysed = this.analyser.analyse(text);
    const { terms } = analysed;
    let previous = -1;
    for (const term of terms) {
      const id = this.unigramId(term.stem);
      this.tokens.push(id);
      if (this.withBigrams && previous >= 0) this.tokens.push(this.bigramId(previous, id));
      previous = id;
    }
    this.starts.push(this.tokens.length);
    this.flagBuffer.push(
      (analysed.nonAnswer ? DOC_NON_ANSWER : 0) | (isEnglishLike(analysed.language) ? 0 : DOC_NOT_ENGLISH),
    );
    this.lengthBuffer.push(text.length);
    this.contentBuffer.push(terms.length);
    let language = this.languageCodes.indexOf(analysed.language);
    if (language < 0) language = this.languageCodes.push(analysed.language) - 1;
    this.languageBuffer.push(language);
    return analysed;
  }

  /** The term ids of response `doc` (unigrams and bigrams interleaved), as a view. */
  termsOf(doc: number): Int32Array {
    return this.tokens.view().subarray(this.starts.get(doc), this.starts.get(doc + 1));
  }

  flags(doc: number): number {
    return this.flagBuffer.get(doc);
  }

  length(doc: number): number {
    return this.lengthBuffer.get(doc);
  }

  languageOf(doc: number): string {
    return this.languageCodes[this.languageBuffer.get(doc)];
  }

  contentWords(doc: number): number {
    return this.contentBuffer.get(doc);
  }

  /** How the term reads to a person: stems mapped back to the commonest word they came from. */
  displayNames(terms: number[]): string[] {
    const stems = new Set<string>();
    for (const t of terms) for (const s of this.names[t].split(' ')) stems.add(s);
    const surface = this.analyser.surfaceForms(stems);
    return terms.map((t) =>
      this.names[t]
        .split(' ')
        .map((s) => surface.get(s) ?? s)
        .join(' '),
    );
  }
}
