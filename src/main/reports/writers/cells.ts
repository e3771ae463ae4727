/**
 * Spreadsheet safety for every cell a data export writes. A text cell starting with =, +, -, @, tab or
 * carriage return could be taken as a formula by Excel, LibreOffice or Google Sheets (OWASP "CSV
 * injection"); such text gets a leading apostrophe, which shows the text as typed and never runs it.
 */
import type { Cell } from '../data/tables';
import { stripInvalidXmlChars } from './escape';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The most characters an Excel cell holds. */
export const MAX_CELL_CHARS = 32_767;
const TRUNCATED = '… [truncated: the full text is in the project]';

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell's final text or number: neutralised, without characters spreadsheets reject, within Excel's limit. */
export function safeCell(value: Cell): string | number | null {
  if (value === null || typeof value === 'number') return value;
  const text = neutralise(stripInvalidXmlChars(value));
  return text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS - TRUNCATED.length) + TRUNCATED : text;
}
