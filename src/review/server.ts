/**
 * `baocao review <out> --serve`: the site plus one endpoint that appends verdicts to
 * `<out>/review.jsonl`. Bound to 127.0.0.1 only; it refuses requests whose Host or Origin is
 * not this server (so no web page the reviewer visits can write marks or read reports).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { appendMark, MARKS_FILE, parseMark, readMarks } from './marks.js';
import { SITE_DIR } from './site.js';

export const MARKS_PATH = '/api/marks';
const MAX_BODY = 16 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

export interface RunningServer {
  server: Server;
  url: string;
  close: () => Promise<void>;
}

export async function serve(out: string, port: number): Promise<RunningServer> {
  const site = resolve(out, SITE_DIR);
  const marksFile = join(out, MARKS_FILE);
  const server = createServer((req, res) => {
    handle(req, res, site, marksFile, server).catch(() => send(res, 500, 'internal error'));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(e.code === 'EADDRINUSE' ? new Error(`port ${port} on 127.0.0.1 is in use (try another --port, or 0 for any)`) : e));
    server.listen(port, '127.0.0.1', () => ok());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${bound}/`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, site: string, marksFile: string, server: Server) {
  const { port } = server.address() as AddressInfo;
  const selves = [`127.0.0.1:${port}`, `localhost:${port}`];
  // DNS rebinding: a foreign name resolving to 127.0.0.1 arrives with its own Host.
  if (!selves.includes(req.headers.host ?? '')) return send(res, 403, 'unexpected Host');
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  if (url.pathname === MARKS_PATH) {
    if (req.method === 'GET') {
      const marks = await readMarks(marksFile);
      return send(res, 200, JSON.stringify(marks), 'application/json; charset=utf-8');
    }
    if (req.method !== 'POST') return send(res, 405, 'GET or POST');
    const origin = req.headers.origin;
    if (origin !== undefined && !selves.some((s) => origin === `http://${s}`)) return send(res, 403, 'unexpected Origin');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'expected application/json');
    const body = await readBody(req);
    if (body === null) return send(res, 413, 'body too large');
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch {
      return send(res, 400, 'body is not JSON');
    }
    // The server's clock dates the verdict, not the page's.
    const mark = parseMark({ ...(raw as object), time: new Date().toISOString() });
    if (typeof mark === 'string') return send(res, 400, mark);
    await appendMark(marksFile, mark);
    return send(res, 201, JSON.stringify(mark), 'application/json; charset=utf-8');
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only');
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return send(res, 400, 'bad path');
  }
  if (rel.endsWith('/')) rel += 'index.html';
  const file = resolve(site, `.${rel}`);
  if (file !== site && !file.startsWith(site + sep)) return send(res, 404, 'not found');
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return send(res, 404, 'not found');
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is drained, not kept, so the 413 can still be answered.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => ok(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') {
  if (res.headersSent) return res.end();
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
