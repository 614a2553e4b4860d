/**
 * Where the team's shared material is (`../shared`: fixtures, the Jira OpenAPI spec). Tests read it
 * in place, never from a copy. A clone elsewhere than beside it names it with $SHARED_DIR; the
 * workplace's own location is the last resort, so a CI clone in another folder still finds it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export function sharedPath(rel: string): string {
  const candidates = [
    process.env.SHARED_DIR,
    join(repoRoot, '..', 'shared'),
    '/work/shared',
  ].filter((d): d is string => d !== undefined && d !== '');
  for (const dir of candidates) if (existsSync(join(dir, rel))) return join(dir, rel);
  throw new Error(`shared material ${rel} not found in ${candidates.join(', ')} (set SHARED_DIR)`);
}
