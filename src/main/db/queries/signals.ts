import type {
  AggregateBy,
  ClosedScale,
  CountingView,
  PiiKind,
  ResponseSignals,
  SentimentLabel,
  SignalAggregate,
  Stance,
  StanceAgreement,
  StanceQuestion,
} from '../../../shared/api';
import { asksStance } from '../../analysis/stance/question';
import { AppError } from '../../util/errors';
import type { Db } from '../connection';
import { appendAudit } from './audit';
import { campaignForResponse, countedResponsesSql } from './campaigns';
import { findingsForResponse } from './personal-data';

/** Whether the question asks for a stance: the analyst's setting, else what its wording says. */
const ASKS = `coalesce((SELECT qs.asks_stance FROM question_stance qs WHERE qs.question_id = r.question_id), 0) = 1`;

export function responseSignals(db: Db, responseId: number): ResponseSignals {
  const row = db
    .prepare(
      `SELECT r.id, r.text, s.sentiment, s.sentiment_label AS label, s.stance, s.cue_start AS cueStart, s.cue_end AS cueEnd, ${ASKS} AS asks
         FROM response r LEFT JOIN response_signal s ON s.response_id = r.id WHERE r.id = ?`,
    )
    .get(responseId) as
    | {
        id: number;
        text: string;
        sentiment: number | null;
        label: SentimentLabel | null;
        stance: Stance | null;
        cueStart: number | null;
        cueEnd: number | null;
        asks: number;
      }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no response ${responseId}.`);
  return {
    responseId,
    sentiment: row.sentiment === null || row.label === null ? null : { score: row.sentiment, label: row.label },
    stance:
      row.stance && row.asks === 1
        ? {
            value: row.stance,
            cue: row.cueStart !== null && row.cueEnd !== null ? row.text.slice(row.cueStart, row.cueEnd) : null,
          }
        : null,
    personalData: findingsForResponse(db, responseId),
    campaign: campaignForResponse(db, responseId),
  };
}

/** Stance counts (where the question asks) and sentiment summary, as SQL select columns over r and s. */
const SUMMARY_COLUMNS = `
  count(*) AS responses,
  sum(CASE WHEN ${ASKS} AND s.stance = 'agree' THEN 1 ELSE 0 END) AS agree,
  sum(CASE WHEN ${ASKS} AND s.stance = 'disagree' THEN 1 ELSE 0 END) AS disagree,
  sum(CASE WHEN ${ASKS} AND s.stance = 'mixed' THEN 1 ELSE 0 END) AS mixed,
  sum(CASE WHEN ${ASKS} AND s.stance = 'unclear' THEN 1 ELSE 0 END) AS unclear,
  avg(s.sentiment) AS mean,
  sum(CASE WHEN s.sentiment_label = 'positive' THEN 1 ELSE 0 END) AS positive,
  sum(CASE WHEN s.sentiment_label = 'neutral' THEN 1 ELSE 0 END) AS neutral,
  sum(CASE WHEN s.sentiment_label = 'negative' THEN 1 ELSE 0 END) AS negative`;

interface SummaryRow {
  key: number;
  label: string;
  responses: number;
  agree: number | null;
  disagree: number | null;
  mixed: number | null;
  unclear: number | null;
  mean: number | null;
  positive: number | null;
  neutral: number | null;
  negative: number | null;
}

function toAggregate(r: SummaryRow): SignalAggregate {
  return {
    key: r.key,
    label: r.label,
    responses: r.responses,
    stance: { agree: r.agree ?? 0, disagree: r.disagree ?? 0, mixed: r.mixed ?? 0, unclear: r.unclear ?? 0 },
    sentiment: {
      mean: r.mean === null ? null : Math.round(r.mean * 1000) / 1000,
      positive: r.positive ?? 0,
      neutral: r.neutral ?? 0,
      negative: r.negative ?? 0,
    },
  };
}

/**
 * Stance and sentiment per question or per campaign group, counted under a view. To aggregate by anything
 * else (themes), join the same columns onto a (response_id, key, label) grouping: see aggregateSignalsBy.
 */
export function aggregateSignals(db: Db, by: AggregateBy, view: CountingView, questionId?: number): SignalAggregate[] {
  const grouping =
    by === 'question'
      ? "SELECT r.id AS response_id, q.id AS key, q.code || ': ' || q.text AS label FROM response r JOIN question q ON q.id = r.question_id WHERE q.kind = 'open'"
      : `SELECT m.response_id, g.id AS key,
                CASE g.kind WHEN 'campaign' THEN 'Campaign ' ELSE 'Duplicate set ' END || g.id || ' (' || q.code || ')' AS label
           FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id JOIN question q ON q.id = g.question_id
          WHERE g.status <> 'dismissed'`;
  return aggregateSignalsBy(db, grouping, view, questionId);
}

/**
 * The same aggregates over any grouping given as SQL yielding (response_id, key, label), e.g. theme
 * assignments: `aggregateSignalsBy(db, 'SELECT a.response_id, t.id AS key, t.name AS label FROM ...', view)`.
 */
export function aggregateSignalsBy(
  db: Db,
  groupingSql: string,
  view: CountingView,
  questionId?: number,
): SignalAggregate[] {
  const rows = db
    .prepare(
      `SELECT grp.key, grp.label, ${SUMMARY_COLUMNS}
         FROM (${groupingSql}) grp
         JOIN response r ON r.id = grp.response_id
         JOIN (${countedResponsesSql(view)}) c ON c.response_id = r.id
         LEFT JOIN response_signal s ON s.response_id = r.id
        ${questionId !== undefined ? 'WHERE r.question_id = ?' : ''}
        GROUP BY grp.key, grp.label ORDER BY count(*) DESC, grp.key`,
    )
    .all(...(questionId !== undefined ? [questionId] : [])) as SummaryRow[];
  return rows.map(toAggregate);
}

/** A closed question is an agree/disagree scale when its options have both sides. */
function sideOf(option: string): 'agree' | 'disagree' | 'neutral' {
  const o = option.toLowerCase();
  if (/\bdisagree|\boppose|\bagainst\b|^no\b/.test(o)) return 'disagree';
  if (/\bagree|\bsupport|\bin favour|^yes\b/.test(o)) return 'agree';
  return 'neutral';
}

export function closedScales(db: Db): ClosedScale[] {
  const rows = db
    .prepare("SELECT id, code, text, options FROM question WHERE kind = 'closed' ORDER BY position, id")
    .all() as {
    id: number;
    code: string;
    text: string;
    options: string | null;
  }[];
  return rows
    .filter((q) => {
      const sides = new Set((q.options ? (JSON.parse(q.options) as string[]) : []).map(sideOf));
      return sides.has('agree') && sides.has('disagree');
    })
    .map((q) => ({ questionId: q.id, code: q.code, text: q.text }));
}

export function stanceQuestions(db: Db): StanceQuestion[] {
  const questions = db
    .prepare(
      `SELECT q.id AS questionId, q.code, q.text, qs.asks_stance AS asks, qs.automatic, qs.decided_by AS decidedBy
         FROM question q LEFT JOIN question_stance qs ON qs.question_id = q.id WHERE q.kind = 'open' ORDER BY q.position, q.id`,
    )
    .all() as {
    questionId: number;
    code: string;
    text: string;
    asks: number | null;
    automatic: number | null;
    decidedBy: string | null;
  }[];
  const aggregates = new Map(aggregateSignals(db, 'question', 'responses').map((a) => [a.key, a]));
  return questions.map((q) => {
    const a = aggregates.get(q.questionId);
    return {
      questionId: q.questionId,
      code: q.code,
      text: q.text,
      // Before the first check the wording decides; afterwards the stored (or analyst's) setting.
      asksStance: q.asks === null ? asksStance(q.text) : q.asks === 1,
      automatic: q.automatic !== 0,
      decidedBy: q.decidedBy,
      responses: a?.responses ?? 0,
      stance: a?.stance ?? { agree: 0, disagree: 0, mixed: 0, unclear: 0 },
      sentiment: a?.sentiment ?? { mean: null, positive: 0, neutral: 0, negative: 0 },
    };
  });
}

export function setQuestionStance(db: Db, questionId: number, asks: boolean, actor: string): StanceQuestion {
  db.transaction(() => {
    const q = db.prepare("SELECT id, text FROM question WHERE id = ? AND kind = 'open'").get(questionId) as
      { id: number; text: string } | undefined;
    if (!q) throw new AppError('NOT_FOUND', `There is no open question ${questionId}.`);
    const before = db
      .prepare('SELECT asks_stance FROM question_stance WHERE question_id = ?')
      .pluck()
      .get(questionId) as number | undefined;
    db.prepare(
      `INSERT INTO question_stance (question_id, asks_stance, automatic, decided_by, decided_at) VALUES (?, ?, 0, ?, ?)
       ON CONFLICT (question_id) DO UPDATE SET asks_stance = excluded.asks_stance, automatic = 0,
         decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
    ).run(questionId, asks ? 1 : 0, actor, new Date().toISOString());
    appendAudit(db, {
      actor,
      action: 'question.asks_stance',
      entity: 'question',
      entityId: questionId,
      before: { asksStance: before === undefined ? asksStance(q.text) : before === 1 },
      after: { asksStance: asks },
    });
  })();
  const result = stanceQuestions(db).find((x) => x.questionId === questionId);
  if (!result) throw new AppError('NOT_FOUND', `There is no open question ${questionId}.`);
  return result;
}

