/**
 * Exports from the two other front doors: `consult export` in a terminal, and serve mode's download of a
 * finished export (token-protected, by export id only, never an arbitrary path).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../src/shared/api';
import { startServer } from '../../src/main/server/http';
import { jobEnd } from '../helpers/jobs';
import { consult } from '../helpers/cli';
import { buildAnalysedSample, DEFAULTS } from '../helpers/report-fixtures';
import { onCleanup, tempDir, testBackend } from '../helpers/temp';

describe('consult export', () => {
  it('writes the chosen questions as Markdown, redacted by default, and raw when asked', () => {
    const dir = tempDir();
    const { path } = buildAnalysedSample(join(dir, 'p.consult'));
    const out = join(dir, 'q1.md');
    const run = consult(['export', path, '--format', 'md', '--out', out, '--question', 'Q1', '--question', 'Q5'], dir);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Wrote .*q1\.md \([\d,]+ bytes\)\.\n$/);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('### Question 1: How can TechNorth attract');
    expect(md).toContain('### Question 5:');
    expect(md).not.toContain('### Question 2:');
    expect(md).toContain('\\[email\\]');

    const csv = join(dir, 'raw.csv');
    expect(consult(['export', path, '--format', 'csv', '--out', csv, '--no-redact', '--json'], dir).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('jane.doe@example.com');
  });

  it('fails with one line on stderr for a bad format, a missing --out or an unknown question', () => {
    const dir = tempDir();
    const { path } = buildAnalysedSample(join(dir, 'p.consult'));
    const cases: [string[], RegExp][] = [
      [['export', path, '--format', 'pptx', '--out', join(dir, 'x')], /--format must be one of/],
      [['export', path, '--format', 'docx'], /--out PATH is required/],
      [
        ['export', path, '--format', 'docx', '--out', join(dir, 'x.docx'), '--question', 'Q9'],
        /no open or closed question Q9/,
      ],
      [['export', path, '--format', 'csv', '--out', join(dir, 'x.csv'), '--campaigns', 'twice'], /--campaigns must be/],
    ];
    for (const [args, message] of cases) {
      const run = consult(args, dir);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });
});

describe('serve mode downloads', () => {
  it('serves a finished export by its id to the token holder, and nothing else', async () => {
    const { dir, backend, api } = testBackend();
    const { path } = buildAnalysedSample(join(dir, 'p.consult'));
    await api.call('project.open', { path });
    const staticDir = join(dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ok</title>');
    const server = await startServer({ backend, staticDir });
    onCleanup(() => server.close());

    const job = await api.call('reports.export', { format: 'codebook', options: DEFAULTS });
    const done = await jobEnd(api, job.id);
    const result = done.result as ExportResult;
    expect(result.downloadUrl).toMatch(/^\/exports\/[0-9a-f-]{36}$/);
    expect(result.path.startsWith(join(dir, 'data', 'exports'))).toBe(true);

    const url = `${server.url}${result.downloadUrl!.slice(1)}`;
    expect((await fetch(url)).status).toBe(401);
    const auth = { Authorization: `Bearer ${server.token}` };
    const response = await fetch(url, { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''Northern%20Futures");
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(result.path))).toBe(true);

    for (const bad of [
      '/exports/..%2F..%2Fsettings.json',
      '/exports/00000000-0000-0000-0000-000000000000',
      '/exports/../settings.json',
    ]) {
      expect((await fetch(`${server.url}${bad.slice(1)}`, { headers: auth })).status, bad).toBe(404);
    }
  });
});
