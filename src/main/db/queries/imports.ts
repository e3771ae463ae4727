import type { ImportMapping, ImportRecord, QuarantinedRow, SavedMapping } from '../../../shared/api';
import { AppError } from '../../util/errors';
import type { Db } from '../connection';
import { appendAudit } from './audit';

export function importHistory(db: Db): ImportRecord[] {
  return db
    .prepare(
      `SELECT id, file_name AS fileName, source_path AS sourcePath, sheet, format, encoding, rows_total AS rowsTotal,
              rows_imported AS rowsImported, rows_quarantined AS rowsQuarantined, duplicates, imported_by AS importedBy,
              started_at AS startedAt, finished_at AS finishedAt
         FROM import ORDER BY id DESC`,
    )
    .all() as ImportRecord[];
}

const QUARANTINE_COLUMNS = `id, import_id AS importId, file_name AS fileName, row_number AS rowNumber, kind, reason, raw`;

export function listQuarantine(
  db: Db,
  importId: number | undefined,
  offset: number,
  limit: number,
): { total: number; rows: QuarantinedRow[] } {
  const where = importId === undefined ? '' : 'WHERE import_id = ?';
  const params = importId === undefined ? [] : [importId];
  const total = db
    .prepare(`SELECT count(*) FROM quarantine ${where}`)
    .pluck()
    .get(...params) as number;
  const rows = db
    .prepare(`SELECT ${QUARANTINE_COLUMNS} FROM quarantine ${where} ORDER BY id LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as QuarantinedRow[];
  return { total, rows };
}

/** A spreadsheet would run a cell starting with these as a formula: prefix it so it stays text. */
export function safeCell(value: string): string {
  const cell = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function quarantineCsv(db: Db, importId: number | undefined): string {
  const where = importId === undefined ? '' : 'WHERE import_id = ?';
  const params = importId === undefined ? [] : [importId];
  const lines = ['file,row,kind,reason,original row'];
  for (const r of db
    .prepare(`SELECT ${QUARANTINE_COLUMNS} FROM quarantine ${where} ORDER BY id`)
    .iterate(...params) as Iterable<QuarantinedRow>) {
    lines.push(
      [r.fileName, r.rowNumber === null ? '' : String(r.rowNumber), r.kind, r.reason, r.raw].map(safeCell).join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

interface MappingRow {
  id: number;
  name: string;
  layout: string;
  mapping: string;
  createdBy: string;
  createdAt: string;
}

const toSaved = (r: MappingRow): SavedMapping => ({
  id: r.id,
  name: r.name,
  columns: r.layout ? r.layout.split('\n') : [],
  mapping: JSON.parse(r.mapping) as ImportMapping,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
});

const MAPPING_COLUMNS = 'id, name, layout, mapping, created_by AS createdBy, created_at AS createdAt';

export function listMappings(db: Db): SavedMapping[] {
  return (db.prepare(`SELECT ${MAPPING_COLUMNS} FROM import_mapping ORDER BY name`).all() as MappingRow[]).map(toSaved);
}

/** Saves (or replaces, by name) a mapping for files of one layout. */
export function saveMapping(db: Db, name: string, layout: string, mapping: ImportMapping, actor: string): SavedMapping {
  return db.transaction(() => {
    const before = db.prepare(`SELECT ${MAPPING_COLUMNS} FROM import_mapping WHERE name = ?`).get(name) as
      MappingRow | undefined;
    db.prepare(
      `INSERT INTO import_mapping (name, layout, mapping, created_by, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET layout = excluded.layout, mapping = excluded.mapping, created_by = excluded.created_by, created_at = excluded.created_at`,
    ).run(name, layout, JSON.stringify(mapping), actor, new Date().toISOString());
    const row = db.prepare(`SELECT ${MAPPING_COLUMNS} FROM import_mapping WHERE name = ?`).get(name) as MappingRow;
    appendAudit(db, {
      actor,
      action: before ? 'update' : 'create',
      entity: 'import_mapping',
      entityId: row.id,
      before: before ? toSaved(before) : undefined,
      after: toSaved(row),
    });
    return toSaved(row);
  })();
}

export function deleteMapping(db: Db, id: number, actor: string): void {
  db.transaction(() => {
    const before = db.prepare(`SELECT ${MAPPING_COLUMNS} FROM import_mapping WHERE id = ?`).get(id) as
      MappingRow | undefined;
    if (!before) throw new AppError('NOT_FOUND', `There is no saved mapping ${id}.`);
    db.prepare('DELETE FROM import_mapping WHERE id = ?').run(id);
    appendAudit(db, { actor, action: 'delete', entity: 'import_mapping', entityId: id, before: toSaved(before) });
  })();
}
