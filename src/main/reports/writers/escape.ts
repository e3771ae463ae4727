/** Escaping for every markup a writer produces. Response text is untrusted: it only ever passes through here. */

/** For XML and HTML text and attribute values. Also drops characters XML 1.0 forbids (they make files unreadable). */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot hold
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML, '');
}
