import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, Utf8Check } from '../../src/main/importers/encoding';
import { trimEmailBody, htmlToText } from '../../src/main/importers/email-text';
import { JsonSplitter, flattenRecord } from '../../src/main/importers/json-source';
import { normaliseCity, normaliseDate, normaliseRespondentType } from '../../src/main/importers/normalise';
import { columnStats, headingSimilarity, proposeMapping } from '../../src/main/importers/propose';
import { readZipDirectory } from '../../src/main/importers/zip';

const fixtures = join(import.meta.dirname, '../fixtures/import');

describe('encoding detection', () => {
  it('tells UTF-8 (with and without BOM), UTF-16 and Windows-1252 apart', () => {
    expect(detectEncoding(Buffer.from('\uFEFFcafé', 'utf8'))).toMatchObject({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(Buffer.from('café', 'utf8'))).toMatchObject({ encoding: 'utf-8', reason: 'valid UTF-8' });
    expect(detectEncoding(Buffer.from('plain', 'utf8')).reason).toMatch(/ASCII/);
    expect(detectEncoding(iconv.encode('\uFEFFid\tname', 'utf-16le'))).toMatchObject({
      encoding: 'utf-16le',
      bomLength: 2,
    });
    expect(detectEncoding(iconv.encode('id\tname\n1\tx', 'utf-16le'))).toMatchObject({
      encoding: 'utf-16le',
      bomLength: 0,
    });
    expect(detectEncoding(iconv.encode('id\tname', 'utf-16be'))).toMatchObject({ encoding: 'utf-16be' });
    expect(detectEncoding(iconv.encode('café £5', 'windows-1252'))).toMatchObject({ encoding: 'windows-1252' });
  });

  it('does not mistake a UTF-8 character cut at the end of the sample for bad bytes', () => {
    const buf = Buffer.from('aé', 'utf8'); // "é" is two bytes: cut after the first
    expect(detectEncoding(buf.subarray(0, 2)).encoding).toBe('utf-8');
  });

  it('checks a whole stream for UTF-8 validity across chunk edges and finds the first bad byte', () => {
    const good = Buffer.from('x'.repeat(100) + 'é€😀'.repeat(50), 'utf8');
    const check = new Utf8Check();
    for (let i = 0; i < good.length; i += 3) check.push(good.subarray(i, i + 3));
    check.end();
    expect(check.invalidAt).toBeNull();
    const bad = Buffer.concat([
      Buffer.from('a'.repeat(5000)),
      iconv.encode('£', 'windows-1252'),
      Buffer.from('b'.repeat(10)),
    ]);
    const check2 = new Utf8Check();
    for (let i = 0; i < bad.length; i += 1000) check2.push(bad.subarray(i, i + 1000));
    check2.end();
    expect(check2.invalidAt).not.toBeNull();
    expect(Math.abs(check2.invalidAt! - 5000)).toBeLessThanOrEqual(64);
  });
});

describe('zip inspection', () => {
  it('lists a real workbook and refuses a zip bomb from its directory alone', () => {
    expect(readZipDirectory(join(fixtures, 'workbook.xlsx'), 'workbook.xlsx').map((e) => e.name)).toContain(
      'xl/workbook.xml',
    );
    expect(() => readZipDirectory(join(fixtures, 'zip-bomb.xlsx'), 'zip-bomb.xlsx')).toThrow(/zip bomb/);
    expect(() => readZipDirectory(join(fixtures, 'not-a-zip.docx'), 'not-a-zip.docx')).toThrow(/not a valid ZIP/);
  });
});

describe('JSON records', () => {
  const split = (text: string, wrapper: boolean, chunk = 3): (string | null)[] => {
    const out: (string | null)[] = [];
    const s = new JsonSplitter(wrapper, (t) => out.push(t));
    for (let i = 0; i < text.length; i += chunk) s.push(text.slice(i, i + chunk));
    s.end();
    return out;
  };
  it('finds the objects of an array, of an object holding one, and of a stream, in any chunking', () => {
    const records = [{ a: 'x, "y" }]' }, { b: [1, { c: 2 }] }];
    const parsed = (t: (string | null)[]) => t.map((x) => JSON.parse(x!) as unknown);
    expect(parsed(split(JSON.stringify(records, null, 2), false))).toEqual(records);
    expect(parsed(split(JSON.stringify({ meta: { n: 2 }, responses: records }), true))).toEqual(records);
    expect(parsed(split(records.map((r) => JSON.stringify(r)).join('\n'), false, 1))).toEqual(records);
  });
  it('flattens nested fields and joins lists', () => {
    expect(flattenRecord({ id: 1, who: { type: 'x', city: null }, tags: ['a', 'b'] })).toEqual([
      ['id', '1'],
      ['who.type', 'x'],
      ['who.city', ''],
      ['tags', 'a; b'],
    ]);
  });
});

describe('normalising respondents', () => {
  it('maps common spellings of respondent type', () => {
    const cases: [string, string][] = [
      ['Individual', 'individual'],
      ['A member of the public', 'individual'],
      ['An individual sharing my professional views', 'individual'],
      ['Business', 'business'],
      ['On behalf of a business', 'business'],
      ['University of Leeds', 'academic'],
      ['Local council', 'local authority'],
      ['Charity', 'voluntary sector'],
      ['On behalf of an organisation', 'other'],
      ['On behalf of someone else', 'other'],
    ];
    for (const [raw, type] of cases) expect(normaliseRespondentType(raw), raw).toBe(type);
    expect(normaliseRespondentType('  ')).toBeNull();
  });
  it('tidies places and reads the dates surveys write', () => {
    expect(normaliseCity('LEEDS')).toBe('Leeds');
    expect(normaliseCity('newcastle upon tyne')).toBe('Newcastle');
    expect(normaliseCity('Kingston upon Hull')).toBe('Kingston upon Hull');
    expect(normaliseDate('01/02/2025 09:30')).toBe('2025-02-01T09:30:00.000Z');
    expect(normaliseDate('2025-02-01')).toBe('2025-02-01T00:00:00.000Z');
    expect(normaliseDate('1500282615559')).toBe('2017-07-17T09:10:15.559Z');
    expect(normaliseDate('Mon Jul 17 16:10:15 WIB 2017')).toMatch(/^2017-07-17T/);
    expect(normaliseDate('Thu, 22 Aug 2002 07:36:16 -0400')).toBe('2002-08-22T11:36:16.000Z');
    expect(normaliseDate('not a date')).toBeNull();
    expect(normaliseDate('31/13/2025')).toBeNull();
  });
});

describe('e-mail bodies', () => {
  it('trims quoted replies and signatures, and keeps the body when trimming leaves nothing', () => {
    expect(trimEmailBody('My view.\n\nOn Tue, X wrote:\n> theirs\n> more\n\n-- \nSam\n')).toBe('My view.');
    expect(trimEmailBody('> only quoted')).toBe('> only quoted');
    expect(trimEmailBody('Mine\n-----Original Message-----\nFrom: a\nold')).toBe('Mine');
  });
  it('turns HTML into text without scripts', () => {
    expect(htmlToText('<p>A &amp; B</p><script>alert(1)</script><p>C<br>D</p>')).toBe('A & B\n\nC\nD');
  });
});

describe('mapping proposal', () => {
  const known = () => {
    const used = new Set<string>();
    let n = 0;
    return {
      questions: [] as { code: string; text: string; kind: 'open' | 'closed'; existing: boolean }[],
      aliases: new Map<string, string>(),
      nextCode: () => {
        while (used.has(`Q${++n}`));
        used.add(`Q${n}`);
        return `Q${n}`;
      },
      reserve: (code: string) => !used.has(code) && !!used.add(code),
    };
  };
  it('maps a plain survey export without changes', () => {
    const text = readFileSync(join(fixtures, 'survey-utf8-bom.csv'), 'utf8').replace(/^\uFEFF/, '');
    const rows = text
      .trim()
      .split(/\r\n(?=R0)/)
      .map((l) =>
        l
          .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
          .slice(0, 8)
          .map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')),
      );
    const { mapping } = proposeMapping(columnStats(rows[0], rows.slice(1)), known());
    expect(mapping.columns.map((m) => [m.column, m.role, m.attribute ?? m.question ?? null])).toEqual([
      ['Response ID', 'id', null],
      ['In what capacity are you responding?', 'attribute', 'type'],
      ['Organisation', 'attribute', 'organisation'],
      ['City', 'attribute', 'city'],
      ['Submitted', 'attribute', 'submitted_at'],
      ['Q1. What should TechNorth do first?', 'open', 'Q1'],
      ['Do you support the hub?', 'closed', 'Q3'],
      ['Q2. Any other comments?', 'open', 'Q2'],
    ]);
    // A numbered heading gives its number as the code and the rest as the question's text.
    expect(mapping.columns[5].text).toBe('What should TechNorth do first?');
  });
  it('scores headings of the same question in different words above different questions', () => {
    const a = 'To what extent do you agree with [thing A]?';
    expect(headingSimilarity(a, 'How much do you agree or disagree with [thing A]?')).toBeGreaterThanOrEqual(0.5);
    expect(headingSimilarity(a, 'How much do you agree or disagree with [thing B]?')).toBe(0);
    expect(
      headingSimilarity(
        'Please explain your answer_1',
        'If you would like to tell us anything else about this, please write it here._1',
      ),
    ).toBeGreaterThanOrEqual(0.5);
    expect(
      headingSimilarity(
        'Please explain your answer_1',
        'If you would like to tell us anything else about this, please write it here._2',
      ),
    ).toBe(0);
  });
});