/**
 * How often the stance read from respondents' open answers matches their own answer to a closed
 * agree/disagree question: a check of the stance method on this consultation's own data.
 */
export function stanceAgreement(db: Db, openQuestionId: number, closedQuestionId: number): StanceAgreement {
  const closed = db
    .prepare("SELECT options FROM question WHERE id = ? AND kind = 'closed'")
    .pluck()
    .get(closedQuestionId) as string | null | undefined;
  if (closed === undefined) throw new AppError('NOT_FOUND', `There is no closed question ${closedQuestionId}.`);
  const open = db.prepare("SELECT 1 FROM question WHERE id = ? AND kind = 'open'").get(openQuestionId);
  if (!open) throw new AppError('NOT_FOUND', `There is no open question ${openQuestionId}.`);
  const rows = db
    .prepare(
      `SELECT s.stance, c.text AS answer, count(*) AS n
         FROM response o
         JOIN response_signal s ON s.response_id = o.id
         JOIN response c ON c.respondent_id = o.respondent_id AND c.question_id = ?
        WHERE o.question_id = ?
        GROUP BY s.stance, c.text`,
    )
    .all(closedQuestionId, openQuestionId) as { stance: Stance; answer: string; n: number }[];
  const stances: Stance[] = ['agree', 'disagree', 'mixed', 'unclear'];
  const matrix = stances.map((stance) => ({ stance, agree: 0, neutral: 0, disagree: 0 }));
  let respondents = 0;
  for (const r of rows) {
    respondents += r.n;
    matrix[stances.indexOf(r.stance)][sideOf(r.answer)] += r.n;
  }
  // Cohen's kappa on the 2x2 table of respondents with a side in both.
  const aa = matrix[0].agree;
  const ad = matrix[0].disagree;
  const da = matrix[1].agree;
  const dd = matrix[1].disagree;
  const compared = aa + ad + da + dd;
  const accuracy = compared ? (aa + dd) / compared : null;
  const expected = compared ? ((aa + ad) * (aa + da) + (da + dd) * (ad + dd)) / (compared * compared) : null;
  const kappa = accuracy !== null && expected !== null && expected < 1 ? (accuracy - expected) / (1 - expected) : null;
  const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
  return {
    openQuestionId,
    closedQuestionId,
    respondents,
    compared,
    accuracy: round(accuracy),
    kappa: round(kappa),
    matrix,
  };
}

