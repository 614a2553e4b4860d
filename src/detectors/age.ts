// age X25519 identities: Bech32 (BIP-173) with HRP "age-secret-key-", upper-cased
// (https://age-encryption.org/v1). The 6-char Bech32 checksum is verified.
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function hasBech32Checksum(key: string): boolean {
  const s = key.toLowerCase();
  const sep = s.lastIndexOf('1');
  const hrp = s.slice(0, sep);
  const values: number[] = [];
  for (let i = 0; i < hrp.length; i++) values.push(hrp.charCodeAt(i) >> 5);
  values.push(0);
  for (let i = 0; i < hrp.length; i++) values.push(hrp.charCodeAt(i) & 31);
  for (let i = sep + 1; i < s.length; i++) {
    const v = CHARSET.indexOf(s.charAt(i));
    if (v < 0) return false;
    values.push(v);
  }
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i] as number;
  }
  return chk >>> 0 === 1;
}

export default family('age', [
  {
    id: 'age-secret-key',
    name: 'age secret key',
    category: 'private_key',
    keywords: ['age-secret-key-1'],
    pattern: String.raw`(?:\\[nrt]|\b)(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})${EW}`,
    validate: hasBech32Checksum,
    examples: {
      positives: [
        'AGE-SECRET-KEY-1JR50JHSQSKW6TTHPVTN2DT89G0TVDRS4G4EYQ8RCGYKGAU40ZZ8QCPH34K',
        {
          text: '# created: 2026-03-02T10:11:12Z\n# public key: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\nAGE-SECRET-KEY-1ED5M3UAKNWNCAE4XUJ89X2QUP4LF60XG9HRP72MDSHJ5GJQ8F4YQ6U6UNV',
          secret: 'AGE-SECRET-KEY-1ED5M3UAKNWNCAE4XUJ89X2QUP4LF60XG9HRP72MDSHJ5GJQ8F4YQ6U6UNV',
        },
      ],
      negatives: [
        'AGE-SECRET-KEY-1JR50JHSQSKW6TTHPVTN2DT89G0TVDRS4G4EYQ8RCGYKGAU40ZZ8QCPH34L', // checksum off by one
        'AGE-SECRET-KEY-1PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP',
        'AGE-SECRET-KEY-1ED5M3UAKNWNCAE4XUJ89X2QUP4LF60XG9HRP72MDSHJ5GJQ8F4YQ6U6UN',
      ],
    },
  },
]);

// Revoke or rotate: age documentation (the page this family file already cites for its key format).
guidance('age', {
  steps:
    'Generate a new age key, re-encrypt what was encrypted to the old one for the new recipient, and destroy the old key: anything encrypted to it can be read by whoever holds it.',
  url: 'https://age-encryption.org/v1',
});
