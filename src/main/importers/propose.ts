import type { ColumnMapping, ColumnPreview, ImportMapping, QuestionChoice, StandardAttribute } from '../../shared/api';
import { normaliseDate } from './normalise';

/** What the first rows say about one column. */
export interface ColumnStats extends ColumnPreview {
  /** Share of filled values that are numbers / dates. */
  numeric: number;
  dates: number;
  /** Every filled value differs from the others. */
  unique: boolean;
  averageWords: number;
  /** Share of filled values that are common answer options (Yes, No, Agree, Not sure...). */
  options: number;
}

const OPTION_RE =
  /^(yes|no|maybe|not sure|unsure|don'?t know|n\/a|none|other|prefer not to say|neither( agree nor disagree)?|((strongly|somewhat|definitely|tend to) )?(agree|disagree)|(very |fairly |quite )?(satisfied|dissatisfied|likely|unlikely|important|unimportant)|not at all( \w+)?)[.!]?$/i;

const MAX_DISTINCT = 1000;
const SAMPLE_CHARS = 120;

export function columnStats(columns: readonly string[], rows: readonly (readonly string[])[]): ColumnStats[] {
  return columns.map((name, c) => {
    const seen = new Set<string>();
    let filled = 0;
    let chars = 0;
    let words = 0;
    let numeric = 0;
    let dates = 0;
    let options = 0;
    let repeated = false;
    const samples: string[] = [];
    for (const row of rows) {
      const v = (row[c] ?? '').trim();
      if (!v) continue;
      filled++;
      chars += v.length;
      words += v.split(/\s+/).length;
      if (/^-?\d+([.,]\d+)?$/.test(v)) numeric++;
      if (v.length <= 40 && normaliseDate(v) !== null) dates++;
      if (OPTION_RE.test(v)) options++;
      if (seen.has(v)) repeated = true;
      else if (seen.size < MAX_DISTINCT) seen.add(v);
      if (samples.length < 3 && !samples.includes(v.slice(0, SAMPLE_CHARS)))
        samples.push(v.length > SAMPLE_CHARS ? `${v.slice(0, SAMPLE_CHARS)}…` : v);
    }
    return {
      name,
      samples,
      filled,
      distinct: seen.size,
      averageLength: filled ? Math.round(chars / filled) : 0,
      averageWords: filled ? words / filled : 0,
      numeric: filled ? numeric / filled : 0,
      dates: filled ? dates / filled : 0,
      unique: filled > 0 && !repeated,
      options: filled ? options / filled : 0,
      reason: '',
    };
  });
}

const ID_RE =
  /^(?:(?:response|respondent|submission|participant|comment|record|case|unique|reference|ref)[\s_.-]*)?(?:id|ref|reference|number|no\.?|uuid|uid|#)$/i;
const THEMES_RE = /^(themes?|theme names|codes|coded themes|topics?)$/i;

/** Standard attributes by heading, best first; dates also need date-like values. */
const STANDARD: { field: StandardAttribute; patterns: RegExp[] }[] = [
  {
    field: 'type',
    patterns: [
      /^(respondent[\s_]*type|type of respondent|respondent category)$/i,
      /\b(in what capacity|capacity|responding (as|on behalf)|are you responding|who are you responding)\b/i,
      /^(type|category|organisation type|type of organisation)$/i,
    ],
  },
  {
    field: 'organisation',
    patterns: [
      /^(organi[sz]ation|organi[sz]ation[\s_]*name|company|company name|employer)\??$/i,
      /\bname of (the |your )?organi[sz]ation\b/i,
    ],
  },
  {
    field: 'city',
    patterns: [/^(city|town|city or town|town or city|place|location|locality)\??$/i, /\b(city|town)\b/i],
  },
  {
    field: 'submitted_at',
    patterns: [
      /\bsubmitted|submission date|date submitted|date received|recorded date|completion time\b/i,
      /^(completed|completed at|date completed|end ?date)$/i,
      /^(date|timestamp|date ?time|datetime|time)$/i,
      /\b(created|received)\b/i,
    ],
  },
  { field: 'channel', patterns: [/^(channel|response channel|response method|response format|source|how received)$/i] },
];

const ATTRIBUTE_RE =
  /\b(age|how old|sex|gender|ethnic\w*|disabilit\w*|health condition|religio\w*|sexual orientation|postcode|post code|e-?mail|phone|telephone|name|address|region|country|county|area|live|nationality|income|occupation|employ\w*|sector|consent|contact|happy to share|status|started|updated|modified|ip address|language|author|user|votes?|agrees|disagrees|moderated|passes|progress|finished|duration|response type|latitude|longitude|recipient|external reference|distribution channel)\b/i;

const OPEN_HEADING_RE =
  /\b(explain|describe|tell us|comments?|why|reasons?|please (give|provide|say|write|share)|in your own words|any other|anything else|suggestions?|ideas?|views|feedback|thoughts)\b/i;
const CLOSED_HEADING_RE =
  /\b(to what extent|how much do you agree|agree or disagree|do you agree|do you support|how likely|how satisfied|rate|rating|yes or no)\b/i;

/**
 * Open (free text), closed (a few options) or neither, from the values and the heading. With few rows the
 * heading decides; a closed question needs its values to repeat.
 */
function guessKind(s: ColumnStats): 'open' | 'closed' | null {
  if (s.filled === 0) return null;
  const repeats = s.distinct <= s.filled * 0.5 || (s.filled >= 20 && s.distinct <= 12);
  const varied = s.distinct > s.filled * 0.6;
  if ((CLOSED_HEADING_RE.test(s.name) || s.options >= 0.8) && s.averageLength < 40) return 'closed';
  if (OPEN_HEADING_RE.test(s.name) && !(repeats && s.averageLength < 20)) return 'open';
  if (varied && (s.averageLength >= 40 || s.averageWords >= 6)) return 'open';
  if (repeats && s.averageLength < 60 && s.distinct <= Math.max(12, s.filled * 0.2)) return 'closed';
  if (s.averageLength >= 80 && !repeats) return 'open';
  return null;
}

const GENERIC_HEADINGS =
  /^(response|responses|answer|answers|comment|comments|comment[\s_-]?body|text|body|free text|feedback|message|value)$/i;

/** Headings normalised for matching: lower case, single spaces, no trailing "?" or ":". */
export function normaliseHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[?:.\s]+$/, '')
    .trim();
}

