import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join, normalize, sep } from 'node:path';
import type { Backend } from '../service/backend';
import { exportedFile } from '../service/reports-export';
import { clearUploads, uploadsDir } from '../service/uploads';
import { CONTENT_SECURITY_POLICY } from './csp';
import { saveUpload } from './upload';

export interface ServeOptions {
  backend: Backend;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed only by tests; otherwise a fresh random token per run. */
  token?: string;
}

export interface RunningServer {
  url: string;
  /** The URL to open: carries the token once, which the server swaps for a cookie. */
  loginUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const COOKIE = 'consult_token';
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serve mode: the contract over HTTP on 127.0.0.1 only. Every request needs the per-run token (a bearer
 * header, or the cookie set when the login URL is opened); the Host header is checked against DNS rebinding.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const { backend, staticDir } = options;
  const { dataDir } = backend.ctx.settings;
  // Uploads left by an earlier run (previewed but never imported, or a crash) are not needed by this one.
  clearUploads(dataDir);
  const streams = new Set<ServerResponse>();
  let port = 0;

  const serveStatic = (pathname: string, res: ServerResponse): void => {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = normalize(join(staticDir, relative));
    if (!file.startsWith(normalize(staticDir) + sep) || !existsSync(file) || !statSync(file).isFile()) {
      send(res, 404, 'Not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  };

  const server = createServer((req, res) => {
    void (async () => {
      securityHeaders(res);
      const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
      const host = req.headers.host ?? '';
      if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) {
        send(res, 403, 'Forbidden host');
        return;
      }
      const origin = req.headers.origin;
      if (origin && origin !== `http://${HOST}:${port}` && origin !== `http://localhost:${port}`) {
        send(res, 403, 'Forbidden origin');
        return;
      }
      // Opening the login URL swaps the token in the address bar for an HttpOnly cookie.
      if (req.method === 'GET' && url.searchParams.has('token')) {
        if (!sameToken(url.searchParams.get('token') ?? undefined, token)) {
          send(res, 401, 'Unauthorised: the token is wrong. Use the URL that `consult serve` printed.');
          return;
        }
        res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
        res.writeHead(303, { Location: url.pathname });
        res.end();
        return;
      }
      const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, '');
      if (!sameToken(bearer, token) && !sameToken(cookieToken(req), token)) {
        send(res, 401, 'Unauthorised: open the URL that `consult serve` printed (it carries the access token).');
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (url.pathname === '/upload' && req.method === 'POST') {
        const saved = await saveUpload(req, url.searchParams.get('name') ?? '', uploadsDir(dataDir));
        send(
          res,
          saved.ok ? 200 : 400,
          JSON.stringify(saved.ok ? { path: saved.path } : { error: saved.error }),
          'application/json',
        );
        return;
      }
      // A finished export, by the id the export job returned: only files the backend wrote to exports/.
      if (url.pathname.startsWith('/exports/') && req.method === 'GET') {
        const file = exportedFile(dataDir, url.pathname.slice('/exports/'.length));
        if (!file) {
          send(res, 404, 'No such export: it may have been removed (exports are kept for a day).');
          return;
        }
        res.writeHead(200, {
          'Content-Type': 'application/octet-stream',
          'Content-Length': statSync(file).size,
          'Content-Disposition': `attachment; filename="export${extname(file)}"; filename*=UTF-8''${encodeURIComponent(basename(file))}`,
        });
        createReadStream(file).pipe(res);
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') {
          send(res, 405, 'Use POST for API calls');
          return;
        }
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          send(res, 415, 'API calls take application/json');
          return;
        }
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body ? (JSON.parse(body) as { input?: unknown }).input : undefined;
        } catch (error) {
          const result = {
            ok: false,
            error: { code: 'INVALID_INPUT', message: `Unreadable request: ${(error as Error).message}` },
          };
          send(res, 400, JSON.stringify(result), 'application/json');
          return;
        }
        const result = await backend.call(decodeURIComponent(url.pathname.slice('/api/'.length)), input);
        send(res, 200, JSON.stringify(result), 'application/json');
        return;
      }
      if (req.method !== 'GET') {
        send(res, 405, 'Method not allowed');
        return;
      }
      serveStatic(url.pathname, res);
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${(error as Error).message}`);
      else res.end();
    });
  });

  const unsubscribe = backend.subscribe((event) => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) stream.write(data);
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${HOST}:${port}/`;
  return {
    url,
    loginUrl: `${url}?token=${encodeURIComponent(token)}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolvePromise) => {
        clearInterval(heartbeat);
        unsubscribe();
        for (const stream of streams) stream.end();
        server.closeAllConnections();
        server.close(() => {
          clearUploads(dataDir);
          resolvePromise();
        });
      }),
  };
}
