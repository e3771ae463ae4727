import type {
  CampaignDetail,
  CampaignGroup,
  CampaignMember,
  CampaignOverview,
  CampaignStatus,
  CountingMode,
  CountingView,
  GroupKind,
} from '../../../shared/api';
import { diffSegments, type DiffOp } from '../../analysis/campaigns/diff';
import { AppError } from '../../util/errors';
import type { Db } from '../connection';
import { appendAudit } from './audit';

/**
 * The responses to count under a counting view, as SQL yielding `response_id` (and `question_id`): join or
 * filter on it, e.g. `SELECT count(*) FROM response r WHERE r.id IN (${countedResponsesSql(view)})` or
 * `... JOIN (${countedResponsesSql(view)}) c ON c.response_id = r.id`.
 *  - 'responses': every response as submitted.
 *  - 'campaigns-once': each campaign group that is not dismissed and counts as one is represented by its
 *    template response only; every other response counts as itself (the `counted_response` view).
 * Dashboard and reports should offer both, so a reader can see how much campaigns move the numbers.
 */
export function countedResponsesSql(view: CountingView): string {
  return view === 'responses'
    ? 'SELECT id AS response_id, question_id FROM response'
    : 'SELECT response_id, question_id FROM counted_response';
}

const EXCERPT = 240;

const GROUP_SELECT = `
  SELECT g.id, g.question_id AS questionId, q.code AS questionCode, g.template_response_id AS templateResponseId,
         p.external_id AS templateRespondent, substr(t.text, 1, ${EXCERPT}) AS templateExcerpt, g.size,
         g.distinct_texts AS distinctTexts, g.kind,
         coalesce((SELECT avg(m.similarity) FROM campaign_member m WHERE m.group_id = g.id), 1) AS meanSimilarity,
         g.status, g.counting, g.decided_by AS decidedBy, g.decided_at AS decidedAt
    FROM campaign_group g
    JOIN question q ON q.id = g.question_id
    JOIN response t ON t.id = g.template_response_id
    JOIN respondent p ON p.id = t.respondent_id`;

function roundGroup(g: CampaignGroup): CampaignGroup {
  return { ...g, meanSimilarity: Math.round(g.meanSimilarity * 1000) / 1000 };
}

export function getCampaignGroup(db: Db, id: number): CampaignGroup {
  const g = db.prepare(`${GROUP_SELECT} WHERE g.id = ?`).get(id) as CampaignGroup | undefined;
  if (!g)
    throw new AppError(
      'NOT_FOUND',
      `There is no campaign group ${id}; it may have been split or replaced by a new detection.`,
    );
  return roundGroup(g);
}

export function listCampaigns(
  db: Db,
  filter: { questionId?: number; status?: CampaignStatus; kind?: GroupKind },
): CampaignOverview {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.questionId !== undefined) {
    where.push('g.question_id = ?');
    params.push(filter.questionId);
  }
  if (filter.status) {
    where.push('g.status = ?');
    params.push(filter.status);
  }
  if (filter.kind) {
    where.push('g.kind = ?');
    params.push(filter.kind);
  }
  const groups = (
    db
      .prepare(`${GROUP_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY g.size DESC, g.id`)
      .all(...params) as CampaignGroup[]
  ).map(roundGroup);
  // Campaigns are found in open answers, so the totals are over open questions (or the one chosen).
  const questionFilter =
    filter.questionId !== undefined
      ? 'WHERE question_id = ?'
      : "WHERE question_id IN (SELECT id FROM question WHERE kind = 'open')";
  const qp = filter.questionId !== undefined ? [filter.questionId] : [];
  const responses = db
    .prepare(`SELECT count(*) FROM response ${questionFilter}`)
    .pluck()
    .get(...qp) as number;
  const countedOnce = db
    .prepare(`SELECT count(*) FROM counted_response ${questionFilter}`)
    .pluck()
    .get(...qp) as number;
  const campaignResponses = db
    .prepare(
      `SELECT count(*) FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id
        WHERE g.status <> 'dismissed' AND g.kind = 'campaign' ${filter.questionId !== undefined ? 'AND g.question_id = ?' : ''}`,
    )
    .pluck()
    .get(...qp) as number;
  const run = db
    .prepare(
      "SELECT started_at AS at, started_by AS by, params, stats FROM signal_run WHERE kind = 'campaigns' ORDER BY id DESC LIMIT 1",
    )
    .get() as { at: string; by: string; params: string; stats: string } | undefined;
  return {
    groups,
    lastRun: run ? { at: run.at, by: run.by, params: JSON.parse(run.params), stats: JSON.parse(run.stats) } : null,
    totals: { responses, campaignResponses, countedOnce },
  };
}

interface MemberRow {
  responseId: number;
  respondentExternalId: string;
  similarity: number;
  exact: number;
  addedShare: number;
  diff: string;
  text: string;
}

const MEMBER_SELECT = `
  SELECT m.response_id AS responseId, p.external_id AS respondentExternalId, m.similarity, m.exact,
         m.added_share AS addedShare, m.diff, r.text
    FROM campaign_member m
    JOIN response r ON r.id = m.response_id
    JOIN respondent p ON p.id = r.respondent_id`;

