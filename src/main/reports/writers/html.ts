/**
 * The summary as one self-contained HTML file: inline CSS in the style of a GOV.UK publication, inline SVG
 * charts, no scripts (and a Content Security Policy that forbids them), every piece of text escaped. The same
 * file, printed by Chromium, is the PDF.
 */
import type { ReportSummary } from '../../../shared/api';
import { barChartSvg } from '../charts/bars';
import { outline, SHORT_TABLE_ROWS, type Block, type Span } from '../outline';
import { escapeXml as esc } from './escape';

const CSS = `
@page { size: A4; margin: 20mm 18mm 22mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, Helvetica, sans-serif; color: #505a5f; } }
:root { color: #0b0c0c; background: #fff; font-family: Arial, Helvetica, sans-serif; font-size: 19px; line-height: 1.32; }
body { margin: 0; }
main { max-width: 960px; margin: 0 auto; padding: 30px 30px 60px; }
.masthead { border-bottom: 10px solid #1d70b8; padding-bottom: 20px; margin-bottom: 30px; }
.caption { color: #505a5f; font-size: 24px; margin: 0 0 5px; }
h1, h2, h3 { font-weight: 700; margin: 0; }
h1.title { font-size: 48px; line-height: 1.04; margin-bottom: 15px; }
.subtitle { font-size: 27px; margin: 0 0 15px; }
.meta { color: #505a5f; font-size: 16px; margin: 0; padding: 0; list-style: none; }
h1 { font-size: 36px; line-height: 1.11; margin: 45px 0 20px; }
h2 { font-size: 27px; line-height: 1.11; margin: 40px 0 15px; }
h3 { font-size: 22px; line-height: 1.14; margin: 30px 0 10px; }
p { margin: 0 0 20px; max-width: 38em; }
ul { margin: 0 0 20px; padding-left: 20px; }
li { margin-bottom: 5px; }
.contents { border-top: 1px solid #b1b4b6; padding-top: 10px; margin-bottom: 30px; }
.contents h2 { font-size: 19px; margin: 0 0 10px; }
.contents ol { list-style: none; padding: 0; margin: 0; }
.contents li::before { content: "— "; }
a { color: #1d70b8; }
.note { border-left: 10px solid #1d70b8; padding: 15px; margin: 0 0 20px; background: #f3f2f1; max-width: 38em; }
blockquote { margin: 0 0 20px; padding: 10px 0 10px 15px; border-left: 10px solid #b1b4b6; max-width: 38em; }
blockquote p { margin: 0 0 5px; }
blockquote footer { color: #505a5f; font-size: 16px; }
figure { margin: 0 0 30px; }
figcaption, caption { font-weight: 700; text-align: left; margin-bottom: 10px; font-size: 19px; }
svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 0 0 30px; font-size: 16px; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 8px 12px 8px 0; text-align: left; vertical-align: top; }
th { font-weight: 700; }
tbody th { font-weight: 400; }
.num { text-align: right; font-variant-numeric: tabular-nums; width: 1%; white-space: nowrap; }
thead .num { white-space: normal; min-width: 5em; }
td:last-child, th:last-child { padding-right: 0; }
@media print {
  :root { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h1.title { font-size: 30pt; }
  .subtitle { font-size: 18pt; }
  .caption { font-size: 14pt; }
  h1 { font-size: 22pt; margin: 24pt 0 10pt; }
  h1.new-page, h1.title { margin-top: 0; }
  table.keep { break-inside: avoid; }
  tbody th { min-width: 12em; }
  .new-page { break-before: page; }
  h2 { font-size: 16pt; }
  h3 { font-size: 13pt; }
  table { font-size: 9.5pt; }
  figcaption, caption { font-size: 11pt; }
  blockquote footer, .meta { font-size: 9.5pt; }
  blockquote { margin-bottom: 12px; padding: 6px 0 6px 12px; }
  th, td { padding: 5px 10px 5px 0; }
  h2 { margin: 24px 0 10px; }
  h3 { margin: 20px 0 8px; }
  p { margin-bottom: 12px; }
  h1, h2, h3, caption, figcaption { break-after: avoid; }
  tr, blockquote, figure, .note { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

function spans(list: Span[]): string {
  return list.map((s) => (s.strong ? `<strong>${esc(s.text)}</strong>` : esc(s.text))).join('');
}

function block(b: Block): string {
  switch (b.type) {
    case 'title':
      return `<header class="masthead"><p class="caption">Consultation outcome</p><h1 class="title">${esc(b.text)}</h1><p class="subtitle">${esc(
        b.subtitle,
      )}</p><ul class="meta">${b.meta.map((m) => `<li>${esc(m)}</li>`).join('')}</ul></header>`;
    case 'contents':
      return `<nav class="contents" aria-labelledby="contents-title"><h2 id="contents-title">Contents</h2><ol>${b.entries
        .map((e) => `<li><a href="#${esc(e.id)}">${esc(e.text)}</a></li>`)
        .join('')}</ol></nav>`;
    case 'heading':
      return `<h${b.level} id="${esc(b.id)}"${b.newPage ? ' class="new-page"' : ''}>${esc(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${spans(b.spans)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
    case 'note':
      return `<div class="note"><p>${esc(b.text)}</p></div>`;
    case 'quote':
      return `<blockquote><p>“${esc(b.text)}”</p><footer>${esc(b.attribution)}</footer></blockquote>`;
    case 'chart':
      return b.bars.length
        ? `<figure><figcaption>${esc(b.title)}</figcaption>${barChartSvg(b.title, b.bars)}</figure>`
        : '';
    case 'table': {
      const cls = (i: number) => (b.numeric[i] ? ' class="num"' : '');
      const head = b.head.map((h, i) => `<th scope="col"${cls(i)}>${esc(h)}</th>`).join('');
      const rows = b.rows
        .map(
          (r) =>
            `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td${cls(i)}>${esc(c)}</td>`)).join('')}</tr>`,
        )
        .join('');
      return `<table${b.rows.length <= SHORT_TABLE_ROWS ? ' class="keep"' : ''}><caption>${esc(b.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
  }
}

export function renderHtml(summary: ReportSummary): string {
  const body = outline(summary).map(block).join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Consultation Analyser">
<title>${esc(summary.title)}: summary of responses</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
