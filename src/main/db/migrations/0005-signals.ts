import type { Migration } from './types';

/**
 * Campaigns, personal data, stance and sentiment. Findings from the detectors are replaceable (a new run
 * replaces them); what analysts decide is kept apart (group status, false-positive marks, exclusions,
 * question settings) so no run overwrites it.
 */
export const migration: Migration = {
  version: 5,
  name: 'signals',
  up: (db) => {
    db.exec(`
      -- Each detection or scan: its parameters, timings and figures (determinism and provenance).
      CREATE TABLE signal_run (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('campaigns', 'scan')),
        params TEXT NOT NULL CHECK (json_valid(params)),
        stats TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(stats)),
        started_by TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL
      );

      CREATE TABLE campaign_group (
        id INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
        template_response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
        size INTEGER NOT NULL CHECK (size >= 1),
        distinct_texts INTEGER NOT NULL,
        -- 'campaign' (large enough to be organised) or 'duplicates' (a few copies).
        kind TEXT NOT NULL DEFAULT 'campaign' CHECK (kind IN ('campaign', 'duplicates')),
        status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'dismissed')),
        counting TEXT NOT NULL DEFAULT 'one' CHECK (counting IN ('one', 'all')),
        run_id INTEGER REFERENCES signal_run(id) ON DELETE SET NULL,
        split_from INTEGER REFERENCES campaign_group(id) ON DELETE SET NULL,
        decided_by TEXT,
        decided_at TEXT
      );
      CREATE INDEX campaign_group_question ON campaign_group(question_id);
      CREATE INDEX campaign_group_template ON campaign_group(template_response_id);

      -- A response belongs to at most one group. diff: the member against the template as runs of word
      -- counts [["=", 12], ["+", 5], ["-", 2]] ('+' the member's own words, '-' template words it left out).
      CREATE TABLE campaign_member (
        response_id INTEGER PRIMARY KEY REFERENCES response(id) ON DELETE CASCADE,
        group_id INTEGER NOT NULL REFERENCES campaign_group(id) ON DELETE CASCADE,
        similarity REAL NOT NULL,
        exact INTEGER NOT NULL DEFAULT 0,
        added_share REAL NOT NULL DEFAULT 0,
        diff TEXT NOT NULL DEFAULT '[]'
      ) WITHOUT ROWID;
      CREATE INDEX campaign_member_group ON campaign_member(group_id, similarity);

      -- Responses an analyst took out of a campaign: detection leaves them alone.
      CREATE TABLE campaign_exclusion (
        response_id INTEGER PRIMARY KEY REFERENCES response(id) ON DELETE CASCADE,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL
      );

      -- The responses the "each campaign once" view counts: every response, except members of a group that
      -- is not dismissed and counts as one, other than the group's template (which stands for the group).
      CREATE VIEW counted_response AS
        SELECT r.id AS response_id, r.question_id AS question_id
          FROM response r
         WHERE NOT EXISTS (
           SELECT 1 FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id
            WHERE m.response_id = r.id AND g.status <> 'dismissed' AND g.counting = 'one'
              AND g.template_response_id <> r.id);

      -- Personal data found by the detectors, as offsets into the stored text (never altered).
      CREATE TABLE pii_finding (
        id INTEGER PRIMARY KEY,
        response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('email', 'phone', 'postcode', 'ni_number', 'url', 'card', 'name')),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL CHECK (end > start),
        run_id INTEGER REFERENCES signal_run(id) ON DELETE SET NULL,
        UNIQUE (response_id, start, end, kind)
      );
      CREATE INDEX pii_finding_kind ON pii_finding(kind);

      -- Findings an analyst said are not personal data: kept apart so a new scan cannot undo them.
      CREATE TABLE pii_false_positive (
        response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        marked_by TEXT NOT NULL,
        marked_at TEXT NOT NULL,
        PRIMARY KEY (response_id, kind, start, end)
      ) WITHOUT ROWID;

      -- Sentiment (-1..1) for every open response; stance towards the question's proposal and the cue
      -- that decided it (offsets), shown only where the question asks for a stance.
      CREATE TABLE response_signal (
        response_id INTEGER PRIMARY KEY REFERENCES response(id) ON DELETE CASCADE,
        sentiment REAL NOT NULL,
        sentiment_label TEXT NOT NULL CHECK (sentiment_label IN ('positive', 'neutral', 'negative')),
        stance TEXT NOT NULL CHECK (stance IN ('agree', 'disagree', 'mixed', 'unclear')),
        cue_start INTEGER,
        cue_end INTEGER,
        run_id INTEGER REFERENCES signal_run(id) ON DELETE SET NULL
      );
      CREATE INDEX response_signal_stance ON response_signal(stance);
      CREATE INDEX response_signal_sentiment ON response_signal(sentiment_label);

      -- Whether a question asks for a stance: worked out from its wording unless an analyst said otherwise.
      CREATE TABLE question_stance (
        question_id INTEGER PRIMARY KEY REFERENCES question(id) ON DELETE CASCADE,
        asks_stance INTEGER NOT NULL CHECK (asks_stance IN (0, 1)),
        automatic INTEGER NOT NULL CHECK (automatic IN (0, 1)),
        decided_by TEXT,
        decided_at TEXT
      );
    `);
  },
};