/** One response's signals for the JSON export. */
export interface ExportSignals {
  campaignId: number | null;
  campaignStatus: 'proposed' | 'confirmed' | null;
  /** Personal data still flagged (false positives left out), as offsets into the stored text. */
  personalData: { kind: PiiKind; start: number; end: number }[];
  /** Null where the question asks for no stance or the checks have not run. */
  stance: Stance | null;
  sentiment: number | null;
  sentimentLabel: SentimentLabel | null;
}

/**
 * Per response (by id): campaign group, personal-data findings, stance and sentiment, for the JSON export.
 * Responses with nothing to say are absent; treat a missing id as all nulls and no findings.
 */
export function signalsForExport(db: Db): Map<number, ExportSignals> {
  const out = new Map<number, ExportSignals>();
  const get = (id: number): ExportSignals => {
    let e = out.get(id);
    if (!e) {
      e = {
        campaignId: null,
        campaignStatus: null,
        personalData: [],
        stance: null,
        sentiment: null,
        sentimentLabel: null,
      };
      out.set(id, e);
    }
    return e;
  };
  for (const row of db
    .prepare(
      `SELECT r.id, s.sentiment, s.sentiment_label AS label, s.stance, ${ASKS} AS asks FROM response_signal s JOIN response r ON r.id = s.response_id`,
    )
    .iterate()) {
    const r = row as { id: number; sentiment: number; label: SentimentLabel; stance: Stance; asks: number };
    const e = get(r.id);
    e.sentiment = r.sentiment;
    e.sentimentLabel = r.label;
    e.stance = r.asks === 1 ? r.stance : null;
  }
  for (const row of db
    .prepare(
      "SELECT m.response_id AS id, g.id AS groupId, g.status FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id WHERE g.status <> 'dismissed'",
    )
    .iterate()) {
    const r = row as { id: number; groupId: number; status: 'proposed' | 'confirmed' };
    const e = get(r.id);
    e.campaignId = r.groupId;
    e.campaignStatus = r.status;
  }
  for (const row of db
    .prepare(
      `SELECT f.response_id AS id, f.kind, f.start, f.end FROM pii_finding f
        WHERE NOT EXISTS (SELECT 1 FROM pii_false_positive fp
                           WHERE fp.response_id = f.response_id AND fp.kind = f.kind AND fp.start = f.start AND fp.end = f.end)
        ORDER BY f.response_id, f.start`,
    )
    .iterate()) {
    const r = row as { id: number; kind: PiiKind; start: number; end: number };
    get(r.id).personalData.push({ kind: r.kind, start: r.start, end: r.end });
  }
  return out;
}

