/**
 * The summary as a Word document a department can restyle: every paragraph and table uses a named style
 * (Title, Heading 1-3, Quote, Quote Attribution, Caption, Note, Table Text, Report Table), so changing a
 * style changes the whole document. Charts are SVG images with a PNG fallback that carries the same labels and numbers, and alt text. Response text
 * goes in plain text runs only (escaped by the docx library): no fields, links or embedded content come
 * from it; the only fields are the footer's page numbers.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ReportSummary } from '../../../shared/api';
import { barChartSvg, describeBars } from '../charts/bars';
import { barChartPng } from '../charts/png';
import { outline, SHORT_TABLE_ROWS, type Block, type Span } from '../outline';
import { stripInvalidXmlChars as clean } from './escape';

/** A4 with 18 mm margins: the text width in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, margin: 1020 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

const BORDER = 'B1B4B6';

/** Styles the document defines beyond Word's defaults, named so a department can find and change them. */
const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Kicker"><w:name w:val="Kicker"/><w:basedOn w:val="Normal"/><w:next w:val="Title"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="60"/></w:pPr><w:rPr><w:color w:val="505A5F"/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="120" w:after="120"/></w:pPr><w:rPr><w:sz w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Meta"><w:name w:val="Meta"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="40"/></w:pPr><w:rPr><w:color w:val="505A5F"/><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="ContentsHeading"><w:name w:val="Contents Heading"/><w:basedOn w:val="Normal"/><w:next w:val="ContentsEntry"/><w:qFormat/><w:pPr><w:keepNext/><w:pBdr><w:top w:val="single" w:sz="4" w:space="6" w:color="${BORDER}"/></w:pBdr><w:spacing w:before="480" w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="ContentsEntry"><w:name w:val="Contents Entry"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="60"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="QuoteAttribution"/><w:qFormat/><w:pPr><w:keepNext/><w:pBdr><w:left w:val="single" w:sz="36" w:space="8" w:color="${BORDER}"/></w:pBdr><w:spacing w:before="160" w:after="40"/><w:ind w:left="240"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="QuoteAttribution"><w:name w:val="Quote Attribution"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:pBdr><w:left w:val="single" w:sz="36" w:space="8" w:color="${BORDER}"/></w:pBdr><w:spacing w:before="0" w:after="200"/><w:ind w:left="240"/></w:pPr><w:rPr><w:color w:val="505A5F"/><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:pBdr><w:left w:val="single" w:sz="48" w:space="8" w:color="1D70B8"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="F3F2F1"/><w:spacing w:before="120" w:after="200"/><w:ind w:left="240"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Figure"><w:name w:val="Figure"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="240"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableHeading"><w:name w:val="Table Heading"/><w:basedOn w:val="TableText"/><w:qFormat/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="table" w:customStyle="1" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:qFormat/><w:tblPr><w:tblBorders><w:bottom w:val="single" w:sz="4" w:space="0" w:color="${BORDER}"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="${BORDER}"/></w:tblBorders><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="140" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:tcBorders><w:bottom w:val="single" w:sz="12" w:space="0" w:color="0B0C0C"/></w:tcBorders></w:tcPr></w:tblStylePr></w:style>
</w:styles>`;

const heading = (size: number, before: number) => ({
  run: { font: 'Arial', size, bold: true, color: '0B0C0C' },
  paragraph: { spacing: { before, after: 160 }, keepNext: true },
});

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function runs(spans: Span[]): TextRun[] {
  return spans.map((s) => new TextRun({ text: clean(s.text), bold: s.strong }));
}

/** Column widths: the label column and any text column get room, numbers get a narrow column each. */
function columnWidths(numeric: boolean[]): number[] {
  const weights = numeric.map((n, i) => (i === 0 ? 3 : n ? 1.1 : 4));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((w / total) * TEXT_WIDTH));
}

function table(b: Extract<Block, { type: 'table' }>): (Paragraph | Table)[] {
  const widths = columnWidths(b.numeric);
  // A short table stays on one page: every row but the last keeps with the next.
  const keep = b.rows.length <= SHORT_TABLE_ROWS;
  const cell = (text: string, i: number, head: boolean, last = false) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      children: [
        new Paragraph({
          style: head ? 'TableHeading' : 'TableText',
          alignment: b.numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
          keepNext: head || (keep && !last),
          children: [new TextRun(clean(text))],
        }),
      ],
    });
  return [
    new Paragraph({ style: 'Caption', children: [new TextRun(clean(b.caption))] }),
    new Table({
      style: 'ReportTable',
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: b.head.map((h, i) => cell(h, i, true)) }),
        ...b.rows.map(
          (r, n) =>
            new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false, n === b.rows.length - 1)) }),
        ),
      ],
    }),
  ];
}

function chart(b: Extract<Block, { type: 'chart' }>): Paragraph[] {
  if (b.bars.length === 0) return [];
  const fallback = barChartPng(b.title, b.bars);
  const description = describeBars(b.bars);
  return [
    new Paragraph({ style: 'Caption', children: [new TextRun(clean(b.title))] }),
    new Paragraph({
      style: 'Figure',
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(barChartSvg(b.title, b.bars)),
          fallback: { type: 'png', data: fallback.png },
          transformation: { width: fallback.width, height: fallback.height },
          altText: { name: clean(b.title), title: clean(b.title), description: clean(description) },
        }),
      ],
    }),
  ];
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'title':
      return [
        new Paragraph({ style: 'Kicker', children: [new TextRun('Consultation outcome')] }),
        new Paragraph({ style: 'Title', children: [new TextRun(clean(b.text))] }),
        new Paragraph({ style: 'Subtitle', children: [new TextRun(clean(b.subtitle))] }),
        ...b.meta.map((m) => new Paragraph({ style: 'Meta', children: [new TextRun(clean(m))] })),
      ];
    case 'contents':
      return [
        new Paragraph({ style: 'ContentsHeading', children: [new TextRun('Contents')] }),
        ...b.entries.map(
          (e) => new Paragraph({ style: 'ContentsEntry', children: [new TextRun(`— ${clean(e.text)}`)] }),
        ),
      ];
    case 'heading':
      return [
        new Paragraph({
          heading: HEADINGS[b.level],
          pageBreakBefore: b.newPage,
          children: [new TextRun(clean(b.text))],
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ children: runs(b.spans) })];
    case 'list':
      return b.items.map((i) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(clean(i))] }));
    case 'note':
      return [new Paragraph({ style: 'Note', children: [new TextRun(clean(b.text))] })];
    case 'quote':
      return [
        new Paragraph({ style: 'Quote', children: [new TextRun(`“${clean(b.text)}”`)] }),
        new Paragraph({ style: 'QuoteAttribution', children: [new TextRun(clean(b.attribution))] }),
      ];
    case 'chart':
      return chart(b);
    case 'table':
      return table(b);
  }
}

function footer(): Footer {
  const children: ParagraphChild[] = [
    new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
  ];
  return new Footer({ children: [new Paragraph({ style: 'Meta', alignment: AlignmentType.RIGHT, children })] });
}

export async function renderDocx(summary: ReportSummary): Promise<Buffer> {
  const doc = new Document({
    title: clean(`${summary.title}: summary of responses`),
    creator: 'Consultation Analyser',
    description: 'Summary of responses',
    styles: {
      default: {
        document: {
          run: { font: 'Arial', size: 22, color: '0B0C0C' },
          paragraph: { spacing: { after: 160, line: 276, lineRule: LineRuleType.AUTO } },
        },
        title: {
          run: { font: 'Arial', size: 56, bold: true, color: '0B0C0C' },
          paragraph: { spacing: { after: 120 } },
        },
        heading1: heading(40, 0),
        heading2: heading(30, 360),
        heading3: heading(24, 240),
      },
    },
    externalStyles: STYLES_XML,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: { default: footer() },
        children: outline(summary).flatMap(block),
      },
    ],
  });
  return withStyleBorders(await Packer.toBuffer(doc));
}

/**
 * The docx library writes borders on every table directly, and direct formatting beats a style: left in,
 * restyling "Report Table" would not change any table's borders. They are removed so the style governs.
 * Only the library's own markup can match: response text in the XML is escaped.
 */
function withStyleBorders(docx: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(docx));
  const document = strFromU8(files['word/document.xml']).replace(/<w:tblBorders>.*?<\/w:tblBorders>/g, '');
  files['word/document.xml'] = strToU8(document);
  return Buffer.from(zipSync(files, { level: 6 }));
}