function toMember(row: MemberRow, templateText: string): CampaignMember {
  return {
    responseId: row.responseId,
    respondentExternalId: row.respondentExternalId,
    similarity: Math.round(row.similarity * 1000) / 1000,
    exact: row.exact === 1,
    addedShare: Math.round(row.addedShare * 1000) / 1000,
    segments: diffSegments(templateText, row.text, JSON.parse(row.diff) as DiffOp[]),
  };
}

/** A group with a page of its members, most edited first when `editedOnly` (the additions worth reading). */
export function getCampaign(db: Db, id: number, offset: number, limit: number, editedOnly = false): CampaignDetail {
  const group = getCampaignGroup(db, id);
  const templateText = db
    .prepare('SELECT text FROM response WHERE id = ?')
    .pluck()
    .get(group.templateResponseId) as string;
  const where = `WHERE m.group_id = ?${editedOnly ? ' AND m.added_share > 0' : ''}`;
  const total = db.prepare(`SELECT count(*) FROM campaign_member m ${where}`).pluck().get(id) as number;
  const order = editedOnly ? 'm.added_share DESC, m.response_id' : '(m.response_id <> ?) , m.response_id';
  const rows = (
    editedOnly
      ? db.prepare(`${MEMBER_SELECT} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(id, limit, offset)
      : db
          .prepare(`${MEMBER_SELECT} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
          .all(id, group.templateResponseId, limit, offset)
  ) as MemberRow[];
  return {
    group,
    template: { responseId: group.templateResponseId, text: templateText },
    total,
    offset,
    members: rows.map((r) => toMember(r, templateText)),
  };
}

export function campaignForResponse(
  db: Db,
  responseId: number,
): { group: CampaignGroup; member: CampaignMember } | null {
  const row = db.prepare(`${MEMBER_SELECT} WHERE m.response_id = ?`).get(responseId) as MemberRow | undefined;
  if (!row) return null;
  const groupId = db
    .prepare('SELECT group_id FROM campaign_member WHERE response_id = ?')
    .pluck()
    .get(responseId) as number;
  const group = getCampaignGroup(db, groupId);
  const templateText = db
    .prepare('SELECT text FROM response WHERE id = ?')
    .pluck()
    .get(group.templateResponseId) as string;
  return { group, member: toMember(row, templateText) };
}

function decide(
  db: Db,
  id: number,
  actor: string,
  column: 'status' | 'counting',
  value: string,
  action: string,
): CampaignGroup {
  return db.transaction(() => {
    const before = getCampaignGroup(db, id);
    db.prepare(`UPDATE campaign_group SET ${column} = ?, decided_by = ?, decided_at = ? WHERE id = ?`).run(
      value,
      actor,
      new Date().toISOString(),
      id,
    );
    const after = getCampaignGroup(db, id);
    appendAudit(db, {
      actor,
      action,
      entity: 'campaign_group',
      entityId: id,
      before: { status: before.status, counting: before.counting },
      after: { status: after.status, counting: after.counting },
    });
    return after;
  })();
}

export function setCampaignStatus(db: Db, id: number, status: CampaignStatus, actor: string): CampaignGroup {
  return decide(db, id, actor, 'status', status, 'campaign.status');
}

export function setCampaignCounting(db: Db, id: number, counting: CountingMode, actor: string): CampaignGroup {
  return decide(db, id, actor, 'counting', counting, 'campaign.counting');
}

/** For `consult stats`: campaigns and duplicate sets that are not dismissed, and how many responses they hold. */
export function campaignStats(db: Db): {
  campaignGroups: number;
  campaignResponses: number;
  duplicateSets: number;
  duplicateResponses: number;
  responsesCountedOnce: number;
  campaigns: { id: number; question: string; size: number; status: 'proposed' | 'confirmed'; counting: CountingMode }[];
} {
  const campaigns = db
    .prepare(
      `SELECT g.id, q.code AS question, g.size, g.status, g.counting FROM campaign_group g JOIN question q ON q.id = g.question_id
        WHERE g.status <> 'dismissed' AND g.kind = 'campaign' ORDER BY g.size DESC, g.id`,
    )
    .all() as {
    id: number;
    question: string;
    size: number;
    status: 'proposed' | 'confirmed';
    counting: CountingMode;
  }[];
  const duplicates = db
    .prepare(
      "SELECT count(*) AS sets, coalesce(sum(size), 0) AS responses FROM campaign_group WHERE status <> 'dismissed' AND kind = 'duplicates'",
    )
    .get() as { sets: number; responses: number };
  return {
    campaignGroups: campaigns.length,
    campaignResponses: campaigns.reduce((n, c) => n + c.size, 0),
    duplicateSets: duplicates.sets,
    duplicateResponses: duplicates.responses,
    responsesCountedOnce: db.prepare('SELECT count(*) FROM counted_response').pluck().get() as number,
    campaigns,
  };
}
