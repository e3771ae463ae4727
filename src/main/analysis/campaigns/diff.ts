/**
 * A campaign member's text against its template, word by word (Myers' O(ND) diff after trimming the common
 * start and end). Stored compactly as runs of token counts, and turned back into text segments for display
 * from the two texts, so nothing of the responses is copied into the diff.
 */
import { displayTokens, tokenKeys } from './normalise';

/** '=' a run of tokens in both, '+' only in the member (its additions), '-' only in the template. */
export type DiffOp = ['=' | '+' | '-', number];

export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Above this many edits the diff stops searching and reports the changed middle as removed + added. */
const MAX_EDITS = 400;

function push(ops: DiffOp[], op: DiffOp[0], n: number): void {
  if (n <= 0) return;
  const last = ops[ops.length - 1];
  if (last && last[0] === op) last[1] += n;
  else ops.push([op, n]);
}

function myers(a: Int32Array, b: Int32Array, ops: DiffOp[]): void {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) {
    push(ops, '-', n);
    push(ops, '+', m);
    return;
  }
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] keeps only the diagonals step d can read (k from -d-1 to d+1): O(D^2) memory, not O(D x N).
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) {
    push(ops, '-', n);
    push(ops, '+', m);
    return;
  }
  const reversed: DiffOp[0][] = [];
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d--) {
    const tv = trace[d];
    const base = d + 1; // tv[base + k] is v[offset + k]
    const k = x - y;
    const prevK = k === -d || (k !== d && tv[base + k - 1] < tv[base + k + 1]) ? k + 1 : k - 1;
    const prevX = tv[base + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      reversed.push('=');
      x--;
      y--;
    }
    if (d > 0) reversed.push(x === prevX ? '+' : '-');
    x = prevX;
    y = prevY;
  }
  for (let i = reversed.length - 1; i >= 0; i--) push(ops, reversed[i], 1);
}

/** The edit script turning the template's tokens into the member's. */
export function diffKeys(template: Int32Array, member: Int32Array): DiffOp[] {
  let pre = 0;
  while (pre < template.length && pre < member.length && template[pre] === member[pre]) pre++;
  let suf = 0;
  while (
    suf < template.length - pre &&
    suf < member.length - pre &&
    template[template.length - 1 - suf] === member[member.length - 1 - suf]
  ) {
    suf++;
  }
  const ops: DiffOp[] = [];
  push(ops, '=', pre);
  myers(template.subarray(pre, template.length - suf), member.subarray(pre, member.length - suf), ops);
  push(ops, '=', suf);
  return ops;
}

/** Word-level diff of two texts, ignoring case, punctuation and spacing. */
export function diffTexts(template: string, member: string): DiffOp[] {
  return diffKeys(tokenKeys(template), tokenKeys(member));
}

/** The member's text cut into what it shares with the template, what it adds, and what it leaves out. */
export function diffSegments(template: string, member: string, ops: readonly DiffOp[]): DiffSegment[] {
  const t = displayTokens(template);
  const m = displayTokens(member);
  const segments: DiffSegment[] = [];
  let ti = 0;
  let mi = 0;
  const add = (kind: DiffSegment['kind'], text: string): void => {
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) last.text += text;
    else segments.push({ kind, text });
  };
  for (const [op, count] of ops) {
    if (op === '=') {
      add('same', m.slice(mi, mi + count).join(''));
      mi += count;
      ti += count;
    } else if (op === '+') {
      add('added', m.slice(mi, mi + count).join(''));
      mi += count;
    } else {
      add('removed', t.slice(ti, ti + count).join(''));
      ti += count;
    }
  }
  // Ops from an older template (or a text changed since) must not hide the rest of the member's text.
  if (mi < m.length) add('added', m.slice(mi).join(''));
  return segments;
}

/** Share of the member's tokens that are not in the template: how much the respondent wrote themselves. */
export function addedShare(ops: readonly DiffOp[]): number {
  let added = 0;
  let total = 0;
  for (const [op, count] of ops) {
    if (op !== '-') total += count;
    if (op === '+') added += count;
  }
  return total === 0 ? 0 : added / total;
}
