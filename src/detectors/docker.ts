// Docker Hub access tokens, registry credentials in Docker config files, and Swarm secrets.
import { bytesToUtf8, decodeBase64 } from '../engine/checks/radix.js';
import { isPlaceholderValue } from '../engine/placeholder.js';
import { E, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** Start of a base64 value: not inside another base64 run (`=` may precede, as in `key=value`). */
const START = String.raw`(?:^|[^A-Za-z0-9+/])`;

function decodeText(b64: string): string | undefined {
  const bytes = decodeBase64(b64);
  return bytes ? bytesToUtf8(bytes) : undefined;
}

/** A registry `auth` value: base64 of "user:password" with a real-looking password. */
function isAuthPair(b64: string): boolean {
  const text = decodeText(b64);
  if (text === undefined) return false;
  const colon = text.indexOf(':');
  if (colon < 1 || colon > 256) return false;
  const password = text.slice(colon + 1);
  // No white space in the user or the password; the user has no colon.
  if (!/^[^\s:]+$/.test(text.slice(0, colon)) || !/^\S{3,}$/.test(password)) return false;
  return !isPlaceholderValue(password);
}

/** A whole base64 Docker config (`.dockerconfigjson`): some registry entry holds credentials. */
function isDockerConfig(b64: string): boolean {
  const text = decodeText(b64);
  if (text === undefined) return false;
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    return false;
  }
  const auths = (config as { auths?: unknown } | null)?.auths;
  if (typeof auths !== 'object' || auths === null) return false;
  return Object.values(auths as Record<string, unknown>).some((entry) => {
    const e = (entry ?? {}) as { auth?: unknown; password?: unknown; identitytoken?: unknown };
    if (typeof e.auth === 'string' && isAuthPair(e.auth)) return true;
    for (const v of [e.password, e.identitytoken]) {
      if (typeof v === 'string' && v.length >= 3 && !isPlaceholderValue(v)) return true;
    }
    return false;
  });
}

/** Swarm join token parts are zero-padded base36 numbers: a SHA-256 digest and a 128-bit secret. */
function isSwarmJoinToken(t: string): boolean {
  const parts = t.split('-');
  const digest = parts.at(-2) ?? '';
  const secret = parts.at(-1) ?? '';
  const base36 = (s: string): bigint => {
    let n = 0n;
    for (let i = 0; i < s.length; i++) n = n * 36n + BigInt(parseInt(s.charAt(i), 36));
    return n;
  };
  return base36(digest) < 1n << 256n && base36(secret) < 1n << 128n;
}

