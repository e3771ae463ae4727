import type Database from 'better-sqlite3';
import type { Migration } from './types';
import { migration as m0001 } from './0001-core';
import { migration as m0002 } from './0002-import';
import { migration as m0003 } from './0003-triage';
import { migration as m0004 } from './0004-themes';
import { migration as m0005 } from './0005-signals';
import { migration as m0006 } from './0006-date-order';

/** Every migration in order. A new one is a new numbered file added here. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006];

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
