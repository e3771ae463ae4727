import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SampleTruth } from '../../src/shared/sample';
import { packageRoot } from '../../src/main/util/paths';

/**
 * Gives a sample project known analysis results (themes, campaign groups, stance and sentiment, triage
 * statuses) in the tables of migrations 3 to 5, filled deterministically from the sample's truth file, so
 * the dashboard's numbers can be checked against an answer known in advance.
 * The project must be closed (the backend caches what tables exist per connection).
 */
const OTHER = 'Other / unclear';

export function addAnalysis(path: string): void {
  const truth = JSON.parse(
    readFileSync(join(packageRoot(), 'resources', 'sample', 'northern-futures.truth.json'), 'utf8'),
  ) as SampleTruth;
  const db = new Database(path);
  try {
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
      const addTheme = db.prepare(
        "INSERT INTO theme (question_id, name, is_other, status, created_by, created_at) VALUES (?, ?, ?, 'accepted', 'fixture', '2026-06-01')",
      );
      for (const [code, names] of Object.entries(truth.themes)) {
        for (const name of [...names, OTHER]) {
          const id = addTheme.run(questionIds.get(code), name, name === OTHER ? 1 : 0).lastInsertRowid;
          themeIds.set(`${code}|${name}`, Number(id));
        }
        // Q1 to Q3 ask for a view on a proposal; Q4 does not, so no stance is shown for it.
        db.prepare('INSERT INTO question_stance (question_id, asks_stance, automatic) VALUES (?, ?, 0)').run(
          questionIds.get(code),
          code === 'Q4' ? 0 : 1,
        );
      }
      const assign = db.prepare(
        "INSERT INTO assignment (response_id, theme_id, source, state, source_detail, at) VALUES (?, ?, ?, ?, 'fixture', '2026-06-01')",
      );
      const signal = db.prepare(
        'INSERT INTO response_signal (response_id, stance, sentiment_label, sentiment) VALUES (?, ?, ?, 0)',
      );
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
        "INSERT INTO campaign_group (question_id, template_response_id, size, distinct_texts, status, counting) VALUES (?, ?, ?, ?, 'confirmed', 'one')",
      );
      const addMember = db.prepare('INSERT INTO campaign_member (group_id, response_id, similarity) VALUES (?, ?, 1)');
      const campaigns = new Map<string, Set<string>>();
      for (const [id, t] of Object.entries(truth.respondents))
        if (t.campaign) campaigns.set(t.campaign, (campaigns.get(t.campaign) ?? new Set()).add(id));
      for (const members of campaigns.values()) {
        for (const code of questionIds.keys()) {
          const answers = responses.filter((r) => r.code === code && members.has(r.externalId));
          if (answers.length < 0.9 * members.size) continue;
          const group = Number(
            addGroup.run(questionIds.get(code), answers[0].id, answers.length, answers.length).lastInsertRowid,
          );
          for (const a of answers) addMember.run(group, a.id);
        }
      }
    })();
  } finally {
    db.close();
  }
}