export default family('docker', [
  {
    id: 'docker-hub-pat',
    name: 'Docker Hub personal access token',
    category: 'token',
    keywords: ['dckr_pat_'],
    pattern: String.raw`\b(dckr_pat_[A-Za-z0-9_-]{27})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'dckr_pat_dnOK9MMaXM2gAXLEbCNiidDVWLF',
        {
          text: 'echo dckr_pat_DkA3ti5ixLl69-_8zsUveBFqT0I | docker login -u acmeci --password-stdin',
          secret: 'dckr_pat_DkA3ti5ixLl69-_8zsUveBFqT0I',
        },
      ],
      negatives: [
        'dckr_pat_<personal-access-token>',
        'dckr_pat_dnOK9MMaXM2gAXLEbCNiidDVWL',
        'dckr_pat_dnOK9MMaXM2gAXLEbCNiidDVWLFQ',
      ],
    },
  },
  {
    id: 'docker-hub-oat',
    name: 'Docker Hub organization access token',
    category: 'token',
    keywords: ['dckr_oat_'],
    pattern: String.raw`\b(dckr_oat_[A-Za-z0-9_-]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'dckr_oat_IalK7cmiiRVvLkcQt_AIP2e0roFVpa4X',
        {
          text: 'DOCKERHUB_TOKEN: dckr_oat_M41iddLjslwBegvp6Q-hVp3g9ay4Qd_4',
          secret: 'dckr_oat_M41iddLjslwBegvp6Q-hVp3g9ay4Qd_4',
        },
      ],
      negatives: [
        'dckr_oat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'dckr_oat_IalK7cmiiRVvLkcQt_AIP2e0roFVpa4',
      ],
    },
  },
  {
    // config.json / DOCKER_AUTH_CONFIG: "auth": "<base64 user:password>", JSON-escaped or not.
    id: 'docker-config-auth',
    name: 'Docker registry credentials (config.json auth)',
    category: 'credentials',
    keywords: ['"auth'],
    pattern: String.raw`"auth\\{0,3}"\s{0,5}:\s{0,5}\\{0,3}"([A-Za-z0-9+/]{8,400}={0,2})\\{0,3}"`,
    window: 4096,
    validate: isAuthPair,
    examples: {
      positives: [
        {
          text: '{"auths":{"registry.acme.test":{"auth":"ZGVwbG95ZXI6Q1NuV1QwNjZ1TVhQQVdQZ2gyODQ="}}}',
          secret: 'ZGVwbG95ZXI6Q1NuV1QwNjZ1TVhQQVdQZ2gyODQ=',
        },
        {
          text: 'DOCKER_AUTH_CONFIG: \'{"auths": {"harbor.acme.test": {"auth": "cm9ib3QkYWNtZStjaTpSMDZHQVpFNXI2aTV6UUxEUGdXT1paejdtZWtlbHdIUA=="}}}\'',
          secret: 'cm9ib3QkYWNtZStjaTpSMDZHQVpFNXI2aTV6UUxEUGdXT1paejdtZWtlbHdIUA==',
        },
      ],
      negatives: [
        '{"auths":{"registry.acme.test":{"auth":"dXNlcjpwYXNzd29yZA=="}}}', // user:password
        '{"auths":{"registry.acme.test":{"auth":"bm8tY29sb24taGVyZQ=="}}}', // no colon
        '{"auths":{"registry.acme.test":{"auth":""}}}',
      ],
    },
  },
  {
    // Base64 of a whole config: `{"auths":` compact, or as docker login writes it (tab-indented).
    id: 'docker-config-json-base64',
    name: 'Docker registry credentials (base64 .dockerconfigjson)',
    category: 'credentials',
    keywords: ['eyjhdxrocyi6', 'ewojimf1dghz'],
    pattern: String.raw`${START}((?:eyJhdXRocyI6|ewoJImF1dGhz)[A-Za-z0-9+/]{16,400}={0,2})${E}`,
    window: 4096,
    validate: isDockerConfig,
    examples: {
      positives: [
        {
          text: '  .dockerconfigjson: eyJhdXRocyI6eyJyZWdpc3RyeS5hY21lLnRlc3QiOnsiYXV0aCI6IlpHVndiRzk1WlhJNlExTnVWMVF3TmpaMVRWaFFRVmRRWjJneU9EUT0ifX19',
          secret:
            'eyJhdXRocyI6eyJyZWdpc3RyeS5hY21lLnRlc3QiOnsiYXV0aCI6IlpHVndiRzk1WlhJNlExTnVWMVF3TmpaMVRWaFFRVmRRWjJneU9EUT0ifX19',
        },
        {
          text: 'kubectl create secret generic regcred --from-literal=.dockerconfigjson=eyJhdXRocyI6eyJodHRwczovL2luZGV4LmRvY2tlci5pby92MS8iOnsidXNlcm5hbWUiOiJhY21lY2kiLCJwYXNzd29yZCI6ImRja3JfcGF0X2RuT0s5TU1hWE0yZ0FYTEViQ05paWREVldMRiIsImF1dGgiOiJZV050WldOcE9tUmphM0pmY0dGMFgyUnVUMHM1VFUxaFdFMHlaMEZZVEVWaVEwNXBhV1JFVmxkTVJnPT0ifX19',
          secret:
            'eyJhdXRocyI6eyJodHRwczovL2luZGV4LmRvY2tlci5pby92MS8iOnsidXNlcm5hbWUiOiJhY21lY2kiLCJwYXNzd29yZCI6ImRja3JfcGF0X2RuT0s5TU1hWE0yZ0FYTEViQ05paWREVldMRiIsImF1dGgiOiJZV050WldOcE9tUmphM0pmY0dGMFgyUnVUMHM1VFUxaFdFMHlaMEZZVEVWaVEwNXBhV1JFVmxkTVJnPT0ifX19',
        },
      ],
      negatives: [
        '.dockerconfigjson: eyJhdXRocyI6eyJyZWdpc3RyeS5hY21lLnRlc3QiOnt9fX0=',
        '.dockerconfigjson: eyJhdXRocyI6e30K',
      ],
    },
  },
  {
    // Swarm join tokens: SWMTKN-1-<50 base36 CA digest>-<25 base36 secret> (moby/swarmkit ca/config.go).
    id: 'docker-swarm-join-token',
    name: 'Docker Swarm join token',
    category: 'token',
    keywords: ['swmtkn-'],
    pattern: String.raw`\b(SWMTKN-(?:1|2-1)-[0-9a-z]{50}-[0-9a-z]{25})${EW}`,
    validate: isSwarmJoinToken,
    examples: {
      positives: [
        'SWMTKN-1-6bf3abe0e8axlna5oq0b7ms5pqpkik4eivb6fey7yw9p6tgk4a-aid7ymomanmzxipxnwxvdlj6q',
        {
          text: 'docker swarm join --token SWMTKN-1-2ben3ppgd2nwh6rsmufdiczym9ykribk8clmatjtly5kevanwn-7ogivknb408dey585oq7oyxpz 10.0.4.12:2377',
          secret:
            'SWMTKN-1-2ben3ppgd2nwh6rsmufdiczym9ykribk8clmatjtly5kevanwn-7ogivknb408dey585oq7oyxpz',
        },
      ],
      negatives: [
        'SWMTKN-1-zbf3abe0e8axlna5oq0b7ms5pqpkik4eivb6fey7yw9p6tgk4a-aid7ymomanmzxipxnwxvdlj6q', // digest out of range
        'SWMTKN-1-6bf3abe0e8axlna5oq0b7ms5pqpkik4eivb6fey7yw9p6tgk4a-aid7ymomanmzxipxnwxvdlj6',
      ],
    },
  },
  {
    // Swarm unlock keys: SWMKEY-1-<base64 of 32 bytes> (docker swarm unlock-key).
    id: 'docker-swarm-unlock-key',
    name: 'Docker Swarm unlock key',
    category: 'credentials',
    keywords: ['swmkey-1-'],
    pattern: String.raw`\b(SWMKEY-1-[A-Za-z0-9+/]{43})${E}`,
    minEntropy: 4,
    examples: {
      positives: [
        'SWMKEY-1-j1n/LmkxVwb2hKgBMdGg2cnSWWUqU0BwmRNVwjmYAPg',
        {
          text: 'docker swarm unlock # key: SWMKEY-1-wvNY7mJeWsmK8CO/GCY3aAOVQ26+LoLxsoJZOCLlkD8',
          secret: 'SWMKEY-1-wvNY7mJeWsmK8CO/GCY3aAOVQ26+LoLxsoJZOCLlkD8',
        },
      ],
      negatives: [
        'SWMKEY-1-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        'SWMKEY-1-j1n/LmkxVwb2hKgBMdGg2cnSWWUqU0BwmRNVwjmYAP',
      ],
    },
  },
]);

// Revoke or rotate: Docker Docs, "Personal access tokens" (security for developers; the Hub API also deletes a token).
guidance('docker', {
  steps:
    "In Docker Home (Account settings > Personal access tokens) deactivate or delete the leaked token; organization owners delete a leaked organization access token in the Admin Console. Create a new token with the least access it needs, run `docker login` again where the old one was used (CI, servers), and check the token list's last-used dates and your repositories for pushes you did not make.",
  url: 'https://docs.docker.com/security/for-developers/access-tokens/',
});
