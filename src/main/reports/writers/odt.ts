/**
 * The summary as an OpenDocument text file (.odt), the UK government's standard for sharing documents.
 * A zip written with fflate: "mimetype" first and stored, then content.xml, styles.xml, meta.xml, the chart
 * pictures (SVG, with a PNG fallback in the same frame) and META-INF/manifest.xml. Paragraphs use named
 * styles (Title, Heading 1-3, Quote, Caption, Note, Table Contents...) so the document can be restyled; all
 * text is XML-escaped and nothing in it is a field, link or script.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ReportSummary } from '../../../shared/api';
import { barChartSvg, describeBars } from '../charts/bars';
import { barChartPng } from '../charts/png';
import { outline, SHORT_TABLE_ROWS, type Block, type Span } from '../outline';
import { escapeXml as esc } from './escape';

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'office:version="1.3"',
].join(' ');

const FONT = 'style:font-name="Arial" fo:font-family="Arial"';
const GREY = '#505a5f';
const RULE = '0.5pt solid #b1b4b6';

function paragraphStyle(name: string, display: string, paragraph: string, textProps: string, extra = ''): string {
  return `<style:style style:name="${name}" style:display-name="${display}" style:family="paragraph" ${extra}><style:paragraph-properties ${paragraph}/><style:text-properties ${textProps}/></style:style>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${NS}>
<office:font-face-decls><style:font-face style:name="Arial" svg:font-family="Arial" style:font-family-generic="swiss"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.25cm"/><style:text-properties ${FONT} fo:font-size="11pt" fo:color="#0b0c0c" fo:language="en" fo:country="GB"/></style:default-style>
${paragraphStyle('Standard', 'Standard', '', '', 'style:class="text"')}
${paragraphStyle('Text_20_body', 'Text body', 'fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="130%"', '', 'style:parent-style-name="Standard" style:class="text"')}
${paragraphStyle('Kicker', 'Kicker', 'fo:margin-bottom="0.1cm"', `fo:font-size="14pt" fo:color="${GREY}"`, 'style:parent-style-name="Standard" style:next-style-name="Title"')}
${paragraphStyle('Title', 'Title', 'fo:margin-bottom="0.2cm"', 'fo:font-size="28pt" fo:font-weight="bold"', 'style:parent-style-name="Standard" style:next-style-name="Subtitle" style:class="chapter"')}
${paragraphStyle('Subtitle', 'Subtitle', 'fo:margin-bottom="0.2cm"', 'fo:font-size="18pt"', 'style:parent-style-name="Standard" style:class="chapter"')}
${paragraphStyle('Meta', 'Meta', 'fo:margin-bottom="0.1cm"', `fo:font-size="9pt" fo:color="${GREY}"`, 'style:parent-style-name="Standard"')}
${paragraphStyle('Footer', 'Footer', 'fo:text-align="end"', `fo:font-size="9pt" fo:color="${GREY}"`, 'style:parent-style-name="Standard" style:class="extra"')}
${paragraphStyle('Heading', 'Heading', 'fo:keep-with-next="always"', 'fo:font-weight="bold"', 'style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"')}
${paragraphStyle('Heading_20_1', 'Heading 1', 'fo:margin-top="0.4cm" fo:margin-bottom="0.35cm"', 'fo:font-size="20pt"', 'style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"')}
${paragraphStyle('Heading_20_2', 'Heading 2', 'fo:margin-top="0.6cm" fo:margin-bottom="0.3cm"', 'fo:font-size="15pt"', 'style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"')}
${paragraphStyle('Heading_20_3', 'Heading 3', 'fo:margin-top="0.45cm" fo:margin-bottom="0.2cm"', 'fo:font-size="12pt"', 'style:parent-style-name="Heading" style:default-outline-level="3" style:class="text"')}
${paragraphStyle('Contents_20_Heading', 'Contents Heading', `fo:margin-top="1cm" fo:margin-bottom="0.2cm" fo:padding-top="0.15cm" fo:border-top="${RULE}"`, 'fo:font-size="12pt" fo:font-weight="bold"', 'style:parent-style-name="Standard"')}
${paragraphStyle('Contents_20_Entry', 'Contents Entry', 'fo:margin-bottom="0.1cm"', '', 'style:parent-style-name="Standard"')}
${paragraphStyle('Quote', 'Quote', `fo:margin-left="0.4cm" fo:margin-top="0.3cm" fo:margin-bottom="0.05cm" fo:padding-left="0.3cm" fo:border-left="3pt solid #b1b4b6" fo:keep-with-next="always"`, '', 'style:parent-style-name="Standard" style:next-style-name="Quote_20_Attribution"')}
${paragraphStyle('Quote_20_Attribution', 'Quote Attribution', 'fo:margin-left="0.4cm" fo:margin-bottom="0.35cm" fo:padding-left="0.3cm" fo:border-left="3pt solid #b1b4b6"', `fo:font-size="9pt" fo:color="${GREY}"`, 'style:parent-style-name="Standard"')}
${paragraphStyle('Caption', 'Caption', 'fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"', 'fo:font-weight="bold"', 'style:parent-style-name="Standard" style:class="extra"')}
${paragraphStyle('Note', 'Note', 'fo:margin-top="0.2cm" fo:margin-bottom="0.35cm" fo:padding="0.3cm" fo:border-left="4pt solid #1d70b8" fo:background-color="#f3f2f1"', '', 'style:parent-style-name="Standard"')}
${paragraphStyle('Figure', 'Figure', 'fo:margin-bottom="0.4cm"', '', 'style:parent-style-name="Standard"')}
${paragraphStyle('List_20_Item', 'List Item', 'fo:margin-bottom="0.1cm"', '', 'style:parent-style-name="Text_20_body"')}
${paragraphStyle('Table_20_Contents', 'Table Contents', 'fo:margin-top="0.05cm" fo:margin-bottom="0.05cm"', 'fo:font-size="9pt"', 'style:parent-style-name="Standard" style:class="extra"')}
${paragraphStyle('Table_20_Number', 'Table Number', 'fo:text-align="end" fo:margin-top="0.05cm" fo:margin-bottom="0.05cm"', 'fo:font-size="9pt"', 'style:parent-style-name="Table_20_Contents" style:class="extra"')}
${paragraphStyle('Table_20_Heading', 'Table Heading', 'fo:margin-top="0.05cm" fo:margin-bottom="0.05cm"', 'fo:font-size="9pt" fo:font-weight="bold"', 'style:parent-style-name="Table_20_Contents" style:class="extra"')}
${paragraphStyle('Table_20_Heading_20_Number', 'Table Heading Number', 'fo:text-align="end"', '', 'style:parent-style-name="Table_20_Heading" style:class="extra"')}
<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<text:list-style style:name="Bullets" style:display-name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.8cm" fo:margin-bottom="1.2cm" fo:margin-left="1.8cm" fo:margin-right="1.8cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="A4"><style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current"/> of <text:page-count/></text:p></style:footer></style:master-page>
</office:master-styles>
</office:document-styles>`;

/** Each chart's pictures, named in order. */
interface Picture {
  name: string;
  data: Uint8Array;
  mediaType: string;
}

