import { bytesToUtf8, decodeBase64 } from './radix.js';

function decodeJsonSegment(seg: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64(seg);
  if (!bytes) return undefined;
  const text = bytesToUtf8(bytes);
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The decoded header and payload of a JWS compact token. */
export interface ParsedJwt {
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * A JWS compact token: the header decodes to JSON with a string `alg` (or `typ` JWT), the payload
 * to a JSON object, and a signature is present unless `alg` is `none`. Undefined when it is not one.
 */
export function parseJwt(token: string): ParsedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [h, p, s] = parts as [string, string, string];
  const header = decodeJsonSegment(h);
  if (!header || typeof header.alg !== 'string') return undefined;
  const payload = decodeJsonSegment(p);
  if (!payload) return undefined;
  if (header.alg.toLowerCase() === 'none') return { header, payload };
  return s.length >= 16 && decodeBase64(s) !== undefined ? { header, payload } : undefined;
}

/** True when `token` is a JWS compact token (see parseJwt). */
export function isJwt(token: string): boolean {
  return parseJwt(token) !== undefined;
}
