import type { Db } from '../db/connection';
import { ukDayNumber } from '../util/uk-time';
import { questionInfo, type QuestionInfo } from './questions';

/**
 * What every dashboard chart counts, held in memory as typed arrays indexed by row id: a column store of the
 * project's responses, respondents and theme assignments. Charts then count with loops over arrays (a few
 * milliseconds at a million responses, whatever the filter) instead of one SQL aggregate per chart, each of
 * which had to join the same tables again (seconds at a million).
 *
 * It is loaded once per data version (see cache.ts) by scanning each table once: SQLite calls `dash_row` for
 * every row and the values go straight into the arrays, with no row objects made (the cheapest way out of
 * better-sqlite3: a million responses in about 0.2 s). Any write invalidates it; the next chart reloads.
 */

export const STANCES = ['agree', 'mixed', 'unclear', 'disagree'] as const;
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;

/** Campaign bits of a response: in a campaign or duplicate set not dismissed; a copy its group counts once. */
export const MEMBER = 1;
export const COPY = 2;

/** Coding of a response: no live theme; themes a model or rule proposed only; a theme a person gave or accepted. */
export const NOT_CODED = 0;
export const BY_MODEL = 1;
export const BY_HAND = 2;

/** A day number that means "no date". */
export const NO_DAY = -0x80000000;

export interface ThemeFact {
  id: number;
  questionId: number;
  parentId: number | null;
  name: string;
  accepted: boolean;
  isOther: boolean;
}

export interface ClosedAnswers {
  /** Distinct answers given, in first-seen order; code k is labels[k - 1]. */
  labels: string[];
  /** By respondent id: the code of their answer, 0 for none. */
  answer: Int32Array;
}

/** One question's live (not rejected) assignments in response order: the response and theme of each. */
export interface Assignments {
  response: Int32Array;
  theme: Int32Array;
  /** By response id: NOT_CODED, BY_MODEL or BY_HAND (filled for this question's responses). */
  coding: Uint8Array;
}

/** Stance and sentiment read by the signals scan, by response id (filled for one question's responses). */
export interface Signals {
  /** Index + 1 into STANCES / SENTIMENTS; 0 where none has been read. */
  stance: Uint8Array;
  sentiment: Uint8Array;
  /** Whether the question asks for a view for or against (by its wording, or an analyst's say). */
  asksStance: boolean;
}

export interface Facts {
  questions: QuestionInfo[];
  /** By response id; question 0 means there is no such response. */
  question: Int32Array;
  respondent: Int32Array;
  /** 1 once someone has opened the response (status other than 'new'). */
  read: Uint8Array;
  /** MEMBER and COPY bits. */
  campaign: Uint8Array;
  campaignsFound: boolean;
  /** By respondent id: index + 1 into `types` / `places` (0: not given), and the UK day submitted. */
  type: Int32Array;
  types: string[];
  place: Int32Array;
  places: string[];
  day: Int32Array;
  /** Whether any response has a live theme, or a stance or sentiment read. */
  themesFound: boolean;
  signalsFound: boolean;
  /** The parts only some charts need, read for a question the first time one asks (in the same data version). */
  closed: PerQuestion<ClosedAnswers>;
  assignments: PerQuestion<Assignments>;
  /** By response id: NOT_CODED, BY_MODEL or BY_HAND, filled for every response of these questions. */
  coding: (questionIds: number[]) => Uint8Array;
  signals: PerQuestion<Signals>;
  themes: () => Map<number, ThemeFact>;
}

/** The next part of the facts a chart may want that is not read yet, as a function reading it; null if none. */
export function nextUnread(f: Facts): (() => unknown) | null {
  for (const q of f.questions) {
    if (q.kind === 'open' && f.themesFound && !f.assignments.has(q.id)) return () => f.assignments(q.id);
    if (q.kind === 'open' && f.signalsFound && !f.signals.has(q.id)) return () => f.signals(q.id);
    if (q.kind === 'closed' && !f.closed.has(q.id)) return () => f.closed(q.id);
  }
  return null;
}

/** A row's values as SQLite hands them to a function: numbers for integers and reals, strings for text. */
type Value = number | string | null;
type Sink = (a: Value, b: Value, c: Value, d: Value) => void;
let sink: Sink = () => undefined;
const registered = new WeakSet<Db>();

