/**
 * One loopback HTTP server for the local stand-ins (Jira simulator, incident API, provider
 * simulator, the harness): a `handle(request)` router served on 127.0.0.1, closed with its open
 * connections. Every one of them refuses what a web page elsewhere could make a developer's
 * browser send it (another Host name, another Origin) and bodies over a size limit.
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

/** Larger than any fixture write or incident batch the tools send; a flood is refused. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

const text = (status: number, why: string): LoopbackResponse => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: why,
});

class TooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * A request under another host name (DNS rebinding: evil.example resolving to 127.0.0.1 reads
 * pages and calls the server as its user) or one a page of another origin makes.
 */
export function refuseForeign(
  headers: Readonly<Record<string, string | undefined>>,
  port: number,
): LoopbackResponse | undefined {
  const own = LOOPBACK_NAMES.flatMap((n) =>
    port === 80 ? [n, `${n}:80`] : [`${n}:${String(port)}`],
  );
  const host = (headers.host ?? '').toLowerCase();
  if (!own.includes(host)) return text(421, 'this server answers only at its loopback address\n');
  const origin = headers.origin;
  if (origin !== undefined && !own.some((h) => origin === `http://${h}`))
    return text(403, 'requests from other origins are refused\n');
  return undefined;
}

export async function listenLoopback(
  handle: (req: LoopbackRequest) => Promise<LoopbackResponse>,
  port = 0,
  options: { readonly maxBodyBytes?: number } = {},
): Promise<Listening> {
  let bound = port;
  const server = createServer((req, res) => {
    const reply = (r: LoopbackResponse): void => {
      res.writeHead(r.status, r.headers);
      res.end(r.body);
    };
    const foreign = refuseForeign(req.headers as Record<string, string | undefined>, bound);
    if (foreign) {
      req.resume();
      reply(foreign);
      return;
    }
    readBody(req, options.maxBodyBytes ?? MAX_BODY_BYTES)
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
      .then(reply)
      .catch((e: unknown) => {
        if (e instanceof TooLarge) {
          // Stop reading: the rest of the flood is dropped with the connection.
          res.setHeader('connection', 'close');
          reply(text(413, 'request body too large\n'));
          req.destroy();
          return;
        }
        res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  bound = (server.address() as AddressInfo).port;
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
