import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { AppError } from '../util/errors';
import { decodeBuffer } from './encoding';
import { htmlToText, trimEmailBody } from './email-text';
import { describeMagic, sniffMagic } from './magic';
import { readZipDirectory } from './zip';
import type { OpenedSource, SourceItem } from './source';

export const DOCUMENT_EXTENSIONS = ['.txt', '.eml', '.docx', '.pdf'];
/** A document larger than this is kept out (quarantined by name), not read. */
const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
const MAX_PDF_PAGES = 2000;

/** The columns every document has: one document is one respondent. */
export const DOCUMENT_COLUMNS = [
  'File',
  'Channel',
  'From',
  'Date',
  'Subject',
  'Attachments',
  'Text',
  'Original text',
  'Encoding',
] as const;

export interface DocumentFile {
  path: string;
  /** The name shown and used as the respondent id: the path under the chosen folder. */
  name: string;
}

interface Extracted {
  channel: string;
  from?: string;
  date?: string;
  subject?: string;
  attachments?: string;
  text: string;
  original?: string;
  encoding?: string;
}

// The parsers load on first use: a CSV import should not pay for reading Word files and e-mails.
async function readEml(buf: Buffer): Promise<Extracted> {
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(buf, { skipImageLinks: true, skipTextToHtml: true });
  const from = mail.from?.value[0];
  const body = mail.text?.trim() ? mail.text : typeof mail.html === 'string' ? htmlToText(mail.html) : '';
  return {
    channel: 'email',
    from: from ? (from.name ? `${from.name} <${from.address ?? ''}>` : (from.address ?? '')) : '',
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : '',
    subject: mail.subject ?? '',
    attachments: mail.attachments.map((a) => a.filename ?? a.contentType).join('; '),
    text: trimEmailBody(body),
    original: body,
  };
}

async function readDocx(path: string, name: string): Promise<Extracted> {
  const entries = readZipDirectory(path, name);
  if (!entries.some((e) => e.name === 'word/document.xml'))
    throw new AppError('BAD_FILE', `${name} is a ZIP archive but not a Word document`);
  const { default: mammoth } = await import('mammoth');
  const result = await mammoth.extractRawText({ path });
  return { channel: 'letter', text: result.value.replace(/\n{3,}/g, '\n\n').trim() };
}

async function readPdf(buf: Buffer): Promise<Extracted> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(buf),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let p = 1; p <= Math.min(doc.numPages, MAX_PDF_PAGES); p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text.trim());
      page.cleanup();
    }
    return { channel: 'letter', text: pages.filter(Boolean).join('\n\n') };
  } finally {
    await doc.destroy();
  }
}

async function extract(file: DocumentFile): Promise<Extracted> {
  const ext = extname(file.path).toLowerCase();
  const size = statSync(file.path).size;
  if (size === 0) throw new AppError('BAD_FILE', 'the file is empty');
  if (size > MAX_DOCUMENT_BYTES)
    throw new AppError(
      'BAD_FILE',
      `the file is ${(size / 1024 ** 2).toFixed(0)} MB; documents over ${MAX_DOCUMENT_BYTES / 1024 ** 2} MB are not read`,
    );
  if (ext === '.docx') {
    const head = readFileSync(file.path).subarray(0, 8);
    if (sniffMagic(head, false) !== 'zip')
      throw new AppError('BAD_FILE', 'it is not a Word document (.docx files are ZIP archives; this one is not)');
    return readDocx(file.path, file.name);
  }
  const buf = readFileSync(file.path);
  if (ext === '.pdf') {
    if (sniffMagic(buf.subarray(0, 8), false) !== 'pdf') throw new AppError('BAD_FILE', 'it is not a PDF document');
    return readPdf(buf);
  }
  if (ext === '.eml') return readEml(buf);
  const { text, guess } = decodeBuffer(buf);
  const magic = sniffMagic(buf.subarray(0, 8192), guess.encoding.startsWith('utf-16'));
  if (magic !== 'text') throw new AppError('BAD_FILE', `it is ${describeMagic(magic)}, not text`);
  return { channel: 'letter', text: text.trim(), encoding: guess.encoding };
}

/** A folder or selection of documents: each is one respondent, its text the answer. */
export function openDocuments(files: DocumentFile[]): OpenedSource {
  const totalBytes = files.reduce((sum, f) => sum + statSync(f.path).size, 0);
  let bytes = 0;
  const encodings = new Map<string, number>();
  const columns = [...DOCUMENT_COLUMNS];

  async function* items(): AsyncGenerator<SourceItem[]> {
    let batch: SourceItem[] = [];
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      const row = i + 1;
      try {
        const d = await extract(file);
        if (d.encoding) encodings.set(d.encoding, (encodings.get(d.encoding) ?? 0) + 1);
        if (!d.text.trim()) {
          batch.push({
            kind: 'bad',
            row,
            part: file.name,
            reason: `${file.name} has no text to import${extname(file.path).toLowerCase() === '.pdf' ? ' (a scanned PDF? its pages are images)' : ''}`,
            raw: '',
          });
        } else {
          const values = [
            file.name,
            d.channel,
            d.from ?? '',
            d.date ?? '',
            d.subject ?? '',
            d.attachments ?? '',
            d.text,
            d.original !== undefined && d.original.trim() !== d.text ? d.original : '',
            d.encoding ?? '',
          ];
          batch.push({ kind: 'row', row, part: file.name, columns, values });
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        batch.push({
          kind: 'bad',
          row,
          part: file.name,
          reason: `${file.name} could not be read: ${message}`,
          raw: '',
        });
      }
      bytes += statSync(file.path).size;
      if (batch.length >= 50) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }

  return {
    format: 'documents',
    get encoding() {
      if (encodings.size === 0) return null;
      if (encodings.size === 1) return [...encodings.keys()][0];
      return `mixed: ${[...encodings.entries()].map(([e, n]) => `${e} (${n})`).join(', ')}`;
    },
    get encodingReason() {
      return encodings.size > 1 ? 'each text file detected on its own' : encodings.size ? 'detected per file' : null;
    },
    delimiter: null,
    sheets: [],
    sheet: null,
    columns,
    warnings: [],
    totalBytes,
    bytesRead: () => bytes,
    knownRows: files.length,
    items,
  };
}
