/**
 * CSV for spreadsheets: every cell quoted, and a cell that a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return) is prefixed with an apostrophe so it stays text. Theme names and
 * places come from respondents' own words, so they are untrusted.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(rows: (string | number)[][]): string {
  // A byte order mark so Excel reads UTF-8; CRLF as RFC 4180 asks.
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
