import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createProjectDb } from '../db/connection';
import { runInWorker } from '../jobs/run-in-worker';
import type { BuildSampleInput } from '../importers/sample';
import type { ServiceContext } from './types';

export const SAMPLE_FILE_NAME = 'Northern Futures (sample).consult';

export function samplePath(ctx: ServiceContext): string {
  return join(ctx.settings.dataDir, 'sample', SAMPLE_FILE_NAME);
}

/**
 * The bundled sample is copied into the user's data folder (resources/ may be read-only) the first time it
 * is opened. It is built beside its final name and renamed at the end, so a cancelled or failed build never
 * leaves a half-written sample behind.
 */
export async function ensureSample(ctx: ServiceContext): Promise<string> {
  const target = samplePath(ctx);
  if (existsSync(target)) return target;
  mkdirSync(join(ctx.settings.dataDir, 'sample'), { recursive: true });
  const partial = `${target}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  createProjectDb(partial, 'Northern Futures').close();
  const input: BuildSampleInput = {
    jsonPath: join(ctx.resourcesDir, 'sample', 'northern-futures.json'),
    dbPath: partial,
  };
  const { done } = ctx.jobs.start({
    kind: 'sample.build',
    title: 'Prepare the sample consultation',
    run: (job) => runInWorker<number>('sample.build', input, job),
  });
  try {
    await done;
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
    throw error;
  }
  renameSync(partial, target);
  return target;
}
