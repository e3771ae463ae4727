import type { ReactNode } from 'react';
import type { PiiFinding } from '../../shared/api';
import './signals.css';

/**
 * A response's text with its personal data marked. The text is untrusted: it is only ever rendered as text
 * nodes. Findings marked as not personal data keep a dashed outline so the decision stays visible.
 */
export function PersonalDataText({ text, findings }: { text: string; findings: readonly PiiFinding[] }): ReactNode {
  if (!findings.length) return text;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    parts.push(text.slice(at, f.start));
    parts.push(
      <mark
        key={`${f.start}-${f.kind}`}
        className={`pii${f.falsePositive ? ' false-positive' : ''}`}
        title={f.falsePositive ? `${f.label} (marked as not personal data)` : f.label}
      >
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  parts.push(text.slice(at));
  return parts;
}
