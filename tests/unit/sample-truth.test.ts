import { describe, expect, it } from 'vitest';
import { readSampleWithTruth, scoreSample } from '../../scripts/lib/sample-truth';

const data = readSampleWithTruth();
describe.skipIf(!data)(
  `detectors against the sample consultation's truth file${data ? '' : ' (skipped: resources/sample/northern-futures.truth.json is not there yet)'}`,
  () => {
    it('finds its campaigns and personal data', () => {
      const scores = scoreSample(data!);
      expect(scores.campaigns.truthCampaigns).toBeGreaterThanOrEqual(1);
      expect(scores.campaigns.recall).toBeGreaterThanOrEqual(0.93);
      // Below 1: a few groups of answers built from the same stock sentences are near-duplicates in fact.
      expect(scores.campaigns.precision).toBeGreaterThanOrEqual(0.85);
      for (const [kind, s] of Object.entries(scores.personalData)) {
        expect(s.precision, `${kind} precision`).toBeGreaterThanOrEqual(0.95);
        expect(s.recall, `${kind} recall`).toBeGreaterThanOrEqual(0.95);
      }
    });
  },
);