class OdtBuilder {
  readonly pictures: Picture[] = [];
  private tables = 0;
  private readonly widths = new Map<string, string>();

  spans(list: Span[]): string {
    return list
      .map((s) =>
        s.strong ? `<text:span text:style-name="Strong_20_Emphasis">${esc(s.text)}</text:span>` : esc(s.text),
      )
      .join('');
  }

  /** Column widths as automatic styles, shared by tables of the same shape. */
  private columnStyle(numeric: boolean[], i: number): string {
    const weights = numeric.map((n, k) => (k === 0 ? 3 : n ? 1.1 : 4));
    const total = weights.reduce((a, b) => a + b, 0);
    const width = ((weights[i] / total) * 17.4).toFixed(2);
    const name = `Col${width.replace('.', '_')}`;
    this.widths.set(name, width);
    return name;
  }

  automaticStyles(): string {
    return [
      '<style:style style:name="NewPage" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:break-before="page"/></style:style>',
      '<style:style style:name="NewPage2" style:family="paragraph" style:parent-style-name="Heading_20_2"><style:paragraph-properties fo:break-before="page"/></style:style>',
      '<style:style style:name="ReportTable" style:family="table"><style:table-properties style:width="17.4cm" table:align="left" fo:margin-bottom="0.3cm"/></style:style>',
      '<style:style style:name="ReportTableKeep" style:family="table"><style:table-properties style:width="17.4cm" table:align="left" fo:margin-bottom="0.3cm" style:may-break-between-rows="false"/></style:style>',
      // Writer applies cell styles only as automatic styles, so the cell borders live here.
      `<style:style style:name="ReportCell" style:family="table-cell"><style:table-cell-properties fo:padding-top="0.05cm" fo:padding-bottom="0.05cm" fo:padding-left="0cm" fo:padding-right="0.2cm" fo:border-bottom="${RULE}" fo:border-top="none" fo:border-left="none" fo:border-right="none"/></style:style>`,
      '<style:style style:name="ReportHeaderCell" style:family="table-cell"><style:table-cell-properties fo:padding-top="0.05cm" fo:padding-bottom="0.05cm" fo:padding-left="0cm" fo:padding-right="0.2cm" fo:border-bottom="1pt solid #0b0c0c" fo:border-top="none" fo:border-left="none" fo:border-right="none"/></style:style>',
      '<style:style style:name="Frame" style:family="graphic"><style:graphic-properties style:wrap="none" style:vertical-pos="top" style:vertical-rel="baseline" fo:border="none"/></style:style>',
      ...[...this.widths].map(
        ([name, w]) =>
          `<style:style style:name="${name}" style:family="table-column"><style:table-column-properties style:column-width="${w}cm"/></style:style>`,
      ),
    ].join('');
  }

