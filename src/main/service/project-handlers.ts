import { z } from 'zod';
import type { ProjectApi, ProjectSummary } from '../../shared/api';
import { projectStats } from '../db/queries/stats';
import { AppError } from '../util/errors';
import { Project } from './project';
import { ensureSample, samplePath } from './sample';
import type { Handlers, Schemas, ServiceContext } from './types';

const path = z.string().trim().min(1, 'A file path is required.').max(4096);
const none = z.void();

export const projectSchemas: Schemas<ProjectApi> = {
  'project.current': none,
  'project.create': z.object({ path, title: z.string().trim().max(300).optional() }),
  'project.open': z.object({ path }),
  'project.chooseAndOpen': none,
  'project.chooseAndCreate': none,
  'project.openSample': none,
  'project.close': none,
  'project.recent': none,
  'project.stats': none,
  'settings.get': none,
  'settings.set': z.object({
    analystName: z.string().trim().min(1).max(200).optional(),
    characterShortcuts: z.boolean().optional(),
  }),
  'jobs.list': none,
  'jobs.cancel': z.object({ id: z.string().min(1).max(100) }),
};

/** Opens (or creates) before closing the current project, so a failure leaves the current one open. */
export function switchTo(ctx: ServiceContext, next: Project): ProjectSummary {
  ctx.currentProject()?.close();
  ctx.setProject(next);
  const summary = next.summary();
  if (!next.isSample) ctx.settings.addRecent(next.path, summary.title);
  ctx.emit({ type: 'project', project: summary });
  return summary;
}

export async function openSample(ctx: ServiceContext): Promise<ProjectSummary> {
  const path = await ensureSample(ctx);
  return switchTo(ctx, Project.open(path, true));
}

function openPath(ctx: ServiceContext, file: string): ProjectSummary {
  const isSample = file === samplePath(ctx);
  return switchTo(ctx, Project.open(file, isSample));
}

export const projectHandlers: Handlers<ProjectApi> = {
  'project.current': (ctx) => ctx.currentProject()?.summary() ?? null,
  'project.create': (ctx, input) => switchTo(ctx, Project.create(input.path, input.title)),
  'project.open': (ctx, input) => openPath(ctx, input.path),
  'project.chooseAndOpen': async (ctx) => {
    if (!ctx.host.chooseProjectToOpen)
      throw new AppError('UNSUPPORTED', 'Choosing a file needs the desktop app; give a path instead.');
    const file = await ctx.host.chooseProjectToOpen();
    return file ? openPath(ctx, file) : null;
  },
  'project.chooseAndCreate': async (ctx) => {
    if (!ctx.host.chooseProjectToCreate)
      throw new AppError('UNSUPPORTED', 'Choosing a file needs the desktop app; give a path instead.');
    const file = await ctx.host.chooseProjectToCreate();
    return file ? switchTo(ctx, Project.create(file)) : null;
  },
  'project.openSample': (ctx) => openSample(ctx),
  'project.close': (ctx) => {
    ctx.currentProject()?.close();
    ctx.setProject(null);
    ctx.emit({ type: 'project', project: null });
    return null;
  },
  'project.recent': (ctx) => ctx.settings.recent(),
  'project.stats': (ctx) => projectStats(ctx.project().db),
  'settings.get': (ctx) => ctx.settings.get(),
  'settings.set': (ctx, input) => ctx.settings.set(input),
  'jobs.list': (ctx) => ctx.jobs.list(),
  'jobs.cancel': (ctx, input) => ({ cancelled: ctx.jobs.cancel(input.id) }),
};
