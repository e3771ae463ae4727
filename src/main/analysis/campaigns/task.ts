/**
 * Campaign detection and group splitting as worker tasks: read the responses, group them, and write groups,
 * members and diffs in one transaction (a cancelled or failed run leaves the project as it was).
 * Groups an analyst confirmed or dismissed, and responses they took out of a group, are left alone.
 */
import { openWorkerDb, type Db } from '../../db/connection';
import { appendAudit } from '../../db/queries/audit';
import type { TaskContext } from '../../jobs/protocol';
import { AppError } from '../../util/errors';
import { CampaignIndex, DEFAULT_CAMPAIGN_PARAMS, type CampaignParams, type DetectedGroup } from './detect';
import { addedShare, diffKeys } from './diff';
import { tokenKeys } from './normalise';

export interface DetectCampaignsInput {
  dbPath: string;
  actor: string;
  questionIds?: number[];
  params?: Partial<CampaignParams>;
}

export interface DetectCampaignsResult {
  runId: number;
  questions: number;
  responses: number;
  groups: number;
  groupedResponses: number;
  ms: number;
}

export interface SplitCampaignInput {
  dbPath: string;
  actor: string;
  groupId: number;
  responseIds: number[];
  asNewGroup: boolean;
}

export interface SplitCampaignResult {
  /** The group the members left. */
  groupId: number;
  /** The new group, when they formed one. */
  newGroupId: number | null;
}

const PROGRESS_EVERY = 2000;

function checkCancelled(ctx: TaskContext): void {
  if (ctx.cancelled()) throw new AppError('CANCELLED', 'Campaign detection was cancelled; nothing was changed.');
}

/** Responses an analyst has decided about: members of confirmed or dismissed groups, and exclusions. */
const UNDECIDED = `NOT EXISTS (SELECT 1 FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id
                                WHERE m.response_id = r.id AND g.status <> 'proposed')
                   AND NOT EXISTS (SELECT 1 FROM campaign_exclusion x WHERE x.response_id = r.id)`;

