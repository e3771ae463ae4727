import { describe, expect, it } from 'vitest';
import { CampaignIndex, DEFAULT_CAMPAIGN_PARAMS, type DetectedGroup } from '../../src/main/analysis/campaigns/detect';
import { addedShare, diffSegments, diffTexts } from '../../src/main/analysis/campaigns/diff';
import { displayTokens, tokenKey, tokenKeys } from '../../src/main/analysis/campaigns/normalise';
import { buildFamilies, readPolis } from '../../scripts/lib/campaign-families';
import { bcubed } from '../../scripts/lib/grouping-scores';

const TEMPLATE =
  'I am writing to support the Rail North Now campaign. The North has waited too long for proper east-west rail links. ' +
  'Northern Powerhouse Rail must be built in full, with a new line between Liverpool, Manchester, Leeds and Newcastle.\n\n' +
  'Until then, graduates will keep leaving for London and investors will keep looking elsewhere. Please commit the funding now.';

const INDIVIDUAL = [
  'Graduates leave because salaries in London are higher and there are more senior roles for experienced developers there.',
  'We need cheaper office space near the stations, and better broadband in the towns around Sheffield and Doncaster.',
  'Teach coding in primary schools and pay computing teachers properly, otherwise the pipeline will never be fixed at all.',
  'A single brand for the North would help investors from abroad who have never heard of Leeds or Newcastle before.',
];

function group(texts: string[], params = DEFAULT_CAMPAIGN_PARAMS): DetectedGroup[] {
  const index = new CampaignIndex(params);
  texts.forEach((t, i) => index.add(i + 1, t));
  return index.groups();
}

describe('campaign detection', () => {
  it('groups exact copies (after case, punctuation and spacing) and near copies, and leaves individual answers alone', () => {
    const [p1, p2] = TEMPLATE.split('\n\n');
    const texts = [
      TEMPLATE,
      TEMPLATE.toUpperCase(),
      TEMPLATE.replace(/[.,]/g, '').replace(/ /g, '  '),
      `My name is Sarah and I live in Wigan. ${TEMPLATE}`, // a sentence added
      TEMPLATE.replace('Liverpool', 'Hull').replace('Newcastle', 'Sunderland'), // names changed
      `${p2}\n\n${p1}`, // paragraphs reordered
      ...INDIVIDUAL,
    ];
    const groups = group(texts);
    expect(groups).toHaveLength(1);
    expect(groups[0].members.map((m) => m.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(groups[0].members.filter((m) => m.exact).map((m) => m.id)).toEqual([1, 2, 3]);
    expect(groups[0].templateId).toBe(1);
    expect(groups[0].distinctTexts).toBe(4);
    for (const m of groups[0].members) expect(m.similarity).toBeGreaterThan(0.4);
  });

  it('does not make a campaign of short stock answers or of fewer responses than the minimum', () => {
    const texts = [
      'Agree',
      'Agree',
      'Agree',
      'See my answer above.',
      'See my answer above.',
      'See my answer above.',
      TEMPLATE,
      TEMPLATE,
    ];
    expect(group(texts)).toEqual([]);
  });

  it('is deterministic: the same input gives the same groups, templates and similarities', () => {
    const polis = readPolis();
    const base = polis ? polis.slice(0, 400).map((c) => c.text) : INDIVIDUAL;
    const texts = [...base, TEMPLATE, `${TEMPLATE} Thanks.`, `Hello. ${TEMPLATE}`, TEMPLATE.replace('Leeds', 'York')];
    expect(group(texts)).toEqual(group(texts));
  });

  it('diffs a member against its template word by word, and the segments rebuild the member exactly', () => {
    const member = `My name is Sarah. ${TEMPLATE.replace('too long', 'far too long')}`;
    const ops = diffTexts(TEMPLATE, member);
    const segments = diffSegments(TEMPLATE, member, ops);
    expect(
      segments
        .filter((s) => s.kind !== 'removed')
        .map((s) => s.text)
        .join(''),
    ).toBe(member);
    expect(segments.filter((s) => s.kind === 'added').map((s) => s.text.trim())).toEqual(['My name is Sarah.', 'far']);
    expect(segments.filter((s) => s.kind === 'removed')).toEqual([]);
    expect(addedShare(ops)).toBeCloseTo(5 / member.split(/\s+/).length, 5);

    // The fast key pass cuts text exactly where the display tokens do, whatever the spacing.
    for (const text of [member, '  lead\u00a0space\u3000and\ttabs\n\nend  ', '', '   ', 'don\'t e-mail "me"!']) {
      expect(Array.from(tokenKeys(text))).toEqual(displayTokens(text).map(tokenKey));
    }

    const shorter = TEMPLATE.replace(' Please commit the funding now.', '');
    const removed = diffSegments(TEMPLATE, shorter, diffTexts(TEMPLATE, shorter)).filter((s) => s.kind === 'removed');
    expect(removed.map((s) => s.text.trim())).toEqual(['Please commit the funding now.']);
  });
});

const polis = readPolis();
describe.skipIf(!polis)(
  `campaign grouping quality on Polis comments with injected families${polis ? '' : ' (skipped: ../shared/data/polis is missing)'}`,
  () => {
    it('finds families edited by up to 20% with precision and recall of at least 0.97', () => {
      const edits = [0, 0.05, 0.1, 0.15, 0.2];
      const data = buildFamilies(polis!, { families: 6, copiesPerEdit: 30, edits, seed: 11 });
      const index = new CampaignIndex();
      data.forEach((d, i) => index.add(i, d.text));
      const predicted: (number | null)[] = data.map(() => null);
      index.groups().forEach((g, gi) => g.members.forEach((m) => (predicted[m.id] = gi)));
      const score = bcubed(
        data.map((d) => d.family),
        predicted,
      );
      expect(score.members).toBe(6 * 30 * edits.length);
      expect(score.precision).toBeGreaterThanOrEqual(0.97);
      expect(score.recall).toBeGreaterThanOrEqual(0.97);
    });
  },
);
