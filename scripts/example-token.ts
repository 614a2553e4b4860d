/**
 * Makes example tokens with valid offline checksums, for writing detector examples by hand:
 *   node dist/scripts/example-token.js github ghp_      (also npm_)
 *   node dist/scripts/example-token.js gitlab glpat-
 *   node dist/scripts/example-token.js atlassian
 * Output is random each run: paste it into a detector's `examples`. The generators are the site
 * generator's (dev/site-gen/tokens.ts), so both make tokens the same way.
 */
import { atlassianToken, githubToken, gitlabToken } from '../dev/site-gen/tokens.js';

const rand = (): number => Math.random();
const [kind, prefix = ''] = process.argv.slice(2);
switch (kind) {
  case 'github':
    console.log(githubToken(rand, prefix || 'ghp_'));
    break;
  case 'gitlab':
    console.log(gitlabToken(rand, prefix || 'glpat-'));
    break;
  case 'atlassian':
    console.log(atlassianToken(rand));
    break;
  default:
    console.error('usage: example-token github|gitlab|atlassian [prefix]');
    process.exitCode = 2;
}
