import { describe, expect, it } from 'vitest';
import type { DashboardFilter } from '../../src/shared/api';
import { readFilterFromHash, readResponsesFilter, responsesHash } from '../../src/shared/filter-link';

describe('links into the Responses area carry a filter', () => {
  it('round-trips every field the dashboard sets', () => {
    const filter: DashboardFilter = {
      questionId: 3,
      search: 'rail "links" & <b>',
      respondentTypes: ['local authority'],
      cities: ['Leeds', 'York'],
      submittedFrom: '2026-03-02',
      submittedTo: '2026-03-08',
      answers: [{ questionId: 5, options: ['Agree'] }],
      themes: { ids: [7, 9], mode: 'all' },
      campaign: 'member',
    };
    const hash = responsesHash(filter);
    expect(hash).toMatch(/^#\/responses\?filter=/);
    expect(readResponsesFilter(hash)).toEqual(filter);
  });

  it('drops what it cannot trust from an address someone typed or pasted', () => {
    const hostile = {
      questionId: -1,
      search: 42,
      respondentTypes: 'business',
      cities: ['Leeds', { $ne: 1 }],
      submittedFrom: '2026-3-2; DROP TABLE',
      answers: [
        { questionId: 5, options: ['Agree'] },
        { questionId: 'x', options: [] },
      ],
      themes: { ids: [1, 'a', 0], mode: 'some' },
      campaign: 'all',
      extra: true,
    };
    expect(readFilterFromHash(`#/responses?filter=${encodeURIComponent(JSON.stringify(hostile))}`)).toEqual({
      answers: [{ questionId: 5, options: ['Agree'] }],
    });
    expect(readFilterFromHash('#/responses?filter=%7Bnot json')).toBeNull();
    expect(readFilterFromHash('#/responses?filter=%5B1%2C2%5D')).toBeNull();
    expect(readFilterFromHash('#/responses')).toBeNull();
    expect(readResponsesFilter('#/dashboard?filter=%7B%7D')).toBeNull();
    expect(
      readFilterFromHash(`#/x?filter=${encodeURIComponent(JSON.stringify({ cities: Array(201).fill('a') }))}`),
    ).toEqual({});
  });
});
