/**
 * A corpus: every response of a question as a stream of term ids (stems and, optionally, bigrams of
 * neighbouring content words such as "inward investment"), with what the analysis needs to know about each
 * response (language, length, whether it says anything). Memory is a few flat typed arrays, not one object
 * per response, so a million responses fit.
 */
import { IntBuffer } from './buffers';
import { PairIds } from './pairs';
import { isEnglishLike, TextAnalyser } from './text';

export const DOC_NON_ANSWER = 1;
export const DOC_NOT_ENGLISH = 2;

/**
 * Term ids interleave the two kinds: 2·s for the stem with id s, 2·b + 1 for bigram b, so both grow
 * independently while responses stream in.
 */
export class Corpus {
  readonly analyser = new TextAnalyser();
  private readonly bigrams = new PairIds();
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
  /** Scratch: the stem ids of the response being added. */
  private readonly stemIds = new IntBuffer();

  constructor(readonly withBigrams = true) {
    this.starts.push(0);
  }

  get size(): number {
    return this.flagBuffer.length;
  }

  /** One more than the largest term id in use. */
  get termCount(): number {
    return Math.max(2 * this.analyser.stems.length, 2 * this.bigrams.size + 1);
  }

  isBigram(term: number): boolean {
    return (term & 1) === 1;
  }

  /** The stem, or for a bigram "stem1 stem2". */
  name(term: number): string {
    if (!(term & 1)) return this.analyser.stems[term >> 1];
    const b = term >> 1;
    return `${this.analyser.stems[this.bigrams.first[b]]} ${this.analyser.stems[this.bigrams.second[b]]}`;
  }

  /** Adds one response. */
  add(text: string): void {
    const { stemIds } = this;
    const analysed = this.analyser.analyseIds(text, stemIds);
    for (let i = 0; i < stemIds.length; i++) {
      this.tokens.push(2 * stemIds.get(i));
      if (this.withBigrams && i > 0) this.tokens.push(2 * this.bigrams.id(stemIds.get(i - 1), stemIds.get(i)) + 1);
    }
    this.starts.push(this.tokens.length);
    this.flagBuffer.push(
      (analysed.nonAnswer ? DOC_NON_ANSWER : 0) | (isEnglishLike(analysed.language) ? 0 : DOC_NOT_ENGLISH),
    );
    this.lengthBuffer.push(text.length);
    this.contentBuffer.push(stemIds.length);
    let language = this.languageCodes.indexOf(analysed.language);
    if (language < 0) language = this.languageCodes.push(analysed.language) - 1;
    this.languageBuffer.push(language);
  }

  /** The term ids of response `doc` (unigrams and bigrams interleaved), as a view. */
  termsOf(doc: number): Int32Array {
    return this.tokens.view().subarray(this.starts.get(doc), this.starts.get(doc + 1));
  }

  /**
   * Every response's terms at once, for passes over all of them: response d's are
   * `tokens[starts[d]..starts[d+1])` (a view per response costs more than the loop at a million).
   */
  termStream(): { tokens: Int32Array; starts: Int32Array } {
    return { tokens: this.tokens.view(), starts: this.starts.view() };
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
    for (const t of terms) for (const s of this.name(t).split(' ')) stems.add(s);
    const surface = this.analyser.surfaceForms(stems);
    return terms.map((t) =>
      this.name(t)
        .split(' ')
        .map((s) => surface.get(s) ?? s)
        .join(' '),
    );
  }
}
