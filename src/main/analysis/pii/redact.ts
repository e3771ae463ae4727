/**
 * Redaction on the way out. Stored text is never changed: every export passes each response through
 * redact() with its findings, and findings the analyst marked as not personal data are left as written.
 */
import { PII_PLACEHOLDER, type PiiKind, type PiiSpan } from './kinds';

export interface RedactOptions {
  /** False exports the text as written (the user turned redaction off for this export). */
  enabled: boolean;
  /** Kinds to leave in (e.g. web addresses of organisations); none by default. */
  keep?: readonly PiiKind[];
}

export interface RedactableFinding extends PiiSpan {
  /** Marked by an analyst as not personal data. */
  falsePositive?: boolean;
}

/** The text with each finding replaced by its placeholder ("[email]", "[postcode]"...). Pure. */
export function redact(
  text: string,
  findings: readonly RedactableFinding[],
  options: RedactOptions = { enabled: true },
): string {
  if (!options.enabled || findings.length === 0) return text;
  const keep = new Set(options.keep ?? []);
  const spans = findings
    .filter((f) => !f.falsePositive && !keep.has(f.kind) && f.start >= 0 && f.end <= text.length && f.end > f.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const f of spans) {
    if (f.start < at) {
      // Overlapping findings: extend the redaction rather than leak the tail of the longer one.
      at = Math.max(at, f.end);
      continue;
    }
    out += text.slice(at, f.start) + PII_PLACEHOLDER[f.kind];
    at = f.end;
  }
  return out + text.slice(at);
}
