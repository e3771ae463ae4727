import { describe, expect, it } from 'vitest';
import { dayString, ukDayEndBound, ukDayNumber, ukDayStartBound } from '../../src/main/util/uk-time';

const ukDay = (stored: string): string | null => {
  const n = ukDayNumber(stored);
  return n === null ? null : dayString(n);
};

describe('UK days', () => {
  it('puts a time on the day it was in the UK, in summer and in winter', () => {
    expect(ukDay('2026-06-01T23:30:00Z')).toBe('2026-06-02'); // 00:30 BST
    expect(ukDay('2026-06-01T22:59:59.999Z')).toBe('2026-06-01');
    expect(ukDay('2026-12-01T23:30:00Z')).toBe('2026-12-01'); // GMT
    // British Summer Time starts at 01:00 UTC on the last Sunday of March (29 March 2026) and ends at
    // 01:00 UTC on the last Sunday of October (25 October 2026).
    expect(ukDay('2026-03-29T00:59:00Z')).toBe('2026-03-29');
    expect(ukDay('2026-03-29T23:30:00Z')).toBe('2026-03-30');
    expect(ukDay('2026-10-24T23:30:00Z')).toBe('2026-10-25');
    expect(ukDay('2026-10-25T23:30:00Z')).toBe('2026-10-25');
    expect(ukDay('2026-06-01')).toBe('2026-06-01');
    expect(ukDay('not a date')).toBeNull();
  });

  it('gives the stored-time bounds of a UK day, which select exactly that day’s times', () => {
    expect(ukDayStartBound('2026-06-02')).toBe('2026-06-01T23:00:00');
    expect(ukDayEndBound('2026-06-02')).toBe('2026-06-02T23:00:00');
    expect(ukDayStartBound('2026-12-02')).toBe('2026-12-02');
    expect(ukDayStartBound('2026-03-30')).toBe('2026-03-29T23:00:00');
    expect(ukDayStartBound('2026-10-26')).toBe('2026-10-26');
    const times = [
      '2026-06-01T22:59:59Z',
      '2026-06-01T23:00:00Z',
      '2026-06-01T23:00:00.000Z',
      '2026-06-02T12:00:00Z',
      '2026-06-02T22:59:59.999Z',
      '2026-06-02T23:00:00Z',
      '2026-06-02',
    ];
    const inDay = times.filter((t) => t >= ukDayStartBound('2026-06-02') && t < ukDayEndBound('2026-06-02'));
    expect(inDay).toEqual(times.filter((t) => ukDay(t) === '2026-06-02'));
    expect(inDay).toHaveLength(5);
  });
});
