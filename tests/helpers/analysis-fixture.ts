import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SampleTruth } from '../../src/shared/sample';
import { packageRoot } from '../../src/main/util/paths';

/**
 * The tables of issues 4, 5 and 6 as src/main/dashboard/schema.ts expects them (response.status, theme,
 * assignment, campaign groups and members, stance and sentiment per response). Also used by the dashboard
 * benchmark to give its generated projects the same analysis.
 */
export const ANALYSIS_TABLES = `
      ALTER TABLE response ADD COLUMN status TEXT NOT NULL DEFAULT 'new';
      CREATE TABLE theme (id INTEGER PRIMARY KEY, question_id INTEGER NOT NULL REFERENCES question(id), name TEXT NOT NULL);
      CREATE TABLE assignment (
        response_id INTEGER NOT NULL REFERENCES response(id), theme_id INTEGER NOT NULL REFERENCES theme(id),
        source TEXT NOT NULL, state TEXT NOT NULL, PRIMARY KEY (response_id, theme_id)
      ) WITHOUT ROWID;
      CREATE INDEX assignment_theme ON assignment(theme_id);
      CREATE TABLE campaign_group (
        id INTEGER PRIMARY KEY, question_id INTEGER NOT NULL, template_response_id INTEGER NOT NULL,
        status TEXT NOT NULL, counting TEXT NOT NULL
      );
      CREATE TABLE campaign_member (group_id INTEGER NOT NULL, response_id INTEGER NOT NULL, PRIMARY KEY (group_id, response_id));
      CREATE INDEX campaign_member_response ON campaign_member(response_id);
      CREATE TABLE response_signal (response_id INTEGER PRIMARY KEY, stance TEXT, sentiment_label TEXT);
`;

/**
 * Gives a sample project the analysis other issues produce (themes, campaign groups, stance and sentiment,
 * triage statuses) with the tables the dashboard reads, filled deterministically from the sample's truth
 * file. The table layouts are those src/main/dashboard/schema.ts expects of issues 4, 5 and 6: when their
 * migrations land, this fixture is replaced by running their analysis on the sample.
 * The project must be closed (the backend caches what tables exist per connection).
 */
export function addAnalysis(path: string): void {
  const truth = JSON.parse(
    readFileSync(join(packageRoot(), 'resources', 'sample', 'northern-futures.truth.json'), 'utf8'),
  ) as SampleTruth;
  const db = new Database(path);
  try {
    db.exec(ANALYSIS_TABLES);
    const responses = db
      .prepare(
        `SELECT r.id, r.respondent_id AS respondentId, p.external_id AS externalId, q.code, q.id AS questionId
           FROM response r JOIN respondent p ON p.id = r.respondent_id JOIN question q ON q.id = r.question_id WHERE q.kind = 'open' ORDER BY r.id`,
      )
      .all() as { id: number; respondentId: number; externalId: string; code: string; questionId: number }[];
    const questionIds = new Map(responses.map((r) => [r.code, r.questionId]));
    const closedQ5 = new Map(
      (
        db
          .prepare(
            "SELECT r.respondent_id AS id, r.text FROM response r JOIN question q ON q.id = r.question_id WHERE q.code = 'Q5'",
          )
          .all() as {
          id: number;
          text: string;
        }[]
      ).map((r) => [r.id, r.text]),
    );
    db.transaction(() => {
      const themeIds = new Map<string, number>();
      const addTheme = db.prepare('INSERT INTO theme (question_id, name) VALUES (?, ?)');
      for (const [code, names] of Object.entries(truth.themes)) {
        for (const name of [...names, 'Other / unclear'])
          themeIds.set(`${code}|${name}`, Number(addTheme.run(questionIds.get(code), name).lastInsertRowid));
      }
      const assign = db.prepare('INSERT INTO assignment (response_id, theme_id, source, state) VALUES (?, ?, ?, ?)');
      const signal = db.prepare('INSERT INTO response_signal (response_id, stance, sentiment_label) VALUES (?, ?, ?)');
      const read = db.prepare("UPDATE response SET status = 'read' WHERE id = ?");
      for (const r of responses) {
        if (r.id % 3 === 0) read.run(r.id);
        // Every fifth answer is not coded yet; every tenth coded one was coded by an analyst.
        if (r.id % 5 !== 0) {
          const names = truth.respondents[r.externalId]?.themes[r.code] ?? [];
          const source = r.id % 10 === 1 ? 'analyst' : 'model';
          for (const name of names.length ? names : ['Other / unclear'])
            assign.run(r.id, themeIds.get(`${r.code}|${name}`), source, source === 'analyst' ? 'accepted' : 'proposed');
        }
        const q5 = closedQ5.get(r.respondentId) ?? '';
        const stance =
          /disagree/i.test(q5) && !/neither/i.test(q5)
            ? 'disagree'
            : /agree/i.test(q5) && !/neither/i.test(q5)
              ? 'agree'
              : q5
                ? 'mixed'
                : 'unclear';
        signal.run(r.id, stance, ['positive', 'neutral', 'negative'][r.id % 3]);
      }
      // A campaign group on each question most of a campaign's members answered; the lowest id is the template.
      const addGroup = db.prepare(
        "INSERT INTO campaign_group (question_id, template_response_id, status, counting) VALUES (?, ?, 'confirmed', 'one')",
      );
      const addMember = db.prepare('INSERT INTO campaign_member (group_id, response_id) VALUES (?, ?)');
      const campaigns = new Map<string, Set<string>>();
      for (const [id, t] of Object.entries(truth.respondents))
        if (t.campaign) campaigns.set(t.campaign, (campaigns.get(t.campaign) ?? new Set()).add(id));
      for (const members of campaigns.values()) {
        for (const code of questionIds.keys()) {
          const answers = responses.filter((r) => r.code === code && members.has(r.externalId));
          if (answers.length < 0.9 * members.size) continue;
          const group = Number(addGroup.run(questionIds.get(code), answers[0].id).lastInsertRowid);
          for (const a of answers) addMember.run(group, a.id);
        }
      }
    })();
  } finally {
    db.close();
  }
}
