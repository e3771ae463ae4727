/** What a file really is, from its first bytes, whatever its name says. */
export type Magic = 'zip' | 'pdf' | 'ole' | 'binary' | 'text' | 'empty';

const CONTROL_LIMIT = 0.02;

export function sniffMagic(head: Buffer, utf16: boolean): Magic {
  if (head.length === 0) return 'empty';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'ole';
  if (utf16) return 'text';
  let control = 0;
  for (const b of head) {
    if (b === 0) return 'binary';
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > head.length * CONTROL_LIMIT ? 'binary' : 'text';
}

export function describeMagic(magic: Magic): string {
  switch (magic) {
    case 'zip':
      return 'a ZIP archive (an Excel or Word file?)';
    case 'pdf':
      return 'a PDF document';
    case 'ole':
      return 'an old Office 97-2003 file (.xls or .doc): save it as .xlsx, .csv or .docx and import that';
    case 'binary':
      return 'binary data, not text';
    default:
      return magic;
  }
}
