import { jobEnd } from '../helpers/jobs';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src/shared/api';
import { importPaths } from '../helpers/import';
import { testBackend } from '../helpers/temp';

const fixtures = join(import.meta.dirname, '../fixtures/import');
const fx = (name: string) => join(fixtures, name);

async function project() {
  const t = testBackend();
  const path = join(t.dir, 'p.consult');
  await t.api.call('project.create', { path, title: 'Import test' });
  return { ...t, path };
}

/** Counts and a search's hits, to compare a project before and after. */
async function snapshot(api: ApiClient) {
  const stats = await api.call('project.stats');
  const search = (await api.call('responses.list', { search: 'graduate OR trains', offset: 0, limit: 1 })).total;
  return { stats, search };
}

/** Every index and trigger in the project, to show an import (or its cancel) leaves the schema whole. */
function schemaObjects(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare("SELECT type || ' ' || name FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY 1")
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

/**
 * The FTS index holds exactly the rows of response (checked with FTS5's own integrity check too), and so do
 * the date order (migration 6) and the status counts (migration 3), which the import also fills at the end.
 */
function expectSearchInStep(path: string): void {
  const db = new Database(path, { readonly: true });
  try {
    const responses = db.prepare('SELECT count(*) FROM response').pluck().get();
    const indexed = db.prepare('SELECT count(*) FROM response_fts_docsize').pluck().get();
    expect(indexed).toBe(responses);
    expect(
      db.prepare('SELECT response_id, submitted_at, respondent_id, question_id FROM response_date ORDER BY 1').all(),
    ).toEqual(
      db
        .prepare(
          `SELECT r.id AS response_id, p.submitted_at, r.respondent_id, r.question_id
             FROM response r JOIN respondent p ON p.id = r.respondent_id ORDER BY 1`,
        )
        .all(),
    );
    expect(
      db.prepare('SELECT question_id, status, n FROM response_status_count WHERE n <> 0 ORDER BY 1, 2').all(),
    ).toEqual(
      db
        .prepare('SELECT question_id, status, count(*) AS n FROM response GROUP BY question_id, status ORDER BY 1, 2')
        .all(),
    );
    expect(() =>
      db.prepare("INSERT INTO response_fts(response_fts, rank) VALUES ('integrity-check', 1)").run(),
    ).toThrow(/readonly/);
  } finally {
    db.close();
  }
  const rw = new Database(path);
  try {
    rw.prepare("INSERT INTO response_fts(response_fts, rank) VALUES ('integrity-check', 1)").run();
    const trigger = rw.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'response_fts_insert'").pluck().get();
    expect(trigger).toBe(1);
    for (const name of ['response_date_insert', 'response_status_count_insert'])
      expect(rw.prepare('SELECT count(*) FROM sqlite_schema WHERE name = ?').pluck().get(name)).toBe(1);
  } finally {
    rw.close();
  }
}

describe('importing response files', () => {
  it('imports a plain survey export with the proposed mapping: respondents, answers, types, places, dates, source rows', async () => {
    const { api, path } = await project();
    const { preview, summary } = await importPaths(api, [fx('survey-utf8-bom.csv')]);
    const source = preview.sources[0];
    expect(source).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      rowEstimate: 5,
      rowEstimateExact: true,
      error: null,
    });
    expect(source.encodingReason).toMatch(/byte order mark/);
    expect(summary.files[0]).toMatchObject({ status: 'imported', respondentsAdded: 5, quarantined: 0, duplicates: 0 });
    const questions = await api.call('questions.list');
    expect(questions.map((q) => [q.code, q.kind, q.responseCount])).toEqual([
      ['Q1', 'open', 5],
      ['Q3', 'closed', 5],
      ['Q2', 'open', 3],
    ]);
    // "Q1. What should…" gave the code Q1 and the text without its number.
    expect(questions[0].text).toBe('What should TechNorth do first?');
    expect(questions[1].options).toEqual(['Yes', 'No', 'Not sure']);
    const page = await api.call('responses.list', {
      questionId: questions[0].id,
      offset: 0,
      limit: 10,
      sort: { key: 'respondent', dir: 'asc' },
    });
    expect(page.rows.map((r) => [r.respondentExternalId, r.respondentType, r.city])).toEqual([
      ['R001', 'individual', 'Leeds'],
      ['R002', 'business', 'Manchester'],
      ['R003', 'individual', 'Sheffield'],
      ['R004', 'voluntary sector', 'Newcastle'],
      ['R005', 'local authority', 'Liverpool'],
    ]);
    const detail = await api.call('responses.get', { id: page.rows[1].id });
    expect(detail.text).toBe('Fund "patient capital" for start-ups, with\nmentoring from people who have done it.');
    expect(detail.respondent).toMatchObject({
      organisation: 'Acme Robotics Ltd',
      submittedAt: '2025-02-02T11:00:00.000Z',
    });
    // The raw type is kept beside the normalised one; the whole original row is kept with the respondent.
    expect(detail.respondent.attributes['In what capacity are you responding?']).toBe('On behalf of a business');
    const db = new Database(path, { readonly: true });
    const row = JSON.parse(
      db.prepare("SELECT source_row FROM respondent WHERE external_id = 'R003'").pluck().get() as string,
    ) as Record<string, string>;
    db.close();
    expect(row).toMatchObject({
      'Response ID': 'R003',
      City: 'SHEFFIELD',
      'Q2. Any other comments?': 'Café culture matters: naïve to ignore it.',
    });
    expect((await api.call('responses.list', { search: 'graduate', offset: 0, limit: 5 })).total).toBe(1);
    expectSearchInStep(path);
    const history = await api.call('import.history');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      fileName: 'survey-utf8-bom.csv',
      rowsTotal: 5,
      rowsImported: 5,
      rowsQuarantined: 0,
      format: 'csv',
      encoding: 'utf-8',
    });
  });

  it('reads Windows-1252 with semicolons and Excel\'s UTF-16 "Unicode Text", saying which encoding it used', async () => {
    const { api } = await project();
    const { preview, summary } = await importPaths(api, [fx('survey-windows-1252.csv')]);
    expect(preview.sources[0]).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(summary.files[0].respondentsAdded).toBe(5);
    const cafe = await api.call('responses.list', { search: 'café', offset: 0, limit: 5 });
    const text = (await api.call('responses.get', { id: cafe.rows[0].id })).text;
    expect(text).toBe('Café culture matters: naïve to ignore it.');

    const second = await project();
    const utf16 = await importPaths(second.api, [fx('survey-utf16.txt')]);
    expect(utf16.preview.sources[0]).toMatchObject({ format: 'csv', encoding: 'utf-16le', delimiter: '\t' });
    expect(utf16.summary.files[0].respondentsAdded).toBe(5);
    expect((await second.api.call('responses.list', { search: 'naïve', offset: 0, limit: 5 })).total).toBe(1);
  });

  it('switches to Windows-1252 when a bad byte appears far beyond the sample it looked at', async () => {
    const { api, dir } = await project();
    const file = join(dir, 'late-1252.csv');
    const rows = Array.from({ length: 20000 }, (_, i) => `${i},plain ascii answer number ${i}`);
    rows.push('99999,the fee is £5');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`id,answer\n${rows.join('\n')}\n`.replace('£5', '')),
        Buffer.from([0xa3, 0x35, 0x0a]),
      ]),
    );
    const { summary } = await importPaths(api, [file]);
    expect(summary.files[0]).toMatchObject({ encoding: 'windows-1252', respondentsAdded: 20001 });
    const history = await api.call('import.history');
    expect(history[0].encoding).toBe('windows-1252');
  });

  it('quarantines unreadable rows with file, row and reason, imports the rest, and exports the list formula-safe', async () => {
    const { api, path } = await project();
    const { summary } = await importPaths(api, [fx('ragged.csv')]);
    expect(summary.files[0]).toMatchObject({ status: 'imported', respondentsAdded: 3, quarantined: 3 });
    const q = await api.call('import.quarantine', { offset: 0, limit: 10 });
    expect(q.total).toBe(3);
    expect(q.rows.map((r) => [r.fileName, r.rowNumber, r.kind])).toEqual([
      ['ragged.csv', 3, 'unreadable'],
      ['ragged.csv', 4, 'unreadable'],
      ['ragged.csv', 6, 'unreadable'],
    ]);
    expect(q.rows[0].reason).toBe('row 3 has 4 fields but the heading row has 3');
    expect(q.rows[0].raw).toBe('A2,Too many,fields,here');
    expect(q.rows[2].reason).toMatch(/never closed/);
    expect(q.rows[2].raw).toBe('A5,"never closed,Hull');
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT external_id FROM respondent ORDER BY id').pluck().all()).toEqual(['A1', 'A4', 'A6']);
    db.close();
    const csv = (await api.call('import.quarantineExport', {})).csv;
    expect(csv).toContain('ragged.csv,3,unreadable');
    expect(csv.split('\r\n')).toHaveLength(5);

    // A cell that would run as a formula in a spreadsheet is exported as text.
    const second = await project();
    const evil = join(second.dir, 'evil.jsonl');
    writeFileSync(evil, '{"id": "E1", "answer": "fine"}\n=HYPERLINK("http://example.com","click")\n');
    await importPaths(second.api, [evil]);
    const exported = (await second.api.call('import.quarantineExport', {})).csv;
    expect(exported).toContain(`"'=HYPERLINK(""http://example.com"",""click"")"`);
    expect(exported).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('refuses to import the same file twice unless asked, and never duplicates a respondent', async () => {
    const { api, path } = await project();
    await importPaths(api, [fx('survey-utf8-bom.csv')]);
    const before = await snapshot(api);
    const preview = await api.call('import.preview', { paths: [fx('survey-utf8-bom.csv')] });
    expect(preview.sources[0].alreadyImported).toMatchObject({ fileName: 'survey-utf8-bom.csv' });
    const again = await importPaths(api, [fx('survey-utf8-bom.csv')]);
    expect(again.summary.files[0].status).toBe('refused');
    expect(again.summary.files[0].message).toMatch(/same file was imported/);
    expect(await snapshot(api)).toEqual(before);
    // Asked to: every respondent is already present, so each row is reported as a duplicate, none added.
    const forced = await importPaths(api, [fx('survey-utf8-bom.csv')], { allowReimport: true });
    expect(forced.summary.files[0]).toMatchObject({ respondentsAdded: 0, duplicates: 5 });
    expect((await snapshot(api)).stats.respondents).toBe(before.stats.respondents);
    // A later batch of the same layout: new respondents imported, the one already present reported.
    const batch = await importPaths(api, [fx('survey-batch-2.csv')]);
    expect(batch.summary.files[0]).toMatchObject({ respondentsAdded: 2, duplicates: 1 });
    expect(batch.summary.files[0].quarantineSample[0].reason).toMatch(
      /R001 is already in the project \(from survey-utf8-bom.csv\)/,
    );
    // Its columns mapped to the same questions as the first file's (matched by heading).
    expect((await api.call('questions.list')).map((q) => q.code)).toEqual(['Q1', 'Q3', 'Q2']);
    expectSearchInStep(path);
  });

  it('cancel leaves the project exactly as it was: same counts, same search results, no import recorded', async () => {
    const { api, backend, dir, path } = await project();
    await importPaths(api, [fx('survey-utf8-bom.csv')]);
    const before = await snapshot(api);
    const schema = schemaObjects(path);
    const big = join(dir, 'big.csv');
    const lines = ['id,answer'];
    for (let i = 0; i < 300_000; i++)
      lines.push(`B${i},"the graduate trains answer number ${i}, long enough to take a while to import"`);
    writeFileSync(big, `${lines.join('\n')}\n`);
    const preview = await api.call('import.preview', { paths: [big] });
    const { jobId } = await api.call('import.start', {
      sources: [{ paths: [big], mapping: preview.sources[0].mapping }],
    });
    // Cancel once rows are being written.
    await new Promise<void>((resolve) => {
      const off = backend.subscribe((e) => {
        if (e.type === 'job' && e.job.id === jobId && e.job.phase.startsWith('Importing') && e.job.done > 0) {
          off();
          resolve();
        }
      });
    });
    await api.call('jobs.cancel', { id: jobId });
    const job = await jobEnd(api, jobId);
    expect(job.state).toBe('cancelled');
    expect(await snapshot(api)).toEqual(before);
    expect(await api.call('import.history')).toHaveLength(1);
    // The bulk path drops indexes and the search trigger inside the transaction: the rollback restored them.
    expect(schemaObjects(path)).toEqual(schema);
    expectSearchInStep(path);
    // The same file imported to the end builds them again, and the index is in step.
    const { summary } = await importPaths(api, [big]);
    expect(summary.files[0].respondentsAdded).toBe(300_000);
    expect(schemaObjects(path)).toEqual(schema);
    expect((await api.call('responses.list', { search: '"number 299999"', offset: 0, limit: 5 })).total).toBe(1);
    expectSearchInStep(path);
  });

  it('takes bad files one by one with a clear message, importing the good ones in the same run', async () => {
    const { api } = await project();
    const files = ['empty.csv', 'header-only.csv', 'binary.csv', 'zip-bomb.xlsx', 'survey-utf8-bom.csv'].map(fx);
    const { preview, summary } = await importPaths(api, files, {
      adjust: (p) => p.sources.filter((s) => !s.error).map((s) => ({ paths: s.paths, mapping: s.mapping })),
    });
    const errors = Object.fromEntries(preview.sources.map((s) => [s.name, s.error]));
    expect(errors['empty.csv']).toBe('empty.csv is empty (0 bytes): there is nothing to import.');
    expect(errors['binary.csv']).toMatch(/binary.csv cannot be imported: it is binary data/);
    expect(errors['zip-bomb.xlsx']).toMatch(/zip bomb/);
    const byName = Object.fromEntries(summary.files.map((f) => [f.name, f]));
    expect(byName['header-only.csv']).toMatchObject({
      status: 'empty',
      message: expect.stringMatching(/heading row but no rows/),
    });
    expect(byName['survey-utf8-bom.csv']).toMatchObject({ status: 'imported', respondentsAdded: 5 });
    // Bad files given straight to import.start (no preview) fail alone too.
    const direct = await api.call('import.start', {
      sources: [
        { paths: [fx('zip-bomb.xlsx')], mapping: { columns: [] } },
        { paths: [fx('binary.csv')], mapping: { columns: [] } },
      ],
    });
    const job = await jobEnd(api, direct.jobId);
    const result = job.result as { files: { status: string; message: string }[] };
    expect(result.files.map((f) => f.status)).toEqual(['failed', 'failed']);
    expect((await api.call('project.stats')).respondents).toBe(5);
  });

  it('keeps theme names from a themes column for the Themes area, split on ";"', async () => {
    const { api, dir, path } = await project();
    const file = join(dir, 'coded.csv');
    writeFileSync(
      file,
      'id,response,themes\nT1,"We need more trains between the northern cities.",Transport; Connectivity\nT2,"Cheaper rents for start-up offices near stations.",Costs\nT3,"Nothing to add from me on this occasion, thanks.",\n',
    );
    const { preview, summary } = await importPaths(api, [file]);
    expect(preview.sources[0].mapping.columns.find((m) => m.column === 'themes')).toMatchObject({ role: 'themes' });
    expect(summary.files[0].respondentsAdded).toBe(3);
    const db = new Database(path, { readonly: true });
    const rows = db
      .prepare(
        'SELECT p.external_id AS id, t.theme FROM imported_theme t JOIN respondent p ON p.id = t.respondent_id ORDER BY t.id',
      )
      .all();
    // They arrive as accepted themes with assignments that count as an analyst's (source 'import').
    const assigned = db
      .prepare(
        `SELECT p.external_id AS id, t.name, t.status, a.source, a.state FROM assignment a JOIN theme t ON t.id = a.theme_id
           JOIN response r ON r.id = a.response_id JOIN respondent p ON p.id = r.respondent_id ORDER BY p.external_id, t.name`,
      )
      .all();
    db.close();
    expect(rows).toEqual([
      { id: 'T1', theme: 'Transport' },
      { id: 'T1', theme: 'Connectivity' },
      { id: 'T2', theme: 'Costs' },
    ]);
    expect(assigned).toEqual([
      { id: 'T1', name: 'Connectivity', status: 'accepted', source: 'import', state: 'accepted' },
      { id: 'T1', name: 'Transport', status: 'accepted', source: 'import', state: 'accepted' },
      { id: 'T2', name: 'Costs', status: 'accepted', source: 'import', state: 'accepted' },
    ]);
  });

  it('finds the heading below a title line, keeping the title in quarantine (CSV and Excel)', async () => {
    const { api, dir } = await project();
    const csv = join(dir, 'titled.csv');
    writeFileSync(
      csv,
      'Northern Futures consultation export\n\nid,answer,city\nT1,More trains between the northern cities please,Leeds\nT2,Cheaper rents for start-up offices near stations,York\n',
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export');
    ws.addRow(['Exported 3 February 2025']);
    ws.addRow(['ref', 'comment']);
    ws.addRow(['W1', 'Broadband first, then everything else follows from it.']);
    const single = wb.addWorksheet('One column');
    for (const v of ['note', 'a', 'b', 'c', 'd', 'e', 'f', 'g']) single.addRow([v]);
    const xlsx = join(dir, 'titled.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const { preview, summary } = await importPaths(api, [csv, xlsx]);
    const byName = Object.fromEntries(preview.sources.map((s) => [s.name, s]));
    expect(byName['titled.csv'].columns.map((c) => c.name)).toEqual(['id', 'answer', 'city']);
    expect(byName['titled.csv'].warnings.join(' ')).toMatch(/first row comes before the heading row/);
    expect(byName['titled.xlsx'].columns.map((c) => c.name)).toEqual(['ref', 'comment', 'note']);
    const files = Object.fromEntries(summary.files.map((f) => [f.name, f]));
    expect(files['titled.csv']).toMatchObject({ respondentsAdded: 2, quarantined: 1 });
    expect(files['titled.csv'].quarantineSample[0]).toMatchObject({
      rowNumber: 1,
      reason: expect.stringMatching(/before the heading row/),
    });
    // The workbook: one title quarantined, one respondent from Export, seven from the one-column sheet.
    expect(files['titled.xlsx']).toMatchObject({ respondentsAdded: 8, quarantined: 1 });
  });

  it("reads a Qualtrics export's three heading rows as one and maps it without changes", async () => {
    const { api, dir } = await project();
    const file = join(dir, 'qualtrics.csv');
    const ids = [
      'startDate',
      'endDate',
      'status',
      'ipAddress',
      'progress',
      'duration',
      'finished',
      'recordedDate',
      '_recordId',
      'QID1',
      'QID2',
    ];
    const rows = [
      'StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),Finished,RecordedDate,ResponseId,Q1,Q2',
      'Start Date,End Date,Response Type,IP Address,Progress,Duration (in seconds),Finished,Recorded Date,Response ID,How satisfied are you with transport in your area?,What would improve it most? Please explain.',
      ids.map((id) => `"{""ImportId"":""${id}""}"`).join(','),
      '2025-02-01 10:00:00,2025-02-01 10:05:00,IP Address,192.0.2.1,100,300,True,2025-02-01 10:05:01,R_1a,Satisfied,"Evening buses between the towns, and trains that run on time."',
      '2025-02-01 11:00:00,2025-02-01 11:09:00,IP Address,192.0.2.2,100,540,True,2025-02-01 11:09:01,R_2b,Dissatisfied,Cheaper fares for young people who are looking for work.',
      '2025-02-02 09:00:00,2025-02-02 09:03:00,IP Address,192.0.2.3,100,180,True,2025-02-02 09:03:01,R_3c,Satisfied,"Step-free access at every station, please."',
    ];
    writeFileSync(file, `${rows.join('\r\n')}\r\n`);
    const { preview, summary } = await importPaths(api, [file]);
    const roles = Object.fromEntries(preview.sources[0].mapping.columns.map((m) => [m.column, m.attribute ?? m.role]));
    expect(roles).toMatchObject({
      'Response ID': 'id',
      'Recorded Date': 'submitted_at',
      'How satisfied are you with transport in your area?': 'closed',
      'What would improve it most? Please explain.': 'open',
    });
    expect(summary.files[0]).toMatchObject({ respondentsAdded: 3, quarantined: 0 });
    // Only the two questions became answers: the Qualtrics metadata columns are respondent details.
    expect((await api.call('questions.list')).map((q) => q.kind)).toEqual(['closed', 'open']);
    const page = await api.call('responses.list', { offset: 0, limit: 10, sort: { key: 'respondent', dir: 'asc' } });
    expect(page.total).toBe(6);
    expect(new Set(page.rows.map((r) => r.respondentExternalId))).toEqual(new Set(['R_1a', 'R_2b', 'R_3c']));
    expect(page.rows[0].submittedAt).toBe('2025-02-01T10:05:01.000Z');
  });

  it('maps a Microsoft Forms workbook without changes', async () => {
    const { api, dir } = await project();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow([
      'ID',
      'Start time',
      'Completion time',
      'Email',
      'Name',
      'Which city do you live in?',
      'What should the hub do first? Please explain.',
      'Would you use a shared office?',
    ]);
    const answers = [
      ['Leeds', 'Mentoring for founders from people who have built companies here.', 'Yes'],
      ['Sheffield', 'A robotics lab open to schools and colleges in the evenings.', 'No'],
      ['Leeds', 'Grants for small firms to hire their first apprentice.', 'Yes'],
      ['Newcastle', 'Faster broadband on the industrial estates outside the centre.', 'Maybe'],
    ];
    answers.forEach(([city, text, office], i) =>
      ws.addRow([
        i + 1,
        new Date(Date.UTC(2025, 1, i + 1, 9)),
        new Date(Date.UTC(2025, 1, i + 1, 9, 7)),
        'anonymous',
        '',
        city,
        text,
        office,
      ]),
    );
    const file = join(dir, 'Northern Futures(1-4).xlsx');
    await wb.xlsx.writeFile(file);
    const { preview, summary } = await importPaths(api, [file]);
    const roles = Object.fromEntries(
      preview.sources[0].mapping.columns.map((m) => [m.column, m.attribute ?? m.question ?? m.role]),
    );
    expect(roles).toEqual({
      ID: 'id',
      'Start time': 'Start time',
      'Completion time': 'submitted_at',
      Email: 'Email',
      Name: 'ignore',
      'Which city do you live in?': 'city',
      'What should the hub do first? Please explain.': 'Q1',
      'Would you use a shared office?': 'Q2',
    });
    expect(summary.files[0].respondentsAdded).toBe(4);
    expect((await api.call('responses.facets')).cities.map((c) => c.value)).toEqual([
      'Leeds',
      'Newcastle',
      'Sheffield',
    ]);
  });

  it('tells duplicate column names apart and keeps both', async () => {
    const { api } = await project();
    const { preview, summary } = await importPaths(api, [fx('duplicate-headings.csv')]);
    expect(preview.sources[0].columns.map((c) => c.name)).toEqual(['id', 'Comment', 'Comment (2)', 'Column 4']);
    expect(summary.files[0].respondentsAdded).toBe(2);
  });

  it('imports a row with more answers than one insert takes (150 questions), every answer in column order', async () => {
    const { api, dir, path } = await project();
    const file = join(dir, 'wide.csv');
    const codes = Array.from({ length: 150 }, (_, i) => `Q${i + 1}`);
    // W2 leaves every third question blank: its answers are not contiguous.
    const text = (row: number, q: number) => (row === 2 && q % 3 === 0 ? '' : `row ${row} answer ${q}`);
    const rows = [1, 2, 3].map((row) => [`W${row}`, ...codes.map((_, q) => text(row, q))].join(','));
    writeFileSync(file, `id,${codes.join(',')}\n${rows.join('\n')}\n`);
    const { summary } = await importPaths(api, [file], {
      adjust: (p) => [
        {
          paths: p.sources[0].paths,
          mapping: {
            columns: [
              { column: 'id', role: 'id' },
              ...codes.map((code) => ({ column: code, role: 'open' as const, question: code, text: code })),
            ],
          },
        },
      ],
    });
    expect(summary.files[0]).toMatchObject({ respondentsAdded: 3, responsesAdded: 150 + 100 + 150 });
    const db = new Database(path, { readonly: true });
    try {
      const stored = db
        .prepare(
          `SELECT p.external_id || ' ' || q.code || ' ' || r.text FROM response r
             JOIN respondent p ON p.id = r.respondent_id JOIN question q ON q.id = r.question_id ORDER BY r.id`,
        )
        .pluck()
        .all();
      const expected = [1, 2, 3].flatMap((row) =>
        codes.flatMap((code, q) => (text(row, q) ? [`W${row} ${code} ${text(row, q)}`] : [])),
      );
      expect(stored).toEqual(expected);
    } finally {
      db.close();
    }
    expectSearchInStep(path);
  });

  it('imports a 5 MB single cell whole', async () => {
    const { api, dir } = await project();
    const file = join(dir, 'big-cell.csv');
    const cell = 'Evidence paragraph about northern transport. '.repeat(120_000);
    writeFileSync(file, `id,answer\nC1,"${cell}"\nC2,short answer\n`);
    const { summary } = await importPaths(api, [file], {
      adjust: (p) => [
        {
          paths: p.sources[0].paths,
          mapping: {
            columns: [
              { column: 'id', role: 'id' },
              { column: 'answer', role: 'open', question: 'Q1', text: 'Answer' },
            ],
          },
        },
      ],
    });
    expect(summary.files[0]).toMatchObject({ respondentsAdded: 2, quarantined: 0 });
    const rows = (await api.call('responses.list', { sort: { key: 'length', dir: 'desc' }, offset: 0, limit: 1 })).rows;
    expect(rows[0].length).toBe(cell.trim().length);
  });

  it('reads an XLSX with formulas (their results), merged cells and a hidden sheet (skipped unless chosen)', async () => {
    const { api } = await project();
    const { preview, summary } = await importPaths(api, [fx('workbook.xlsx')]);
    const s = preview.sources[0];
    expect(s.sheets).toEqual([
      { name: 'Responses', hidden: false },
      { name: 'Lookup', hidden: true },
    ]);
    expect(s.warnings.join(' ')).toMatch(/hidden sheet "Lookup" was not read/);
    expect(s.columns.map((c) => c.name)).toEqual([
      'ID',
      'Respondent type',
      'City',
      'Submitted',
      'Q1 What would help most?',
      'Score',
      'Double score',
    ]);
    expect(s.rows[0]).toEqual([
      'X1',
      'Individual',
      'Leeds',
      '2025-02-01',
      'Better transport links across the north of England.',
      '3',
      '6',
    ]);
    expect(summary.files[0]).toMatchObject({ respondentsAdded: 3 });
    const detail = await api.call('responses.list', { offset: 0, limit: 10, sort: { key: 'respondent', dir: 'asc' } });
    expect(detail.rows.map((r) => [r.respondentExternalId, r.respondentType, r.submittedAt])).toEqual([
      ['X1', 'individual', '2025-02-01T00:00:00.000Z'],
      ['X2', 'business', '2025-02-02T00:00:00.000Z'],
    ]);
    const hidden = await api.call('import.preview', {
      paths: [fx('workbook.xlsx')],
      sheets: { [fx('workbook.xlsx')]: 'Lookup' },
    });
    expect(hidden.sources[0].rows[0]).toEqual(['1', 'secret lookup']);
  });

  it('imports JSON arrays (nested fields flattened) and JSON Lines (a broken line quarantined)', async () => {
    const { api } = await project();
    const { preview, summary } = await importPaths(api, [fx('responses.json'), fx('responses.jsonl')]);
    const json = preview.sources.find((s) => s.name === 'responses.json')!;
    expect(json.columns.map((c) => c.name)).toEqual(['id', 'answer', 'respondent.type', 'respondent.city']);
    expect(json.mapping.columns.find((m) => m.column === 'respondent.type')).toMatchObject({
      role: 'attribute',
      attribute: 'type',
    });
    const byName = Object.fromEntries(summary.files.map((f) => [f.name, f]));
    expect(byName['responses.json']).toMatchObject({ respondentsAdded: 3, format: 'json' });
    expect(byName['responses.jsonl']).toMatchObject({ respondentsAdded: 2, quarantined: 1, format: 'jsonl' });
    expect(byName['responses.jsonl'].quarantineSample[0].reason).toMatch(/^line 2 is not valid JSON/);
  });

  it('imports a folder of letters and e-mails in mixed encodings, one respondent each, bad documents quarantined', async () => {
    const { api, dir } = await project();
    const folder = join(dir, 'post');
    mkdirSync(folder);
    for (const f of readdirSync(fx('letters'))) copyFileSync(join(fixtures, 'letters', f), join(folder, f));
    copyFileSync(fx('not-a-zip.docx'), join(folder, 'not-a-zip.docx'));
    const { preview, summary } = await importPaths(api, [folder]);
    expect(preview.sources).toHaveLength(1);
    expect(preview.sources[0]).toMatchObject({ format: 'documents', name: '8 documents in post' });
    const file = summary.files[0];
    expect(file).toMatchObject({ respondentsAdded: 7, quarantined: 1 });
    expect(file.encoding).toMatch(/^mixed: /);
    expect(file.quarantineSample[0].reason).toMatch(/not-a-zip.docx could not be read: it is not a Word document/);
    const text = async (id: string) => {
      const page = await api.call('responses.list', { offset: 0, limit: 20 });
      const row = page.rows.find((r) => r.respondentExternalId === id)!;
      return api.call('responses.get', { id: row.id });
    };
    expect((await text('letter-1252.txt')).text).toContain('The £50m should go to Sheffield’s schools. Café.');
    expect((await text('letter-utf16.txt')).text).toContain('Ünïcödé');
    expect((await text('letter.docx')).text).toContain('Sheffield should host the robotics lab.');
    expect((await text('letter.pdf')).text).toContain('Please invest in Liverpool docks for digital firms.');
    const html = await text('html-with-attachment.eml');
    expect(html.text).toBe('I support the TechNorth hub.\n\nPlease put it in Leeds.');
    expect(html.respondent).toMatchObject({ channel: 'email', submittedAt: '2025-02-04T10:15:00.000Z' });
    expect(html.respondent.attributes).toMatchObject({
      from: 'Jo Bloggs <jo@example.org>',
      subject: 'Northern Futures response',
      attachments: 'evidence.pdf',
    });
    expect((await text('reply-with-signature.eml')).text).toBe('Skills first: apprenticeships in every city.');
  });

  it('saves a mapping and proposes it for the next file of the same layout', async () => {
    const { api } = await project();
    const preview = await api.call('import.preview', { paths: [fx('survey-utf8-bom.csv')] });
    const mapping = {
      columns: preview.sources[0].mapping.columns.map((m) =>
        m.column === 'Organisation' ? { column: m.column, role: 'ignore' as const } : m,
      ),
    };
    const saved = await api.call('import.saveMapping', {
      name: 'Northern Futures export',
      columns: preview.sources[0].columns.map((c) => c.name),
      mapping,
    });
    expect((await api.call('import.mappings')).map((m) => m.name)).toEqual(['Northern Futures export']);
    const next = await api.call('import.preview', { paths: [fx('survey-batch-2.csv')] });
    expect(next.sources[0].savedMapping).toBe('Northern Futures export');
    expect(next.sources[0].mapping.columns.find((m) => m.column === 'Organisation')?.role).toBe('ignore');
    await api.call('import.deleteMapping', { id: saved.id });
    expect(await api.call('import.mappings')).toEqual([]);
  });

  it('validates mappings at the boundary', async () => {
    const { api } = await project();
    await expect(
      api.call('import.start', {
        sources: [
          {
            paths: [fx('ragged.csv')],
            mapping: {
              columns: [
                { column: 'a', role: 'id' },
                { column: 'b', role: 'id' },
              ],
            },
          },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/Only one column can be the respondent id/),
    });
    await expect(
      api.call('import.start', {
        sources: [{ paths: [fx('ragged.csv')], mapping: { columns: [{ column: 'a', role: 'open' }] } }],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

const shared = join(import.meta.dirname, '../../../shared/data');
const haveShared = existsSync(shared);

describe.skipIf(!haveShared)(
  `real data in ../shared/data${haveShared ? '' : ' (skipped: ../shared/data is absent)'}`,
  () => {
    it("imports the Polis exports (multi-line quoted comments) row for row, as Python's csv module reads them", async () => {
      // Rows and comments with a newline, counted with Python's csv module (an independent parser).
      const expected: Record<string, { rows: number; multiLine: number }> = {
        'canadian-electoral-reform': { rows: 174, multiLine: 5 },
        'brexit-consensus': { rows: 50, multiLine: 0 },
        'american-assembly.bowling-green': { rows: 896, multiLine: 0 },
      };
      for (const [conversation, want] of Object.entries(expected)) {
        const { api, path } = await project();
        const { preview, summary } = await importPaths(api, [join(shared, 'polis/raw', conversation, 'comments.csv')]);
        expect(preview.sources[0].mapping.columns.find((m) => m.column === 'comment-body')?.role).toBe('open');
        expect(preview.sources[0].mapping.columns.find((m) => m.column === 'comment-id')?.role).toBe('id');
        expect(summary.files[0], conversation).toMatchObject({
          status: 'imported',
          respondentsAdded: want.rows,
          responsesAdded: want.rows,
          quarantined: 0,
        });
        const db = new Database(path, { readonly: true });
        // Answers are stored trimmed; the original row keeps each field exactly, newlines included.
        expect(
          db
            .prepare(
              `SELECT count(*) FROM respondent WHERE instr(json_extract(source_row, '$."comment-body"'), char(10)) > 0`,
            )
            .pluck()
            .get(),
        ).toBe(want.multiLine);
        db.close();
        expectSearchInStep(path);
      }
    });

    it('imports the 150 real e-mails, one respondent each', async () => {
      const { api } = await project();
      const { summary } = await importPaths(api, [join(shared, 'emails')]);
      expect(summary.files[0]).toMatchObject({ respondentsAdded: 150, quarantined: 0 });
      const facets = await api.call('responses.list', { offset: 0, limit: 1 });
      expect(facets.total).toBe(150);
    });

    it("maps the department's four workbooks (online, easy-read, hard copies) onto the same questions", async () => {
      const { api } = await project();
      const dir = join(shared, 'uk-gov-layout/input/responses');
      const { preview, summary } = await importPaths(api, [dir]);
      expect(summary.files.map((f) => f.status)).toEqual(['imported', 'imported', 'imported', 'imported']);
      expect(summary.respondentsAdded).toBe(46);
      // The manifest pairs each main heading with its easy-read heading: the proposal must put each pair on one question.
      const pairs: [string, string][] = [
        ['To what extent do you agree with [thing A]?', 'How much do you agree or disagree with [thing A]?'],
        ['To what extent do you agree with [thing B]?', 'How much do you agree or disagree with [thing B]?'],
        [
          'Please explain your answer_1',
          'If you would like to tell us anything else about this, please write it here._1',
        ],
        ['To what extent do you agree with [thing C]?', 'How much do you agree or disagree with [thing C]?'],
        [
          'Please explain your answer_2',
          'If you would like to tell us anything else about this, please write it here._2',
        ],
      ];
      const codeOf = (column: string) =>
        new Set(
          preview.sources.flatMap((s) => s.mapping.columns.filter((m) => m.column === column).map((m) => m.question)),
        );
      for (const [main, easy] of pairs) {
        const codes = new Set([...codeOf(main), ...codeOf(easy)]);
        expect(codes.size, `${main} / ${easy}`).toBe(1);
      }
      const questions = await api.call('questions.list');
      expect(questions.filter((q) => q.kind === 'open')).toHaveLength(2);
      // Hard copies have no Response ID: each row gets an id from its file and row.
      const page = await api.call('responses.list', { offset: 0, limit: 500 });
      expect(page.rows.some((r) => r.respondentExternalId === 'responses_2024-01-09_hard_copies.xlsx row 2')).toBe(
        true,
      );
    });

    it("imports i.AI's layout: respondents with demographics, then one responses file per question", async () => {
      const { api, path } = await project();
      const { summary } = await importPaths(api, [join(shared, 'gambling-xs-synthetic/inputs')]);
      expect(summary.respondentsAdded).toBe(100);
      // Each responses file added its answers to the respondents already present, and its rows were kept.
      expect(summary.files.map((f) => f.merged).sort()).toEqual([0, 100, 100]);
      const db = new Database(path, { readonly: true });
      expect(db.prepare('SELECT count(*) FROM merged_row').pluck().get()).toBe(200);
      db.close();
      const questions = await api.call('questions.list');
      expect(questions.map((q) => q.text)).toEqual([
        expect.stringMatching(/^Should gambling advertisements be completely banned/),
        expect.stringMatching(/^If gambling adverts/),
      ]);
      expect(questions.map((q) => q.responseCount)).toEqual([100, 100]);
      const row = (await api.call('responses.list', { offset: 0, limit: 1 })).rows[0];
      const detail = await api.call('responses.get', { id: row.id });
      expect(Object.keys(detail.respondent.attributes)).toEqual(expect.arrayContaining(['Do you live in:']));
    });
  },
);