  block(b: Block): string {
    switch (b.type) {
      case 'title':
        return (
          '<text:p text:style-name="Kicker">Consultation outcome</text:p>' +
          `<text:p text:style-name="Title">${esc(b.text)}</text:p><text:p text:style-name="Subtitle">${esc(b.subtitle)}</text:p>` +
          b.meta.map((m) => `<text:p text:style-name="Meta">${esc(m)}</text:p>`).join('')
        );
      case 'contents':
        return (
          '<text:p text:style-name="Contents_20_Heading">Contents</text:p>' +
          b.entries.map((e) => `<text:p text:style-name="Contents_20_Entry">— ${esc(e.text)}</text:p>`).join('')
        );
      case 'heading': {
        const style =
          b.newPage && b.level === 1 ? 'NewPage' : b.newPage && b.level === 2 ? 'NewPage2' : `Heading_20_${b.level}`;
        return `<text:h text:style-name="${style}" text:outline-level="${b.level}">${esc(b.text)}</text:h>`;
      }
      case 'paragraph':
        return `<text:p text:style-name="Text_20_body">${this.spans(b.spans)}</text:p>`;
      case 'list':
        return `<text:list text:style-name="Bullets">${b.items.map((i) => `<text:list-item><text:p text:style-name="List_20_Item">${esc(i)}</text:p></text:list-item>`).join('')}</text:list>`;
      case 'note':
        return `<text:p text:style-name="Note">${esc(b.text)}</text:p>`;
      case 'quote':
        return `<text:p text:style-name="Quote">“${esc(b.text)}”</text:p><text:p text:style-name="Quote_20_Attribution">${esc(b.attribution)}</text:p>`;
      case 'chart':
        return this.chart(b);
      case 'table':
        return this.table(b);
    }
  }

