/**
 * A sample project with the analysis done, for report tests: the Northern Futures sample, themes and
 * assignments from its truth file, campaign groups, triage decisions, and one hostile response.
 *
 * Themes, triage and campaigns come from other areas' migrations. Where this project's migrations do not
 * create those tables yet, this helper creates them as those areas define them (issue 5: theme, assignment,
 * analysis_run; issue 4: migration 0003; issue 6: campaign_group, campaign_member). Once their migrations are
 * merged the CREATE statements are skipped and the inserts below check that the reports still match them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportOptions } from '../../src/shared/api';
import type { SampleTruth } from '../../src/shared/sample';
import { createProjectDb, type Db } from '../../src/main/db/connection';
import { loadSample, readSample } from '../../src/main/importers/sample';
import { packageRoot } from '../../src/main/util/paths';

const sampleDir = join(packageRoot(), 'resources', 'sample');

export const HOSTILE_TEXT =
  '=HYPERLINK("http://evil.example","x") <script>alert(1)</script> Write to jane.doe@example.com or ring 0161 496 0000 (M1 1AE) about investment.';
export const HOSTILE_ORGANISATION = '@SUM(1+1) <b>Evil & Co</b> ops@evil.example';
export const HOSTILE_THEME = 'Contact the partnership directly';
export const HOSTILE_RESPONDENT = 'NF-HOSTILE';

/** A small deterministic hash in [0, 1) so "model" confidences vary but never change between runs. */
function unit(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10000) / 10000;
}

export interface AnalysedSample {
  path: string;
  /** Response ids excluded by the fixture's triage. */
  excluded: number[];
  hostileResponseId: number;
}

/** Builds the analysed sample at `path` (closed afterwards) and says what it put in. */
export function buildAnalysedSample(path: string): AnalysedSample {
  const db = createProjectDb(path, 'Northern Futures');
  try {
    const sample = readSample(join(sampleDir, 'northern-futures.json'));
    loadSample(db, sample);
    const truth = JSON.parse(readFileSync(join(sampleDir, 'northern-futures.truth.json'), 'utf8')) as SampleTruth;
    return { path, ...db.transaction(() => seed(db, truth))() };
  } finally {
    db.close();
  }
}

