// Private keys of the largest sizes in use, built with the exact layout and length their tools
// write (generating an RSA-8192 key takes seconds): bytes come from a hash chain, so each key
// parses as its container but is no one's key.
import { createHash } from 'node:crypto';

function bytes(n: number, seed: string): number[] {
  const out: number[] = [];
  for (let i = 0; out.length < n; i++)
    out.push(...createHash('sha256').update(`${seed}${i}`).digest());
  return out.slice(0, n);
}

/** A DER TLV (definite length, long form where needed). */
function tlv(tag: number, value: readonly number[]): number[] {
  const n = value.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return [tag, ...len, ...value];
}
const seq = (...items: number[][]) => tlv(0x30, items.flat());
/** A positive INTEGER of `n` bytes. */
const int = (n: number, seed: string) => tlv(0x02, [0x00, ...bytes(n, seed)]);

function armour(label: string, der: readonly number[], width = 64): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(new RegExp(`.{1,${width}}`, 'g')) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join('\n');
}

/** RSA as PKCS#1 (`openssl genrsa -traditional`): 97 lines at 8192 bits, 49 at 4096. */
export function rsa8192Pkcs1(bits = 8192): string {
  const der = seq(
    tlv(0x02, [0]),
    int(bits / 8, 'n'),
    tlv(0x02, [1, 0, 1]),
    int(bits / 8, 'd'),
    ...['p', 'q', 'dp', 'dq', 'qinv'].map((k) => int(bits / 16, k)),
  );
  return armour('RSA PRIVATE KEY', der);
}

/** An encrypted PKCS#8 (PBES2) RSA-8192 key: 100 lines. */
export function encryptedRsa8192(): string {
  const pbes2 = tlv(0x06, [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d]);
  return armour('ENCRYPTED PRIVATE KEY', seq(seq(pbes2), tlv(0x04, bytes(4736, 'ciphertext'))));
}

/**
 * A PKCS#8 key shaped as FIPS 204 ML-DSA-87 writes it (RFC 9881 `both`: a 32-byte seed and the
 * 4,896-byte expanded key): 104 lines.
 */
export function mlDsa87(): string {
  const oid = tlv(0x06, [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x13]);
  const both = seq(tlv(0x04, bytes(32, 'seed')), tlv(0x04, bytes(4896, 'expanded')));
  return armour('PRIVATE KEY', seq(tlv(0x02, [0]), seq(oid), tlv(0x04, both)));
}

/** An unencrypted `openssh-key-v1` RSA-8192 key (`ssh-keygen -t rsa -b 8192`): 91 lines of 70. */
export function openssh8192(): string {
  const u32 = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
  const str = (b: readonly number[]) => [...u32(b.length), ...b];
  const text = (s: string) => str([...Buffer.from(s)]);
  const pub = [...text('ssh-rsa'), ...str([1, 0, 1]), ...str([0, ...bytes(1024, 'n')])];
  const body = [
    ...Buffer.from('openssh-key-v1\0'),
    ...text('none'),
    ...text('none'),
    ...str([]),
    ...u32(1),
    ...str(pub),
    ...str(bytes(3640, 'private section')),
  ];
  return armour('OPENSSH PRIVATE KEY', body, 70);
}

/** CRC24 of the armour's `=` line (RFC 4880 section 6.1). */
function crc24(data: readonly number[]): number {
  let crc = 0xb704ce;
  for (const byte of data) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

/** A legacy-format OpenPGP packet with a two-octet length, as gpg 2.2 writes them. */
const packet = (tag: number, body: readonly number[]) => [
  0x81 | (tag << 2),
  body.length >> 8,
  body.length & 0xff,
  ...body,
];

/**
 * An unencrypted RSA key with its encryption subkey as `gpg --export-secret-keys --armor` (2.2)
 * writes it: secret key, user id, self-signature, secret subkey, binding signature, with the
 * packet sizes measured on keys generated with gpg (RSA-2048 57 lines, 3072 81, 4096 105).
 */
export function pgpRsa(bits: 2048 | 3072 | 4096): string {
  const k = bits / 8;
  // an n-byte MPI: its bit count, then a top byte with the high bit set
  const mpi = (n: number, seed: string) => [
    (n * 8) >> 8,
    (n * 8) & 0xff,
    0x80 | 1,
    ...bytes(n - 1, seed),
  ];
  const e = [0, 17, 1, 0, 1]; // the MPI 65537
  // version 4, creation time, RSA; n, e; S2K usage 0 (not encrypted); d, p, q, u; checksum
  const secret = (seed: string) => [
    ...[4, ...bytes(4, `${seed} time`), 1, ...mpi(k, `${seed} n`), ...e, 0],
    ...[k, k / 2, k / 2, k / 2].flatMap((n, i) => mpi(n, `${seed} ${i}`)),
    ...bytes(2, seed),
  ];
  const uid = [...Buffer.from('Release Bot <release@example.test>')];
  const data = [
    ...packet(5, secret('primary')),
    0xb4,
    uid.length,
    ...uid,
    ...packet(2, [4, 0x13, 1, 8, ...bytes(k + 74, 'self-signature')]),
    ...packet(7, secret('subkey')),
    ...packet(2, [4, 0x18, 1, 8, ...bytes(k + 50, 'binding')]),
  ];
  const lines =
    Buffer.from(data)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  const c = crc24(data);
  const crc = Buffer.from([c >> 16, (c >> 8) & 0xff, c & 0xff]);
  return [
    '-----BEGIN PGP PRIVATE KEY BLOCK-----',
    '',
    ...lines,
    `=${crc.toString('base64')}`,
    '-----END PGP PRIVATE KEY BLOCK-----',
  ].join('\n');
}
