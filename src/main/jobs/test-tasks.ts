import { AppError } from '../util/errors';
import type { Task } from './protocol';

/** Tiny tasks that exercise the worker machinery itself (progress, cancel, errors) in tests. */
export const TEST_TASKS: Record<string, Task> = {
  'test.count': (input, ctx) => {
    const { upTo, every } = input as { upTo: number; every: number };
    let i = 0;
    while (i < upTo) {
      i++;
      if (i % every === 0) {
        if (ctx.cancelled()) throw new AppError('CANCELLED', 'Cancelled');
        ctx.progress('Counting', i, upTo);
      }
    }
    return i;
  },
  'test.fail': () => {
    throw new AppError('BAD_FILE', 'row 7 is unreadable');
  },
};
