import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, serialiseConsultation, serialiseTruth } from '../../scripts/generate-sample';
import type { SampleConsultation } from '../../src/shared/sample';
import { packageRoot } from '../../src/main/util/paths';

const dir = join(packageRoot(), 'resources', 'sample');

describe('the sample consultation', () => {
  it('is exactly what the deterministic generator writes', () => {
    const { consultation, truth } = generate();
    expect(serialiseConsultation(consultation)).toBe(readFileSync(join(dir, 'northern-futures.json'), 'utf8'));
    expect(serialiseTruth(truth)).toBe(readFileSync(join(dir, 'northern-futures.truth.json'), 'utf8'));
  });

  it('has what the issue asks for: ~2,000 respondents, open and closed questions, five cities, 12 weeks', () => {
    const sample = JSON.parse(readFileSync(join(dir, 'northern-futures.json'), 'utf8')) as SampleConsultation;
    expect(sample.respondents.length).toBeGreaterThanOrEqual(1800);
    expect(sample.questions.filter((q) => q.kind === 'open').length).toBeGreaterThanOrEqual(3);
    expect(sample.questions.filter((q) => q.kind === 'closed').length).toBeGreaterThanOrEqual(2);
    const cities = new Set(sample.respondents.map((r) => r.city));
    for (const city of ['Manchester', 'Leeds', 'Sheffield', 'Liverpool', 'Newcastle'])
      expect(cities.has(city)).toBe(true);
    const dates = sample.respondents.map((r) => Date.parse(r.submittedAt)).sort((a, b) => a - b);
    expect((dates.at(-1)! - dates[0]) / 86_400_000).toBeGreaterThan(70);
  });
});
