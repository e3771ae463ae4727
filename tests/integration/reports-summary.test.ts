/**
 * The summary model against the database: every number the report prints is recounted here with plain SQL
 * over the analysed sample (themes, triage exclusions, campaigns), for the default options and each option.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportOptions, ReportSummary } from '../../src/shared/api';
import { createProjectDb, openWorkerDb, type Db } from '../../src/main/db/connection';
import { loadSample, readSample } from '../../src/main/importers/sample';
import { redactorFor } from '../../src/main/reports/redaction';
import { buildSummary } from '../../src/main/reports/summary';
import { packageRoot } from '../../src/main/util/paths';
import { buildAnalysedSample, DEFAULTS, HOSTILE_THEME, type AnalysedSample } from '../helpers/report-fixtures';
import { tempDir } from '../helpers/temp';

let dir: string;
let fixture: AnalysedSample;
let db: Db;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'consult-reports-'));
  fixture = buildAnalysedSample(join(dir, 'analysed.consult'));
  db = openWorkerDb(fixture.path);
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const COLLAPSED = `SELECT m.response_id FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id
                    WHERE g.status <> 'dismissed' AND g.counting = 'one' AND m.response_id <> g.template_response_id`;

function summary(options: Partial<ReportOptions> = {}): ReportSummary {
  return buildSummary(db, { ...DEFAULTS, ...options }, redactorFor(db, options.redact ?? true));
}

function one(sql: string, ...params: unknown[]): number {
  return db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

/** Responses counted by default: not excluded, not a campaign member counted through its template. */
const COUNTED = `r.status <> 'excluded' AND r.id NOT IN (${COLLAPSED})`;

