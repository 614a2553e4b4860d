/**
 * Writes a site stream to disk piece by piece: the header, then one issue per line, then the truth
 * (one planted secret per line). No step builds the whole file as one string.
 * @module
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { SiteStream } from './generate.js';

export interface WriteResult {
  readonly issues: number;
  readonly bytes: number;
  readonly truthBytes: number;
}

class Out {
  bytes = 0;
  private readonly stream: WriteStream;
  private failed: Error | undefined;
  constructor(path: string) {
    this.stream = createWriteStream(path);
    this.stream.on('error', (e) => (this.failed = e));
  }
  async write(chunk: string): Promise<void> {
    if (this.failed) throw this.failed;
    this.bytes += Buffer.byteLength(chunk);
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    if (this.failed) throw this.failed;
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** Chunks of about this size are handed to the stream at once. */
const CHUNK = 1 << 20;

export async function writeSite(
  site: SiteStream,
  fixturePath: string,
  truthPath: string,
): Promise<WriteResult> {
  const out = new Out(fixturePath);
  const { header } = site;
  let buf = '{\n';
  for (const k of ['site', 'users', 'fields', 'projects'] as const) {
    buf += `${JSON.stringify(k)}: ${JSON.stringify(header[k])},\n`;
  }
  buf += '"issues": [';
  let n = 0;
  for (const issue of site.issues) {
    buf += (n === 0 ? '\n' : ',\n') + JSON.stringify(issue);
    n++;
    if (buf.length >= CHUNK) {
      await out.write(buf);
      buf = '';
    }
  }
  await out.write(`${buf}\n]\n}\n`);
  await out.close();

  const truth = new Out(truthPath);
  buf = '{\n"planted": [';
  site.truth.planted.forEach((p, i) => {
    buf += (i === 0 ? '\n' : ',\n') + JSON.stringify(p);
  });
  await truth.write(`${buf}\n]\n}\n`);
  await truth.close();
  return { issues: n, bytes: out.bytes, truthBytes: truth.bytes };
}
