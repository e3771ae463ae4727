import { basename, resolve } from 'node:path';
import type { ProjectSummary } from '../../shared/api';
import { createProjectDb, openProjectDb, PROJECT_EXTENSION, type Db } from '../db/connection';
import { LATEST_VERSION } from '../db/migrations';

/** An open project file: one consultation in one SQLite database. */
export class Project {
  private constructor(
    readonly path: string,
    readonly db: Db,
    readonly isSample: boolean,
  ) {}

  static open(path: string, isSample = false): Project {
    const full = resolve(path);
    return new Project(full, openProjectDb(full), isSample);
  }

  static create(path: string, title?: string): Project {
    const full = resolve(path);
    const name = title?.trim() || basename(full, PROJECT_EXTENSION);
    return new Project(full, createProjectDb(full, name), false);
  }

  get title(): string {
    return (
      (this.db.prepare('SELECT title FROM consultation WHERE id = 1').pluck().get() as string | undefined) ??
      basename(this.path)
    );
  }

  summary(): ProjectSummary {
    return { path: this.path, title: this.title, isSample: this.isSample, schemaVersion: LATEST_VERSION };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
