import type { Db } from '../db/connection';

/**
 * Charts of themes, campaigns, stance and triage read tables that other parts of the app add with their own
 * migrations. Each is used once its table exists with the columns named here (checked once per connection,
 * since a connection's schema only changes by migrating when it opens).
 *
 * Aligned with, at the time of writing: issue 4's migration 0003-triage.ts (response.status) and its
 * optional-tables.ts (theme(id, name, question_id), assignment(response_id, theme_id)); issue 5's
 * assignment source/state; issue 6's src/shared/api/signals.ts (campaign groups with a template, a status and
 * a counting mode; stance and sentiment per response). Table names for issues 5 and 6 are assumptions until
 * their migrations land: they are named only here.
 */
export interface DashboardSchema {
  /** response.status (issue 4): 'new' until someone opens the response. */
  triage: boolean;
  /** theme(id, name, question_id) and assignment(response_id, theme_id, source: 'analyst' | 'model' | 'rule' | 'import'). */
  themes: boolean;
  /** campaign_group(id, template_response_id, status, counting) and campaign_member(group_id, response_id). */
  campaigns: boolean;
  /** response_signal(response_id, stance, sentiment_label). */
  stance: boolean;
}

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
  return dashboardSchema(db).themes && db.prepare('SELECT 1 FROM assignment LIMIT 1').get() !== undefined;
}
