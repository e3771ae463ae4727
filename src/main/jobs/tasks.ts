import type { Task } from './protocol';
import { buildSampleTask } from '../importers/sample';
import { exportTask, previewTask } from '../reports/tasks';
import { TEST_TASKS } from './test-tasks';
import { detectCampaignsTask, splitCampaignTask } from '../analysis/campaigns/task';
import { scanTask } from '../analysis/stance/scan-task';

/** Every task a worker thread can run, by name. Each area registers its heavy work here. */
export const TASKS: Record<string, Task> = {
  'sample.build': buildSampleTask,
  'reports.preview': previewTask,
  'reports.export': exportTask,
  'campaigns.detect': detectCampaignsTask,
  'campaigns.split': splitCampaignTask,
  'signals.scan': scanTask,
  ...TEST_TASKS,
};
