import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResponseFilter, ResponseQuery } from '../../src/shared/api';
import { createProjectDb, type Db } from '../../src/main/db/connection';
import { countMatching, countQuery, filterSql, fromWhere } from '../../src/main/db/queries/response-filter';
import { listResponses, pageQuery, rankedSearchQuery } from '../../src/main/db/queries/responses';
import { tempDir } from '../helpers/temp';

/** A project with a few thousand responses, built in SQL; like a real project file, never ANALYZEd. */
function project(): Db {
  const db = createProjectDb(join(tempDir(), 'plans.consult'), 'Plans');
  db.transaction(() => {
    for (let q = 1; q <= 5; q++) {
      db.prepare('INSERT INTO question (code, text, kind, options, position) VALUES (?, ?, ?, ?, ?)').run(
        `Q${q}`,
        `Question ${q}`,
        q === 5 ? 'closed' : 'open',
        q === 5 ? '["Agree","Disagree"]' : null,
        q,
      );
    }
    const cities = ['Leeds', 'Manchester', 'Sheffield', 'Liverpool', 'Newcastle'];
    for (let r = 1; r <= 1000; r++) {
      db.prepare('INSERT INTO respondent (external_id, type, city, submitted_at) VALUES (?, ?, ?, ?)').run(
        `R${r}`,
        r % 7 ? 'individual' : 'business',
        cities[r % 5],
        `2026-03-${String(1 + (r % 28)).padStart(2, '0')}T10:00:00Z`,
      );
      for (let q = 1; q <= 4; q++)
        db.prepare('INSERT INTO response (respondent_id, question_id, text) VALUES (?, ?, ?)').run(
          r,
          q,
          `housing and transport ${r} ${q}`,
        );
      db.prepare('INSERT INTO response (respondent_id, question_id, text) VALUES (?, 5, ?)').run(
        r,
        r % 2 ? 'Agree' : 'Disagree',
      );
    }
    db.exec(
      "UPDATE response SET status = 'done' WHERE id % 10 = 0; INSERT INTO response_flag SELECT id, 'follow_up' FROM response WHERE id % 50 = 0;",
    );
  })();
  return db;
}

function plan(db: Db, q: { sql: string; params: unknown[] }): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail);
}

/** A full scan of the responses or respondents (a SCAN of the search index's own b-tree is how FTS5 looks up terms). */
const fullScan = (lines: string[]): string[] =>
  lines.filter((l) => /^SCAN (r|p|response|respondent)\b(?! USING COVERING INDEX)/.test(l));

const INDEXED: [string, ResponseFilter][] = [
  ['question', { questionId: 2 }],
  ['status', { statuses: ['done'] }],
  ['unread in a question', { questionId: 2, unread: true }],
  ['flag', { flags: ['follow_up'] }],
  ['priority', { priorities: ['high'] }],
  ['assignee', { assignee: 'Priya Shah' }],
  ['city', { cities: ['Leeds'] }],
  ['region', { regions: ['Yorkshire and The Humber'] }],
  ['respondent type', { respondentTypes: ['business'] }],
  ['city and type', { cities: ['Leeds'], respondentTypes: ['business'] }],
  ['date range', { submittedFrom: '2026-03-05', submittedTo: '2026-03-09' }],
  ['search', { search: 'housing' }],
  ['search in a question', { search: '"housing and transport"', questionId: 2 }],
  [
    'question, status, city and type',
    { questionId: 2, statuses: ['new'], cities: ['Leeds'], respondentTypes: ['individual'] },
  ],
  ['closed answer in a question', { questionId: 1, answers: [{ questionId: 5, options: ['Agree'] }] }],
  ['personal data', { hasPersonalData: true }],
  ['campaign members', { campaign: 'member' }],
  ['negative sentiment', { sentiments: ['negative'] }],
];

