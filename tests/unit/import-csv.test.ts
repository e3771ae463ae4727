import { describe, expect, it } from 'vitest';
import { CsvParser, parseCsv, sniffDelimiter, type CsvBadRecord, type CsvRecord } from '../../src/main/importers/csv';

/** Feeds text in pieces of `size` characters, as a stream would. */
function parseInChunks(text: string, size: number, delimiter = ',', maxField?: number) {
  const records: CsvRecord[] = [];
  const bad: CsvBadRecord[] = [];
  const parser = new CsvParser(delimiter, { record: (r) => records.push(r), bad: (b) => bad.push(b) }, maxField);
  for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size));
  parser.end();
  return { records, bad };
}

const TRICKY =
  'id,text,city\r\n1,"He said ""hi""",Leeds\r\n2,"line one\r\nline two\nline three",York\r\n3,,\r\n4,"a,b",Hull\n5,plain "inner" quote,Bath';

describe('the CSV parser', () => {
  it('reads quotes, doubled quotes, embedded newlines, empty fields and mixed line ends', () => {
    const { records, bad } = parseCsv(TRICKY);
    expect(bad).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual([
      ['id', 'text', 'city'],
      ['1', 'He said "hi"', 'Leeds'],
      ['2', 'line one\r\nline two\nline three', 'York'],
      ['3', '', ''],
      ['4', 'a,b', 'Hull'],
      ['5', 'plain "inner" quote', 'Bath'],
    ]);
    // Row numbers count records (as a spreadsheet does); line numbers count lines.
    expect(records.map((r) => [r.row, r.line])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 6],
      [5, 7],
      [6, 8],
    ]);
  });

  it('gives the same records whatever the chunk size, even one character at a time', () => {
    const whole = parseCsv(TRICKY);
    for (const size of [1, 2, 3, 5, 7, 64]) expect(parseInChunks(TRICKY, size)).toEqual(whole);
  });

  it('handles a \\r\\n split across two chunks and a lone \\r line end', () => {
    const { records } = parseInChunks('a,b\r\nc,d\re,f', 4);
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('cuts out a quote that is never closed and reads on from the next line', () => {
    const text = 'id,answer\nA1,ok\nA2,"never closed\nA3,fine\nA4,"also fine"\n';
    const { records, bad } = parseInChunks(text, 5);
    expect(bad).toEqual([{ row: 3, line: 3, reason: expect.stringMatching(/never closed/), raw: 'A2,"never closed' }]);
    expect(records.map((r) => r.fields)).toEqual([
      ['id', 'answer'],
      ['A1', 'ok'],
      ['A3', 'fine'],
      ['A4', 'also fine'],
    ]);
    expect(records.map((r) => r.row)).toEqual([1, 2, 4, 5]);
  });

  it('treats a quoted field past the size limit as a runaway quote, keeping memory bounded', () => {
    const text = `id,answer\nB1,"${'x'.repeat(5000)}\nB2,after\n`;
    const { records, bad } = parseInChunks(text, 100, ',', 1000);
    expect(bad).toHaveLength(1);
    expect(bad[0].reason).toMatch(/runs on for more than 1,000 characters/);
    expect(records.map((r) => r.fields[0])).toEqual(['id', 'B2']);
  });

  it('keeps a 5 MB cell whole', () => {
    const big = 'word '.repeat(1024 * 1024);
    const { records, bad } = parseInChunks(`id,text\n1,"${big}"\n2,small\n`, 65536);
    expect(bad).toEqual([]);
    expect(records[1].fields[1]).toBe(big);
    expect(records[2].fields).toEqual(['2', 'small']);
  });

  it('parses with any one-character delimiter', () => {
    expect(parseCsv('a;b\n"x;y";z', ';').records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x;y', 'z'],
    ]);
    expect(parseCsv('a|b\nx|y', '|').records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x', 'y'],
    ]);
  });
});

describe('delimiter sniffing', () => {
  it('finds comma, semicolon, tab and bar, ignoring delimiters inside quotes', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n4,5,6\n').delimiter).toBe(',');
    expect(sniffDelimiter('a;b;c\n"1,5";2;3\n4;"5,5";6\n').delimiter).toBe(';');
    expect(sniffDelimiter('a\tb\n1, 2\t3\n4\t5\n').delimiter).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3\n').delimiter).toBe('|');
  });

  it('keeps comma for a one-column file', () => {
    expect(sniffDelimiter('comment\nhello there\nanother one\n')).toMatchObject({ delimiter: ',', fields: 1 });
  });
});