/**
 * Columns for the Responses table, to add to its SELECT over `r` (the response table): the estimated stance
 * (null where the question asks for none), sentiment label, number of personal-data findings still flagged,
 * and the campaign group (null when in none that is not dismissed) with its kind.
 */
export const SIGNAL_COLUMNS = `
  (SELECT s.stance FROM response_signal s WHERE s.response_id = r.id AND ${ASKS}) AS stance,
  (SELECT s.sentiment_label FROM response_signal s WHERE s.response_id = r.id) AS sentimentLabel,
  (SELECT count(*) FROM pii_finding f WHERE f.response_id = r.id AND NOT EXISTS (
     SELECT 1 FROM pii_false_positive fp
      WHERE fp.response_id = f.response_id AND fp.kind = f.kind AND fp.start = f.start AND fp.end = f.end)) AS personalData,
  (SELECT g.id FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id
    WHERE m.response_id = r.id AND g.status <> 'dismissed') AS campaignId,
  (SELECT g.kind FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id
    WHERE m.response_id = r.id AND g.status <> 'dismissed') AS campaignKind`;

export interface SignalFilter {
  stance?: Stance[];
  sentiment?: SentimentLabel[];
  /** true: only responses with personal data still flagged; false: only those without. */
  personalData?: boolean;
  /** 'member': only campaign members (groups not dismissed); 'individual': only responses in none. */
  campaign?: 'member' | 'individual';
}

/**
 * WHERE-clause parts (over `r`, the response table) for the Responses table's stance, sentiment, personal-data
 * and campaign filters; AND them into the list query.
 */
export function signalFilterSql(filter: SignalFilter): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (filter.stance?.length) {
    sql.push(`r.id IN (SELECT s.response_id FROM response_signal s JOIN response r2 ON r2.id = s.response_id
                        JOIN question_stance qs ON qs.question_id = r2.question_id AND qs.asks_stance = 1
                       WHERE s.stance IN (${filter.stance.map(() => '?').join(',')}))`);
    params.push(...filter.stance);
  }
  if (filter.sentiment?.length) {
    sql.push(
      `r.id IN (SELECT response_id FROM response_signal WHERE sentiment_label IN (${filter.sentiment.map(() => '?').join(',')}))`,
    );
    params.push(...filter.sentiment);
  }
  if (filter.personalData !== undefined) {
    sql.push(`r.id ${filter.personalData ? '' : 'NOT '}IN (SELECT f.response_id FROM pii_finding f WHERE NOT EXISTS (
      SELECT 1 FROM pii_false_positive fp WHERE fp.response_id = f.response_id AND fp.kind = f.kind AND fp.start = f.start AND fp.end = f.end))`);
  }
  if (filter.campaign) {
    sql.push(`r.id ${filter.campaign === 'member' ? '' : 'NOT '}IN (SELECT m.response_id FROM campaign_member m
      JOIN campaign_group g ON g.id = m.group_id WHERE g.status <> 'dismissed')`);
  }
  return { sql, params };
}
