/**
 * AWS access key ids: a 4-char type prefix then 16 chars of base32 (A-Z2-7). Newer ids encode the
 * account id in their first bits; older ones do not, so the structure check is the alphabet, the
 * prefix and that the encoded account id (when the id is of the new kind) is 12 digits.
 * https://awsteele.com/blog/2020/09/26/aws-access-key-format.html
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function awsAccountId(keyId: string): string | undefined {
  if (!/^(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}$/.test(keyId)) return undefined;
  let bits = 0n;
  for (const ch of keyId.slice(4)) bits = (bits << 5n) | BigInt(BASE32.indexOf(ch));
  // 80 bits; the first 48 (6 bytes) hold the account id shifted left by 7.
  const z = bits >> 32n;
  const account = (z & 0x7fffffffff80n) >> 7n;
  return account.toString().padStart(12, '0');
}

export function isAwsKeyId(keyId: string): boolean {
  if (!/^(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}$/.test(keyId)) return false;
  const account = awsAccountId(keyId);
  return account === undefined || account.length === 12;
}
