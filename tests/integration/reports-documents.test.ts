/**
 * The summary documents, written by real export jobs and opened with real readers: the HTML loaded in
 * Chromium (no script runs, accessible), the PDF read with pdf.js, the Word file read with mammoth and its
 * XML parsed by Chromium's XML parser, the OpenDocument zip checked entry by entry. Every one must show the
 * database's numbers and the hostile response escaped and redacted.
 */
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ExportResult, ReportFormat, ReportSummary } from '../../src/shared/api';
import { openWorkerDb } from '../../src/main/db/connection';
import { redactorFor } from '../../src/main/reports/redaction';
import { buildSummary } from '../../src/main/reports/summary';
import { Backend } from '../../src/main/service/backend';
import { inProcessClient } from '../../src/main/service/in-process';
import { jobEnd } from '../helpers/jobs';
import { browserSkipReason, expectAccessible, launchBrowser } from '../helpers/browser';
import { buildAnalysedSample, DEFAULTS, HOSTILE_THEME } from '../helpers/report-fixtures';

const skip = browserSkipReason();

/** The browser's DOMParser, typed here because the tests compile without the DOM library. */
interface XmlDocument {
  getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }>;
  documentElement: { textContent: string | null };
}
type XmlParser = new () => { parseFromString(text: string, type: string): XmlDocument };
const HOSTILE_SHOWN =
  '=HYPERLINK("[url]","x") <script>alert(1)</script> Write to [email] or ring [phone] ([postcode]) about investment.';

