/**
 * The summary as Markdown (GitHub-flavoured tables). Untrusted text is made inert: <, > and & become
 * entities (so no renderer passes raw HTML through) and Markdown punctuation is backslash-escaped (so a
 * response cannot make a link, an image or a heading). Charts are left out: each is followed by its table.
 */
import type { ReportSummary } from '../../../shared/api';
import { outline, type Block, type Span } from '../outline';
import { stripInvalidXmlChars } from './escape';

export function escapeMarkdown(text: string): string {
  return (
    stripInvalidXmlChars(text)
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`)
      .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
      // At the start of a line these would begin a list or a heading underline.
      .replace(/^(\d+)([.)])/, '$1\\$2')
      .replace(/^([-+=])/, '\\$1')
  );
}

function spans(list: Span[]): string {
  return list.map((s) => (s.strong ? `**${escapeMarkdown(s.text)}**` : escapeMarkdown(s.text))).join('');
}

function block(b: Block): string | null {
  switch (b.type) {
    case 'title':
      return `# ${escapeMarkdown(b.text)}\n\n${escapeMarkdown(b.subtitle)}\n\n${b.meta.map((m) => `*${escapeMarkdown(m)}*`).join('  \n')}`;
    case 'contents':
      return `## Contents\n\n${b.entries.map((e) => `- [${escapeMarkdown(e.text)}](#${e.id})`).join('\n')}`;
    case 'heading':
      // The title is the only level-1 heading; sections step down one level.
      return `${'#'.repeat(b.level + 1)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return spans(b.spans);
    case 'list':
      return b.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n');
    case 'note':
      return `> **${escapeMarkdown(b.text)}**`;
    case 'quote':
      return `> “${escapeMarkdown(b.text)}”\n>\n> — ${escapeMarkdown(b.attribution)}`;
    case 'chart':
      return null;
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
      const rule = `|${b.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`;
      return `**${escapeMarkdown(b.caption)}**\n\n${[row(b.head), rule, ...b.rows.map(row)].join('\n')}`;
    }
  }
}

export function renderMarkdown(summary: ReportSummary): string {
  return `${outline(summary)
    .map(block)
    .filter((b): b is string => b !== null)
    .join('\n\n')}\n`;
}
