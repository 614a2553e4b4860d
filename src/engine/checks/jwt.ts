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

/**
 * A JWS compact token: the header decodes to JSON with a string `alg` (or `typ` JWT), the payload
 * to a JSON object, and a signature is present unless `alg` is `none`.
 */
export function isJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const [h, p, s] = parts as [string, string, string];
  const header = decodeJsonSegment(h);
  if (!header || typeof header.alg !== 'string') return false;
  if (!decodeJsonSegment(p)) return false;
  if (header.alg.toLowerCase() === 'none') return true;
  return s.length >= 16 && decodeBase64(s) !== undefined;
}

/** The decoded payload of a token that passed isJwt, for detectors that look at claims. */
export function jwtPayload(token: string): Record<string, unknown> | undefined {
  const seg = token.split('.')[1];
  return seg === undefined ? undefined : decodeJsonSegment(seg);
}
