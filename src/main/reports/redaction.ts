import type { Db } from '../db/connection';

/**
 * Every piece of response text leaves a report through a Redactor. The summary builder applies it on the way
 * out (quotes, campaign excerpts, data exports, organisation names when anonymising), so no writer ever sees
 * unredacted text when redaction is on.
 */

/**
 * Text in, text out. responseId is given only with a response's full stored text, so a detector that stores
 * findings (offsets) per response, with the analyst's "not personal data" marks, can use them; any other
 * text (organisation names, notes, attribute values) comes without it and must be scanned as it is.
 */
export type Redactor = (text: string, responseId?: number) => string;

export const keepText: Redactor = (text) => text;

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** +44 (0)161 496 0000, 0161 496 0000, 07700 900123, (0113) 496 0000. */
const UK_PHONE = /(?<![\d/.-])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d[\d\s-]{7,13}\d(?![\d/])/g;
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b/gi;

/**
 * PLACEHOLDER until the personal-data detector (issue 6, src/main/analysis/pii/) is merged: finds e-mail
 * addresses, UK phone numbers and postcodes by pattern only, with none of that detector's checks (names,
 * NI numbers, card numbers, false-positive marks). The lead swaps it for the real one at merge.
 */
export const placeholderPatternRedactor: Redactor = (text) =>
  text.replace(EMAIL, '[email]').replace(UK_PHONE, '[phone]').replace(UK_POSTCODE, '[postcode]');

/** The redactor for one export on this connection (the project's stored findings will be read through db). */
export function redactorFor(_db: Db, redact: boolean): Redactor {
  return redact ? placeholderPatternRedactor : keepText;
}
