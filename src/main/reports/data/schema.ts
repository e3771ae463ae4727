import type { Db } from '../../db/connection';

/**
 * Themes, triage and campaigns each arrive with their own migration; a project from before them simply has
 * none. Table and column names are read once per connection.
 */
const schemaByConnection = new WeakMap<Db, Map<string, Set<string>>>();

function schema(db: Db): Map<string, Set<string>> {
  let tables = schemaByConnection.get(db);
  if (!tables) {
    const rows = db
      .prepare(
        `SELECT m.name AS tableName, c.name AS columnName
           FROM sqlite_schema m JOIN pragma_table_info(m.name) c
          WHERE m.type = 'table'`,
      )
      .all() as { tableName: string; columnName: string }[];
    tables = new Map();
    for (const r of rows) {
      const columns = tables.get(r.tableName) ?? new Set<string>();
      columns.add(r.columnName);
      tables.set(r.tableName, columns);
    }
    schemaByConnection.set(db, tables);
  }
  return tables;
}

export function hasTable(db: Db, name: string): boolean {
  return schema(db).has(name);
}

export function hasColumn(db: Db, table: string, column: string): boolean {
  return schema(db).get(table)?.has(column) ?? false;
}

/** Reads a JSON column, tolerating a null or malformed value (a report must not fail on one bad row). */
export function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