  private chart(b: Extract<Block, { type: 'chart' }>): string {
    if (b.bars.length === 0) return '';
    const n = this.pictures.length / 2 + 1;
    const png = barChartPng(b.title, b.bars);
    this.pictures.push(
      {
        name: `Pictures/chart${n}.svg`,
        data: strToU8(barChartSvg(b.title, b.bars)),
        mediaType: 'image/svg+xml',
      },
      { name: `Pictures/chart${n}.png`, data: png.png, mediaType: 'image/png' },
    );
    const cm = (px: number) => `${((px / 96) * 2.54).toFixed(2)}cm`;
    const image = (href: string) =>
      `<draw:image xlink:href="${href}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>`;
    const description = describeBars(b.bars);
    return (
      `<text:p text:style-name="Caption">${esc(b.title)}</text:p>` +
      `<text:p text:style-name="Figure"><draw:frame draw:style-name="Frame" draw:name="Figure ${n}" text:anchor-type="as-char" svg:width="${cm(png.width)}" svg:height="${cm(png.height)}">` +
      `${image(`Pictures/chart${n}.svg`)}${image(`Pictures/chart${n}.png`)}<svg:title>${esc(b.title)}</svg:title><svg:desc>${esc(description)}</svg:desc></draw:frame></text:p>`
    );
  }

  private table(b: Extract<Block, { type: 'table' }>): string {
    const name = `Table${++this.tables}`;
    const columns = b.numeric
      .map((_, i) => `<table:table-column table:style-name="${this.columnStyle(b.numeric, i)}"/>`)
      .join('');
    const cell = (text: string, i: number, head: boolean) => {
      const style = head
        ? b.numeric[i]
          ? 'Table_20_Heading_20_Number'
          : 'Table_20_Heading'
        : b.numeric[i]
          ? 'Table_20_Number'
          : 'Table_20_Contents';
      return `<table:table-cell table:style-name="${head ? 'ReportHeaderCell' : 'ReportCell'}" office:value-type="string"><text:p text:style-name="${style}">${esc(text)}</text:p></table:table-cell>`;
    };
    return (
      `<text:p text:style-name="Caption">${esc(b.caption)}</text:p>` +
      `<table:table table:name="${name}" table:style-name="${b.rows.length <= SHORT_TABLE_ROWS ? 'ReportTableKeep' : 'ReportTable'}">${columns}` +
      `<table:table-header-rows><table:table-row>${b.head.map((h, i) => cell(h, i, true)).join('')}</table:table-row></table:table-header-rows>` +
      b.rows.map((r) => `<table:table-row>${r.map((c, i) => cell(c, i, false)).join('')}</table:table-row>`).join('') +
      '</table:table>'
    );
  }
}

function manifest(pictures: Picture[]): string {
  const entry = (path: string, type: string) =>
    `<manifest:file-entry manifest:full-path="${path}" manifest:media-type="${type}"/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
${entry('/', 'application/vnd.oasis.opendocument.text')}
${entry('content.xml', 'text/xml')}
${entry('styles.xml', 'text/xml')}
${entry('meta.xml', 'text/xml')}
${pictures.map((p) => entry(p.name, p.mediaType)).join('\n')}
</manifest:manifest>`;
}

export function renderOdt(summary: ReportSummary): Uint8Array {
  const builder = new OdtBuilder();
  const body = outline(summary)
    .map((b) => builder.block(b))
    .join('\n');
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS}>
<office:automatic-styles>${builder.automaticStyles()}</office:automatic-styles>
<office:body><office:text>
${body}
</office:text></office:body>
</office:document-content>`;
  const meta = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${NS}><office:meta><meta:generator>Consultation Analyser</meta:generator><dc:title>${esc(`${summary.title}: summary of responses`)}</dc:title><meta:creation-date>${esc(summary.generatedAt.replace(/Z$/, ''))}</meta:creation-date></office:meta></office:document-meta>`;
  const files: Zippable = {
    // The mimetype entry must come first and be stored uncompressed, so tools can identify the file.
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(content),
    'styles.xml': strToU8(STYLES),
    'meta.xml': strToU8(meta),
  };
  for (const p of builder.pictures) files[p.name] = [p.data, { level: p.mediaType === 'image/png' ? 0 : 6 }];
  files['META-INF/manifest.xml'] = strToU8(manifest(builder.pictures));
  return zipSync(files, { level: 6 });
}
