import { describe, expect, it } from 'vitest';
import { IntBuffer } from '../../src/main/analysis/buffers';
import { Corpus } from '../../src/main/analysis/corpus';
import { detectLanguage, languageMask } from '../../src/main/analysis/language';
import { isNonAnswer, TextAnalyser, tokenise } from '../../src/main/analysis/text';

describe('text pipeline', () => {
  it('tokenises with character offsets, keeping apostrophes inside words and accents intact', () => {
    const text = "Don't lose Leeds' graduates — café culture, 5G!";
    const words = tokenise(text);
    expect(words.map((w) => w.lower)).toEqual(['dont', 'lose', 'leeds', 'graduates', 'café', 'culture', '5g']);
    for (const w of words)
      expect(
        text
          .slice(w.start, w.end)
          .toLowerCase()
          .replace(/['’]s?$/, '')
          .replace(/'/g, ''),
      ).toBe(w.lower);
  });

  it('drops stop words and consultation boilerplate, and stems the rest with offsets into the original', () => {
    const analyser = new TextAnalyser();
    const text =
      'I think the government should retain graduates in Manchester. In my opinion, thinking about it matters.';
    const { terms, language } = analyser.analyse(text);
    expect(language).toBe('en');
    const stems = terms.map((t) => t.stem);
    // "I think" and "the government should" are boilerplate; "thinking" on its own is content.
    expect(stems).toEqual(['retain', 'graduat', 'manchest', 'think', 'matter']);
    expect(text.slice(terms[1].start, terms[1].end)).toBe('graduates');
  });

  it('finds a word it has seen from the text itself, whatever its case, across thousands of distinct words', () => {
    // The analyser looks known words up by a hash of their characters; a fresh analyser per text is the
    // reference, so any collision or lost entry as its table grows would give a different stem.
    const analyser = new TextAnalyser();
    const texts = Array.from({ length: 3000 }, (_, i) => {
      const n = i.toString(36);
      return `Investment in INVESTMENTS for Leeds'${n} and zq${n}x: ZQ${n}X investing ${n}th-plan Café${n}`;
    });
    for (const text of texts.concat(texts.slice(0, 50))) {
      expect(analyser.analyse(text).terms.map((t) => t.stem)).toEqual(
        new TextAnalyser().analyse(text).terms.map((t) => t.stem),
      );
    }
    const ids = new IntBuffer();
    analyser.analyseIds('INVESTMENT investment Investment', ids);
    expect(new Set(ids.view()).size).toBe(1);
    expect(analyser.stems[ids.get(0)]).toBe('invest');
  });

  it('gives the words of the text a corpus has just added, as analysing it again would', () => {
    const corpus = new Corpus();
    const texts = [
      'I think the brain drain from Leeds hurts graduates.',
      'Ich denke, dass die Regierung mehr für die Bildung tun sollte.',
      'N/A',
      'Graduates leave: brain-drain, again!',
    ];
    for (const text of texts) {
      corpus.add(text);
      expect(corpus.analyser.lastTerms()).toEqual(new TextAnalyser().analyse(text).terms);
    }
    corpus.add(texts[0]);
    expect(corpus.analyser.lastTerms().map((t) => texts[0].slice(t.start, t.end))).toEqual([
      'brain',
      'drain',
      'Leeds',
      'hurts',
      'graduates',
    ]);
  });

  it('maps stems back to the word people used most', () => {
    const analyser = new TextAnalyser();
    analyser.analyse('universities and the university, universities again');
    expect(analyser.surfaceForms(['univers']).get('univers')).toBe('universities');
  });

  it('detects languages it must not mangle, and does not mistake English for them', () => {
    const lang = (text: string) =>
      detectLanguage(
        text,
        tokenise(text).map((w) => languageMask(w.lower)),
      );
    expect(lang('Ich denke, dass die Regierung mehr für die Bildung tun sollte und nicht nur reden.')).toBe('de');
    expect(lang('Je pense que le gouvernement doit investir dans les transports pour les habitants.')).toBe('fr');
    expect(lang('Mae angen mwy o dai fforddiadwy yn yr ardal hefyd, ond mae hyn yn anodd.')).toBe('cy');
    expect(lang('我们需要更多的经济适用房和更好的公共交通')).toBe('zh');
    expect(lang('The Dutch cyclist Leontien van Moorsel defended her title in Athens with ease.')).toBe('en');
    expect(lang('No comment')).toBe('und');
  });

  it('keeps non-English and non-answers out of the English terms, and counts them', () => {
    const corpus = new Corpus();
    corpus.add('Ich denke, dass die Regierung mehr für die Bildung tun sollte und nicht nur reden.');
    corpus.add('N/A');
    corpus.add('Inward investment in the northern powerhouse creates jobs');
    expect(corpus.termsOf(0).length).toBe(0);
    expect(corpus.languageOf(0)).toBe('de');
    expect(corpus.termsOf(1).length).toBe(0);
    expect(isNonAnswer(' no comment. ')).toBe(true);
    const names = Array.from(corpus.termsOf(2), (t) => corpus.name(t));
    // Unigram stems, each followed by the bigram it closes.
    expect(names).toContain('inward invest');
    expect(names).toContain('northern powerhous');
    expect(
      corpus.displayNames([
        names.indexOf('northern powerhous') >= 0 ? corpus.termsOf(2)[names.indexOf('northern powerhous')] : -1,
      ]),
    ).toEqual(['northern powerhouse']);
  });
});
