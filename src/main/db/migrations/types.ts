import type Database from 'better-sqlite3';

export interface Migration {
  /** Equals the file's number; PRAGMA user_version is set to it once applied. */
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}
