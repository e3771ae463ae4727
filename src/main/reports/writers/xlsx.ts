/**
 * Data tables as one Excel workbook, a sheet each, with exceljs's streaming writer: rows are committed as
 * they come and the file is zipped as it grows, so memory stays flat. Text is written as text (never as a
 * formula) and neutralised as in CSV; a table longer than a sheet allows continues on the next sheet.
 */
import ExcelJS from 'exceljs';
import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { DataTable } from '../data/tables';
import { safeCell } from './cells';

/** Excel's rows per sheet, less the header. */
const MAX_ROWS = 1_048_575;
/** Let the zip stream drain every so many rows. */
const YIELD_EVERY = 2000;

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function sheetName(name: string, part: number): string {
  // Excel forbids : \ / ? * [ ] in sheet names and allows 31 characters.
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 26);
  return part === 1 ? base : `${base} (${part})`;
}

/**
 * The file stream is ours, not exceljs's: it is open before the first row, closed before this returns, and on
 * failure or cancel destroyed and deleted here, so no write can land after the caller has cleaned up.
 */
export async function writeXlsx(tables: DataTable[], path: string): Promise<void> {
  const stream = createWriteStream(path);
  const closed = once(stream, 'close');
  await once(stream, 'open');
  try {
    await writeSheets(tables, new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false }));
    await closed;
  } catch (error) {
    stream.destroy();
    await closed.catch(() => undefined);
    rmSync(path, { force: true });
    throw error;
  }
}

async function writeSheets(tables: DataTable[], workbook: ExcelJS.stream.xlsx.WorkbookWriter): Promise<void> {
  workbook.creator = 'Consultation Analyser';
  for (const table of tables) {
    let part = 1;
    let rows = 0;
    let sheet = workbook.addWorksheet(sheetName(table.name, part));
    sheet.addRow(table.columns.map(safeCell)).commit();
    for (const row of table.rows()) {
      if (rows === MAX_ROWS) {
        sheet.commit();
        sheet = workbook.addWorksheet(sheetName(table.name, ++part));
        sheet.addRow(table.columns.map(safeCell)).commit();
        rows = 0;
      }
      sheet.addRow(row.map(safeCell)).commit();
      rows++;
      if (rows % YIELD_EVERY === 0) await tick();
    }
    sheet.commit();
  }
  await workbook.commit();
}
