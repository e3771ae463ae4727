import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProjectDb, type Db } from '../../src/main/db/connection';
import { markMatches } from '../../src/main/db/queries/match-marks';
import { MARK_END, MARK_START } from '../../src/main/db/queries/text-segments';
import { toFtsQuery } from '../../src/main/search/fts-query';
import { tempDir } from '../helpers/temp';

const TEXTS = [
  'Housing in Leeds is too expensive; households leave for the South and graduates follow the jobs.',
  'The brain drain is real: our graduates move to London because rail links north are poor.',
  'Trains between Manchester and Leeds are slow. Housing near stations costs more every year.',
  'Café culture and naïve planning: the coöperative housed ten firms, then closed.',
  'Nothing here about the subject at all, just a long answer about parks, libraries and buses.',
  `${'Skills and apprenticeships matter. '.repeat(30)}A house would be nice.`,
];

function project(): Db {
  const db = createProjectDb(join(tempDir(), 'marks.consult'), 'Marks');
  db.prepare("INSERT INTO question (id, code, text, kind, position) VALUES (1, 'Q1', 'Q', 'open', 1)").run();
  db.prepare("INSERT INTO respondent (id, external_id) VALUES (1, 'R1')").run();
  const questions = db.prepare('INSERT INTO question (code, text, kind, position) VALUES (?, ?, ?, ?)');
  const answer = db.prepare('INSERT INTO response (respondent_id, question_id, text) VALUES (1, ?, ?)');
  TEXTS.forEach((text, i) => {
    if (i) questions.run(`Q${i + 1}`, 'Q', 'open', i + 1);
    answer.run(i + 1, text);
  });
  return db;
}

/** What the project's own search index marks, the way the page and reading pane used to ask it. */
function fromProjectIndex(db: Db, match: string, fn: 'snippet' | 'highlight'): Map<number, string> {
  const call =
    fn === 'snippet'
      ? `snippet(response_fts, 0, '${MARK_START}', '${MARK_END}', '…', 40)`
      : `highlight(response_fts, 0, '${MARK_START}', '${MARK_END}')`;
  const rows = db
    .prepare(`SELECT rowid AS id, ${call} AS marked FROM response_fts WHERE response_fts MATCH ?`)
    .all(match) as { id: number; marked: string }[];
  return new Map(rows.map((r) => [r.id, r.marked]));
}

function fts(search: string): string {
  const query = toFtsQuery(search);
  if (!query) throw new Error(`${search} is not a search`);
  return query;
}

describe('search matches marked on a scratch index of the shown answers', () => {
  const db = project();
  const answers = db.prepare('SELECT id, text FROM response ORDER BY id').all() as { id: number; text: string }[];

  it.each(['hous*', 'graduates', '"brain drain"', 'housing NOT Leeds', '"rail links" OR trains', 'cafe', 'skills'])(
    'marks %s exactly as the project index does (prefixes, phrases, NOT, OR, stems, accents, long answers)',
    (search) => {
      const match = fts(search);
      for (const fn of ['snippet', 'highlight'] as const) {
        const expected = fromProjectIndex(db, match, fn);
        expect(expected.size).toBeGreaterThan(0);
        expect(markMatches(db, match, answers, fn)).toEqual(expected);
      }
    },
  );

  it('leaves answers without a match out, writes nothing to the project, and recovers from a rejected query', () => {
    const match = fts('apprenticeships');
    expect([...markMatches(db, match, answers, 'snippet').keys()]).toEqual([6]);
    expect(() => markMatches(db, 'NEAR(', answers, 'snippet')).toThrow(/fts5|syntax/i);
    // The failed call's answers are gone: the next call sees only its own.
    expect([...markMatches(db, fts('housing'), answers.slice(0, 1), 'highlight').keys()]).toEqual([1]);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'match_marks%'").pluck().get()).toBe(0);
  });
});
