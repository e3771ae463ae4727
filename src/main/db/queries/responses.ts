import type {
  FacetCount,
  ResponseDetail,
  ResponsePage,
  ResponseQuery,
  ResponseRow,
  SortKey,
} from '../../../shared/api';
import { AppError } from '../../util/errors';
import type { Db } from '../connection';

const EXCERPT_CHARS = 240;

const SORT_COLUMNS: Record<SortKey, string> = {
  respondent: 'p.external_id',
  question: 'q.position',
  type: 'p.type',
  city: 'p.city',
  submittedAt: 'p.submitted_at',
  length: 'length(r.text)',
};

function whereClause(query: ResponseQuery): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (query.questionId !== undefined) {
    parts.push('r.question_id = ?');
    params.push(query.questionId);
  }
  if (query.search && query.search.trim()) {
    parts.push('r.id IN (SELECT rowid FROM response_fts WHERE response_fts MATCH ?)');
    params.push(query.search.trim());
  }
  if (query.respondentTypes?.length) {
    parts.push(`p.type IN (${query.respondentTypes.map(() => '?').join(',')})`);
    params.push(...query.respondentTypes);
  }
  if (query.cities?.length) {
    parts.push(`p.city IN (${query.cities.map(() => '?').join(',')})`);
    params.push(...query.cities);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** FTS5 reports bad query syntax as an SQLite error; the user gets a message about their search instead. */
function withSearchErrors<T>(query: ResponseQuery, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const message = (error as Error).message;
    if (query.search && /fts5|syntax error|unterminated|no such column/i.test(message)) {
      throw new AppError(
        'INVALID_INPUT',
        `The search "${query.search}" could not be understood. Put phrases in double quotes, use AND, OR and NOT in capitals between words, and * only at the end of a word.`,
        { field: 'search' },
      );
    }
    throw error;
  }
}

export function listResponses(db: Db, query: ResponseQuery): ResponsePage {
  const { sql: where, params } = whereClause(query);
  const from = 'FROM response r JOIN respondent p ON p.id = r.respondent_id JOIN question q ON q.id = r.question_id';
  const sort = query.sort ?? { key: 'submittedAt', dir: 'asc' };
  const order = `${SORT_COLUMNS[sort.key]} ${sort.dir === 'desc' ? 'DESC' : 'ASC'}, r.id`;
  return withSearchErrors(query, () => {
    const total = db.prepare(`SELECT count(*) ${from} ${where}`).pluck().get(...params) as number;
    const rows = db
      .prepare(
        `SELECT r.id, r.respondent_id AS respondentId, p.external_id AS respondentExternalId,
                r.question_id AS questionId, q.code AS questionCode,
                substr(r.text, 1, ${EXCERPT_CHARS}) AS excerpt, length(r.text) AS length,
                p.type AS respondentType, p.organisation, p.city, p.submitted_at AS submittedAt
           ${from} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
      .all(...params, query.limit, query.offset) as ResponseRow[];
    return { total, offset: query.offset, rows };
  });
}

interface RespondentRow {
  id: number;
  externalId: string;
  type: string | null;
  organisation: string | null;
  city: string | null;
  submittedAt: string | null;
  channel: string | null;
  attributes: string;
}

export function getResponse(db: Db, id: number): ResponseDetail {
  const response = db.prepare('SELECT id, question_id AS questionId, text, respondent_id AS respondentId FROM response WHERE id = ?').get(id) as
    | { id: number; questionId: number; text: string; respondentId: number }
    | undefined;
  if (!response) throw new AppError('NOT_FOUND', `There is no response ${id}.`);
  const p = db
    .prepare(
      `SELECT id, external_id AS externalId, type, organisation, city, submitted_at AS submittedAt, channel, attributes
         FROM respondent WHERE id = ?`,
    )
    .get(response.respondentId) as RespondentRow;
  const answers = db
    .prepare(
      `SELECT r.id AS responseId, q.id AS questionId, q.code AS questionCode, q.text AS questionText, r.text
         FROM response r JOIN question q ON q.id = r.question_id WHERE r.respondent_id = ? ORDER BY q.position`,
    )
    .all(p.id) as ResponseDetail['respondent']['answers'];
  return {
    id: response.id,
    questionId: response.questionId,
    text: response.text,
    respondent: { ...p, attributes: JSON.parse(p.attributes) as Record<string, string>, answers },
  };
}

export function responseFacets(db: Db): { types: FacetCount[]; cities: FacetCount[] } {
  const facet = (column: string): FacetCount[] =>
    db
      .prepare(
        `SELECT ${column} AS value, count(*) AS count FROM respondent WHERE ${column} IS NOT NULL GROUP BY ${column} ORDER BY count DESC, value`,
      )
      .all() as FacetCount[];
  return { types: facet('type'), cities: facet('city') };
}
