/**
 * The campaign and personal-data detectors against the sample consultation's truth file
 * (resources/sample/northern-futures.truth.json), at the level the truth records: per respondent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CampaignIndex, DEFAULT_CAMPAIGN_PARAMS } from '../../src/main/analysis/campaigns/detect';
import { findPersonalData } from '../../src/main/analysis/pii/detect';
import type { SampleConsultation, SampleTruth } from '../../src/shared/sample';
import { bcubed, type GroupingScore } from './grouping-scores';

export const SAMPLE_DIR = process.env.CONSULT_SAMPLE_DIR ?? join(import.meta.dirname, '../../resources/sample');

export function readSampleWithTruth(dir = SAMPLE_DIR): { sample: SampleConsultation; truth: SampleTruth } | null {
  const sample = join(dir, 'northern-futures.json');
  const truth = join(dir, 'northern-futures.truth.json');
  if (!existsSync(sample) || !existsSync(truth)) return null;
  return { sample: JSON.parse(readFileSync(sample, 'utf8')), truth: JSON.parse(readFileSync(truth, 'utf8')) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function scoreSample({ sample, truth }: { sample: SampleConsultation; truth: SampleTruth }): {
  campaigns: GroupingScore & { truthCampaigns: number; predictedGroups: number };
  personalData: Record<
    string,
    { expected: number; found: number; correct: number; precision: number | null; recall: number | null }
  >;
} {
  // Campaigns: each open question grouped separately, as the app does; a respondent is in the campaign of
  // their first grouped answer.
  const respondentGroup = new Map<string, number>();
  let groupCount = 0;
  for (const q of sample.questions.filter((x) => x.kind === 'open')) {
    const index = new CampaignIndex();
    const owners: string[] = [];
    sample.respondents.forEach((r) => {
      const text = r.answers[q.code];
      if (text === undefined) return;
      index.add(owners.length, text);
      owners.push(r.externalId);
    });
    // Campaigns only: the truth file records organised campaigns, not small sets of duplicates.
    for (const g of index.groups().filter((x) => x.members.length >= DEFAULT_CAMPAIGN_PARAMS.campaignMinSize)) {
      const id = groupCount++;
      for (const m of g.members) if (!respondentGroup.has(owners[m.id])) respondentGroup.set(owners[m.id], id);
    }
  }
  const ids = sample.respondents.map((r) => r.externalId);
  const campaignNames = [...new Set(ids.map((id) => truth.respondents[id]?.campaign).filter((c): c is string => !!c))];
  const truthLabels = ids.map((id) => {
    const c = truth.respondents[id]?.campaign;
    return c ? campaignNames.indexOf(c) : null;
  });
  const predicted = ids.map((id) => respondentGroup.get(id) ?? null);
  const campaigns = {
    ...bcubed(truthLabels, predicted),
    truthCampaigns: campaignNames.length,
    predictedGroups: groupCount,
  };

  // Personal data: the kinds found in a respondent's answers against the kinds the truth lists.
  const tally = new Map<string, { expected: number; found: number; correct: number }>();
  const bump = (kind: string, key: 'expected' | 'found' | 'correct') => {
    const t = tally.get(kind) ?? { expected: 0, found: 0, correct: 0 };
    t[key]++;
    tally.set(kind, t);
  };
  for (const r of sample.respondents) {
    const expected = new Set(truth.respondents[r.externalId]?.personalData ?? []);
    const found = new Set(
      Object.values(r.answers).flatMap((text) => findPersonalData(text).map((f) => f.kind as string)),
    );
    for (const k of expected) bump(k, 'expected');
    for (const k of found) {
      bump(k, 'found');
      if (expected.has(k)) bump(k, 'correct');
    }
  }
  const personalData = Object.fromEntries(
    [...tally.entries()].map(([kind, t]) => [
      kind,
      {
        ...t,
        precision: t.found ? round(t.correct / t.found) : null,
        recall: t.expected ? round(t.correct / t.expected) : null,
      },
    ]),
  );
  return { campaigns, personalData };
}
