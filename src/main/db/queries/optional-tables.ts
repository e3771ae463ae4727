import type { Db } from '../connection';

/**
 * Filters on themes, personal data and campaigns read tables that other parts of the app add with their own
 * migrations. Each lights up once its table exists with the columns named here (checked once per
 * connection); until then the filter is reported as unavailable and, if asked for anyway, matches nothing
 * that it would not match without that data (see response-filter.ts).
 */
export interface OptionalTables {
  /** theme(id, name[, question_id]) and assignment(response_id, theme_id). */
  themes: { questionColumn: boolean } | null;
  /** pii_finding(response_id): one row per piece of personal data found in an answer. */
  personalData: boolean;
  /** campaign_member(campaign_id, response_id) or campaign_member(campaign_id, respondent_id). */
  campaigns: { by: 'response_id' | 'respondent_id' } | null;
}

const cache = new WeakMap<Db, OptionalTables>();

function columns(db: Db, table: string): Set<string> {
  const rows = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
  return new Set(rows);
}

function detect(db: Db): OptionalTables {
  const theme = columns(db, 'theme');
  const assignment = columns(db, 'assignment');
  const pii = columns(db, 'pii_finding');
  const campaign = columns(db, 'campaign_member');
  return {
    themes:
      theme.has('id') && theme.has('name') && assignment.has('response_id') && assignment.has('theme_id')
        ? { questionColumn: theme.has('question_id') }
        : null,
    personalData: pii.has('response_id'),
    campaigns: campaign.has('response_id')
      ? { by: 'response_id' }
      : campaign.has('respondent_id')
        ? { by: 'respondent_id' }
        : null,
  };
}

export function optionalTables(db: Db): OptionalTables {
  let found = cache.get(db);
  if (!found) {
    found = detect(db);
    cache.set(db, found);
  }
  return found;
}
