import type { Db } from '../connection';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log (the table refuses updates and deletes). */
export function appendAudit(db: Db, entry: AuditEntry): void {
  db.prepare(
    'INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    new Date().toISOString(),
    entry.actor,
    entry.action,
    entry.entity,
    entry.entityId ?? null,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  );
}
