/**
 * Every piece of response text leaves a report through a Redactor. The summary builder applies it on the way
 * out (quotes, campaign excerpts, data exports, organisation names when anonymising), so no writer ever sees
 * unredacted text when redaction is on.
 */
import { findPersonalData } from '../analysis/pii/detect';
import { redact } from '../analysis/pii/redact';
import type { Db } from '../db/connection';
import { redactorFor as storedRedactor } from '../db/queries/personal-data';
import { hasTable } from './data/schema';

/**
 * Text in, text out. responseId is given only with a response's full stored text, so the findings stored
 * for that response (offsets into it), less what analysts marked as not personal data, can be used; any
 * other text (organisation names, notes, attribute values) comes without it and is scanned as it is.
 */
export type Redactor = (text: string, responseId?: number) => string;

export const keepText: Redactor = (text) => text;

/** Finds and replaces personal data in any text with the personal-data detector. */
export const detectAndRedact: Redactor = (text) => redact(text, findPersonalData(text));

/**
 * The redactor for one export on this connection. A response the personal-data scan has checked is redacted
 * with its stored findings (so an analyst's "not personal data" marks hold); one it has not checked (the
 * scan has not run, or the response came later) is scanned here, so nothing is exported unredacted.
 */
export function redactorFor(db: Db, enabled: boolean): Redactor {
  if (!enabled) return keepText;
  if (!hasTable(db, 'response_signal') || !hasTable(db, 'pii_finding')) return detectAndRedact;
  const scanned = db.prepare('SELECT 1 FROM response_signal WHERE response_id = ?').pluck();
  const stored = storedRedactor(db);
  return (text, responseId) =>
    responseId !== undefined && scanned.get(responseId) ? stored(responseId, text) : detectAndRedact(text);
}