describe.skipIf(skip)(`summary documents${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let dir: string;
  let backend: Backend;
  let api: ApiClient;
  let browser: Browser;
  let page: Page;
  let summary: ReportSummary;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'consult-reports-docs-'));
    const fixture = buildAnalysedSample(join(dir, 'analysed.consult'));
    const db = openWorkerDb(fixture.path);
    summary = buildSummary(db, DEFAULTS, redactorFor(db, true));
    db.close();
    backend = new Backend({ dataDir: join(dir, 'data') });
    api = inProcessClient(backend);
    await api.call('project.open', { path: fixture.path });
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await backend?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function exportTo(format: ReportFormat): Promise<ExportResult> {
    const job = await api.call('reports.export', { format, options: DEFAULTS, path: join(dir, `summary.${format}`) });
    const done = await jobEnd(api, job.id);
    expect(done.error, `${format} export`).toBeUndefined();
    return done.result as ExportResult;
  }

  /** Parses XML with Chromium's strict XML parser; returns the parse error, or null. */
  async function xmlError(xml: string): Promise<string | null> {
    return page.evaluate((text) => {
      const Parser = (globalThis as unknown as { DOMParser: XmlParser }).DOMParser;
      const doc = new Parser().parseFromString(text, 'application/xml');
      return doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
    }, xml);
  }

  const q1 = () => summary.questions[0];
  const top = () => q1().themes[0];

  /** Text every document must contain: the database's numbers and the hostile quote, made safe. */
  function expectContent(text: string, format: string): void {
    const flat = text.replace(/\s+/g, ' ');
    expect(flat, format).toContain(summary.title);
    expect(flat, format).toContain(`${q1().respondents.toLocaleString('en-GB')} respondents answered this question.`);
    expect(flat, format).toContain(`Raised by ${top().count} respondents (${Math.round(top().share * 100)}%)`);
    expect(flat, format).toContain(HOSTILE_THEME);
    expect(flat, format).toContain(HOSTILE_SHOWN);
    expect(flat, format).not.toMatch(/jane\.doe|0161 496 0000|M1 1AE/);
  }

  it('HTML: self-contained, no script runs, escaped text, accessible, tables match the database', async () => {
    const result = await exportTo('html');
    const html = readFileSync(result.path, 'utf8');
    expect(html).not.toMatch(/<script|src=|href="http/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(result.path).href);
    expect(await page.locator('script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expectContent(await page.locator('body').innerText(), 'html');
    const rows = await page
      .locator('table')
      .filter({ hasText: 'Question 1: themes' })
      .locator('tbody tr')
      .allTextContents();
    expect(rows[0]).toContain(top().name);
    expect(rows[0]).toContain(String(top().count));
    expect(rows).toHaveLength(q1().themes.length + 1);
    expect(await page.locator('figure svg[role="img"]').count()).toBeGreaterThan(5);
    await expectAccessible(page, 'the exported HTML summary');
  });

  it('PDF: printed by Chromium, pages and text as in the database', async () => {
    const result = await exportTo('pdf');
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(result.path)), useSystemFonts: true }).promise;
    expect(pdf.numPages).toBeGreaterThan(10);
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join(''));
    }
    expectContent(pages.join(' '), 'pdf');
    expect(pages[0]).toContain('Summary of responses');
    expect(pages[pdf.numPages - 1]).toContain(`Page ${pdf.numPages} of ${pdf.numPages}`);
    await pdf.destroy();
  });

  it('Word: opens in mammoth, well-formed XML, named styles, no fields or links from responses', async () => {
    const result = await exportTo('docx');
    const buffer = readFileSync(result.path);
    const { value: text } = await mammoth.extractRawText({ buffer });
    expectContent(text, 'docx');
    const files = unzipSync(new Uint8Array(buffer));
    const document = strFromU8(files['word/document.xml']);
    const styles = strFromU8(files['word/styles.xml']);
    for (const [name, xml] of Object.entries(files).filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels'))) {
      expect(await xmlError(strFromU8(xml)), name).toBeNull();
    }
    expect(document).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(document).not.toMatch(/w:fldSimple|w:instrText|w:hyperlink|w:altChunk|w:object/);
    for (const [name, xml] of Object.entries(files).filter(([n]) => n.endsWith('.rels'))) {
      expect(strFromU8(xml), name).not.toContain('TargetMode="External"');
    }
    for (const id of [
      'Heading1',
      'Heading2',
      'Heading3',
      'Title',
      'Quote',
      'QuoteAttribution',
      'Caption',
      'Note',
      'TableText',
      'ReportTable',
    ]) {
      expect(styles, id).toContain(`w:styleId="${id}"`);
    }
    expect(document).toContain('<w:pStyle w:val="Quote"/>');
    expect(document).toContain('<w:tblStyle w:val="ReportTable"/>');
    // No direct table borders: the Report Table style decides them, so restyling it restyles every table.
    expect(document).not.toContain('<w:tblBorders>');
    const media = Object.keys(files).filter((n) => n.startsWith('word/media/'));
    expect(media.some((n) => n.endsWith('.svg'))).toBe(true);
    expect(media.some((n) => n.endsWith('.png'))).toBe(true);
    const png = Object.entries(files).find(([n]) => n.endsWith('.png'))![1];
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });

  it('OpenDocument: mimetype first and stored, well-formed XML, every file in the manifest', async () => {
    const result = await exportTo('odt');
    const bytes = new Uint8Array(readFileSync(result.path));
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0);
    const nameLength = view.getUint16(26, true);
    const extraLength = view.getUint16(28, true);
    expect(strFromU8(bytes.subarray(30, 30 + nameLength))).toBe('mimetype');
    const start = 30 + nameLength + extraLength;
    expect(strFromU8(bytes.subarray(start, start + 39))).toBe('application/vnd.oasis.opendocument.text');
    const files = unzipSync(bytes);
    for (const name of ['content.xml', 'styles.xml', 'meta.xml', 'META-INF/manifest.xml']) {
      expect(await xmlError(strFromU8(files[name])), name).toBeNull();
    }
    const manifest = strFromU8(files['META-INF/manifest.xml']);
    for (const name of Object.keys(files).filter((n) => n !== 'mimetype' && n !== 'META-INF/manifest.xml')) {
      expect(manifest, name).toContain(`manifest:full-path="${name}"`);
    }
    const content = strFromU8(files['content.xml']);
    expect(content).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(content).not.toMatch(/<script|text:a |office:script|xlink:href="http/);
    const text = await page.evaluate((xml) => {
      const Parser = (globalThis as unknown as { DOMParser: XmlParser }).DOMParser;
      return new Parser().parseFromString(xml, 'application/xml').documentElement.textContent ?? '';
    }, content);
    expectContent(text.replace(/”|“/g, ''), 'odt');
    expect(strFromU8(files['styles.xml'])).toContain('style:name="Quote"');
  });
});
