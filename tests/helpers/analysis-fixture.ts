import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SampleTruth } from '../../src/shared/sample';
import { packageRoot } from '../../src/main/util/paths';

/**
 * The tables of issues 4, 5 and 6 with the columns the dashboard reads, as their migrations define them
 * (0003-triage, 0004-themes, 0005-signals in those branches; other columns left out). Also used by the
 * dashboard benchmark to give its generated projects the same analysis.
 */
export const ANALYSIS_TABLES = `
      ALTER TABLE response ADD COLUMN status TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'read', 'in_review', 'done', 'excluded'));
      CREATE INDEX response_question_status ON response(question_id, status);
      CREATE TABLE theme (
        id INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
        parent_id INTEGER REFERENCES theme(id) ON DELETE SET NULL,
        name TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('candidate', 'accepted')),
        is_other INTEGER NOT NULL DEFAULT 0 CHECK (is_other IN (0, 1)),
        UNIQUE (question_id, name)
      );
      CREATE TABLE assignment (
        id INTEGER PRIMARY KEY,
        response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
        theme_id INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
        source TEXT NOT NULL CHECK (source IN ('analyst', 'model', 'rule', 'import')),
        state TEXT NOT NULL CHECK (state IN ('proposed', 'accepted', 'rejected')),
        UNIQUE (response_id, theme_id),
        CHECK (source IN ('model', 'rule') OR state <> 'proposed')
      );
      CREATE INDEX assignment_theme_state ON assignment(theme_id, state);
      CREATE TABLE campaign_group (
        id INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
        template_response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
        status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'dismissed')),
        counting TEXT NOT NULL DEFAULT 'one' CHECK (counting IN ('one', 'all'))
      );
      CREATE TABLE campaign_member (
        response_id INTEGER PRIMARY KEY REFERENCES response(id) ON DELETE CASCADE,
        group_id INTEGER NOT NULL REFERENCES campaign_group(id) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX campaign_member_group ON campaign_member(group_id);
      CREATE TABLE response_signal (
        response_id INTEGER PRIMARY KEY REFERENCES response(id) ON DELETE CASCADE,
        sentiment_label TEXT NOT NULL CHECK (sentiment_label IN ('positive', 'neutral', 'negative')),
        stance TEXT NOT NULL CHECK (stance IN ('agree', 'disagree', 'mixed', 'unclear'))
      );
      CREATE TABLE question_stance (
        question_id INTEGER PRIMARY KEY REFERENCES question(id) ON DELETE CASCADE,
        asks_stance INTEGER NOT NULL CHECK (asks_stance IN (0, 1))
      );
`;

/**
 * Gives a sample project the analysis other issues produce (themes, campaign groups, stance and sentiment,
 * triage statuses) with the tables the dashboard reads, filled deterministically from the sample's truth
 * file. The table layouts are those src/main/dashboard/schema.ts expects of issues 4, 5 and 6: when their
 * migrations land, this fixture is replaced by running their analysis on the sample.
 * The project must be closed (the backend caches what tables exist per connection).
 */
const OTHER = 'Other / unclear';

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
      const addTheme = db.prepare('INSERT INTO theme (question_id, name, is_other) VALUES (?, ?, ?)');
      for (const [code, names] of Object.entries(truth.themes)) {
        for (const name of [...names, OTHER]) {
          const id = addTheme.run(questionIds.get(code), name, name === OTHER ? 1 : 0).lastInsertRowid;
          themeIds.set(`${code}|${name}`, Number(id));
        }
        // Q1 to Q3 ask for a view on a proposal; Q4 does not, so no stance is shown for it.
        db.prepare('INSERT INTO question_stance (question_id, asks_stance) VALUES (?, ?)').run(
          questionIds.get(code),
          code === 'Q4' ? 0 : 1,
        );
      }
      const assign = db.prepare('INSERT INTO assignment (response_id, theme_id, source, state) VALUES (?, ?, ?, ?)');
      const signal = db.prepare('INSERT INTO response_signal (response_id, stance, sentiment_label) VALUES (?, ?, ?)');
      const read = db.prepare("UPDATE response SET status = 'read' WHERE id = ?");
      for (const r of responses) {
        if (r.id % 3 === 0) read.run(r.id);
        // Every fifth answer is not coded yet; every tenth coded one was coded by an analyst; in every
        // seventh a model's proposal of "Other / unclear" was rejected by an analyst (it must not count).
        if (r.id % 5 !== 0) {
          const names = truth.respondents[r.externalId]?.themes[r.code] ?? [];
          const source = r.id % 10 === 1 ? 'analyst' : 'model';
          for (const name of names.length ? names : [OTHER])
            assign.run(r.id, themeIds.get(`${r.code}|${name}`), source, source === 'analyst' ? 'accepted' : 'proposed');
          if (r.id % 7 === 0 && names.length) assign.run(r.id, themeIds.get(`${r.code}|${OTHER}`), 'model', 'rejected');
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
