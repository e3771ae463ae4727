/**
 * Campaign groups (issue 6: campaign_group with template_response_id, status proposed/confirmed/dismissed
 * and counting one/all; campaign_member linking responses to a group). Without them there are no campaigns.
 */
import type { Db } from '../../db/connection';
import { hasColumn, hasTable } from './schema';

interface CampaignTables {
  /** The member table's column naming its group. */
  groupColumn: string;
}

function campaignTables(db: Db): CampaignTables | null {
  if (!hasTable(db, 'campaign_group') || !hasColumn(db, 'campaign_member', 'response_id')) return null;
  const groupColumn = ['group_id', 'campaign_id'].find((c) => hasColumn(db, 'campaign_member', c));
  return groupColumn ? { groupColumn } : null;
}

/**
 * A condition on a response id column true for members that "count once" leaves out: members other than
 * the template of groups not dismissed whose counting mode is "one". Null when there are no campaigns.
 */
export function collapsedMemberCondition(db: Db, column: string): string | null {
  const t = campaignTables(db);
  if (!t) return null;
  return `${column} IN (SELECT m.response_id FROM campaign_member m JOIN campaign_group g ON g.id = m.${t.groupColumn}
                             WHERE g.status <> 'dismissed' AND g.counting = 'one' AND m.response_id <> g.template_response_id)`;
}

/** A condition on a response id column true for members of any group not dismissed (never quoted as one voice). */
export function campaignMemberCondition(db: Db, column: string): string | null {
  const t = campaignTables(db);
  if (!t) return null;
  return `${column} IN (SELECT m.response_id FROM campaign_member m JOIN campaign_group g ON g.id = m.${t.groupColumn}
                             WHERE g.status <> 'dismissed')`;
}

/** SQL (over response r) giving the response's campaign group id, or NULL; for data exports. */
export function campaignColumn(db: Db): string {
  const t = campaignTables(db);
  if (!t) return 'NULL AS campaignId';
  return `(SELECT m.${t.groupColumn} FROM campaign_member m JOIN campaign_group g ON g.id = m.${t.groupColumn}
            WHERE m.response_id = r.id AND g.status <> 'dismissed' LIMIT 1) AS campaignId`;
}

export interface CampaignRow {
  id: number;
  questionCode: string;
  status: string;
  counting: string;
  /** Members in the report's scope. */
  size: number;
  /** Of them, those the report counts. */
  counted: number;
  templateText: string;
  templateResponseId: number;
}

/**
 * Campaign groups not dismissed with members in the report's scope, largest first (small sets of duplicates
 * are counted the same way but are not reported as campaigns). Needs temp.report_scope.
 */
export function campaignsInScope(db: Db): CampaignRow[] {
  const t = campaignTables(db);
  if (!t) return [];
  const campaignsOnly = hasColumn(db, 'campaign_group', 'kind') ? "AND g.kind = 'campaign'" : '';
  return db
    .prepare(
      `SELECT g.id, q.code AS questionCode, g.status, g.counting, count(*) AS size, sum(s.counted) AS counted,
              tr.text AS templateText, g.template_response_id AS templateResponseId
         FROM campaign_group g
         JOIN campaign_member m ON m.${t.groupColumn} = g.id
         JOIN temp.report_scope s ON s.response_id = m.response_id
         JOIN response tr ON tr.id = g.template_response_id
         JOIN question q ON q.id = tr.question_id
        WHERE g.status <> 'dismissed' ${campaignsOnly}
        GROUP BY g.id ORDER BY size DESC, g.id`,
    )
    .all() as CampaignRow[];
}
