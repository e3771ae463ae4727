/**
 * Language detection good enough to keep non-English answers out of the English pipeline (where stemming
 * and stop words would mangle them) and to report them: the script for non-Latin text, and counts of each
 * language's commonest function words for Latin text. Only words that are not also common English words
 * are listed, so an English answer is never taken for another language.
 */

const FUNCTION_WORDS: Record<string, string> = {
  en: 'the and is are of to that with this should would have not it for they will which there be was we our but from',
  de: 'der die das und ist nicht ich sie zu den mit sich des auf für dem ein eine auch wir werden wird sind kein nur oder aber wenn noch',
  fr: 'le la les et est des une pour que qui dans pas sur ce il nous vous sont avec mais ou plus du au aux être cette',
  es: 'el la los las y es que en por para con una del se su al lo como más pero sus está son muy',
  it: 'il di che è la per una non sono della del con gli si anche più ma questo alla nel',
  nl: 'het een niet zijn voor met ook maar wij ik hebben wordt dat aan naar worden',
  pt: 'os é dos das em uma para não que por mais ao também muito são está',
  cy: 'yr yn mae ei eu ddim hefyd gyda wedi bod hyn ond fydd roedd nhw ac iawn',
};

const LANGS = Object.keys(FUNCTION_WORDS);
/** Word -> bit mask of the languages it is a function word of: one look-up per word. */
const WORD_LANGS = new Map<string, number>();
LANGS.forEach((lang, i) => {
  for (const w of FUNCTION_WORDS[lang].split(' ')) WORD_LANGS.set(w, (WORD_LANGS.get(w) ?? 0) | (1 << i));
});
const EN = LANGS.indexOf('en');

const SCRIPTS: [string, RegExp][] = [
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['zh', /\p{Script=Han}/u],
  ['ko', /\p{Script=Hangul}/u],
  ['ru', /\p{Script=Cyrillic}/u],
  ['ar', /\p{Script=Arabic}/u],
  ['el', /\p{Script=Greek}/u],
  ['he', /\p{Script=Hebrew}/u],
  ['hi', /\p{Script=Devanagari}/u],
  ['th', /\p{Script=Thai}/u],
];

const NON_LATIN_LETTER = /[^\p{Script=Latin}\P{L}]/gu;
const LETTER = /\p{L}/gu;
// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Bit mask of the languages `lower` is a function word of (0 for most words). Cached per word by callers. */
export function languageMask(lower: string): number {
  return WORD_LANGS.get(lower) ?? 0;
}

/** Per language, how many of a text's words are its function words: zeroed, then filled by countLanguageWord. */
export function languageCounts(): Int32Array {
  return new Int32Array(LANGS.length);
}

/** Counts one word of the text, by its languageMask. */
export function countLanguageWord(counts: Int32Array, mask: number): void {
  if (mask === 0) return;
  for (let i = 0; i < LANGS.length; i++) if (mask & (1 << i)) counts[i]++;
}

/**
 * ISO 639-1 code of the text's language; 'und' when it is too short or unclear to tell.
 * @param masks languageMask of each word of the text
 */
export function detectLanguage(text: string, masks: ArrayLike<number>): string {
  const counts = languageCounts();
  for (let w = 0; w < masks.length; w++) countLanguageWord(counts, masks[w]);
  return languageOf(text, counts, masks.length);
}

/**
 * The same from counts made while the text was tokenised (so the analyser needs no second pass over its
 * words). @param words how many words the text has
 */
export function languageOf(text: string, hits: Int32Array, words: number): string {
  if (!ASCII_ONLY.test(text)) {
    const nonLatin = text.match(NON_LATIN_LETTER)?.length ?? 0;
    const letters = text.match(LETTER)?.length ?? 0;
    if (letters > 0 && nonLatin / letters > 0.5) {
      for (const [lang, pattern] of SCRIPTS) if (pattern.test(text)) return lang;
      return 'other';
    }
  }
  if (words < 3) return 'und';
  let bestIndex = EN;
  for (let i = 0; i < LANGS.length; i++) if (hits[i] > hits[bestIndex]) bestIndex = i;
  const englishHits = hits[EN];
  const bestHits = hits[bestIndex];
  const best = LANGS[bestIndex];
  if (best === 'en' || bestHits === 0) return englishHits > 0 ? 'en' : 'und';
  // Another language must clearly beat English: a French name in an English sentence is still English.
  return bestHits >= 2 && bestHits > 2 * englishHits ? best : englishHits > 0 ? 'en' : 'und';
}
