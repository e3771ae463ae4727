/**
 * Every piece of response text leaves a report through a Redactor. The summary builder applies it on the way
 * out (quotes, campaign excerpts, data exports, organisation names when anonymising), so no writer ever sees
 * unredacted text when redaction is on.
 */

/** Text in, text out. responseId lets a detector that stores findings per response (and the analyst's
 * "not personal data" marks) use them; the placeholder below ignores it. */
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

export function redactorFor(redact: boolean): Redactor {
  return redact ? placeholderPatternRedactor : keepText;
}
