/**
 * One JWT decode per candidate token. The detectors that recognise a provider by a JWT's claims
 * (Auth0, Calendly, Front, monday.com, 1Password Connect, Supabase) and the ones that only want a
 * well-formed JWT (the jwt family, Lemon Squeezy, Turso) all match the same token at the same place;
 * they share one decode of its header and payload instead of each decoding it again.
 * @module
 */
import { parseJwt, type ParsedJwt } from '../engine/checks/jwt.js';

/**
 * `decode` remembered per token for the text being scanned: validators get the whole text, so a
 * new text starts a new memo (nothing of an earlier text is kept beyond the next scan).
 */
export function decodedPerText<T>(
  decode: (token: string) => T,
): (token: string, text: string) => T {
  let current: string | undefined;
  let seen = new Map<string, T>();
  return (token, text) => {
    if (text !== current) {
      current = text;
      seen = new Map();
    }
    if (seen.has(token)) return seen.get(token) as T;
    const decoded = decode(token);
    seen.set(token, decoded);
    return decoded;
  };
}

const decodeOnce = decodedPerText((token) => parseJwt(token));

/** The header and payload of `token` when it is a well-formed JWS (see parseJwt), else undefined. */
export function jwtIn(token: string, ctx: { readonly text: string }): ParsedJwt | undefined {
  return decodeOnce(token, ctx.text);
}
