import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from './server.js';

const out = mkdtempSync(join(tmpdir(), 'baocao-serve-'));
let running: RunningServer;
let port: number;

beforeAll(async () => {
  mkdirSync(join(out, 'review', 'docs'), { recursive: true });
  writeFileSync(join(out, 'review', 'index.html'), '<!doctype html><title>Xem xét</title>');
  writeFileSync(join(out, 'secret.json'), '{}');
  running = await serve(out, 0);
  port = Number(new URL(running.url).port);
});
afterAll(() => running.close());

/** Raw HTTP, so Host and Origin can be set the way a hostile page or a rebinding DNS would. */
function call(method: string, path: string, { body, headers = {} }: { body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; body: string }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c) => (text += c)).on('end', () => ok({ status: res.statusCode!, body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const verdict = {
  file: '000_df22d471c82bd4e0.txt', sha256: 'b'.repeat(64), id: 'f110', target: 'figure', verdict: 'wrong',
  span: { start: 12983, end: 12990 }, line: 161, text: '07 PAKN', value: 7, metric: 'feedback.received',
};
const json = { 'content-type': 'application/json' };

describe('review server', () => {
  it('binds 127.0.0.1 and serves the site in UTF-8', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await call('GET', '/')).toEqual({ status: 200, body: '<!doctype html><title>Xem xét</title>' });
  });

  it('serves nothing outside the site folder', async () => {
    expect((await call('GET', '/../secret.json')).status).toBe(404);
    expect((await call('GET', '/%2e%2e/secret.json')).status).toBe(404);
    expect((await call('GET', '/%E0%A4%A')).status).toBe(400);
  });

  it('appends a posted verdict as one line, dated by the server', async () => {
    const r = await call('POST', '/api/marks', { body: JSON.stringify({ ...verdict, time: '1999-01-01T00:00:00Z' }), headers: json });
    expect(r.status).toBe(201);
    const lines = readFileSync(join(out, 'review.jsonl'), 'utf8').split('\n');
    expect(lines).toHaveLength(2);
    const saved = JSON.parse(lines[0]!);
    expect(saved).toEqual({ ...verdict, time: saved.time });
    expect(Date.parse(saved.time)).toBeGreaterThan(Date.parse('2026-01-01'));
    expect(JSON.parse((await call('GET', '/api/marks')).body)).toEqual([saved]);
  });

  it('takes a correction, the right value with the one read, and refuses one without a value', async () => {
    const before = readFileSync(join(out, 'review.jsonl'), 'utf8');
    const corrected = { ...verdict, verdict: 'corrected', value: 0, read: 7 };
    const r = await call('POST', '/api/marks', { body: JSON.stringify(corrected), headers: json });
    expect(r.status).toBe(201);
    const saved = JSON.parse(readFileSync(join(out, 'review.jsonl'), 'utf8').slice(before.length));
    expect(saved).toEqual({ ...corrected, time: saved.time });
    expect(await call('POST', '/api/marks', { body: JSON.stringify({ ...corrected, value: null }), headers: json }))
      .toEqual({ status: 400, body: 'a "corrected" verdict needs a figure and its right "value", a finite number' });
  });

  it('refuses foreign origins, foreign hosts, non-JSON and invalid verdicts without writing', async () => {
    const before = readFileSync(join(out, 'review.jsonl'), 'utf8');
    const body = JSON.stringify(verdict);
    expect(await call('POST', '/api/marks', { body, headers: { ...json, origin: 'https://example.com' } })).toEqual({ status: 403, body: 'unexpected Origin' });
    expect(await call('POST', '/api/marks', { body, headers: { ...json, host: `evil.example:${port}` } })).toEqual({ status: 403, body: 'unexpected Host' });
    expect((await call('POST', '/api/marks', { body, headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect(await call('POST', '/api/marks', { body: '{', headers: json })).toEqual({ status: 400, body: 'body is not JSON' });
    expect(await call('POST', '/api/marks', { body: JSON.stringify({ ...verdict, verdict: 'ok' }), headers: json }))
      .toEqual({ status: 400, body: '"verdict" must be one of confirmed, wrong, corrected' });
    expect((await call('POST', '/api/marks', { body: 'x'.repeat(20_000), headers: json })).status).toBe(413);
    expect(readFileSync(join(out, 'review.jsonl'), 'utf8')).toBe(before);
  });
});
