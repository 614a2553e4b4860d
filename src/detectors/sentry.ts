// Sentry auth tokens: https://docs.sentry.io/account/auth-tokens/
import { bytesToUtf8, decodeBase64 } from '../engine/checks/radix.js';
import { ASSIGN, E, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** Org tokens: sntrys_<base64 JSON {iat, url, region_url, org}>_<43-char secret>. */
function isOrgToken(t: string): boolean {
  if (t.charAt(t.length - 44) !== '_') return false;
  const bytes = decodeBase64(t.slice('sntrys_'.length, -44));
  const text = bytes && bytesToUtf8(bytes);
  if (!text) return false;
  try {
    const claims = JSON.parse(text) as Record<string, unknown> | null;
    return typeof claims?.iat === 'number' && ('region_url' in claims || 'url' in claims);
  } catch {
    return false;
  }
}

export default family('sentry', [
  {
    id: 'sentry-org-auth-token',
    name: 'Sentry organization auth token',
    category: 'token',
    keywords: ['sntrys_'],
    pattern: String.raw`\b(sntrys_eyJ[A-Za-z0-9+/]{20,240}={0,2}_[A-Za-z0-9_+/-]{43})${E}`,
    window: 1024,
    validate: isOrgToken,
    examples: {
      positives: [
        'sntrys_eyJpYXQiOjE3OTA3OTAzNjEuMjUsInVybCI6Imh0dHBzOi8vc2VudHJ5LmlvIiwicmVnaW9uX3VybCI6Imh0dHBzOi8vdXMuc2VudHJ5LmlvIiwib3JnIjoiYWNtZS1xOHVmIn0=_SXz0RiZX2kBl81xbnbKj7VkCGvv_aCkoPyKu-kDyGOB',
        {
          text: 'SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOjE3OTA0Mzg2MDYuMjUsInVybCI6Imh0dHBzOi8vc2VudHJ5LmlvIiwicmVnaW9uX3VybCI6Imh0dHBzOi8vdXMuc2VudHJ5LmlvIiwib3JnIjoiYWNtZS13emJpIn0=_WFPABy5VDAjC9VPLecv6XJrLcmOuW8Cs5Z-yAFFZmer',
          secret:
            'sntrys_eyJpYXQiOjE3OTA0Mzg2MDYuMjUsInVybCI6Imh0dHBzOi8vc2VudHJ5LmlvIiwicmVnaW9uX3VybCI6Imh0dHBzOi8vdXMuc2VudHJ5LmlvIiwib3JnIjoiYWNtZS13emJpIn0=_WFPABy5VDAjC9VPLecv6XJrLcmOuW8Cs5Z-yAFFZmer',
        },
      ],
      negatives: [
        'sntrys_eyJpYXQiOjE3OTA3OTAzNjEuMjUsInVybCI6Imh0dHBzOi8vc2VudHJ5LmlvIiwicmVnaW9uX3VybCI6Imh0dHBzOi8vdXMuc2VudHJ5LmlvIiwib3JnIjoiYWNtZS1xOHVmIn0=_SXz0RiZX2kBl81xbnbKj7VkCGvv_aCkoPyKu-kDyGO',
        'sntrys_eyJub3QganNvbiBhdCBhbGwgYnV0IGxvbmcgZW5vdWdoIHRvIG1hdGNo_SXz0RiZX2kBl81xbnbKj7VkCGvv_aCkoPyKu-kDyGOB',
      ],
    },
  },
  {
    id: 'sentry-user-auth-token',
    name: 'Sentry user auth token',
    category: 'token',
    keywords: ['sntryu_'],
    pattern: String.raw`\b(sntryu_[0-9a-f]{64})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        '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',
        {
          text: 'curl -H "Authorization: Bearer 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" https://sentry.io/api/0/projects/',
          secret: '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',
        },
      ],
      negatives: [
        'sntryu_43f81a21c8924g79a6133a2e81538a72760ebab76cb9bf4cd44996d4bc7123f9', // 'g' is not hex
        'sntryu_43f81a21c8924079a6133a2e81538a72760ebab76cb9bf4cd44996d4bc7123f',
      ],
    },
  },
  {
    // Tokens before the sntryu_/sntrys_ prefixes: 64 hex, only after a Sentry name.
    id: 'sentry-legacy-auth-token',
    name: 'Sentry auth token (legacy, unprefixed)',
    category: 'token',
    keywords: ['sentry'],
    ignoreCase: true,
    pattern: String.raw`sentry[\w.-]{0,20}(?:token|key)${ASSIGN}([0-9a-f]{64})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'SENTRY_AUTH_TOKEN=4b8b10937006a10a1cff86747dad33f551a50d64649ae53e27f95c0106108fb1',
          secret: '4b8b10937006a10a1cff86747dad33f551a50d64649ae53e27f95c0106108fb1',
        },
        {
          text: 'sentry:\n  auth_token: x\n  sentry_token: "03e5cc165940d7533199ea7defd708b691dbfa898ab4a60d7852bbeb7fb99e5a"',
          secret: '03e5cc165940d7533199ea7defd708b691dbfa898ab4a60d7852bbeb7fb99e5a',
        },
      ],
      negatives: [
        'SENTRY_AUTH_TOKEN=${SENTRY_AUTH_TOKEN}',
        'SENTRY_AUTH_TOKEN=<auth-token>',
        'SENTRY_RELEASE=4b8b10937006a10a1cff86747dad33f551a50d64649ae53e27f95c0106108fb',
      ],
    },
  },
  {
    // Legacy DSNs carried the project secret key: https://<public>:<secret>@host/<project id>.
    id: 'sentry-dsn-secret',
    name: 'Sentry DSN with secret key (legacy)',
    category: 'credentials',
    keywords: ['sentry', 'dsn'],
    pattern: String.raw`https?://[0-9a-f]{32}:([0-9a-f]{32})@[A-Za-z0-9.-]{1,120}(?::\d{1,5})?/(?:[\w.-]{1,40}/){0,2}\d{1,12}`,
    examples: {
      positives: [
        {
          text: 'SENTRY_DSN=https://42cb8bf02ae5f9b69f97272e637e208f:cad6fa9c40d8312dba924b8a3b34a1a5@o31337.ingest.sentry.io/4504',
          secret: 'cad6fa9c40d8312dba924b8a3b34a1a5',
        },
        {
          text: "raven.Client(dsn='https://11a6366d23d7d1ffab646aab4f0450ed:ccbb5377205b84acfc231b823f52555b@sentry.acme.test/12')",
          secret: 'ccbb5377205b84acfc231b823f52555b',
        },
      ],
      negatives: [
        'SENTRY_DSN=https://42cb8bf02ae5f9b69f97272e637e208f@o31337.ingest.sentry.io/4504', // modern DSN: public key only
        'SENTRY_DSN=https://42cb8bf02ae5f9b69f97272e637e208f:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx@sentry.acme.test/12',
      ],
    },
  },
]);

// Revoke or rotate: Sentry Docs, "Revoke an Org Auth Token" (user auth tokens are deleted under Settings > Auth Tokens).
guidance('sentry', {
  steps:
    "In Sentry, revoke a leaked organization auth token under Settings > Developer Settings > Organization Tokens (the revocation is written to the audit log), and delete a leaked user auth token under User Settings > Auth Tokens. Create a replacement with the least scopes, update CI and release tooling, and check the organization's audit log for changes you did not make.",
  url: 'https://docs.sentry.io/api/organizations/revoke-an-org-auth-token/',
});