describe('query plans of the main filters (like Signal Desktop asserts its plans)', () => {
  const db = project();

  it.each(INDEXED)('counting by %s uses indexes, never a full scan of responses', (_, filter) => {
    const lines = plan(db, countQuery(db, filter));
    expect(fullScan(lines), lines.join('\n')).toEqual([]);
  });

  it.each(INDEXED)('the first page for %s uses indexes, never a full scan of responses', (_, filter) => {
    const query: ResponseQuery = { ...filter, offset: 0, limit: 50 };
    const lines = plan(db, pageQuery(db, query));
    expect(fullScan(lines), lines.join('\n')).toEqual([]);
  });

  it('a search with other filters runs the full-text query once, the other filters as a set built once', () => {
    // Otherwise SQLite may probe the list of matches once per row of another index: minutes at 1M.
    for (const filter of [
      { search: 'housing', questionId: 2, cities: ['Leeds'] },
      { search: 'housing', statuses: ['new'] },
    ] as ResponseFilter[]) {
      for (const q of [countQuery(db, filter), pageQuery(db, { ...filter, offset: 0, limit: 50 })]) {
        const lines = plan(db, q);
        expect(lines[0], lines.join('\n')).toMatch(/^SCAN response_fts VIRTUAL TABLE/);
        expect(
          lines.filter((l) => /SUBQUERY/.test(l) && !/^LIST SUBQUERY/.test(l)),
          lines.join('\n'),
        ).toEqual([]);
      }
    }
    // Listed by relevance, the matches within the filters are found once for both the count and the page.
    const combined = rankedSearchQuery(db, {
      search: 'housing',
      questionId: 2,
      cities: ['Leeds'],
      offset: 0,
      limit: 50,
    });
    const combinedPlan = plan(db, combined!);
    expect(
      combinedPlan.filter((l) => /^SCAN response_fts VIRTUAL TABLE/.test(l)),
      combinedPlan.join('\n'),
    ).toHaveLength(1);
    expect(
      combinedPlan.filter((l) => /^LIST SUBQUERY/.test(l)),
      combinedPlan.join('\n'),
    ).toHaveLength(1);
    expect(combinedPlan[0]).toBe('MATERIALIZE hit');
    // Without other filters (counted in the search index alone) or in another order, there is nothing to share.
    expect(rankedSearchQuery(db, { search: 'housing', offset: 0, limit: 50 })).toBeNull();
    expect(
      rankedSearchQuery(db, {
        search: 'housing',
        questionId: 2,
        sort: { key: 'city', dir: 'asc' },
        offset: 0,
        limit: 50,
      }),
    ).toBeNull();
    // Sorted another way, the filters' indexes drive and each match is looked up in a list built once.
    const lines = plan(
      db,
      pageQuery(db, {
        search: 'housing',
        questionId: 2,
        sort: { key: 'submittedAt', dir: 'asc' },
        offset: 0,
        limit: 50,
      }),
    );
    expect(
      lines.some((l) => /^LIST SUBQUERY/.test(l)),
      lines.join('\n'),
    ).toBe(true);
    expect(
      lines.some((l) => /rowid=\?\)?$/.test(l) && /response_question/.test(l)),
      lines.join('\n'),
    ).toBe(false);
  });

  it('a ranked search within filters lists the same count and rows as counting and paging apart', () => {
    for (const filter of [
      { search: 'housing', questionId: 2, cities: ['Leeds'] },
      { search: '"housing and transport" 7*', statuses: ['new'] },
      { search: 'nothingmatches', questionId: 2 },
    ] as ResponseFilter[]) {
      const total = countMatching(db, filter);
      for (const [offset, dir] of [
        [0, 'asc'],
        [150, 'desc'],
        [total - 10, 'asc'],
        [total + 50, 'asc'],
      ] as const) {
        const query: ResponseQuery = {
          ...filter,
          sort: { key: 'relevance', dir },
          offset: Math.max(0, offset),
          limit: 50,
        };
        const apart = pageQuery(db, query);
        const ids = db
          .prepare(apart.sql)
          .pluck()
          .all(...apart.params);
        const listed = listResponses(db, query);
        expect(listed.total, JSON.stringify(query)).toBe(total);
        expect(
          listed.rows.map((r) => r.id),
          JSON.stringify(query),
        ).toEqual(ids);
      }
    }
  });

  it('the date order (migration 6) pages every response and counts date ranges exactly as the responses do', () => {
    for (const dir of ['asc', 'desc'] as const) {
      for (const offset of [0, 1234, 4980]) {
        const q = pageQuery(db, { sort: { key: 'respondent', dir }, offset, limit: 50 });
        expect(plan(db, q)).toEqual(['SCAN response_date']);
        expect(
          db
            .prepare(q.sql)
            .pluck()
            .all(...q.params),
        ).toEqual(db.prepare(`SELECT id FROM response ORDER BY id ${dir} LIMIT 50 OFFSET ?`).pluck().all(offset));
      }
    }
    const joined = (filter: ResponseFilter) => {
      const { sql, params } = fromWhere(filterSql(db, filter));
      return db
        .prepare(`SELECT count(*) ${sql}`)
        .pluck()
        .get(...params);
    };
    for (const filter of [
      { submittedFrom: '2026-03-05', submittedTo: '2026-03-09' },
      { submittedFrom: '2026-03-20' },
      { submittedTo: '2026-03-02' },
      { submittedFrom: '2026-03-05', submittedTo: '2026-03-09', questionId: 5 },
      { submittedFrom: '2026-04-01' },
    ] as ResponseFilter[]) {
      const counted = countQuery(db, filter);
      expect(counted.sql).toMatch(/FROM response_date/);
      expect(
        db
          .prepare(counted.sql)
          .pluck()
          .get(...counted.params),
        JSON.stringify(filter),
      ).toBe(joined(filter));
    }
  });

  it('answers to closed questions come from the short-answer index, and respondent-attribute sorts need no sort step', () => {
    const closed = plan(db, countQuery(db, { questionId: 1, answers: [{ questionId: 5, options: ['Agree'] }] })).join(
      '\n',
    );
    expect(closed).toMatch(/COVERING INDEX response_short_answer/);
    for (const key of ['submittedAt', 'city', 'type'] as const) {
      const lines = plan(db, pageQuery(db, { sort: { key, dir: 'desc' }, offset: 500, limit: 50 }));
      expect(lines.join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
    // Every response by date: a deep page steps over the date-order index (migration 6) alone.
    for (const dir of ['asc', 'desc'] as const) {
      const lines = plan(db, pageQuery(db, { sort: { key: 'submittedAt', dir }, offset: 3000, limit: 50 }));
      expect(lines, lines.join('\n')).toEqual(['SCAN response_date USING COVERING INDEX response_date_order']);
    }
    // Filtered by place or type in the default order: walked in order too.
    for (const filter of [
      { cities: ['Leeds'] },
      { respondentTypes: ['business'] },
      { cities: ['Leeds'], questionId: 2 },
    ] as ResponseFilter[]) {
      const lines = plan(db, pageQuery(db, { ...filter, offset: 100, limit: 50 }));
      expect(lines.join('\n'), JSON.stringify(filter)).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
  });

  it('the commonest counts read the kept counts, not the responses', () => {
    for (const filter of [
      {},
      { questionId: 2 },
      { statuses: ['done'] },
      { questionId: 1, unread: true },
    ] as ResponseFilter[]) {
      expect(plan(db, countQuery(db, filter)).join(' ')).toMatch(/response_status_count/);
    }
  });
});
