import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/main/server/http';
import { onCleanup, testBackend } from '../helpers/temp';

async function serve() {
  const { dir, backend, api } = testBackend();
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ok</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the static folder');
  const server = await startServer({ backend, staticDir });
  onCleanup(() => server.close());
  return { dir, server, api };
}

/** A raw request, so the Host header and path can be anything a hostile page might send. */
function raw(port: number, path: string, headers: Record<string, string>, method = 'GET', body?: string) {
  return new Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      });
      req.on('error', reject);
      if (body) req.write(body);
      req.end();
    },
  );
}

describe('serve mode', () => {
  it('listens on 127.0.0.1 only and refuses requests without the token', async () => {
    const { server } = await serve();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await fetch(server.url)).status).toBe(401);
    const call = await fetch(`${server.url}api/project.current`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(call.status).toBe(401);
    const wrong = await fetch(`${server.url}?token=nope`, { redirect: 'manual' });
    expect(wrong.status).toBe(401);
  });

  it('swaps the login token for an HttpOnly cookie and serves the UI with a strict CSP', async () => {
    const { server } = await serve();
    const login = await fetch(server.loginUrl, { redirect: 'manual' });
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(server.url, { headers: { Cookie: cookie.split(';')[0] } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>ok</title>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('carries the contract: calls with a bearer token, typed errors, validation', async () => {
    const { dir, server } = await serve();
    const auth = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
    const path = join(dir, 'web.consult');
    const created = await fetch(`${server.url}api/project.create`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ input: { path } }),
    });
    expect(await created.json()).toMatchObject({ ok: true, value: { path, title: 'web' } });
    const stats = await fetch(`${server.url}api/project.stats`, { method: 'POST', headers: auth, body: '{}' });
    expect(await stats.json()).toMatchObject({ ok: true, value: { respondents: 0 } });
    const invalid = await fetch(`${server.url}api/responses.list`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ input: { offset: 0 } }),
    });
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const garbage = await fetch(`${server.url}api/project.stats`, { method: 'POST', headers: auth, body: '{not json' });
    expect(garbage.status).toBe(400);
  });

  it('rejects foreign Host and Origin headers (DNS rebinding, cross-site requests) and path traversal', async () => {
    const { server } = await serve();
    const auth = { Authorization: `Bearer ${server.token}` };
    expect((await raw(server.port, '/', { ...auth, Host: `evil.example:${server.port}` })).status).toBe(403);
    const cross = await raw(
      server.port,
      '/api/project.current',
      { ...auth, Host: `127.0.0.1:${server.port}`, Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      'POST',
      '{}',
    );
    expect(cross.status).toBe(403);
    const traversal = await raw(server.port, '/../secret.txt', { ...auth, Host: `127.0.0.1:${server.port}` });
    expect(traversal.status).toBe(404);
    const encoded = await raw(server.port, '/..%2fsecret.txt', { ...auth, Host: `127.0.0.1:${server.port}` });
    expect(encoded.status).toBe(404);
  });

  it('streams events to subscribers as server-sent events', async () => {
    const { dir, server, api } = await serve();
    const controller = new AbortController();
    const response = await fetch(`${server.url}api/events`, {
      headers: { Authorization: `Bearer ${server.token}` },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    await api.call('project.create', { path: join(dir, 'sse.consult') });
    let text = '';
    while (!text.includes('"type":"project"')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('"title":"sse"');
    controller.abort();
  });
});
