import type { TextSegment } from '../../shared/api';

/** Text with the search's matches marked. Response text is untrusted: it only ever becomes text nodes. */
export function Segments({ segments }: { segments: TextSegment[] }) {
  return segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>));
}