/** Whether a heading says nothing about which question it is ("response", "comment"), so it is never an alias. */
export const isGenericHeading = (heading: string): boolean => GENERIC_HEADINGS.test(normaliseHeading(heading));

const STOP = new Set(
  'a an the and or of to in on for with by at from is are was be do does did you your yours we us our it its this that these those what which how much many why when where who please if would like tell anything else about here write it explain answer any more there have has'.split(
    ' ',
  ),
);

function headingTokens(heading: string): { words: Set<string>; brackets: string; suffix: string } {
  const lower = heading.toLowerCase();
  const brackets = [...lower.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1].trim()).join('|');
  const suffix = /(?:_|\()(\d+)\)?\s*$/.exec(lower)?.[1] ?? '';
  const words = new Set(
    lower
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(/(?:_|\()\d+\)?\s*$/, ' ')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1 && !STOP.has(w)),
  );
  return { words, brackets, suffix };
}

/** How alike two question headings are (0-1): shared content words, bracketed names and numbered suffixes. */
export function headingSimilarity(a: string, b: string): number {
  const ta = headingTokens(a);
  const tb = headingTokens(b);
  if (ta.brackets && tb.brackets && ta.brackets !== tb.brackets) return 0;
  if (ta.suffix && tb.suffix && ta.suffix !== tb.suffix) return 0;
  const shared = [...ta.words].filter((w) => tb.words.has(w)).length;
  const union = new Set([...ta.words, ...tb.words]).size;
  let score = union ? shared / union : 0;
  if (ta.brackets && ta.brackets === tb.brackets) score += 0.5;
  if (ta.suffix && ta.suffix === tb.suffix) score += 0.5;
  return Math.min(1, score);
}

const MATCH_THRESHOLD = 0.5;

