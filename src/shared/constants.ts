/** Every project file has this extension (it is a SQLite database). */
export const PROJECT_EXTENSION = '.consult';

/** Every dashboard chart, in display order: the contract's ChartId type and its input schema both come from it. */
export const CHART_IDS = [
  'themes',
  'themesByType',
  'themesByPlace',
  'stanceByTheme',
  'sentimentByTheme',
  'closed',
  'closedByType',
  'overTime',
  'progress',
  'respondentsByType',
  'respondentsByPlace',
] as const;
