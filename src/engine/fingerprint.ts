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
  return (secret) => bytesToHex(hmac(sha256, k, utf8ToBytes(secret)));
}
