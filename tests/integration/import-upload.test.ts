import { jobEnd } from '../helpers/jobs';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src/shared/api';
import { startServer, type RunningServer } from '../../src/main/server/http';
import { safeFileName } from '../../src/main/server/upload';
import { packageRoot } from '../../src/main/util/paths';
import { importPaths } from '../helpers/import';
import { testBackend } from '../helpers/temp';

const staticDir = join(packageRoot(), 'out', 'renderer');
const fixture = join(import.meta.dirname, '../fixtures/import/survey-utf8-bom.csv');

describe('serve mode upload', () => {
  it('streams a dropped file into the data folder behind the token, and the import reads it from there', async () => {
    const { dir, backend, api } = testBackend();
    await api.call('project.create', { path: join(dir, 'u.consult') });
    const server = await startServer({ backend, staticDir, token: 'test-token' });
    try {
      const body = readFileSync(fixture);
      const post = (name: string, headers: Record<string, string>) =>
        fetch(`${server.url}upload?name=${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream', ...headers },
          body,
        });
      expect((await post('x.csv', {})).status).toBe(401);
      const response = await post('../../etc/survey.csv', { Authorization: 'Bearer test-token' });
      expect(response.status).toBe(200);
      const { path } = (await response.json()) as { path: string };
      expect(path.startsWith(join(dir, 'data', 'uploads') + sep)).toBe(true);
      expect(path.endsWith(`${sep}survey.csv`)).toBe(true);
      expect(readFileSync(path).equals(body)).toBe(true);
      const { summary } = await importPaths(api, [path]);
      expect(summary.files[0]).toMatchObject({ status: 'imported', respondentsAdded: 5 });
      const wrongType = await fetch(`${server.url}upload?name=a.csv`, {
        method: 'POST',
        headers: { Authorization: 'Bearer test-token', 'Content-Type': 'text/plain' },
        body: 'x',
      });
      expect(wrongType.status).toBe(400);
    } finally {
      await server.close();
    }
  });

  it('removes an upload once the import that read it has finished, and never a file from the user’s own disk', async () => {
    const { dir, backend, api } = testBackend();
    await api.call('project.create', { path: join(dir, 'u.consult') });
    const server = await startServer({ backend, staticDir, token: 'test-token' });
    try {
      const uploadsDir = join(dir, 'data', 'uploads');
      const uploaded = await upload(server, 'survey.csv', readFileSync(fixture));
      const own = join(dir, 'own', 'letters.csv');
      mkdirSync(dirname(own));
      copyFileSync(join(import.meta.dirname, '../fixtures/import/survey-batch-2.csv'), own);
      expect(existsSync(uploaded)).toBe(true);
      const { summary } = await importPaths(api, [uploaded, own]);
      expect(summary.files.map((f) => f.status)).toEqual(['imported', 'imported']);
      expect(existsSync(uploaded)).toBe(false);
      expect(readdirSync(uploadsDir)).toEqual([]);
      expect(existsSync(own)).toBe(true);
      // A file typed as a path is imported where it lies, and stays there, even a second time.
      const again = await importPaths(api, [own], { allowReimport: true });
      expect(again.summary.files[0].status).not.toBe('failed');
      expect(existsSync(own)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('removes an upload whose import failed or was cancelled', async () => {
    const { dir, backend, api } = testBackend();
    await api.call('project.create', { path: join(dir, 'u.consult') });
    const server = await startServer({ backend, staticDir, token: 'test-token' });
    try {
      // Not a workbook at all: the import reports the file as failed.
      const broken = await upload(server, 'broken.xlsx', Buffer.from('this is not a zip file'));
      const preview = await api.call('import.preview', { paths: [broken] });
      expect(preview.sources[0].error).toBeTruthy();
      const failed = await importAsProposed(api, preview);
      expect(failed.state).toBe('done');
      expect((failed.result as { files: { status: string }[] }).files[0].status).toBe('failed');
      expect(existsSync(dirname(broken))).toBe(false);

      // Large enough that the import is still running when Cancel arrives.
      const rows = ['id,Q1. What should TechNorth do first?'];
      for (let i = 1; i <= 200_000; i++) rows.push(`r${i},"Fund more bus routes to the hub, answer ${i}"`);
      const big = await upload(server, 'big.csv', Buffer.from(rows.join('\n')));
      const bigPreview = await api.call('import.preview', { paths: [big] });
      const source = bigPreview.sources[0];
      const { jobId } = await api.call('import.start', {
        sources: [{ paths: source.paths, sheet: source.sheet, mapping: source.mapping }],
      });
      expect((await api.call('jobs.cancel', { id: jobId })).cancelled).toBe(true);
      expect((await jobEnd(api, jobId)).state).toBe('cancelled');
      expect(existsSync(dirname(big))).toBe(false);
      expect((await api.call('project.stats')).respondents).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('clears uploads left by an earlier run when the server starts, and its own when it closes', async () => {
    const { dir, backend, api } = testBackend();
    await api.call('project.create', { path: join(dir, 'u.consult') });
    const uploadsDir = join(dir, 'data', 'uploads');
    const leftOver = join(uploadsDir, '0f8fad5b-d9cb-469f-a165-70867728950e');
    mkdirSync(leftOver, { recursive: true });
    writeFileSync(join(leftOver, 'old.csv'), 'id,text\n1,left from a crash\n');
    // Something else in the folder that the server did not store under an upload id stays.
    writeFileSync(join(uploadsDir, 'README.txt'), 'not an upload');
    const server = await startServer({ backend, staticDir, token: 'test-token' });
    let closed = false;
    try {
      expect(existsSync(leftOver)).toBe(false);
      // Uploaded and previewed but never imported: gone when the server closes.
      const previewed = await upload(server, 'survey.csv', readFileSync(fixture));
      await api.call('import.preview', { paths: [previewed] });
      expect(existsSync(previewed)).toBe(true);
      await server.close();
      closed = true;
      expect(existsSync(dirname(previewed))).toBe(false);
      expect(readdirSync(uploadsDir)).toEqual(['README.txt']);
    } finally {
      if (!closed) await server.close();
    }
  });

  it('makes file names safe', () => {
    expect(safeFileName('..\\..\\windows\\evil.csv')).toBe('evil.csv');
    expect(safeFileName('a<b>:c|d?.csv')).toBe('a_b__c_d_.csv');
    expect(safeFileName('...')).toBe('upload');
    expect(safeFileName('.hidden')).toBe('hidden');
  });
});

async function upload(server: RunningServer, name: string, body: Buffer): Promise<string> {
  const response = await fetch(`${server.url}upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${server.token}` },
    body,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { path: string }).path;
}

/** Starts the import with the preview's proposal, even for a source the preview could not read. */
async function importAsProposed(api: ReturnType<typeof testBackend>['api'], preview: ImportPreview) {
  const sources = preview.sources.map((s) => ({ paths: s.paths, sheet: s.sheet, mapping: s.mapping }));
  const { jobId } = await api.call('import.start', { sources });
  return jobEnd(api, jobId);
}
