import { parseCsv as parseRecords } from '../../src/main/importers/csv';

/** The rows of a CSV file as arrays of fields, read by the importer's own parser. */
export function parseCsvRows(text: string): string[][] {
  return parseRecords(text).records.map((r) => r.fields);
}

/** The rows of a CSV file with a header, as objects keyed by column name (the evaluation data's layout). */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...body] = parseCsvRows(text);
  return body.filter((r) => r.length > 1 || r[0]).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
