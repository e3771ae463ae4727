import { describe, expect, it } from 'vitest';
import { asksStance, profileQuestion } from '../../src/main/analysis/stance/question';
import { sentiment } from '../../src/main/analysis/stance/sentiment';
import { classifyStance } from '../../src/main/analysis/stance/stance';
import { readGamblingStance, scoreStance } from '../../scripts/lib/stance-scores';

describe('sentiment', () => {
  it('scores positive, negative and neutral answers, with negation limited to the words after it', () => {
    expect(sentiment('This is a great idea and will help the North.').label).toBe('positive');
    expect(sentiment('This is a terrible waste of money.').label).toBe('negative');
    expect(sentiment('The office is on Park Row.').label).toBe('neutral');
    expect(sentiment('This is not good.').score).toBeLessThan(0);
    // "not" reaches "good" but not the sentence after it.
    expect(sentiment('The trains are not good. The new hub is excellent and exciting.').score).toBeGreaterThan(0);
    // Words after "but" weigh more.
    expect(sentiment('The idea is good but the funding is awful and the plan is a disaster.').label).toBe('negative');
  });
});

describe('stance', () => {
  const ban = profileQuestion('Should gambling advertisements be completely banned during televised sporting events?');

  it('reads whether a question asks for a stance from its wording', () => {
    expect(ban.asksStance).toBe(true);
    expect(ban.actionStems).toEqual(['ban']);
    expect(
      asksStance('To what extent do you agree that TechNorth should be led by the five city regions jointly?'),
    ).toBe(true);
    expect(asksStance('How can TechNorth attract more inward investment to the North?')).toBe(false);
  });

  it('finds agreement, disagreement and mixed answers, and says which words decided', () => {
    const cases: [string, string][] = [
      ['Yes, ban them now.', 'agree'],
      ['These ads are predatory and target vulnerable people. Ban them completely.', 'agree'],
      ['No. A complete ban would be excessive and would hurt grassroots sport.', 'disagree'],
      ['I do not support this; adults can make their own choices.', 'disagree'],
      ['Partly. Restrictions before 9pm would be better than an outright ban.', 'mixed'],
      ['I watch cricket on Sundays.', 'unclear'],
    ];
    for (const [text, expected] of cases) expect(classifyStance(text, ban).stance, text).toBe(expected);
    const result = classifyStance('No. A complete ban would be excessive.', ban);
    expect(result.cue).not.toBeNull();
    expect('No. A complete ban would be excessive.'.slice(result.cue!.start, result.cue!.end)).toMatch(
      /No|ban would be excessive/,
    );
  });
});

const gambling = readGamblingStance();
describe.skipIf(!gambling)(
  `stance on i.AI's gambling consultation${gambling ? '' : ' (skipped: ../shared/data/gambling-* is missing)'}`,
  () => {
    it('beats its floors on the XS set (dev) and the 1,000-response set (held out)', () => {
      const scores = scoreStance(gambling!);
      expect(scores.xs.accuracy).toBeGreaterThanOrEqual(0.6);
      expect(scores.generation.accuracyWhereDecided).toBeGreaterThanOrEqual(0.68);
    });
  },
);
