/**
 * Trims an e-mail body to what its sender wrote, where that is clear: quoted lines ("> ..."), the
 * "On ... wrote:" line before them, a forwarded or replied-to message below "-----Original Message-----",
 * and a signature below "-- " or a mailing-list footer. If trimming would leave nothing, the body stays whole.
 */
export function trimEmailBody(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.trim();
    if (/^-- ?$/.test(line) || /^_{10,}$/.test(t)) break; // signature or list footer from here on
    if (/^-{2,}\s*(original message|forwarded message)\s*-{2,}$/i.test(t)) break;
    if (/^(sent from my|get outlook for)\b/i.test(t)) break;
    if (/^From: .+/.test(t) && /^(Sent|Date): /.test(lines[i + 1]?.trim() ?? '')) break; // an Outlook reply header
    if (/^>/.test(t) || /^\|/.test(t)) continue; // quoted text
    if (/\bwrote:\s*$/.test(t) && /^>|^$/.test(lines[i + 1]?.trim() ?? '>')) continue;
    kept.push(line);
  }
  const text = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text || body.trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of an HTML-only e-mail: scripts and styles dropped, blocks on their own lines, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote)\s*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
