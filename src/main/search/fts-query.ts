import { AppError } from '../util/errors';

/**
 * Turns what an analyst types into an FTS5 query, or explains what is wrong with it.
 *
 * Supported: words, "phrases", prefix* (also "phrase"*), AND / OR / NOT in capitals, -word for NOT word,
 * and (brackets). Every word is quoted before it reaches FTS5, so punctuation that FTS5 would reject
 * (don't, co-operation, £5m, e-mail) simply searches as typed; only the structure can be wrong, and then the
 * message says where.
 */

type Token =
  { kind: 'term'; fts: string } | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' } | { kind: 'open' } | { kind: 'close' };

const OPERATORS = new Set(['AND', 'OR', 'NOT']);
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

function invalid(search: string, problem: string): AppError {
  return new AppError(
    'INVALID_INPUT',
    `The search ${JSON.stringify(search)} could not be understood: ${problem} Put phrases in "double quotes", write AND, OR and NOT in capitals between words, and * only at the end of a word.`,
    { field: 'search' },
  );
}

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

function tokenise(search: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < search.length) {
    const c = search[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      const end = search.indexOf('"', i + 1);
      if (end < 0) throw invalid(search, `the phrase ${search.slice(i)} has no closing quote.`);
      const phrase = search.slice(i + 1, end).trim();
      i = end + 1;
      const prefix = search[i] === '*';
      if (prefix) i++;
      if (HAS_WORD_CHAR.test(phrase)) tokens.push({ kind: 'term', fts: quote(phrase) + (prefix ? '*' : '') });
    } else if (c === '(') {
      tokens.push({ kind: 'open' });
      i++;
    } else if (c === ')') {
      tokens.push({ kind: 'close' });
      i++;
    } else {
      let end = i;
      while (end < search.length && !/[\s"()]/.test(search[end])) end++;
      let word = search.slice(i, end);
      i = end;
      if (OPERATORS.has(word)) {
        tokens.push({ kind: 'op', op: word as 'AND' | 'OR' | 'NOT' });
        continue;
      }
      if (word.startsWith('-') && HAS_WORD_CHAR.test(word)) {
        tokens.push({ kind: 'op', op: 'NOT' });
        word = word.replace(/^-+/, '');
      }
      const prefix = word.endsWith('*');
      word = word.replace(/\*+$/, '');
      if (word.includes('*')) throw invalid(search, `"${word}" has a * inside it.`);
      if (HAS_WORD_CHAR.test(word)) tokens.push({ kind: 'term', fts: quote(word) + (prefix ? '*' : '') });
      else if (prefix) throw invalid(search, 'a * must follow the start of a word, as in graduat*.');
    }
  }
  return tokens;
}

/**
 * Checks the structure (every operator between two terms, brackets balanced and not empty) and writes the
 * FTS5 query. "AND NOT" becomes NOT, and "-word" after a term becomes NOT word. Returns null when nothing
 * searchable is left (only punctuation, say).
 */
export function toFtsQuery(search: string): string | null {
  const tokens = tokenise(search);
  const out: string[] = [];
  let depth = 0;
  // What the previous token lets come next: a term (true) or an operator or term (false).
  let needTerm = true;
  let pendingOp: string | null = null;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (token.kind === 'op') {
      if (needTerm) {
        if (pendingOp === 'AND' && token.op === 'NOT') {
          pendingOp = 'NOT';
          out[out.length - 1] = 'NOT';
          continue;
        }
        if (pendingOp) throw invalid(search, `${pendingOp} is followed by ${token.op}; put a word between them.`);
        throw invalid(
          search,
          token.op === 'NOT'
            ? 'NOT (or -word) needs words before it, as in housing NOT London.'
            : `${token.op} needs a word before it.`,
        );
      }
      out.push(token.op);
      pendingOp = token.op;
      needTerm = true;
    } else if (token.kind === 'open') {
      // FTS5 joins neighbours implicitly only between plain phrases, so AND is always written out.
      if (!needTerm) out.push('AND');
      out.push('(');
      depth++;
      pendingOp = null;
      needTerm = true;
      if (tokens[t + 1]?.kind === 'close') throw invalid(search, 'the brackets () are empty.');
    } else if (token.kind === 'close') {
      if (depth === 0) throw invalid(search, 'there is a closing bracket ) without an opening one.');
      if (needTerm) throw invalid(search, `${pendingOp ?? 'a bracket'} needs a word after it.`);
      out.push(')');
      depth--;
      needTerm = false;
    } else {
      if (!needTerm) out.push('AND');
      out.push(token.fts);
      pendingOp = null;
      needTerm = false;
    }
  }
  if (pendingOp) throw invalid(search, `${pendingOp} needs a word after it.`);
  if (depth > 0) throw invalid(search, 'a bracket ( is opened but not closed.');
  return out.length ? out.join(' ') : null;
}
