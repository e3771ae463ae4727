/**
 * The data exports and the Markdown summary, written by real export jobs (worker threads) from the analysed
 * sample and read back with real readers (exceljs for CSV and XLSX), checked against the database, and the
 * hostile response checked for formula neutralisation and redaction in every file.
 */
import { jobEnd } from '../helpers/jobs';
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ExportResult, ReportFormat, ReportOptions } from '../../src/shared/api';
import { openWorkerDb, type Db } from '../../src/main/db/connection';
import { detectAndRedact, redactorFor } from '../../src/main/reports/redaction';
import { buildSummary } from '../../src/main/reports/summary';
import { Backend } from '../../src/main/service/backend';
import { inProcessClient } from '../../src/main/service/in-process';
import { buildAnalysedSample, DEFAULTS, HOSTILE_RESPONDENT, type AnalysedSample } from '../helpers/report-fixtures';

let dir: string;
let fixture: AnalysedSample;
let backend: Backend;
let api: ApiClient;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'consult-reports-data-'));
  fixture = buildAnalysedSample(join(dir, 'analysed.consult'));
  backend = new Backend({ dataDir: join(dir, 'data') });
  api = inProcessClient(backend);
  await api.call('project.open', { path: fixture.path });
  db = openWorkerDb(fixture.path);
});

afterAll(async () => {
  db?.close();
  await backend?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function exportTo(
  format: ReportFormat,
  name: string,
  options: Partial<ReportOptions> = {},
): Promise<ExportResult> {
  const job = await api.call('reports.export', { format, options: { ...DEFAULTS, ...options }, path: join(dir, name) });
  const done = await jobEnd(api, job.id);
  expect(done.error, `${format} export`).toBeUndefined();
  expect(done.state).toBe('done');
  return done.result as ExportResult;
}

type Row = Record<string, string>;

/** Reads a CSV with exceljs's reader, keeping every value as the text in the file. */
async function readCsv(path: string): Promise<Row[]> {
  const sheet = await new ExcelJS.Workbook().csv.readFile(path, { map: (value: unknown) => value } as never);
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as (string | undefined)[]).slice(1).map((v) => v ?? '')));
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

const FORMULA_START = /^[=+\-@\t\r]/;