/**
 * Runs `SELECT count(dash_row(a, b, c, d)) FROM ...` and hands each row's values to `receive`: `columns` is
 * the four arguments, `from` the rest of the query.
 */
export function scan(db: Db, columns: string, from: string, params: unknown[], receive: Sink): void {
  if (!registered.has(db)) {
    db.function('dash_row', { directOnly: true }, (a, b, c, d) => {
      sink(a as Value, b as Value, c as Value, d as Value);
      return null;
    });
    registered.add(db);
  }
  sink = receive;
  try {
    db.prepare(`SELECT count(dash_row(${columns})) ${from}`).get(...params);
  } finally {
    sink = () => undefined;
  }
}

const maxId = (db: Db, table: string): number =>
  db.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get() as number;

/** Codes for a text column: 0 for NULL, k for the k-th distinct value. */
class Coder {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string | null): number {
    if (value === null) return 0;
    let c = this.codes.get(value);
    if (c === undefined) {
      this.values.push(value);
      c = this.values.length;
      this.codes.set(value, c);
    }
    return c;
  }
}

/** The UK day of stored submission times, parsing each UTC hour once (times in one hour share a day). */
function dayReader(): (at: string) => number {
  const days = new Map<string, number>();
  return (at) => {
    const key = at.length > 13 && at.endsWith('Z') ? at.slice(0, 13) : at;
    let day = days.get(key);
    if (day === undefined) {
      day = ukDayNumber(key === at ? at : `${key}:00:00Z`) ?? NO_DAY;
      days.set(key, day);
    }
    return day;
  };
}

const STANCE_CODE = `CASE stance ${STANCES.map((s, i) => `WHEN '${s}' THEN ${i + 1}`).join(' ')} ELSE 0 END`;
const SENTIMENT_CODE = `CASE sentiment_label ${SENTIMENTS.map((s, i) => `WHEN '${s}' THEN ${i + 1}`).join(' ')} ELSE 0 END`;

/** Remembers a part once read. */
function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

/** A question's part, read once; `has` says whether it has been. */
type PerQuestion<T> = ((questionId: number) => T) & { has: (questionId: number) => boolean };

function perQuestion<T>(load: (questionId: number) => T): PerQuestion<T> {
  const parts = new Map<number, T>();
  const get = (q: number): T => {
    let part = parts.get(q);
    if (part === undefined) parts.set(q, (part = load(q)));
    return part;
  };
  return Object.assign(get, { has: (q: number) => parts.has(q) });
}

function loadClosed(db: Db, questionId: number, respondents: number): ClosedAnswers {
  const answers = new Coder();
  const answer = new Int32Array(respondents);
  const read = (p: Value, text: Value): void => {
    answer[p as number] = answers.code(text as string);
  };
  // Closed answers are short, and the short-answer index (migration 3) holds them with their respondent; the
  // table is read only if some answer is longer (the kept counts say how many answers there are).
  let seen = 0;
  scan(
    db,
    'respondent_id, text, 0, 0',
    'FROM response WHERE question_id = ? AND length(text) <= 120',
    [questionId],
    (p, text) => {
      read(p, text);
      seen++;
    },
  );
  const total = db
    .prepare('SELECT coalesce(sum(n), 0) FROM response_status_count WHERE question_id = ?')
    .pluck()
    .get(questionId) as number;
  if (seen < total)
    scan(
      db,
      'respondent_id, text, 0, 0',
      'FROM response WHERE question_id = ? AND length(text) > 120',
      [questionId],
      read,
    );
  return { labels: answers.values, answer };
}

function loadThemes(db: Db): Map<number, ThemeFact> {
  const rows = db
    .prepare(
      'SELECT id, question_id AS questionId, parent_id AS parentId, name, status, is_other AS isOther FROM theme',
    )
    .all() as (Omit<ThemeFact, 'accepted' | 'isOther'> & { status: string; isOther: number })[];
  return new Map(rows.map((t) => [t.id, { ...t, accepted: t.status === 'accepted', isOther: t.isOther === 1 }]));
}

