// LaunchDarkly keys: api-, sdk- or mob- + UUID (https://docs.launchdarkly.com/home/account/environment/keys).
// A bare "api-<uuid>" is also a common id shape, so only next to a LaunchDarkly name.
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const KEYWORDS = [
  'launchdarkly',
  'launch_darkly',
  'launch-darkly',
  'ld_sdk',
  'ld_api',
  'ld_mobile',
  'ld_access',
];

export default family('launchdarkly', [
  {
    id: 'launchdarkly-api-token',
    name: 'LaunchDarkly API access token',
    category: 'token',
    keywords: KEYWORDS,
    pattern: String.raw`\b(api-${UUID})${EW}`,
    examples: {
      positives: [
        {
          text: 'LAUNCHDARKLY_ACCESS_TOKEN=api-5e0d48d8-1e8c-4903-af3d-6602288160f0',
          secret: 'api-5e0d48d8-1e8c-4903-af3d-6602288160f0',
        },
        {
          text: 'curl -H "Authorization: api-3a548820-b2fd-44ff-9510-db0ec13e52f6" https://app.launchdarkly.com/api/v2/flags/default',
          secret: 'api-3a548820-b2fd-44ff-9510-db0ec13e52f6',
        },
      ],
      negatives: [
        'x-request-id: api-5e0d48d8-1e8c-4903-af3d-6602288160f0', // no LaunchDarkly context
        'LAUNCHDARKLY_ACCESS_TOKEN=api-7q3kzm1p-wx9r-4t2v-b8n5-k6j4h2g9f1d3',
        'LAUNCHDARKLY_ACCESS_TOKEN=api-00000000-0000-0000-0000-000000000000',
      ],
    },
  },
  {
    id: 'launchdarkly-sdk-key',
    name: 'LaunchDarkly server-side SDK key',
    category: 'api_key',
    keywords: KEYWORDS,
    pattern: String.raw`\b(sdk-${UUID})${EW}`,
    examples: {
      positives: [
        {
          text: 'LD_SDK_KEY=sdk-cf554b40-804b-42d8-9fd7-eae544872323',
          secret: 'sdk-cf554b40-804b-42d8-9fd7-eae544872323',
        },
        {
          text: 'ldclient.set_config(Config("sdk-a6c51ca2-5d8d-44f2-a9cc-d3a7a3457350"))  # launchdarkly',
          secret: 'sdk-a6c51ca2-5d8d-44f2-a9cc-d3a7a3457350',
        },
      ],
      negatives: [
        'sdk-version: sdk-cf554b40-804b-42d8-9fd7-eae544872323',
        'LD_SDK_KEY=sdk-cf554b40-804b-42d8-9fd7-eae54487232',
      ],
    },
  },
  {
    // Mobile keys are built into client apps: lower severity.
    id: 'launchdarkly-mobile-key',
    name: 'LaunchDarkly mobile key',
    category: 'api_key',
    severity: 'low',
    keywords: KEYWORDS,
    pattern: String.raw`\b(mob-${UUID})${EW}`,
    examples: {
      positives: [
        {
          text: 'LD_MOBILE_KEY=mob-cbc79535-74f9-446d-a294-40578896dae4',
          secret: 'mob-cbc79535-74f9-446d-a294-40578896dae4',
        },
        {
          text: 'LDConfig(mobileKey: "mob-065a1c6b-5694-4c4e-bdfb-649d188d359d") // LaunchDarkly',
          secret: 'mob-065a1c6b-5694-4c4e-bdfb-649d188d359d',
        },
      ],
      negatives: [
        'mob-b037e69a-1aa5-4c44-9d1c-32cb65a87c5f is the mobile build id',
        'LD_MOBILE_KEY=mob-<key>',
      ],
    },
  },
]);

// Revoke or rotate: LaunchDarkly documentation, "SDK credentials" (rotate an exposed SDK key or mobile key) and the REST API "Reset environment SDK key" (old key expires immediately by default).
guidance('launchdarkly', {
  steps:
    "In LaunchDarkly open the project's environment settings (Settings > Security > SDK Keys) and rotate the exposed server-side SDK key or mobile key; let the old key expire immediately unless you need a short overlap for redeployment. For a leaked API access token, reset or delete it in LaunchDarkly's Authorization settings, where API access tokens are listed. Update every service that used the old key and review the audit log for flag changes you do not recognise.",
  url: 'https://launchdarkly.com/docs/home/account/environment/keys',
});
