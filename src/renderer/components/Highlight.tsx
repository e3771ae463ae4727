import type { ReactNode } from 'react';

/** The words of a search query worth highlighting: no operators, prefixes as stems. */
export function searchTerms(query: string): string[] {
  const phrases = [...query.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  const words = query
    .replace(/"[^"]*"/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !['AND', 'OR', 'NOT', 'NEAR'].includes(w))
    .map((w) => w.replace(/[*()^:]/g, ''))
    .filter((w) => w.length > 1);
  return [...phrases, ...words];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text with the search terms marked. The text is untrusted: it is only ever rendered as text nodes. */
export function Highlight({ text, query }: { text: string; query: string }): ReactNode {
  const terms = searchTerms(query);
  if (!terms.length) return text;
  const pattern = new RegExp(`(${terms.map(escapeRegExp).join('|')})\\w*`, 'gi');
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(<mark key={start}>{match[0]}</mark>);
    last = start + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}
