import type { Db } from '../connection';
import { MARK_END, MARK_START } from './text-segments';

/** The search index's tokenizer (migration 1): the scratch index must find exactly the same matches. */
const TOKENIZE = 'porter unicode61 remove_diacritics 2';

/** snippet(): up to this many tokens around the matches. */
const SNIPPET_TOKENS = 40;

const MARKERS = {
  snippet: `snippet(match_marks, 0, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_TOKENS})`,
  highlight: `highlight(match_marks, 0, '${MARK_START}', '${MARK_END}')`,
};

const ready = new WeakSet<Db>();

/**
 * A search's matches marked in a few given answers (one page, one respondent), by id; answers without a
 * match are left out. The query runs on a scratch index of just those answers (a temporary table of this
 * connection, never written to the project file), not on the project's index: there FTS5 expands a prefix
 * term (hous*) over the whole index each time, which cost ~100 ms for one page's snippets at 1M responses.
 */
export function markMatches(
  db: Db,
  match: string,
  answers: { id: number; text: string }[],
  kind: keyof typeof MARKERS,
): Map<number, string> {
  if (!answers.length) return new Map();
  if (!ready.has(db)) {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.match_marks USING fts5(text, tokenize='${TOKENIZE}')`);
    ready.add(db);
  }
  // One transaction, so a query FTS5 rejects leaves the scratch index empty for the next call.
  return db.transaction(() => {
    const insert = db.prepare('INSERT INTO temp.match_marks (rowid, text) VALUES (?, ?)');
    for (const a of answers) insert.run(a.id, a.text);
    const found = db
      .prepare(`SELECT rowid AS id, ${MARKERS[kind]} AS marked FROM temp.match_marks WHERE match_marks MATCH ?`)
      .all(match) as { id: number; marked: string }[];
    db.prepare('DELETE FROM temp.match_marks').run();
    return new Map(found.map((f) => [f.id, f.marked]));
  })();
}
