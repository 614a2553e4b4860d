/**
 * `npm run bench:validity`: how long a validity check run over N incidents (default 1,000) takes
 * on the harness: the real app, bundled, on the local Forge runtime. A generated site gets one
 * more issue per incident, each holding its own GitHub token, all live at the provider simulator;
 * a historical scan with checks on records them `valid`; then the daily re-check (the
 * `validity-recheck` scheduled trigger and the `validity-check` queue consumer) checks them all
 * again, each reading its issue from Jira and sending its token to the simulator. Each Jira call
 * takes `--jira-ms` (default 250) and each provider request `--provider-ms` (default 300) of
 * virtual time, as on Forge; calls made at once are still counted one after the other, so the
 * virtual time is an upper bound. Prints virtual and wall time, invocations, Jira and provider
 * requests. Not a test: wall time varies with the machine.
 *
 *   npm run bench:validity [-- --incidents N --jira-ms MS --provider-ms MS]
 * @module
 */
import { parseArgs } from 'node:util';
import { createHarness } from '../dev/harness/harness.js';
import { createProviderSim } from '../dev/provider-sim/sim.js';
import { generateSite } from '../dev/site-gen/generate.js';
import { seededRandom } from '../dev/site-gen/prng.js';
import { githubToken } from '../dev/site-gen/tokens.js';

const { values } = parseArgs({
  options: {
    incidents: { type: 'string', default: '1000' },
    'jira-ms': { type: 'string', default: '250' },
    'provider-ms': { type: 'string', default: '300' },
  },
});
const n = Number(values.incidents);
const jiraMs = Number(values['jira-ms']);
const providerMs = Number(values['provider-ms']);

const { fixture } = generateSite({ issues: 10, seed: 'bench-validity', projects: 1 });
const [template] = fixture.issues;
if (!template) throw new Error('the generated site has no issue');
const random = seededRandom(12);
const providerSim = createProviderSim();
const issues = Array.from({ length: n }, (_, k) => {
  const token = githubToken(random);
  providerSim.set(token, 'live');
  const id = String(900_000 + k);
  return {
    ...template,
    id,
    key: `${template.key.split('-')[0] ?? 'OPS'}-${5000 + k}`,
    fields: {
      ...template.fields,
      description: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: `deploy token ${token}` }] },
        ],
      },
    },
    comments: [],
    worklogs: [],
    attachments: [],
    changelog: [],
  };
});
const site = { ...fixture, issues: [...fixture.issues, ...issues] };

const h = await createHarness({
  fixture: site,
  providerSim,
  checkValidity: true,
  jiraLatencyMs: jiraMs,
  egressLatencyMs: providerMs,
});
try {
  await h.historicalScan();
  const before = (await h.incidents()).filter((i) => i.validity === 'valid').length;
  const stats0 = h.runtime.stats()['validity-check-worker'];
  const jira0 = h.sim.stats().requests;
  const egress0 = h.runtime.egressLog.length;
  const virtual0 = Date.now(); // the runtime's virtual clock (virtualDate)
  const wall0 = performance.now();
  await h.checkRun();
  const wallMs = performance.now() - wall0;
  const spanMs = Date.now() - virtual0;
  const worker = h.runtime.stats()['validity-check-worker'];
  const after = await h.incidents();
  const checked = after.filter((i) => i.detector.name === 'github-pat' && i.validity === 'valid');
  const rechecked = after.filter(
    (i) => (i.validity_checked_at ?? '') > new Date(virtual0).toISOString(),
  ).length;
  const fmt = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  console.log(`validity check run over ${before} valid incidents (${n} planted GitHub tokens)`);
  console.log(`  re-checked:             ${rechecked} (still valid: ${checked.length})`);
  console.log(
    `  virtual time in worker: ${fmt((worker?.virtualMs ?? 0) - (stats0?.virtualMs ?? 0))} (Jira ${jiraMs} ms, provider ${providerMs} ms a request, counted one after the other)`,
  );
  console.log(`  virtual span of run:    ${fmt(spanMs)}`);
  console.log(`  wall time:              ${fmt(wallMs)}`);
  console.log(
    `  invocations:            ${(worker?.invocations ?? 0) - (stats0?.invocations ?? 0)} of validity-check-worker`,
  );
  console.log(`  Jira requests:          ${h.sim.stats().requests - jira0}`);
  console.log(`  provider requests:      ${h.runtime.egressLog.length - egress0}`);
} finally {
  h.close();
}