describe('the summary of responses', () => {
  const s = (() => {
    let cached: ReportSummary | undefined;
    return () => (cached ??= summary());
  })();

  it('counts respondents and responses as the database does', () => {
    expect(s().responses).toBe(one(`SELECT count(*) FROM response r WHERE ${COUNTED}`));
    expect(s().respondents).toBe(one(`SELECT count(DISTINCT respondent_id) FROM response r WHERE ${COUNTED}`));
    for (const q of s().questions) {
      expect(q.respondents, q.code).toBe(
        one(`SELECT count(*) FROM response r WHERE r.question_id = ? AND ${COUNTED}`, q.id),
      );
    }
    const individuals = s().byType.find((t) => t.label === 'Individual')!;
    expect(individuals.count).toBe(
      one(
        `SELECT count(DISTINCT r.respondent_id) FROM response r JOIN respondent p ON p.id = r.respondent_id WHERE p.type = 'individual' AND ${COUNTED}`,
      ),
    );
    expect(
      s()
        .byPlace.map((p) => p.label)
        .slice(0, 5),
    ).toEqual(['Manchester', 'Leeds', 'Liverpool', 'Sheffield', 'Newcastle']);
    expect(s().byPlace.reduce((a, p) => a + p.count, 0)).toBe(s().respondents);
  });

  it('counts each theme, its share and its breakdown by type and place', () => {
    const q1 = s().questions.find((q) => q.code === 'Q1')!;
    expect(q1.themes.length).toBe(
      one("SELECT count(*) FROM theme t JOIN question q ON q.id = t.question_id WHERE q.code = 'Q1'"),
    );
    for (const t of q1.themes) {
      const expected = one(
        `SELECT count(DISTINCT a.response_id) FROM assignment a JOIN response r ON r.id = a.response_id
          WHERE a.theme_id = ? AND a.state <> 'rejected' AND ${COUNTED}`,
        t.id,
      );
      expect(t.count, t.name).toBe(expected);
      expect(t.share).toBeCloseTo(expected / q1.respondents, 10);
    }
    // Largest first.
    expect(q1.themes.map((t) => t.count)).toEqual([...q1.themes.map((t) => t.count)].sort((a, b) => b - a));
    const top = q1.themes[0];
    const business = q1.byType.groups.findIndex((g) => g.label === 'Business');
    expect(q1.byType.rows[0].counts[business]).toBe(
      one(
        `SELECT count(DISTINCT a.response_id) FROM assignment a JOIN response r ON r.id = a.response_id JOIN respondent p ON p.id = r.respondent_id
          WHERE a.theme_id = ? AND a.state <> 'rejected' AND p.type = 'business' AND ${COUNTED}`,
        top.id,
      ),
    );
    const leeds = q1.byPlace.groups.findIndex((g) => g.label === 'Leeds');
    expect(q1.byPlace.groups[leeds].base).toBe(
      one(
        `SELECT count(*) FROM response r JOIN respondent p ON p.id = r.respondent_id WHERE r.question_id = ? AND p.city = 'Leeds' AND ${COUNTED}`,
        q1.id,
      ),
    );
    expect(q1.withoutTheme).toBe(
      one(
        `SELECT count(*) FROM response r WHERE r.question_id = ? AND ${COUNTED} AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.response_id = r.id AND a.state <> 'rejected')`,
        q1.id,
      ),
    );
  });

  it('gives two or three quotes per theme from different respondents, never campaign text', () => {
    const members = new Set(db.prepare('SELECT response_id FROM campaign_member').pluck().all() as number[]);
    for (const q of s().questions.filter((x) => x.kind === 'open')) {
      for (const t of q.themes.filter((x) => x.count >= 3)) {
        expect(t.quotes.length, t.name).toBeGreaterThanOrEqual(2);
        expect(t.quotes.length).toBeLessThanOrEqual(3);
        for (const quote of t.quotes) {
          expect(members.has(quote.responseId)).toBe(false);
          expect(
            one('SELECT count(*) FROM assignment WHERE response_id = ? AND theme_id = ?', quote.responseId, t.id),
          ).toBe(1);
        }
      }
    }
  });

  it('counts closed answers per option', () => {
    const q5 = s().questions.find((q) => q.code === 'Q5')!;
    expect(q5.kind).toBe('closed');
    expect(q5.options.map((o) => o.label)).toEqual([
      'Strongly agree',
      'Agree',
      'Neither agree nor disagree',
      'Disagree',
      'Strongly disagree',
    ]);
    for (const o of q5.options) {
      expect(o.count, o.label).toBe(
        one(`SELECT count(*) FROM response r WHERE r.question_id = ? AND r.text = ? AND ${COUNTED}`, q5.id, o.label),
      );
    }
    expect(q5.options.reduce((a, o) => a + o.count, 0)).toBe(q5.respondents);
  });

  it('reports campaigns, exclusions and how themes were assigned', () => {
    const groups = db.prepare('SELECT id FROM campaign_group').pluck().all() as number[];
    expect(
      s()
        .campaigns.map((c) => c.id)
        .sort(),
    ).toEqual([...groups].sort());
    for (const c of s().campaigns) {
      expect(c.size).toBe(
        one(
          "SELECT count(*) FROM campaign_member m JOIN response r ON r.id = m.response_id WHERE m.group_id = ? AND r.status <> 'excluded'",
          c.id,
        ),
      );
      expect(c.counted).toBe(1);
    }
    expect(s().methods.campaignMembersCollapsed).toBe(
      one(`SELECT count(*) FROM response r WHERE r.status <> 'excluded' AND r.id IN (${COLLAPSED})`),
    );
    expect(s().methods.excluded).toEqual([{ label: 'Spam', count: fixture.excluded.length, share: 1 }]);
    const bySource = Object.fromEntries(s().methods.assignmentsBySource.map((a) => [a.label, a.count]));
    expect(bySource.analyst).toBe(
      one(
        `SELECT count(*) FROM assignment a JOIN response r ON r.id = a.response_id WHERE a.source = 'analyst' AND a.state <> 'rejected' AND ${COUNTED}`,
      ),
    );
    expect(s().methods.agreement).toHaveLength(4);
    expect(s().methods.agreement[0]).toMatchObject({ questionCode: 'Q1', coded: 180 });
    expect(s().methods.agreement[0].measures).toContainEqual({ measure: 'kappa', value: 0.79 });
    expect(s().methods.runs.filter((r) => r.kind === 'discover')).toHaveLength(4);
  });

  it('changes the counts as each option says', () => {
    const base = s();
    const withExcluded = summary({ includeExcluded: true });
    const q1 = base.questions[0];
    expect(withExcluded.questions[0].respondents - q1.respondents).toBe(
      one(
        `SELECT count(*) FROM response r WHERE r.question_id = ? AND r.status = 'excluded' AND r.id NOT IN (${COLLAPSED})`,
        q1.id,
      ),
    );
    expect(withExcluded.methods.excluded).toEqual([]);

    const each = summary({ campaigns: 'each' });
    expect(each.methods.campaignMembersCollapsed).toBe(0);
    expect(each.responses - base.responses).toBe(base.methods.campaignMembersCollapsed);
    expect(each.campaigns.every((c) => c.counted === c.size)).toBe(true);

    const some = summary({ questions: ['Q5', 'Q2'] });
    expect(some.questions.map((q) => q.code)).toEqual(['Q2', 'Q5']);
    expect(some.responses).toBe(
      one(
        `SELECT count(*) FROM response r JOIN question q ON q.id = r.question_id WHERE q.code IN ('Q2', 'Q5') AND ${COUNTED}`,
      ),
    );

    const chosen = base.questions[0].themes.slice(0, 2).map((t) => t.id);
    const themed = summary({ themeIds: chosen });
    expect(themed.questions[0].themes.map((t) => t.id).sort()).toEqual([...chosen].sort());
    expect(themed.questions[1].themes).toEqual([]);

    expect(() => summary({ questions: ['Q99'] })).toThrow(/no open or closed question Q99/);
  });

  it('redacts and anonymises every quote unless told not to', () => {
    const hostile = (x: ReportSummary) => x.questions[0].themes.find((t) => t.name === HOSTILE_THEME)!.quotes[0];
    const redacted = hostile(s());
    expect(redacted.text).toContain('[email]');
    expect(redacted.text).toContain('[phone]');
    expect(redacted.text).toContain('[postcode]');
    expect(redacted.text).not.toContain('jane.doe@example.com');
    expect(redacted.attribution).toBe('Business, Leeds');

    const named = hostile(summary({ nameOrganisations: true }));
    expect(named.attribution).toContain('Evil & Co');
    expect(named.attribution).not.toContain('ops@evil.example');

    const raw = hostile(summary({ redact: false, anonymise: false }));
    expect(raw.text).toContain('jane.doe@example.com');
    expect(raw.attribution).toContain('NF-HOSTILE');
  });

  it('redacts a scanned response with its stored findings, keeping what an analyst marked as not personal data', () => {
    const path = join(tempDir(), 'scanned.consult');
    const { hostileResponseId } = buildAnalysedSample(path);
    const scanned = openWorkerDb(path);
    try {
      const text = scanned.prepare('SELECT text FROM response WHERE id = ?').pluck().get(hostileResponseId) as string;
      const span = (needle: string) => [text.indexOf(needle), text.indexOf(needle) + needle.length];
      scanned
        .prepare(
          "INSERT INTO response_signal (response_id, sentiment, sentiment_label, stance) VALUES (?, 0, 'neutral', 'unclear')",
        )
        .run(hostileResponseId);
      for (const [kind, needle] of [
        ['email', 'jane.doe@example.com'],
        ['phone', '0161 496 0000'],
      ] as const) {
        scanned
          .prepare('INSERT INTO pii_finding (response_id, kind, start, end) VALUES (?, ?, ?, ?)')
          .run(hostileResponseId, kind, ...span(needle));
      }
      scanned
        .prepare(
          "INSERT INTO pii_false_positive (response_id, kind, start, end, marked_by, marked_at) VALUES (?, 'phone', ?, ?, 'analyst', '2026-06-03')",
        )
        .run(hostileResponseId, ...span('0161 496 0000'));
      const redact = redactorFor(scanned, true);
      const out = redact(text, hostileResponseId);
      expect(out).toContain('[email]');
      expect(out).toContain('0161 496 0000');
      // The stored findings are the scan's word: no postcode was stored, so none is replaced.
      expect(out).toContain('M1 1AE');
      // Text that is not a response's stored text is always scanned afresh.
      expect(redact(text)).toContain('[phone]');
      expect(redactorFor(scanned, false)(text, hostileResponseId)).toBe(text);
    } finally {
      scanned.close();
    }
  });

  it('marks themes not yet signed off as a draft, quotes pinned responses first and puts "Other" last', () => {
    const path = join(tempDir(), 'draft.consult');
    buildAnalysedSample(path);
    const draftDb = openWorkerDb(path);
    try {
      draftDb
        .prepare(
          "UPDATE theme SET status = 'candidate' WHERE question_id = (SELECT id FROM question WHERE code = 'Q2')",
        )
        .run();
      const q3 = draftDb.prepare("SELECT id FROM question WHERE code = 'Q3'").pluck().get() as number;
      const [largest, other] = draftDb
        .prepare(
          'SELECT theme_id FROM assignment WHERE theme_id IN (SELECT id FROM theme WHERE question_id = ?) GROUP BY theme_id ORDER BY count(*) DESC',
        )
        .pluck()
        .all(q3) as number[];
      const pinned = draftDb
        .prepare(
          "SELECT a.response_id FROM assignment a JOIN response r ON r.id = a.response_id WHERE a.theme_id = ? AND a.source = 'model' AND r.status <> 'excluded' AND length(r.text) BETWEEN 100 AND 300 AND r.id NOT IN (SELECT response_id FROM campaign_member) ORDER BY a.confidence LIMIT 1",
        )
        .pluck()
        .get(largest) as number;
      draftDb.prepare('UPDATE theme SET quotes = json_array(?) WHERE id = ?').run(pinned, largest);
      draftDb.prepare('UPDATE theme SET is_other = 1 WHERE id = ?').run(other);
      const draft = buildSummary(draftDb, DEFAULTS, redactorFor(draftDb, true));
      const themes = draft.questions.find((q) => q.code === 'Q3')!.themes;
      expect(themes[0].id).toBe(largest);
      expect(themes[0].quotes[0].responseId).toBe(pinned);
      expect(themes[themes.length - 1].id).toBe(other);
      expect(draft.questions.find((q) => q.code === 'Q2')!.themesDraft).toBe(true);
      expect(draft.questions.find((q) => q.code === 'Q2')!.themes.length).toBeGreaterThan(0);
      expect(draft.questions.find((q) => q.code === 'Q1')!.themesDraft).toBe(false);
    } finally {
      draftDb.close();
    }
  });

  it('still summarises a project with no themes, triage or campaigns yet', () => {
    const path = join(tempDir(), 'plain.consult');
    const plain = createProjectDb(path, 'Plain');
    try {
      loadSample(plain, readSample(join(packageRoot(), 'resources', 'sample', 'northern-futures.json')));
      const bare = buildSummary(plain, DEFAULTS, redactorFor(plain, true));
      expect(bare.responses).toBe(plain.prepare('SELECT count(*) FROM response').pluck().get());
      expect(bare.campaigns).toEqual([]);
      const q1 = bare.questions[0];
      expect(q1.themes).toEqual([]);
      expect(q1.withoutTheme).toBe(q1.respondents);
      expect(bare.methods.assignmentsBySource).toEqual([]);
    } finally {
      plain.close();
    }
  });
});
