import type { ProjectStats } from '../../../shared/api';
import type { Db } from '../connection';
import { campaignStats } from './campaigns';
import { personalDataStats } from './personal-data';

function tableExists(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function count(db: Db, sql: string): number {
  return (db.prepare(sql).pluck().get() as number | null) ?? 0;
}

export function projectStats(db: Db): ProjectStats {
  return {
    questions: count(db, 'SELECT count(*) FROM question'),
    openQuestions: count(db, "SELECT count(*) FROM question WHERE kind = 'open'"),
    closedQuestions: count(db, "SELECT count(*) FROM question WHERE kind = 'closed'"),
    respondents: count(db, 'SELECT count(*) FROM respondent'),
    responses: count(db, 'SELECT count(*) FROM response'),
    imports: count(db, 'SELECT count(*) FROM import'),
    // Themes arrive with their own migration; a project from before it simply has none.
    themes: tableExists(db, 'theme') ? count(db, 'SELECT count(*) FROM theme') : 0,
    assignments: tableExists(db, 'assignment') ? count(db, 'SELECT count(*) FROM assignment') : 0,
    auditEntries: count(db, 'SELECT count(*) FROM audit_log'),
    ...campaignStats(db),
    ...personalDataStats(db),
  };
}
