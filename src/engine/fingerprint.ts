import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** A fingerprint key: raw bytes, or a string taken as UTF-8. */
export type FingerprintKey = Uint8Array | string;

/**
 * Keyed hash of a secret: HMAC-SHA256 under a per-installation (or per-machine) key, so two
 * occurrences of one secret share a fingerprint, yet a stored fingerprint cannot be brute-forced
 * without the key. Pure JS (noble) so it runs in Forge, Node and the browser alike.
 */
export function makeFingerprinter(key: FingerprintKey): (secret: string) => string {
  const k = typeof key === 'string' ? utf8ToBytes(key) : key;
  if (k.length < 16) throw new Error('fingerprint key must be at least 16 bytes');
  // The key's two padded blocks are hashed once; each secret starts from a copy of that state
  // (`hmac(sha256, k, m)` redoes them per call: half the work for a short secret).
  const keyed = hmac.create(sha256, k);
  return (secret) => bytesToHex(keyed.clone().update(utf8ToBytes(secret)).digest());
}