function one(sql: string, ...params: unknown[]): number {
  return db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

describe('data exports', () => {
  it('CSV: one row per response in scope, text redacted and neutralised, themes as assigned', async () => {
    const result = await exportTo('csv', 'responses');
    expect(result.path).toBe(join(dir, 'responses.csv'));
    const bytes = readFileSync(result.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const rows = await readCsv(result.path);
    expect(rows.length).toBe(one("SELECT count(*) FROM response WHERE status <> 'excluded'"));

    const texts = new Map(
      (db.prepare('SELECT id, text FROM response').all() as { id: number; text: string }[]).map((r) => [r.id, r.text]),
    );
    const wrongText = rows.filter(
      (row) => row.response.replace(/^'(?=[=+\-@\t\r])/, '') !== detectAndRedact(texts.get(Number(row.response_id))!),
    );
    expect(wrongText.map((r) => r.response_id)).toEqual([]);
    expect(rows.flatMap((row) => Object.values(row).filter((v) => FORMULA_START.test(v)))).toEqual([]);
    const sample = rows.find((r) => r.themes.includes(';'))!;
    const themes = db
      .prepare(
        "SELECT t.name FROM assignment a JOIN theme t ON t.id = a.theme_id WHERE a.response_id = ? AND a.state <> 'rejected' ORDER BY t.id",
      )
      .pluck()
      .all(Number(sample.response_id)) as string[];
    expect(sample.themes.split('; ')).toEqual(themes);

    const hostile = rows.find((r) => Number(r.response_id) === fixture.hostileResponseId)!;
    expect(hostile.response.startsWith('\'=HYPERLINK("[url]","x")')).toBe(true);
    expect(hostile.response).toContain('[email]');
    expect(hostile.response).not.toMatch(/jane\.doe|0161 496 0000|M1 1AE/);
    expect(hostile.respondent).not.toBe(HOSTILE_RESPONDENT);
    expect(hostile.organisation).toBe('');
    expect(hostile['attribute: sector']).toBe("'+cmd|calc");
    expect(Object.keys(hostile)).not.toContain('attribute: contact');
    expect(rows.find((r) => r.note)?.note).toContain('[email]');
  });

  it('CSV without redaction or anonymising, and with excluded responses, when asked', async () => {
    const result = await exportTo('csv', 'raw.csv', { redact: false, anonymise: false, includeExcluded: true });
    const rows = await readCsv(result.path);
    expect(rows.length).toBe(one('SELECT count(*) FROM response'));
    const hostile = rows.find((r) => Number(r.response_id) === fixture.hostileResponseId)!;
    expect(hostile.response).toContain('jane.doe@example.com');
    expect(hostile.response.startsWith("'=")).toBe(true);
    expect(hostile.respondent).toBe(HOSTILE_RESPONDENT);
    expect(hostile.organisation).toBe("'@SUM(1+1) <b>Evil & Co</b> ops@evil.example");
    expect(hostile['attribute: contact']).toBe('jane.doe@example.com');
    expect(rows.filter((r) => r.status === 'Excluded').every((r) => r.exclusion_reason === 'Spam')).toBe(true);
  });

  it('respondents x themes matrix: one row per respondent, column totals as in the database', async () => {
    const rows = await readCsv((await exportTo('csv-matrix', 'matrix.csv')).path);
    expect(rows.length).toBe(one("SELECT count(DISTINCT respondent_id) FROM response WHERE status <> 'excluded'"));
    const themes = db
      .prepare('SELECT t.id, t.name, q.code FROM theme t JOIN question q ON q.id = t.question_id')
      .all() as { id: number; name: string; code: string }[];
    for (const t of themes) {
      const column = `${t.code}: ${t.name}`;
      const total = rows.reduce((a, r) => a + Number(r[column]), 0);
      expect(total, column).toBe(
        one(
          "SELECT count(DISTINCT r.respondent_id) FROM assignment a JOIN response r ON r.id = a.response_id WHERE a.theme_id = ? AND a.state <> 'rejected' AND r.status <> 'excluded'",
          t.id,
        ),
      );
    }
  });

  it('codebook: every theme with its description, key words and count', async () => {
    const rows = await readCsv((await exportTo('codebook', 'codebook.csv')).path);
    const summary = buildSummary(db, DEFAULTS, redactorFor(db, true));
    const counts = new Map(summary.questions.flatMap((q) => q.themes.map((t) => [t.id, t.count])));
    expect(rows.length).toBe(one('SELECT count(*) FROM theme'));
    for (const r of rows) expect(Number(r.responses), r.theme).toBe(counts.get(Number(r.theme_id)));
    expect(rows[0]).toMatchObject({ question: 'Q1', status: 'accepted' });
    expect(rows[0].keywords.length).toBeGreaterThan(0);
  });

  it('XLSX: responses, matrix and codebook sheets, text cells only, neutralised and redacted', async () => {
    const result = await exportTo('xlsx', 'coded');
    expect(result.fileName).toBe('coded.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(result.path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Responses', 'Respondents x themes', 'Codebook']);
    const responses = workbook.getWorksheet('Responses')!;
    expect(responses.rowCount - 1).toBe(one("SELECT count(*) FROM response WHERE status <> 'excluded'"));
    let hostile: string | undefined;
    const unsafe: string[] = [];
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) unsafe.push(`formula at ${sheet.name}!${cell.address}`);
          if (typeof cell.value !== 'string') return;
          if (FORMULA_START.test(cell.value) || cell.value.includes('jane.doe@example.com'))
            unsafe.push(`${sheet.name}!${cell.address}: ${cell.value}`);
          if (cell.value.includes('HYPERLINK')) hostile = cell.value;
        }),
      );
    }
    expect(unsafe).toEqual([]);
    expect(hostile).toBe(
      '\'=HYPERLINK("[url]","x") <script>alert(1)</script> Write to [email] or ring [phone] ([postcode]) about investment.',
    );
  });

  it('Markdown: the same numbers as the summary, response text inert and redacted', async () => {
    const md = readFileSync((await exportTo('md', 'summary.md')).path, 'utf8');
    const summary = buildSummary(db, DEFAULTS, redactorFor(db, true));
    const q1 = summary.questions[0];
    expect(md).toContain(`${q1.respondents.toLocaleString('en-GB')} respondents answered this question.`);
    expect(md).toContain(`| ${q1.themes[0].name} | ${q1.themes[0].count} | ${Math.round(q1.themes[0].share * 100)}% |`);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).not.toContain('jane.doe');
    expect(md).not.toMatch(/\]\(http/);
  });

  it('a cancelled export leaves no file and no partial file behind', async () => {
    const target = join(dir, 'cancelled.xlsx');
    const job = await api.call('reports.export', { format: 'xlsx', options: DEFAULTS, path: target });
    await api.call('jobs.cancel', { id: job.id });
    const done = await jobEnd(api, job.id);
    expect(done.state).toBe('cancelled');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('refuses a folder that does not exist, and an unknown question', async () => {
    await expect(
      api.call('reports.export', { format: 'csv', options: DEFAULTS, path: join(dir, 'nowhere', 'x.csv') }),
    ).rejects.toThrow(/does not exist/);
    const job = await api.call('reports.export', {
      format: 'csv',
      options: { ...DEFAULTS, questions: ['Q42'] },
      path: join(dir, 'q42.csv'),
    });
    const done = await jobEnd(api, job.id);
    expect(done.state).toBe('failed');
    expect(done.error?.message).toMatch(/no open or closed question Q42/);
    expect(existsSync(join(dir, 'q42.csv'))).toBe(false);
  });
});
