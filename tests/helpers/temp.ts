import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Backend } from '../../src/main/service/backend';
import { inProcessClient } from '../../src/main/service/in-process';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A fresh folder, deleted after the test. */
export function tempDir(prefix = 'consult-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real backend on a fresh data folder, with a typed in-process client; closed after the test. */
export function testBackend() {
  const dir = tempDir();
  const backend = new Backend({ dataDir: join(dir, 'data') });
  cleanups.push(() => backend.close());
  return { dir, backend, api: inProcessClient(backend) };
}

export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}
