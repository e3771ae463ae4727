import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/main/server/http';
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

  it('makes file names safe', () => {
    expect(safeFileName('..\\..\\windows\\evil.csv')).toBe('evil.csv');
    expect(safeFileName('a<b>:c|d?.csv')).toBe('a_b__c_d_.csv');
    expect(safeFileName('...')).toBe('upload');
    expect(safeFileName('.hidden')).toBe('hidden');
  });
});
