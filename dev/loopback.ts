/**
 * One loopback HTTP server for the local stand-ins (Jira simulator, incident API, later the
 * harness): a `handle(request)` router served on 127.0.0.1, closed with its open connections.
 * @module
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface LoopbackResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array;
}

export interface Listening {
  readonly url: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function listenLoopback(
  handle: (req: LoopbackRequest) => Promise<LoopbackResponse>,
  port = 0,
): Promise<Listening> {
  const server = createServer((req, res) => {
    readBody(req)
      .then((body) =>
        handle({
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: Object.fromEntries(
            Object.entries(req.headers).map(([k, v]) => [
              k,
              Array.isArray(v) ? v.join(', ') : (v ?? ''),
            ]),
          ),
          ...(body.length > 0 ? { body } : {}),
        }),
      )
      .then((r) => {
        res.writeHead(r.status, r.headers);
        res.end(r.body);
      })
      .catch(() => {
        res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => {
          if (e) reject(e);
          else resolve();
        });
      }),
  };
}
