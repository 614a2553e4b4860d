// Doppler tokens (vendor token format): "dp." + kind + "." + 40-44 chars.
import { EW, family } from './define.js';
import type { DetectorEntry } from './define.js';
import { guidance } from './guidance.js';

function token(kind: string, name: string, example: readonly string[]): DetectorEntry {
  // Service tokens may carry the config name: dp.st.<config>.<secret>.
  const body =
    kind === 'st'
      ? String.raw`(?:[a-z0-9_-]{1,40}\.)?[A-Za-z0-9]{40,44}`
      : String.raw`[A-Za-z0-9]{40,44}`;
  const [a = '', b = ''] = example;
  return {
    id: `doppler-${name.toLowerCase().replace(/ /g, '-')}`,
    name: `Doppler ${name}`,
    category: 'token',
    keywords: [`dp.${kind}.`],
    pattern: String.raw`\b(dp\.${kind}\.${body})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [{ text: `export DOPPLER_TOKEN=${a}`, secret: a }, `doppler_token: "${b}"`],
      negatives: [a.slice(0, -5), `dp.${kind}.` + 'x'.repeat(43), `dp.${kind}.<your-token>`],
    },
  };
}

export default family('doppler', [
  token('pt', 'personal token', [
    'dp.pt.SR4TReUcHJmvBoxwanSTTbSz4Pvo3VxWeCLRKonRhcg',
    'dp.pt.7NXMpYGwG90tBMjfa7YxsfUOmq9RCQWPLHv3xWslItO',
  ]),
  token('st', 'service token', [
    'dp.st.nZy8k8NQH04TfdLvSumlArF9lIb0zmCgAvTfUzPHLKc',
    'dp.st.prd.97cfcee98b3bc604ccae4c2c0152f3eaa5381f46',
  ]),
  token('sa', 'service account token', [
    'dp.sa.5apgn72fcPrKJseyiY6gSgLg8g3fsgJSry5MXhNnyZV',
    'dp.sa.sN2BUjClDDBYM51hmd3RKF1cwf2VVYKu5qYNT1HzPK4',
  ]),
  token('ct', 'CLI token', [
    'dp.ct.81NbbTheHXbEGjMaVij7JkeAVbqFLysgaX8nuJrvBRR',
    'dp.ct.smP4Agk631OtRcl823lfisGEvzJS9i5mFnmMzfQB3tW',
  ]),
  token('scim', 'SCIM token', [
    'dp.scim.PPQpjiyJ46cCdOarIDLeJ4zAqs3EcETyXf4dEFr88cM',
    'dp.scim.LRDuoujOIExlFPVYwueAnL6LP6AbAjcpP1PH6WPbhkn',
  ]),
  token('audit', 'audit token', [
    'dp.audit.YbJWzPmZQIAjPlcNCNEtLOwosyDl1hTZ9IDn5UkJ3KO',
    'dp.audit.zQK3imtZuEYGI7cLEoGtHCnUUgbZ0s1wA8AGFBohXM9',
  ]),
]);

// Revoke or rotate: Doppler documentation (noseyparker rule references).
guidance('doppler', {
  steps:
    "Sign in to Doppler and revoke (delete or regenerate) the leaked key or token where Doppler manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Doppler's logs or usage for activity you do not recognise.",
  url: 'https://docs.doppler.com/reference/auth-token-formats',
});
