import type Database from 'better-sqlite3';
import type { Migration } from './types';
import { migration as m0001 } from './0001-core';
import { migration as m0005 } from './0005-signals';

/** Every migration in order. A new one is a new numbered file added here. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0005];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Applies every pending migration in one transaction: a failure leaves the file as it was. */
export function migrate(db: Database.Database, target = LATEST_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return pending[pending.length - 1].version;
}