/** Writes one group's members with their diffs against the template. */
function writeMembers(
  db: Db,
  groupId: number,
  group: DetectedGroup,
  ctx: TaskContext | null,
  written: { n: number; total: number },
): void {
  const textOf = db.prepare('SELECT text FROM response WHERE id = ?').pluck();
  const insert = db.prepare(
    'INSERT INTO campaign_member (response_id, group_id, similarity, exact, added_share, diff) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const templateKeys = tokenKeys(textOf.get(group.templateId) as string);
  for (const m of group.members) {
    const ops = diffKeys(templateKeys, tokenKeys(textOf.get(m.id) as string));
    insert.run(m.id, groupId, m.similarity, m.exact ? 1 : 0, addedShare(ops), JSON.stringify(ops));
    if (ctx && ++written.n % PROGRESS_EVERY === 0) {
      checkCancelled(ctx);
      ctx.progress('Writing campaign groups', written.n, written.total);
    }
  }
}

export function detectCampaigns(
  db: Db,
  input: Omit<DetectCampaignsInput, 'dbPath'>,
  ctx: TaskContext,
): DetectCampaignsResult {
  const started = Date.now();
  const startedAt = new Date().toISOString();
  const params: CampaignParams = { ...DEFAULT_CAMPAIGN_PARAMS, ...input.params };
  const questions = (
    input.questionIds?.length
      ? db
          .prepare(
            `SELECT id FROM question WHERE kind = 'open' AND id IN (${input.questionIds.map(() => '?').join(',')}) ORDER BY id`,
          )
          .all(...input.questionIds)
      : db.prepare("SELECT id FROM question WHERE kind = 'open' ORDER BY id").all()
  ).map((q) => (q as { id: number }).id);
  const total = questions.length
    ? (db
        .prepare(`SELECT count(*) FROM response r WHERE r.question_id IN (${questions.join(',')}) AND ${UNDECIDED}`)
        .pluck()
        .get() as number)
    : 0;

  // Read and group each question's responses; only signatures are held, never the texts.
  const found: { questionId: number; groups: DetectedGroup[] }[] = [];
  let read = 0;
  for (const questionId of questions) {
    const index = new CampaignIndex(params);
    for (const row of db
      .prepare(`SELECT r.id, r.text FROM response r WHERE r.question_id = ? AND ${UNDECIDED} ORDER BY r.id`)
      .iterate(questionId)) {
      const { id, text } = row as { id: number; text: string };
      index.add(id, text);
      if (++read % PROGRESS_EVERY === 0) {
        checkCancelled(ctx);
        ctx.progress('Reading responses', read, total);
      }
    }
    found.push({ questionId, groups: index.groups(ctx.progress, () => checkCancelled(ctx)) });
  }
  ctx.progress('Reading responses', read, total);

  const groupCount = found.reduce((n, q) => n + q.groups.length, 0);
  const memberCount = found.reduce((n, q) => n + q.groups.reduce((m, g) => m + g.members.length, 0), 0);
  const written = { n: 0, total: memberCount };
  const runId = db.transaction(() => {
    const run = db
      .prepare(
        "INSERT INTO signal_run (kind, params, started_by, started_at, finished_at) VALUES ('campaigns', ?, ?, ?, ?)",
      )
      .run(JSON.stringify({ ...params, questionIds: questions }), input.actor, startedAt, startedAt)
      .lastInsertRowid as number;
    if (questions.length)
      db.prepare(
        `DELETE FROM campaign_group WHERE status = 'proposed' AND question_id IN (${questions.join(',')})`,
      ).run();
    const insertGroup = db.prepare(
      'INSERT INTO campaign_group (question_id, template_response_id, size, distinct_texts, kind, counting, run_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    // An analyst may have decided about some of these responses while they were being read.
    const decided = new Set(
      db
        .prepare(
          `SELECT m.response_id FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id WHERE g.status <> 'proposed'
           UNION SELECT response_id FROM campaign_exclusion`,
        )
        .pluck()
        .all() as number[],
    );
    for (const { questionId, groups } of found) {
      for (const group of groups) {
        const members = decided.size ? group.members.filter((m) => !decided.has(m.id)) : group.members;
        if (members.length < params.minGroupSize || !members.some((m) => m.id === group.templateId)) continue;
        // A campaign counts once by default; a few duplicates count as themselves until an analyst decides.
        const campaign = members.length >= params.campaignMinSize;
        const groupId = insertGroup.run(
          questionId,
          group.templateId,
          members.length,
          group.distinctTexts,
          campaign ? 'campaign' : 'duplicates',
          campaign ? 'one' : 'all',
          run,
        ).lastInsertRowid as number;
        writeMembers(db, groupId, { ...group, members }, ctx, written);
      }
    }
    const ms = Date.now() - started;
    db.prepare('UPDATE signal_run SET stats = ?, finished_at = ? WHERE id = ?').run(
      JSON.stringify({
        questions: questions.length,
        responses: read,
        groups: groupCount,
        groupedResponses: memberCount,
        ms,
      }),
      new Date().toISOString(),
      run,
    );
    return run;
  })();
  return {
    runId,
    questions: questions.length,
    responses: read,
    groups: groupCount,
    groupedResponses: memberCount,
    ms: Date.now() - started,
  };
}

/** Recomputes a group's template, similarities and diffs from its current members. */
function rebuildGroup(db: Db, groupId: number, params: CampaignParams): void {
  const rows = db
    .prepare(
      'SELECT r.id, r.text FROM campaign_member m JOIN response r ON r.id = m.response_id WHERE m.group_id = ? ORDER BY r.id',
    )
    .all(groupId) as { id: number; text: string }[];
  const index = new CampaignIndex(params);
  for (const r of rows) index.add(r.id, r.text);
  const group = index.asOneGroup() ?? {
    templateId: rows[0].id,
    members: rows.map((r) => ({ id: r.id, similarity: 0, exact: false })),
    distinctTexts: rows.length,
  };
  db.prepare('DELETE FROM campaign_member WHERE group_id = ?').run(groupId);
  db.prepare('UPDATE campaign_group SET template_response_id = ?, size = ?, distinct_texts = ? WHERE id = ?').run(
    group.templateId,
    group.members.length,
    group.distinctTexts,
    groupId,
  );
  writeMembers(db, groupId, group, null, { n: 0, total: 0 });
}

export function splitCampaign(
  db: Db,
  input: Omit<SplitCampaignInput, 'dbPath'>,
  ctx: TaskContext,
): SplitCampaignResult {
  const params: CampaignParams = { ...DEFAULT_CAMPAIGN_PARAMS, minWords: 0 };
  return db.transaction(() => {
    const group = db
      .prepare('SELECT id, question_id, status, counting, kind, size FROM campaign_group WHERE id = ?')
      .get(input.groupId) as
      { id: number; question_id: number; status: string; counting: string; kind: string; size: number } | undefined;
    if (!group)
      throw new AppError(
        'NOT_FOUND',
        `There is no campaign group ${input.groupId}; it may have been replaced by a new detection.`,
      );
    const isMember = db.prepare('SELECT 1 FROM campaign_member WHERE group_id = ? AND response_id = ?').pluck();
    const strangers = input.responseIds.filter((id) => isMember.get(input.groupId, id) === undefined);
    if (strangers.length)
      throw new AppError(
        'INVALID_INPUT',
        `Responses ${strangers.slice(0, 5).join(', ')} are not in campaign group ${input.groupId}.`,
      );
    if (group.size - input.responseIds.length < 2) {
      throw new AppError('INVALID_INPUT', 'Leave at least two responses in the group, or dismiss the group instead.');
    }
    const now = new Date().toISOString();
    ctx.progress('Splitting the group', 0, null);
    let newGroupId: number | null = null;
    if (input.asNewGroup && input.responseIds.length >= 2) {
      newGroupId = db
        .prepare(
          `INSERT INTO campaign_group (question_id, template_response_id, size, distinct_texts, kind, status, counting, split_from, decided_by, decided_at)
           VALUES (?, ?, ?, 0, ?, 'confirmed', ?, ?, ?, ?)`,
        )
        .run(
          group.question_id,
          input.responseIds[0],
          input.responseIds.length,
          group.kind,
          group.counting,
          group.id,
          input.actor,
          now,
        ).lastInsertRowid as number;
      const move = db.prepare('UPDATE campaign_member SET group_id = ? WHERE response_id = ?');
      for (const id of input.responseIds) move.run(newGroupId, id);
      rebuildGroup(db, newGroupId, params);
    } else {
      // Taken out as individual responses: remembered so a new detection does not put them back.
      const remove = db.prepare('DELETE FROM campaign_member WHERE response_id = ?');
      const exclude = db.prepare(
        'INSERT OR REPLACE INTO campaign_exclusion (response_id, decided_by, decided_at) VALUES (?, ?, ?)',
      );
      for (const id of input.responseIds) {
        remove.run(id);
        exclude.run(id, input.actor, now);
      }
    }
    checkCancelled(ctx);
    // The analyst has looked at this group: whatever is left of it stands as their decision.
    db.prepare(
      "UPDATE campaign_group SET status = 'confirmed', decided_by = ?, decided_at = ? WHERE id = ? AND status = 'proposed'",
    ).run(input.actor, now, group.id);
    rebuildGroup(db, group.id, params);
    appendAudit(db, {
      actor: input.actor,
      action: input.asNewGroup ? 'campaign.split' : 'campaign.remove_members',
      entity: 'campaign_group',
      entityId: group.id,
      before: { size: group.size, status: group.status },
      after: { responseIds: input.responseIds, newGroupId },
    });
    return { groupId: group.id, newGroupId };
  })();
}

export function detectCampaignsTask(input: unknown, ctx: TaskContext): DetectCampaignsResult {
  const { dbPath, ...rest } = input as DetectCampaignsInput;
  const db = openWorkerDb(dbPath);
  try {
    return detectCampaigns(db, rest, ctx);
  } finally {
    db.close();
  }
}

export function splitCampaignTask(input: unknown, ctx: TaskContext): SplitCampaignResult {
  const { dbPath, ...rest } = input as SplitCampaignInput;
  const db = openWorkerDb(dbPath);
  try {
    return splitCampaign(db, rest, ctx);
  } finally {
    db.close();
  }
}
