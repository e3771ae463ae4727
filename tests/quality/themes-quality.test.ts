/**
 * Theme quality floors, a little under the figures in bench/results/quality.json (npm run eval), so quality
 * cannot silently regress. Polis is short text, where one seed's NMI moves by ±0.01 with any change in
 * arithmetic order, so it is averaged over the eval's three seeds; bbc-news is stable on one.
 */
import { describe, expect, it } from 'vitest';
import { bbcNews, gambling, polis, sharedDataMissing } from '../../scripts/lib/datasets';
import { evaluateClassification, evaluateDiscovery } from '../../scripts/lib/quality';

const missing = sharedDataMissing();
if (missing) console.warn(`Skipping theme quality tests: ${missing}.`);

describe.skipIf(missing !== null)(
  `theme quality on real labelled text${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it('bbc-news discovery, k = 5: NMI at least near scikit-learn LSA (0.895)', () => {
      const q = evaluateDiscovery(bbcNews(), [0]);
      expect(q.meanNmi).toBeGreaterThanOrEqual(0.88);
    });

    it('Polis discovery, k = 14: NMI above scikit-learn LSA (0.235), mean of three seeds', () => {
      const q = evaluateDiscovery(polis(), [0, 1, 2]);
      expect(q.meanNmi).toBeGreaterThanOrEqual(0.245);
    });

    it('gambling classification trained on the coded half: samples-F1 and kappa on the held-out half', () => {
      const q = evaluateClassification(gambling());
      expect(q.test.samplesF1).toBeGreaterThanOrEqual(0.94);
      expect(q.test.kappa).toBeGreaterThanOrEqual(0.93);
      for (const [theme, m] of Object.entries(q.test.perLabel)) expect(m.f1, theme).toBeGreaterThanOrEqual(0.85);
    });
  },
);
