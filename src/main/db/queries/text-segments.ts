import type { TextSegment } from '../../../shared/api';

/** Marker characters FTS5's snippet() and highlight() put around matches; split on, never rendered. */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/** Splits marked text into plain and matched stretches. Text that itself holds a marker is left unmarked. */
export function segments(marked: string, original?: string): TextSegment[] {
  if (original !== undefined && (original.includes(MARK_START) || original.includes(MARK_END))) {
    return [{ text: original, match: false }];
  }
  const out: TextSegment[] = [];
  for (const [i, part] of marked.split(MARK_START).entries()) {
    if (i === 0) {
      if (part) out.push({ text: part, match: false });
      continue;
    }
    const end = part.indexOf(MARK_END);
    const hit = end < 0 ? part : part.slice(0, end);
    const rest = end < 0 ? '' : part.slice(end + 1);
    if (hit) out.push({ text: hit, match: true });
    if (rest) out.push({ text: rest, match: false });
  }
  return out;
}

export const plain = (text: string): TextSegment[] => (text ? [{ text, match: false }] : []);