/** Reads a question's live assignments into fresh arrays, and their coding into the shared `coding`. */
function loadAssignments(db: Db, questionId: number, coding: Uint8Array): Assignments {
  const response: number[] = [];
  const theme: number[] = [];
  // The question's responses in id order, each with its assignments (the unique index on response_id, theme_id).
  scan(
    db,
    "a.response_id, a.theme_id, a.state = 'accepted', 0",
    "FROM response r JOIN assignment a ON a.response_id = r.id WHERE r.question_id = ? AND a.state <> 'rejected' ORDER BY r.id",
    [questionId],
    (r, t, accepted) => {
      response.push(r as number);
      theme.push(t as number);
      const c = accepted ? BY_HAND : BY_MODEL;
      if (c > coding[r as number]) coding[r as number] = c;
    },
  );
  return { response: Int32Array.from(response), theme: Int32Array.from(theme), coding };
}

function loadSignals(db: Db, questionId: number, stance: Uint8Array, sentiment: Uint8Array): Signals {
  scan(
    db,
    `s.response_id, ${STANCE_CODE}, ${SENTIMENT_CODE}, 0`,
    'FROM response r JOIN response_signal s ON s.response_id = r.id WHERE r.question_id = ?',
    [questionId],
    (r, st, se) => {
      stance[r as number] = st as number;
      sentiment[r as number] = se as number;
    },
  );
  const asks = db.prepare('SELECT asks_stance FROM question_stance WHERE question_id = ?').pluck().get(questionId);
  return { stance, sentiment, asksStance: asks === 1 };
}

/** The facts every chart needs, with the other parts read when first asked for. */
export function loadFacts(db: Db): Facts {
  const responses = maxId(db, 'response') + 1;
  const respondents = maxId(db, 'respondent') + 1;
  // Filled a question at a time, as charts ask.
  const coding = new Uint8Array(responses);
  const everyCoding = once(() => {
    scan(
      db,
      "response_id, state = 'accepted', 0, 0",
      "FROM assignment WHERE state <> 'rejected'",
      [],
      (r, accepted) => {
        const c = accepted ? BY_HAND : BY_MODEL;
        if (c > coding[r as number]) coding[r as number] = c;
      },
    );
    return true;
  });
  const stance = new Uint8Array(responses);
  const sentiment = new Uint8Array(responses);
  const f: Facts = {
    questions: questionInfo(db),
    question: new Int32Array(responses),
    respondent: new Int32Array(responses),
    read: new Uint8Array(responses),
    campaign: new Uint8Array(responses),
    campaignsFound: false,
    type: new Int32Array(respondents),
    types: [],
    place: new Int32Array(respondents),
    places: [],
    day: new Int32Array(respondents).fill(NO_DAY),
    closed: perQuestion((q) => loadClosed(db, q, respondents)),
    themesFound: db.prepare("SELECT 1 FROM assignment WHERE state <> 'rejected' LIMIT 1").get() !== undefined,
    signalsFound: db.prepare('SELECT 1 FROM response_signal LIMIT 1').get() !== undefined,
    assignments: perQuestion((q) => loadAssignments(db, q, coding)),
    // One question's from its assignments; several from one pass over the table (cheaper than each in turn).
    coding: (questions) => (questions.length === 1 ? f.assignments(questions[0]).coding : (everyCoding(), coding)),
    signals: perQuestion((q) => loadSignals(db, q, stance, sentiment)),
    themes: once(() => loadThemes(db)),
  };
  // Read in one transaction, so the tables are seen at one moment.
  db.transaction(() => {
    scan(db, "id, respondent_id, question_id, status <> 'new'", 'FROM response', [], (id, p, q, read) => {
      f.question[id as number] = q as number;
      f.respondent[id as number] = p as number;
      f.read[id as number] = read as number;
    });

    const types = new Coder();
    const places = new Coder();
    const day = dayReader();
    scan(db, 'id, type, city, submitted_at', 'FROM respondent', [], (id, type, city, at) => {
      f.type[id as number] = types.code(type as string | null);
      f.place[id as number] = places.code(city as string | null);
      if (at !== null) f.day[id as number] = day(at as string);
    });
    f.types = types.values;
    f.places = places.values;

    scan(
      db,
      "m.response_id, g.counting = 'one' AND m.response_id <> g.template_response_id, 0, 0",
      "FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id WHERE g.status <> 'dismissed'",
      [],
      (r, copy) => {
        f.campaign[r as number] |= MEMBER | (copy ? COPY : 0);
        f.campaignsFound = true;
      },
    );
  })();
  return f;
}
