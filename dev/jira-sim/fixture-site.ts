/**
 * A site fixture served in process by the Jira simulator, as the command line's `scan-fixture`
 * reads it (src/cli/site-command.ts takes it as its `fixtureSite` port).
 * @module
 */
import type { FixtureSite } from '../../src/cli/site-command.js';
import { parseFixture } from './fixture.js';
import { createJiraSimulator } from './server.js';

export const openFixtureSite: FixtureSite = (json) => {
  const parsed = parseFixture(json);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, fetch: createJiraSimulator(parsed.site).fetch, baseUrl: parsed.site.baseUrl };
};
