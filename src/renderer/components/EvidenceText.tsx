import type { ReactNode } from 'react';
import type { EvidenceSpan } from '../../shared/api';

/**
 * A response with the words behind a theme decision marked. The text is untrusted: it is only ever
 * rendered as text nodes, split at the spans' offsets.
 */
export function EvidenceText({ text, spans }: { text: string; spans: EvidenceSpan[] }): ReactNode {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: ReactNode[] = [];
  let last = 0;
  for (const span of sorted) {
    if (span.start < last) continue; // overlapping phrases: the first one marks the text
    if (span.start > last) parts.push(text.slice(last, span.start));
    parts.push(
      <mark key={span.start} title={`Evidence: ${span.term}`}>
        {text.slice(span.start, span.end)}
      </mark>,
    );
    last = span.end;
  }
  parts.push(text.slice(last));
  return parts;
}

/** "82%" for a probability or similarity; nothing for a person's decision without one. */
export function percent(confidence: number | null): string {
  return confidence === null ? '' : `${Math.round(confidence * 100)}%`;
}
