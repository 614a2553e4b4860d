/**
 * The loopback server every local stand-in runs on: it answers only at its loopback address,
 * refuses pages of other origins, and refuses a body over its limit without reading it all.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenLoopback, type Listening, type LoopbackRequest } from '../../dev/loopback.js';

let server: Listening;
const seen: LoopbackRequest[] = [];

beforeAll(async () => {
  server = await listenLoopback(
    (req) => {
      seen.push(req);
      return Promise.resolve({ status: 200, headers: {}, body: `got ${req.body?.length ?? 0}` });
    },
    0,
    { maxBodyBytes: 1000 },
  );
});
afterAll(() => server.close());

const port = () => new URL(server.url).port;

/** Node's http (not fetch, which will not send another Host header). */
function send(
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/x`, { method: body ? 'POST' : 'GET', headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('listenLoopback', () => {
  it('answers requests addressed to its loopback address', async () => {
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`, `[::1]:${port()}`])
      expect(await send({ host }), host).toEqual({ status: 200, body: 'got 0' });
    expect(await send({ origin: `http://localhost:${port()}` }, 'abc')).toEqual({
      status: 200,
      body: 'got 3',
    });
  });

  it('refuses other host names (DNS rebinding) and other origins before its handler runs', async () => {
    const before = seen.length;
    for (const host of ['evil.example', `evil.example:${port()}`, 'localhost:1'])
      expect((await send({ host })).status, host).toBe(421);
    for (const origin of ['http://evil.example', 'null', `https://127.0.0.1:${port()}`])
      expect((await send({ origin })).status, origin).toBe(403);
    expect(seen.length).toBe(before);
  });

  it('refuses a body over its limit', async () => {
    const before = seen.length;
    expect((await send({}, 'x'.repeat(1000))).status).toBe(200);
    const r = await send({}, 'x'.repeat(5000));
    expect(r).toEqual({ status: 413, body: 'request body too large\n' });
    expect(seen.length).toBe(before + 1);
  });
});
