/**
 * Structural checks of pasted private keys: the base64 body must decode, and the bytes must parse
 * as the container the armour names (DER SEQUENCE for PKCS#1/PKCS#8/SEC1, `openssh-key-v1` for
 * OpenSSH, a secret-key packet for PGP). Elided bodies (`...`, `xxxx`) fail here.
 * @module
 */
import { bytesToLatin1, decodeBase64 } from './radix.js';

interface Tlv {
  tag: number;
  start: number; // offset of the value
  end: number; // offset after the value
}

/** Reads one DER TLV at `pos`; undefined when the length runs past `limit`. */
function readTlv(b: Uint8Array, pos: number, limit: number): Tlv | undefined {
  if (pos + 2 > limit) return undefined;
  const tag = b[pos] as number;
  let len = b[pos + 1] as number;
  let p = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > limit) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (b[p + i] as number);
    p += n;
  }
  if (p + len > limit) return undefined;
  return { tag, start: p, end: p + len };
}

/** A DER SEQUENCE spanning the whole buffer, whose first element is `firstTag`, with >= minItems elements. */
function isDerSequence(b: Uint8Array, firstTag: number, minItems: number): boolean {
  const outer = readTlv(b, 0, b.length);
  if (outer?.tag !== 0x30) return false;
  // Trailing bytes are tolerated only as padding (some tools pad to a block size).
  if (b.length - outer.end > 16) return false;
  let pos = outer.start;
  let items = 0;
  while (pos < outer.end) {
    const el = readTlv(b, pos, outer.end);
    if (!el) return false;
    if (items === 0 && el.tag !== firstTag) return false;
    items++;
    pos = el.end;
  }
  return items >= minItems;
}

/** Strips RFC 1421 headers (`Proc-Type:`, `DEK-Info:`) that precede an encrypted PKCS#1 body. */
function pemBody(body: string): { data: string; encryptedHeader: boolean } {
  const lines = body.split(/\\n|\\r|\r?\n|\r/);
  let encryptedHeader = false;
  const data: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (/^(Proc-Type|DEK-Info|Comment|Version|Hash|Charset):/i.test(line)) {
      if (/ENCRYPTED/i.test(line)) encryptedHeader = true;
      continue;
    }
    data.push(line);
  }
  return { data: data.join(''), encryptedHeader };
}

/** Big-endian unsigned integer of `n` bytes at `p` (0 past the end: the caller checks bounds). */
function uint(b: Uint8Array, p: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 256 + (b[p + i] ?? 0);
  return v;
}

/**
 * The tag of the OpenPGP packet whose header starts at `pos`, where its body starts and the
 * offset after it (RFC 9580 section 4.2); undefined when the header is not one a key is written
 * with or the body runs past the data. Indeterminate and partial lengths are for data packets
 * only (section 4.2.1-4.2.2), never in a transferable key.
 */
function pgpPacket(
  b: Uint8Array,
  pos: number,
): { tag: number; body: number; end: number } | undefined {
  const ctb = b[pos] ?? 0;
  let tag: number;
  let body: number;
  let len: number;
  if (!(ctb & 0x80)) return undefined;
  if (!(ctb & 0x40)) {
    // Legacy format: tag in bits 5-2, then a one-, two- or four-octet length (type 3: none).
    const size = 1 << (ctb & 3);
    if (size === 8) return undefined;
    [tag, body, len] = [(ctb >> 2) & 15, pos + 1 + size, uint(b, pos + 1, size)];
  } else {
    const l0 = b[pos + 1] ?? 0;
    tag = ctb & 63;
    if (l0 < 192) [body, len] = [pos + 2, l0];
    else if (l0 < 224) [body, len] = [pos + 3, (l0 - 192) * 256 + uint(b, pos + 2, 1) + 192];
    else if (l0 === 255) [body, len] = [pos + 6, uint(b, pos + 2, 4)];
    else return undefined;
  }
  return body + len <= b.length ? { tag, body, end: body + len } : undefined;
}

// Packets of a transferable secret key (RFC 9580 section 10.2; 12 is gpg's keyring trust packet),
// and those whose body starts with a version number (3 to 6).
const KEY_PACKETS = new Set([2, 5, 6, 7, 12, 13, 14, 17, 21]);
const VERSIONED = new Set([2, 5, 6, 7, 14]);

/**
 * A transferable secret key: a secret-key packet first, then key packets that tile the data
 * exactly, each key and signature of a known version. A line lost in the paste shifts the data
 * under the packet headers, so it fails here (the armour's CRC24 is optional, and RFC 9580
 * section 6.1 says not to reject on it).
 */
function isPgpSecretKey(b: Uint8Array): boolean {
  let pos = 0;
  for (let n = 0; pos < b.length; n++) {
    const p = pgpPacket(b, pos);
    if (!p || !KEY_PACKETS.has(p.tag) || (n === 0 && p.tag !== 5)) return false;
    const version = b[p.body] ?? 0;
    if (VERSIONED.has(p.tag) && (version < 3 || version > 6)) return false;
    pos = p.end;
  }
  return true;
}

/**
 * Checks a PEM private key body for the given armour label (`RSA PRIVATE KEY`, `PRIVATE KEY`,
 * `EC PRIVATE KEY`, `DSA PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`, `OPENSSH PRIVATE KEY`,
 * `PGP PRIVATE KEY BLOCK`).
 */
export function isPrivateKeyBody(label: string, body: string): boolean {
  const { data, encryptedHeader } = pemBody(body);
  // PGP armour ends with a CRC24 line "=XXXX" after the data.
  const b64 = label.startsWith('PGP') ? data.replace(/=[A-Za-z0-9+/]{4}$/, '') : data;
  if (b64.length < 40) return false;
  const bytes = decodeBase64(b64);
  if (!bytes || bytes.length < 30) return false;
  switch (label) {
    case 'OPENSSH PRIVATE KEY':
      return bytesToLatin1(bytes.subarray(0, 15)) === 'openssh-key-v1\0';
    case 'PGP PRIVATE KEY BLOCK':
      return isPgpSecretKey(bytes);
    case 'ENCRYPTED PRIVATE KEY':
      return isDerSequence(bytes, 0x30, 2); // EncryptedPrivateKeyInfo { AlgorithmIdentifier, OCTET STRING }
    default:
      // An RFC 1421-encrypted PKCS#1 body is ciphertext: only its size can be checked.
      if (encryptedHeader) return bytes.length >= 64;
      // PKCS#1, PKCS#8, SEC1 and DSA keys all start with an INTEGER version.
      return isDerSequence(bytes, 0x02, 2);
  }
}
