import type { Task } from './protocol';
import { buildSampleTask } from '../importers/sample';
import { classifyTask, discoverTask } from '../analysis/tasks';
import { exportTask, previewTask as reportPreviewTask } from '../reports/tasks';
import { TEST_TASKS } from './test-tasks';
import { importTask } from '../importers/run';
import { previewTask } from '../importers/preview';
import { detectCampaignsTask, splitCampaignTask } from '../analysis/campaigns/task';
import { scanTask } from '../analysis/stance/scan-task';
import { applyTask, undoTask } from '../triage/tasks';

/** Every task a worker thread can run, by name. Each area registers its heavy work here. */
export const TASKS: Record<string, Task> = {
  'sample.build': buildSampleTask,
  'import.run': importTask,
  'import.preview': previewTask,
  'reports.preview': reportPreviewTask,
  'reports.export': exportTask,
  'campaigns.detect': detectCampaignsTask,
  'campaigns.split': splitCampaignTask,
  'signals.scan': scanTask,
  'triage.apply': applyTask,
  'triage.undo': undoTask,
  'themes.discover': discoverTask,
  'themes.classify': classifyTask,
  ...TEST_TASKS,
};
