import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/db/migrations';
import { toFtsQuery } from '../../src/main/search/fts-query';

/** A real FTS5 table (migration 1's) with a handful of answers, to check what each query finds. */
function corpus(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, 1);
  db.prepare("INSERT INTO question (code, text, kind, position) VALUES ('Q1', 'Why?', 'open', 1)").run();
  const texts = [
    'Graduates leave for London because salaries are higher.',
    'The brain drain to London is real; we cannot keep graduates.',
    "We don't have enough housing near the tech jobs in Leeds.",
    'Co-operation between the five cities matters more than a new brand.',
    'Affordable housing in Manchester would keep people here.',
    'Rail links between Leeds and Manchester are too slow.',
  ];
  texts.forEach((t, i) => {
    db.prepare('INSERT INTO respondent (external_id) VALUES (?)').run(`R${i + 1}`);
    db.prepare('INSERT INTO response (respondent_id, question_id, text) VALUES (?, 1, ?)').run(i + 1, t);
  });
  return db;
}

function find(db: Database.Database, search: string): number[] {
  const match = toFtsQuery(search);
  if (!match) return [];
  return db
    .prepare('SELECT rowid FROM response_fts WHERE response_fts MATCH ? ORDER BY rowid')
    .pluck()
    .all(match) as number[];
}

describe('search syntax', () => {
  const db = corpus();

  it('finds words (stemmed), phrases, prefixes and combinations', () => {
    expect(find(db, 'graduate')).toEqual([1, 2]);
    expect(find(db, '"brain drain"')).toEqual([2]);
    expect(find(db, '"drain brain"')).toEqual([]);
    expect(find(db, 'afford*')).toEqual([5]);
    expect(find(db, 'housing Leeds')).toEqual([3]);
    expect(find(db, 'housing AND Leeds')).toEqual([3]);
    expect(find(db, 'housing OR rail')).toEqual([3, 5, 6]);
    expect(find(db, 'housing NOT Leeds')).toEqual([5]);
    expect(find(db, 'housing -Leeds')).toEqual([5]);
    expect(find(db, 'Manchester AND NOT housing')).toEqual([6]);
    expect(find(db, '(housing OR rail) AND Manchester')).toEqual([5, 6]);
    expect(find(db, '"brain dr"*')).toEqual([2]);
  });

  it('searches punctuation as typed instead of failing on it', () => {
    expect(find(db, "don't")).toEqual([3]);
    expect(find(db, 'co-operation')).toEqual([4]);
    expect(find(db, 'London; salaries')).toEqual([1]);
    expect(find(db, 'text:London')).toEqual([]);
    expect(toFtsQuery('— & ;')).toBeNull();
    expect(toFtsQuery('   ')).toBeNull();
  });

  it('treats lower-case and/or/not as words, not operators', () => {
    expect(toFtsQuery('housing or rail')).toBe('"housing" AND "or" AND "rail"');
  });

  it.each([
    ['"unfinished phrase', /"unfinished phrase has no closing quote/],
    ['housing AND', /AND needs a word after it/],
    ['OR housing', /OR needs a word before it/],
    ['NOT London', /NOT \(or -word\) needs words before it/],
    ['-London', /NOT \(or -word\) needs words before it/],
    ['housing AND OR rail', /AND is followed by OR/],
    ['(housing OR rail', /opened but not closed/],
    ['housing) rail', /closing bracket \) without an opening one/],
    ['housing ()', /brackets \(\) are empty/],
    ['gr*duate', /has a \* inside it/],
    ['housing (rail OR)', /OR needs a word after it/],
  ])('explains what is wrong with %s', (search, message) => {
    expect(() => toFtsQuery(search)).toThrow(message);
    try {
      toFtsQuery(search);
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'search' } });
      expect((error as Error).message).toMatch(/could not be understood/);
    }
  });

  it('never produces a query FTS5 rejects, whatever is typed', () => {
    const pieces = [
      'housing',
      '"',
      '(',
      ')',
      'AND',
      'OR',
      'NOT',
      '-',
      '*',
      "don't",
      'a*',
      '"x y"',
      '£5m',
      ':',
      '^',
      'NEAR',
      '+',
      '{',
      '}',
    ];
    let seed = 42;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const search = Array.from({ length: 1 + (next() % 6) }, () => pieces[next() % pieces.length]).join(
        next() % 2 ? ' ' : '',
      );
      let match: string | null;
      try {
        match = toFtsQuery(search);
      } catch (error) {
        expect(error, search).toMatchObject({ code: 'INVALID_INPUT' });
        continue;
      }
      if (match)
        expect(
          () => db.prepare('SELECT count(*) FROM response_fts WHERE response_fts MATCH ?').get(match),
          `${search} -> ${match}`,
        ).not.toThrow();
    }
  });
});
