/**
 * Masked previews: enough to recognise a secret (its kind prefix, one or two chars), never enough
 * to use it. The mask has a fixed width so it does not give the length away either.
 */
export function redact(secret: string): string {
  const n = secret.length;
  const head = n >= 24 ? 4 : n >= 12 ? 2 : n >= 6 ? 1 : 0;
  const tail = n >= 24 ? 2 : n >= 12 ? 1 : 0;
  return secret.slice(0, head) + '********' + (tail ? secret.slice(n - tail) : '');
}
