import type { Db } from '../connection';

/**
 * The theme filter and column read tables the themes area adds with its own migration. They light up once
 * those tables exist with the columns named here (checked once per connection); until then the filter is
 * reported as unavailable and, if asked for anyway, matches nothing (no response is known to have a theme).
 */
export interface OptionalTables {
  /** theme(id, name[, question_id]) and assignment(response_id, theme_id, state): rejected proposals never count. */
  themes: { questionColumn: boolean } | null;
}

const cache = new WeakMap<Db, OptionalTables>();

function columns(db: Db, table: string): Set<string> {
  const rows = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
  return new Set(rows);
}

function detect(db: Db): OptionalTables {
  const theme = columns(db, 'theme');
  const assignment = columns(db, 'assignment');
  return {
    themes:
      theme.has('id') &&
      theme.has('name') &&
      assignment.has('response_id') &&
      assignment.has('theme_id') &&
      assignment.has('state')
        ? { questionColumn: theme.has('question_id') }
        : null,
  };
}

export function optionalTables(db: Db): OptionalTables {
  let found = cache.get(db);
  if (!found) {
    found = detect(db);
    cache.set(db, found);
  }
  return found;
}
