import type { Task } from './protocol';
import { buildSampleTask } from '../importers/sample';
import { classifyTask, discoverTask } from '../analysis/tasks';
import { TEST_TASKS } from './test-tasks';

/** Every task a worker thread can run, by name. Each area registers its heavy work here. */
export const TASKS: Record<string, Task> = {
  'sample.build': buildSampleTask,
  'themes.discover': discoverTask,
  'themes.classify': classifyTask,
  ...TEST_TASKS,
};
