import { describe, expect, it } from 'vitest';
import type { ResponseFilter } from '../../src/shared/api';
import {
  areaOf,
  filterHash,
  readFilterFromHash,
  readResponsesFilter,
  responsesHash,
} from '../../src/shared/filter-link';

const hashOf = (value: unknown): string => `#/responses?filter=${encodeURIComponent(JSON.stringify(value))}`;

describe('links into the Responses area carry a filter', () => {
  it('round-trips every field of the filter', () => {
    const filter: Required<ResponseFilter> = {
      questionId: 3,
      search: 'rail "links" & <b>',
      statuses: ['new', 'in_review'],
      flags: ['safeguarding'],
      priorities: ['high'],
      themes: { ids: [7, 9], mode: 'all' },
      respondentTypes: ['local authority'],
      cities: ['Leeds', 'York'],
      regions: ['Yorkshire and the Humber'],
      submittedFrom: '2026-03-02',
      submittedTo: '2026-03-08',
      answers: [{ questionId: 5, options: ['Agree'] }],
      hasPersonalData: false,
      campaign: 'member',
      stances: ['disagree', 'mixed'],
      sentiments: ['negative'],
      unread: true,
      assignee: 'Priya',
      notGiven: ['type', 'place'],
      coding: ['model', 'none'],
      counting: 'campaigns-once',
    };
    const hash = responsesHash(filter);
    expect(hash).toMatch(/^#\/responses\?filter=/);
    expect(readResponsesFilter(hash)).toEqual(filter);
    expect(readFilterFromHash(filterHash('dashboard', filter))).toEqual(filter);
    expect(areaOf(filterHash('dashboard', filter))).toBe('dashboard');
  });

  it('drops what it cannot trust from an address someone typed or pasted', () => {
    const hostile = {
      questionId: -1,
      search: 42,
      statuses: ['read', 'deleted'],
      flags: 'safeguarding',
      priorities: ['urgent'],
      respondentTypes: 'business',
      cities: ['Leeds', { $ne: 1 }],
      regions: [1],
      submittedFrom: '2026-3-2; DROP TABLE',
      submittedTo: '2026-03-08',
      answers: [{ questionId: 5, options: ['Agree'] }],
      themes: { ids: [1, 'a', 0], mode: 'some' },
      hasPersonalData: 'yes',
      campaign: 'all',
      stances: ['agree', 'furious'],
      sentiments: ['positive'],
      unread: 1,
      assignee: 'x'.repeat(201),
      notGiven: ['type', 'organisation'],
      coding: ['hand', 'hand', 'hand', 'hand'],
      counting: 'campaigns-twice',
      extra: true,
    };
    expect(readFilterFromHash(hashOf(hostile))).toEqual({
      submittedTo: '2026-03-08',
      answers: [{ questionId: 5, options: ['Agree'] }],
      sentiments: ['positive'],
    });
    // A whole field goes when any part of it is malformed, so a link never opens a narrower or wider set than it says.
    expect(
      readFilterFromHash(
        hashOf({
          answers: [
            { questionId: 5, options: ['Agree'] },
            { questionId: 'x', options: [] },
          ],
        }),
      ),
    ).toEqual({});
    expect(readFilterFromHash('#/responses?filter=%7Bnot json')).toBeNull();
    expect(readFilterFromHash('#/responses?filter=%5B1%2C2%5D')).toBeNull();
    expect(readFilterFromHash('#/responses')).toBeNull();
    expect(readResponsesFilter('#/dashboard?filter=%7B%7D')).toBeNull();
    expect(readFilterFromHash(hashOf({ cities: Array(201).fill('a') }))).toEqual({});
  });

  it('leaves out parts that narrow nothing, so "no filter" reads as {}', () => {
    expect(
      readFilterFromHash(hashOf({ cities: [], themes: { ids: [], mode: 'any' }, coding: [], counting: 'responses' })),
    ).toEqual({ counting: 'responses' });
    expect(readFilterFromHash(hashOf({}))).toEqual({});
  });
});