function seed(db: Db, truth: SampleTruth): Omit<AnalysedSample, 'path'> {
  const questionId = new Map(
    (db.prepare('SELECT code, id FROM question').all() as { code: string; id: number }[]).map((q) => [q.code, q.id]),
  );
  const insertTheme = db.prepare(
    `INSERT INTO theme (question_id, name, description, keywords, parent_id, status, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, 'accepted', 'fixture', '2026-06-01T10:00:00Z')`,
  );
  const insertRun = db.prepare(
    `INSERT INTO analysis_run (question_id, kind, parameters, seed, quality, started_by, started_at, finished_at)
     VALUES (?, ?, ?, 42, ?, 'fixture', ?, ?)`,
  );
  const themeIds = new Map<string, number>();
  for (const [code, names] of Object.entries(truth.themes)) {
    const qid = questionId.get(code)!;
    insertRun.run(
      qid,
      'discover',
      JSON.stringify({ themes: 'auto' }),
      JSON.stringify({ themes: names.length, k: names.length, inOther: 0 }),
      '2026-06-01T10:00:00Z',
      '2026-06-01T10:01:00Z',
    );
    const agreement = {
      responses: 180,
      samplesF1: 0.81,
      microF1: 0.83,
      macroF1: 0.78,
      kappa: 0.79,
      threshold: 0.5,
      perTheme: [],
      untrainable: [],
    };
    insertRun.run(
      qid,
      'classify',
      JSON.stringify({ folds: 5 }),
      JSON.stringify({ agreement, threshold: 0.5, proposals: 1000, coded: 180 }),
      '2026-06-02T10:00:00Z',
      '2026-06-02T10:02:00Z',
    );
    for (const name of names) {
      const words = name
        .split(/\W+/)
        .filter((w) => w.length > 3)
        .slice(0, 4);
      const title = name.charAt(0).toUpperCase() + name.slice(1);
      const id = Number(
        insertTheme.run(qid, title, `Respondents raised ${name}.`, JSON.stringify(words), null).lastInsertRowid,
      );
      themeIds.set(`${code}\t${name}`, id);
    }
  }
  const responseOf = db.prepare(
    'SELECT r.id FROM response r JOIN respondent p ON p.id = r.respondent_id WHERE p.external_id = ? AND r.question_id = ?',
  );
  const insertAssignment = db.prepare(
    "INSERT INTO assignment (response_id, theme_id, source, source_detail, confidence, state, at) VALUES (?, ?, ?, 'fixture', ?, ?, '2026-06-02T10:00:00Z')",
  );
  const members = new Map<string, number[]>();
  for (const [externalId, info] of Object.entries(truth.respondents)) {
    for (const [code, names] of Object.entries(info.themes)) {
      const row = responseOf.get(externalId, questionId.get(code)) as { id: number } | undefined;
      if (!row) continue;
      for (const name of names) {
        const analyst = unit(`${externalId}${code}`) < 0.1;
        const confidence = analyst ? 1 : 0.55 + 0.45 * unit(`${externalId}${code}${name}`);
        insertAssignment.run(
          row.id,
          themeIds.get(`${code}\t${name}`),
          analyst ? 'analyst' : 'model',
          confidence,
          analyst ? 'accepted' : 'proposed',
        );
      }
      if (info.campaign)
        members.set(`${info.campaign}\t${code}`, [...(members.get(`${info.campaign}\t${code}`) ?? []), row.id]);
    }
  }
  // One group per campaign, on the open question most of its members answered.
  const insertGroup = db.prepare(
    "INSERT INTO campaign_group (question_id, template_response_id, size, distinct_texts, kind, status, counting) VALUES (?, ?, ?, ?, 'campaign', 'confirmed', 'one')",
  );
  const insertMember = db.prepare('INSERT INTO campaign_member (group_id, response_id, similarity) VALUES (?, ?, 0.9)');
  const campaigns = new Set([...members.keys()].map((k) => k.split('\t')[0]));
  for (const campaign of [...campaigns].sort()) {
    const [key, ids] = [...members.entries()]
      .filter(([k]) => k.startsWith(`${campaign}\t`))
      .sort((a, b) => b[1].length - a[1].length)[0];
    const sorted = [...ids].sort((a, b) => a - b);
    const groupId = insertGroup.run(
      questionId.get(key.split('\t')[1]),
      sorted[0],
      sorted.length,
      sorted.length,
    ).lastInsertRowid;
    for (const id of sorted) insertMember.run(groupId, id);
  }

  // Triage: every 97th response excluded as spam, a note and a flag here and there.
  const excluded = db.prepare('SELECT id FROM response WHERE id % 97 = 0 ORDER BY id').pluck().all() as number[];
  db.prepare("UPDATE response SET status = 'excluded', exclusion_reason = 'spam' WHERE id % 97 = 0").run();
  db.prepare(
    "UPDATE response SET status = 'done', note = 'Checked by the team; contact analyst@team.example' WHERE id % 101 = 0 AND status <> 'excluded'",
  ).run();
  db.prepare(
    "INSERT INTO response_flag (response_id, flag) SELECT id, 'notable_quote' FROM response WHERE id % 89 = 0",
  ).run();

  // The hostile respondent: formula, markup and personal data in its answer, organisation and attributes.
  const respondentId = db
    .prepare(
      `INSERT INTO respondent (external_id, type, organisation, city, submitted_at, channel, attributes)
       VALUES (?, 'business', ?, 'Leeds', '2026-04-01T10:00:00Z', 'email', ?)`,
    )
    .run(
      HOSTILE_RESPONDENT,
      HOSTILE_ORGANISATION,
      JSON.stringify({ sector: '+cmd|calc', contact: 'jane.doe@example.com' }),
    ).lastInsertRowid;
  const hostileResponseId = Number(
    db
      .prepare('INSERT INTO response (respondent_id, question_id, text) VALUES (?, ?, ?)')
      .run(respondentId, questionId.get('Q1'), HOSTILE_TEXT).lastInsertRowid,
  );
  const hostileTheme = Number(
    insertTheme.run(
      questionId.get('Q1'),
      HOSTILE_THEME,
      'Respondents asked to be contacted.',
      JSON.stringify(['contact']),
      null,
    ).lastInsertRowid,
  );
  insertAssignment.run(hostileResponseId, hostileTheme, 'analyst', 1, 'accepted');
  return { excluded, hostileResponseId };
}

export const DEFAULTS: ReportOptions = {
  redact: true,
  includeExcluded: false,
  campaigns: 'once',
  anonymise: true,
  nameOrganisations: false,
};
