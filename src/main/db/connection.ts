import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { AppError } from '../util/errors';
import { getNativeBinding } from './native';
import { LATEST_VERSION, migrate } from './migrations';
export { PROJECT_EXTENSION } from '../../shared/constants';

export type Db = Database.Database;

/** PRAGMA application_id of every project file: "CnsA". Lets us tell our files from other SQLite files. */
export const APPLICATION_ID = 0x436e7341;

const SQLITE_HEADER = 'SQLite format 3\0';

function rawOpen(path: string, options: Database.Options = {}): Db {
  return new Database(path, { ...options, nativeBinding: getNativeBinding() });
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
}

function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const read = readSync(fd, buf, 0, 16, 0);
    return read === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks a file is a project this version can open, without writing to it: an unknown or newer file is
 * refused before anything (even WAL mode) touches it.
 */
export function inspectProject(path: string): { version: number } {
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `No file at ${path}.`);
  if (!statSync(path).isFile()) throw new AppError('NOT_A_PROJECT', `${path} is a folder, not a project file.`);
  if (!hasSqliteHeader(path)) {
    throw new AppError(
      'NOT_A_PROJECT',
      `${path} is not a Consultation Analyser project (it is not a SQLite database).`,
    );
  }
  let db: Db;
  try {
    db = rawOpen(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new AppError('NOT_A_PROJECT', `${path} could not be opened as a project: ${(error as Error).message}`);
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      throw new AppError('NOT_A_PROJECT', `${path} is a SQLite database but not a Consultation Analyser project.`);
    }
    if (version > LATEST_VERSION) {
      throw new AppError(
        'NEWER_VERSION',
        `${path} was saved by a newer version of Consultation Analyser (schema ${version}; this version reads up to ${LATEST_VERSION}). Update the app to open it; the file has not been changed.`,
        { fileVersion: version, supportedVersion: LATEST_VERSION },
      );
    }
    return { version };
  } finally {
    db.close();
  }
}

/** Opens an existing project, bringing its schema up to date. */
export function openProjectDb(path: string): Db {
  inspectProject(path);
  const db = rawOpen(path, { fileMustExist: true });
  try {
    configure(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Creates a new, empty project file. Refuses to overwrite anything. */
export function createProjectDb(path: string, title: string): Db {
  if (existsSync(path)) throw new AppError('CONFLICT', `${path} already exists; choose another name.`);
  const db = rawOpen(path);
  try {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    configure(db);
    migrate(db);
    db.prepare('INSERT INTO consultation (id, title, created_at) VALUES (1, ?, ?)').run(
      title,
      new Date().toISOString(),
    );
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A second connection for a worker thread that writes while the main thread keeps reading. */
export function openWorkerDb(path: string): Db {
  const db = rawOpen(path, { fileMustExist: true });
  configure(db);
  return db;
}