export interface ProposeContext {
  /** Questions in the project and those proposed by other files in this preview. */
  questions: QuestionChoice[];
  /** Normalised heading -> question code, from earlier imports. */
  aliases: Map<string, string>;
  /** A new, unused question code. */
  nextCode: () => string;
  /** Takes a code a heading names ("Q3. Why?") if no question has it; true when it is now this file's. */
  reserve: (code: string) => boolean;
  /** The question text to use for the only open column (i.AI layout: question.json beside the file). */
  questionText?: string;
}

function matchQuestion(
  heading: string,
  kind: 'open' | 'closed',
  ctx: ProposeContext,
  taken: Set<string>,
  text: string,
): QuestionChoice | null {
  const free = ctx.questions.filter((q) => !taken.has(q.code));
  if (!isGenericHeading(heading)) {
    const alias = ctx.aliases.get(normaliseHeading(heading));
    const aliased = alias ? free.find((q) => q.code === alias) : undefined;
    if (aliased) return aliased;
  }
  const exact = free.find((q) => normaliseHeading(q.text) === normaliseHeading(text));
  if (exact) return exact;
  let best: QuestionChoice | null = null;
  let bestScore = 0;
  let tie = false;
  for (const q of free.filter((x) => x.kind === kind)) {
    const score = headingSimilarity(text, q.text);
    if (score < MATCH_THRESHOLD) continue;
    if (score > bestScore) {
      best = q;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && best) tie = true;
  }
  return tie ? null : best;
}

/** "demographic_data.Do you live in:" -> "Do you live in:": the name a JSON field's flattening hid. */
function attributeName(heading: string): string {
  const m = /^[A-Za-z0-9_]+\.(.+)$/.exec(heading);
  return (m ? m[1] : heading).trim();
}

/**
 * Proposes what each column is, so that a plain survey export needs no changes: the respondent id by its
 * heading, standard attributes (type, organisation, city, date, channel) by heading, demographic and admin
 * columns as attributes, long or varied text as open questions, few distinct values as closed questions.
 * Open and closed columns map to an existing question when a heading matches one (or was mapped to it
 * before), else to a new question. Returns the mapping and, per column, why.
 */
