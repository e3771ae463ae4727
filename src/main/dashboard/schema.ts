import type { Db } from '../db/connection';

/**
 * Charts of themes, campaigns, stance and triage read tables that other parts of the app add with their own
 * migrations. Each is used once its table exists with the columns named here (checked once per connection,
 * since a connection's schema only changes by migrating when it opens).
 *
 * Aligned with the migrations as they stand in their branches: issue 4's 0003-triage (response.status),
 * issue 5's 0004-themes (theme with is_other; assignment with source and state, where 'rejected' means an
 * analyst said no) and issue 6's 0005-signals (campaign_group, campaign_member, response_signal,
 * question_stance, and its counted_response view, whose rule the "campaigns once" count follows).
 */
export interface DashboardSchema {
  /** response.status: 'new' until someone opens the response. */
  triage: boolean;
  /** theme(id, name, question_id, is_other) and assignment(response_id, theme_id, source, state). */
  themes: boolean;
  /** campaign_group(id, template_response_id, status, counting) and campaign_member(group_id, response_id). */
  campaigns: boolean;
  /** response_signal(response_id, stance, sentiment_label). */
  stance: boolean;
  /** question_stance(question_id, asks_stance): whether each question asks for a stance. */
  stanceQuestions: boolean;
}

/** Over `assignment a`: an assignment that stands (a proposal, or accepted), not one an analyst rejected. */
export const LIVE_ASSIGNMENT = "a.state <> 'rejected'";

const cache = new WeakMap<Db, DashboardSchema>();

function columns(db: Db, table: string): Set<string> {
  return new Set(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
}

const hasAll = (found: Set<string>, wanted: string[]): boolean => wanted.every((c) => found.has(c));

function detect(db: Db): DashboardSchema {
  return {
    triage: columns(db, 'response').has('status'),
    themes:
      hasAll(columns(db, 'theme'), ['id', 'name', 'question_id']) &&
      hasAll(columns(db, 'assignment'), ['response_id', 'theme_id', 'source']),
    campaigns:
      hasAll(columns(db, 'campaign_group'), ['id', 'template_response_id', 'status', 'counting']) &&
      hasAll(columns(db, 'campaign_member'), ['group_id', 'response_id']),
    stance: hasAll(columns(db, 'response_signal'), ['response_id', 'stance', 'sentiment_label']),
    stanceQuestions: hasAll(columns(db, 'question_stance'), ['question_id', 'asks_stance']),
  };
}

export function dashboardSchema(db: Db): DashboardSchema {
  let found = cache.get(db);
  if (!found) {
    found = detect(db);
    cache.set(db, found);
  }
  return found;
}

/** Whether any campaign group can change a count: one that is not dismissed. */
export function campaignsDetected(db: Db): boolean {
  return (
    dashboardSchema(db).campaigns &&
    db.prepare("SELECT 1 FROM campaign_group WHERE status <> 'dismissed' LIMIT 1").get() !== undefined
  );
}

/** Whether any response has been given a theme. */
export function themesAssigned(db: Db): boolean {
  return (
    dashboardSchema(db).themes &&
    db.prepare(`SELECT 1 FROM assignment a WHERE ${LIVE_ASSIGNMENT} LIMIT 1`).get() !== undefined
  );
}
