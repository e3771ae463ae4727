import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../src/shared/api';
import { ApiError } from '../../src/shared/client';
import { Backend } from '../../src/main/service/backend';
import { testBackend } from '../helpers/temp';

describe('the contract over the in-process front door', () => {
  it('creates a project file, reopens it and counts its contents', async () => {
    const { dir, api } = testBackend();
    const path = join(dir, 'consultation.consult');
    const created = await api.call('project.create', { path, title: 'Skills review' });
    expect(created).toMatchObject({ path, title: 'Skills review', isSample: false });
    expect(existsSync(path)).toBe(true);
    await api.call('project.close');
    await expect(api.call('project.stats')).rejects.toMatchObject({ code: 'NO_PROJECT' });
    await api.call('project.open', { path });
    expect(await api.call('project.stats')).toMatchObject({ questions: 0, respondents: 0, responses: 0, themes: 0 });
    expect((await api.call('project.recent')).map((r) => r.path)).toEqual([path]);
  });

  it('validates input at the boundary and returns typed errors', async () => {
    const { backend, api } = testBackend();
    const bad = await backend.call('project.open', { path: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!bad.ok && bad.error.message).toMatch(/path/);
    expect(await backend.call('no.such.call', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await backend.call('responses.list', { offset: -1, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const error = await api.call('project.open', { path: '/nowhere/x.consult' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses to create over an existing file', async () => {
    const { dir, api } = testBackend();
    const path = join(dir, 'a.consult');
    await api.call('project.create', { path });
    await expect(api.call('project.create', { path })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps the current project open when opening another file fails', async () => {
    const { dir, api } = testBackend();
    const path = join(dir, 'keep.consult');
    await api.call('project.create', { path });
    await expect(api.call('project.open', { path: join(dir, 'missing.consult') })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await api.call('project.current'))?.path).toBe(path);
  });

  it('announces project changes as events', async () => {
    const { dir, api } = testBackend();
    const events: ApiEvent[] = [];
    api.subscribe((e) => events.push(e));
    await api.call('project.create', { path: join(dir, 'e.consult') });
    await api.call('project.close');
    expect(
      events.filter((e) => e.type === 'project').map((e) => (e.type === 'project' ? (e.project?.title ?? null) : 'x')),
    ).toEqual(['e', null]);
  });

  it('stores the analyst name and the shortcut setting in settings', async () => {
    const { dir, api } = testBackend();
    expect((await api.call('settings.get')).analystName.length).toBeGreaterThan(0);
    expect(await api.call('settings.set', { analystName: '  Priya Shah ' })).toEqual({
      analystName: 'Priya Shah',
      characterShortcuts: true,
    });
    // The single-key shortcut setting is kept in settings.json with the name (not in one browser's storage).
    await api.call('settings.set', { characterShortcuts: false });
    expect(await new Backend({ dataDir: join(dir, 'data') }).call('settings.get', undefined)).toEqual({
      ok: true,
      value: { analystName: 'Priya Shah', characterShortcuts: false },
    });
    await expect(api.call('settings.set', { analystName: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
