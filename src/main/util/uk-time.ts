/**
 * Days as people in the UK count them. Submission times are stored in UTC (ISO 8601); a response sent at
 * 00:30 on 2 June British Summer Time is stored as 23:30 on 1 June, and belongs to 2 June. British Summer
 * Time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
 */

const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** 01:00 UTC on the last Sunday of a month (0-based), in ms. */
function lastSundayOneAm(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** The UK's offset from UTC at a UTC instant, in ms (0 in winter, one hour in summer). */
export function ukOffsetMs(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSundayOneAm(year, 2) && utcMs < lastSundayOneAm(year, 9) ? HOUR_MS : 0;
}

/** Days since 1970-01-01 of 'YYYY-MM-DD'. */
export const dayNumber = (day: string): number => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** 'YYYY-MM-DD' of a day number. */
export const dayString = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/**
 * The UK day number of a stored submission time, or null if it is not a date. A bare date is that day; a
 * time with no zone is taken as UTC, as the importers store it.
 */
export function ukDayNumber(stored: string): number | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(stored)) return dayNumber(stored);
  const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(stored) ? stored : `${stored}Z`);
  if (Number.isNaN(ms)) return null;
  return Math.floor((ms + ukOffsetMs(ms)) / DAY_MS);
}

/**
 * The stored-time bound where UK day `day` begins, as 'YYYY-MM-DDTHH:MM:SS' in UTC: `submitted_at >= bound`
 * selects times from that day on (a longer string with the same prefix sorts after it, so stored seconds
 * with or without milliseconds and a Z compare correctly).
 */
export function ukDayStartBound(day: string): string {
  const midnightUtc = dayNumber(day) * DAY_MS;
  // Midnight in the UK is 23:00 UTC the day before in summer; the offset at that instant decides.
  const start = midnightUtc - ukOffsetMs(midnightUtc - HOUR_MS);
  // At UTC midnight the bare date is the bound, so a stored bare date counts on its own day.
  return new Date(start).toISOString().slice(0, start === midnightUtc ? 10 : 19);
}

/** The bound where the UK day after `day` begins: `submitted_at < bound` selects times up to the end of `day`. */
export const ukDayEndBound = (day: string): string => ukDayStartBound(dayString(dayNumber(day) + 1));
