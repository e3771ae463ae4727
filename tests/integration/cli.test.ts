import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consult, CONSULT_BIN } from '../helpers/cli';
import { onCleanup, tempDir } from '../helpers/temp';

describe('the consult command', () => {
  it('new + stats --json prints only JSON counts', () => {
    const dir = tempDir();
    const project = join(dir, 'p.consult');
    expect(consult(['new', project, '--title', 'Northern Futures'], dir)).toMatchObject({ code: 0, stderr: '' });
    const stats = consult(['stats', project, '--json'], dir);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ questions: 0, respondents: 0, responses: 0, themes: 0 });
  });

  it('fails with exit 1 and one line on stderr for bad input', () => {
    const dir = tempDir();
    const notProject = join(dir, 'notes.consult');
    writeFileSync(notProject, 'hello');
    for (const args of [['stats', notProject], ['stats', join(dir, 'missing.consult')], ['frobnicate'], ['new']]) {
      const r = consult(args, dir);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^consult: /);
      expect(r.stdout).toBe('');
    }
    expect(consult(['stats', notProject], dir).stderr).toMatch(/not a Consultation Analyser project/);
  });

  it('serve prints a 127.0.0.1 URL with a token that serves the UI', async () => {
    const dir = tempDir();
    const project = join(dir, 's.consult');
    consult(['new', project], dir);
    const child = spawn(process.execPath, [CONSULT_BIN, 'serve', project], {
      env: { ...process.env, CONSULT_DATA_DIR: dir },
    });
    onCleanup(() => {
      child.kill('SIGTERM');
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
        if (match) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    const login = await fetch(url, { redirect: 'manual' });
    expect(login.status).toBe(303);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const page = await fetch(url.replace(/\?token=.*/, ''), { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect((await fetch(url.replace(/\?token=.*/, ''))).status).toBe(401);
  });
});