export function proposeMapping(
  stats: ColumnStats[],
  ctx: ProposeContext,
): { mapping: ImportMapping; reasons: string[] } {
  if (isDocumentLayout(stats)) return proposeDocuments(stats, ctx);
  const columns: ColumnMapping[] = stats.map((s) => ({ column: s.name, role: 'ignore' }));
  const reasons = stats.map(() => '');
  const decided = new Set<number>();
  const set = (i: number, mapping: Omit<ColumnMapping, 'column'>, reason: string): void => {
    columns[i] = { column: stats[i].name, ...mapping };
    reasons[i] = reason;
    decided.add(i);
  };

  stats.forEach((s, i) => {
    if (s.filled === 0) set(i, { role: 'ignore' }, 'empty in the first rows');
  });
  const idIndex = stats.findIndex((s, i) => !decided.has(i) && ID_RE.test(s.name.trim()) && s.unique);
  if (idIndex >= 0) set(idIndex, { role: 'id' }, 'heading names an id, and each value differs');
  else {
    const fileColumn = stats.findIndex((s) => s.name === 'File' && s.unique);
    if (fileColumn >= 0 && stats.some((s) => s.name === 'Original text'))
      set(fileColumn, { role: 'id' }, 'each document is one respondent');
  }
  stats.forEach((s, i) => {
    if (!decided.has(i) && THEMES_RE.test(s.name.trim())) set(i, { role: 'themes' }, 'heading names themes');
  });
  for (const { field, patterns } of STANDARD) {
    let found = -1;
    for (const re of patterns) {
      found = stats.findIndex(
        (s, i) => !decided.has(i) && re.test(s.name.trim()) && (field !== 'submitted_at' || s.dates >= 0.8),
      );
      if (found >= 0) break;
    }
    if (found >= 0)
      set(found, { role: 'attribute', attribute: field }, `heading names the respondent's ${field.replace('_', ' ')}`);
  }
  const taken = new Set<string>();
  const kinds = stats.map((s) => guessKind(s));
  const openColumns = kinds.filter((k) => k === 'open').length;
  // "Q3. Why do you say that?": the code Q3 (when free) and the text without its number.
  const numbered = stats.map((s, i) => {
    const m = kinds[i] && !decided.has(i) ? /^(Q\d{1,3}[a-z]?)\s*[.:)\-–]\s*(\S.*)$/i.exec(s.name.trim()) : null;
    return m ? { code: m[1].toUpperCase(), text: m[2] } : null;
  });
  const reserved = new Set(
    numbered
      .filter((n): n is { code: string; text: string } => !!n)
      .map((n) => n.code)
      .filter((code) => ctx.reserve(code)),
  );
  stats.forEach((s, i) => {
    if (decided.has(i)) return;
    const name = attributeName(s.name);
    const kind = kinds[i];
    // "How satisfied are you with transport in your area?" is a question, though it names a place.
    const clearlyQuestion =
      OPEN_HEADING_RE.test(s.name) ||
      CLOSED_HEADING_RE.test(s.name) ||
      (kind === 'open' && s.filled >= 20 && s.distinct > s.filled * 0.6);
    if (ATTRIBUTE_RE.test(s.name) && !clearlyQuestion)
      return set(i, { role: 'attribute', attribute: name }, 'heading names a respondent detail');
    if (s.numeric >= 0.9 && kind !== 'closed') return set(i, { role: 'attribute', attribute: name }, 'numbers');
    if (s.distinct === 1 && s.filled >= 3 && !CLOSED_HEADING_RE.test(s.name))
      return set(i, { role: 'attribute', attribute: name }, 'the same in every row');
    if (s.dates >= 0.8) return set(i, { role: 'attribute', attribute: name }, 'dates');
    if (kind) {
      const text =
        kind === 'open' && openColumns === 1 && ctx.questionText ? ctx.questionText : (numbered[i]?.text ?? s.name);
      const match = matchQuestion(s.name, kind, ctx, taken, text);
      const why = kind === 'open' ? 'free text' : `${s.distinct} distinct values`;
      if (match) {
        taken.add(match.code);
        return set(i, { role: kind, question: match.code }, `${why}; matches question ${match.code}`);
      }
      const own = numbered[i]?.code;
      const code = own && reserved.has(own) && !taken.has(own) ? own : ctx.nextCode();
      taken.add(code);
      ctx.questions.push({ code, text, kind, existing: false });
      return set(i, { role: kind, question: code, text }, `${why}; a new question`);
    }
    set(i, { role: 'attribute', attribute: name }, 'short values that vary: a respondent detail');
  });
  return { mapping: { columns }, reasons };
}

const DOCUMENT_ROLES: Record<string, Omit<ColumnMapping, 'column'>> = {
  File: { role: 'id' },
  Channel: { role: 'attribute', attribute: 'channel' },
  From: { role: 'attribute', attribute: 'from' },
  Date: { role: 'attribute', attribute: 'submitted_at' },
  Subject: { role: 'attribute', attribute: 'subject' },
  Attachments: { role: 'attribute', attribute: 'attachments' },
};

function isDocumentLayout(stats: ColumnStats[]): boolean {
  const names = stats.map((s) => s.name);
  return names.includes('File') && names.includes('Text') && names.includes('Original text');
}

/** Letters and e-mails: one document is one respondent; its text answers one open question. */
function proposeDocuments(stats: ColumnStats[], ctx: ProposeContext): { mapping: ImportMapping; reasons: string[] } {
  const reasons: string[] = [];
  const columns = stats.map((s): ColumnMapping => {
    if (s.name === 'Text') {
      const text = ctx.questionText ?? 'Letters and e-mails';
      const match = matchQuestion('Text', 'open', ctx, new Set(), text);
      reasons.push(
        match ? `the document's text; matches question ${match.code}` : "the document's text; a new question",
      );
      if (match) return { column: s.name, role: 'open', question: match.code };
      const code = ctx.nextCode();
      ctx.questions.push({ code, text, kind: 'open', existing: false });
      return { column: s.name, role: 'open', question: code, text };
    }
    const fixed = DOCUMENT_ROLES[s.name];
    const role = fixed && s.filled > 0 ? fixed : { role: 'ignore' as const };
    reasons.push(
      role.role === 'ignore'
        ? s.name === 'Original text'
          ? 'kept with the respondent (before trimming)'
          : 'not needed'
        : 'from the document',
    );
    return { column: s.name, ...role };
  });
  return { mapping: { columns }, reasons };
}
