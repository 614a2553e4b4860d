// GitHub token formats: https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
import { hasBase62Crc32 } from '../engine/checks/token-checksums.js';
import { isJwt } from '../engine/checks/jwt.js';
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

const classic = (prefix: string) => String.raw`\b(${prefix}_[A-Za-z0-9]{36})${EW}`;
const checksum = (token: string) => hasBase62Crc32(token.slice(4));

export default family('github', [
  {
    id: 'github-pat',
    name: 'GitHub personal access token (classic)',
    category: 'token',
    keywords: ['ghp_'],
    pattern: classic('ghp'),
    validate: checksum,
    examples: {
      positives: [
        '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',
        'export GITHUB_TOKEN=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',
      ],
      negatives: [
        'ghp_IkePp67AVr7ZUILpbdOyvsqLB0w0qK0qtKK6', // checksum off by one
        'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'ghp_16C7e42F292c6912E7710c838347Ae178B4a', // documentation-style fake
      ],
    },
  },
  {
    id: 'github-oauth-token',
    name: 'GitHub OAuth access token',
    category: 'token',
    keywords: ['gho_'],
    pattern: classic('gho'),
    validate: checksum,
    examples: {
      positives: [
        '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',
        'Authorization: token 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',
      ],
      negatives: [
        'gho_jEzSDcLhPXEAq8xOeebcv461thc3RN4arcgX',
        'gho_jEzSDcLhPXEAq8xOeebcv461thc3RN4arc',
      ],
    },
  },
  {
    id: 'github-user-to-server-token',
    name: 'GitHub App user-to-server token',
    category: 'token',
    keywords: ['ghu_'],
    pattern: classic('ghu'),
    validate: checksum,
    examples: {
      positives: [
        'ghu_XcC3wfyODW1roV5gvGHcLNcStQgR0A3OsBOd',
        'token: ghu_zFJg2gPXH979D34z4B60UZSnvrfVNR2iTQXS',
      ],
      negatives: ['ghu_XcC3wfyODW1roV5gvGHcLNcStQgR0A3OsBOe', 'ghu_<user-to-server-token>'],
    },
  },
  {
    id: 'github-app-installation-token',
    name: 'GitHub App installation token (server-to-server)',
    category: 'token',
    keywords: ['ghs_'],
    pattern: classic('ghs'),
    validate: checksum,
    examples: {
      positives: [
        'ghs_e2mxF6qGFUw5CL4Two6JNwJVKqiZXe07mXfe',
        'git clone https://x-access-token:ghs_9zrVE68UIaI3xZWj8xjzpyUlOSGBqv3l12lP@github.com/acme/api.git',
      ],
      negatives: [
        'ghs_e2mxF6qGFUw5CL4Two6JNwJVKqiZXe07mXff',
        'ghs_0000000000000000000000000000000000',
      ],
    },
  },
  {
    // Installation tokens in the 2026 format: ghs_<app id>_<JWT>; the JWT must decode.
    id: 'github-app-installation-token-jwt',
    name: 'GitHub App installation token (JWT format)',
    category: 'token',
    keywords: ['ghs_'],
    pattern: String.raw`\b(ghs_[0-9]{1,12}_eyJ[A-Za-z0-9_-]{10,1000}\.eyJ[A-Za-z0-9_-]{10,1000}\.[A-Za-z0-9_-]{16,1000})${EW}`,
    window: 2048,
    validate: (t) => isJwt(t.slice(t.indexOf('_', 4) + 1)),
    examples: {
      positives: [
        'ghs_1048576_eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiIxMDQ4NTc2IiwiaWF0IjoxNzk1NzAwMDAwLCJleHAiOjE3OTU3MDM2MDB9.TWFkZVVwU2lnbmF0dXJlRm9yU2Nhbm5lclRlc3RzT25seQ',
        'GH_TOKEN=ghs_77_eyJhbGciOiJFUzI1NiJ9.eyJpbnN0YWxsYXRpb24iOjQyLCJyZXBvIjoiYWNtZS9hcGkifQ.c2lnbmF0dXJlLWJ5dGVzLWZvci10ZXN0cy0wMDE',
      ],
      negatives: [
        'ghs_1048576_eyJub3QtanNvbg.eyJhbHNvLW5vdA.c2lnbmF0dXJlLWJ5dGVzLWZvci10ZXN0cw', // segments are not JSON
        'ghs_12_notajwt.notajwt.notajwt',
      ],
    },
  },
  {
    id: 'github-refresh-token',
    name: 'GitHub refresh token',
    category: 'token',
    keywords: ['ghr_'],
    pattern: classic('ghr'),
    validate: checksum,
    examples: {
      positives: [
        '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',
        '"refresh_token": "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"',
      ],
      negatives: [
        'ghr_WmVZMlj1gt4Okw0YlYGvmV8gMZjDqX3PZPOB',
        'ghr_EaL97Vghd07UAp9ZijL1JQxfTmcTZg2JWTm',
      ],
    },
  },
  {
    // No public checksum: 22 then 59 chars of [A-Za-z0-9] with an underscore between.
    id: 'github-fine-grained-pat',
    name: 'GitHub fine-grained personal access token',
    category: 'token',
    keywords: ['github_pat_'],
    pattern: String.raw`\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        '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',
        'GITHUB_TOKEN: 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',
      ],
      negatives: [
        'github_pat_xxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'github_pat_11ABCDE2Y0kq3Pb7Xz9LmQ_tooShort',
      ],
    },
  },
  {
    // OAuth App / GitHub App client secrets: 40 hex, recognised only next to a GitHub client-secret name.
    id: 'github-oauth-client-secret',
    name: 'GitHub OAuth app client secret',
    category: 'credentials',
    keywords: [
      'github_client_secret',
      'github-client-secret',
      'githubclientsecret',
      'github_secret',
    ],
    ignoreCase: true,
    pattern: String.raw`github[_-]?(?:client[_-]?)?secret${ASSIGN}([0-9a-f]{40})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'GITHUB_CLIENT_SECRET=3f9c2b7e1a4d8f60c5b2e9a7d1f3c8b6e4a2d9f7',
          secret: '3f9c2b7e1a4d8f60c5b2e9a7d1f3c8b6e4a2d9f7',
        },
        'github_client_secret: "a81c4e2f9b7d3a6e0c5f8b1d4e7a2c9f6b3d8e05"',
      ],
      negatives: [
        'GITHUB_CLIENT_SECRET=0000000000000000000000000000000000000000',
        'GITHUB_CLIENT_SECRET=${{ secrets.GITHUB_CLIENT_SECRET }}',
      ],
    },
  },
]);

// Revoke or rotate: GitHub Docs, "Managing your personal access tokens" (also: REST "Revoke a list of credentials").
guidance('github', {
  steps:
    'Delete the token in GitHub under Settings > Developer settings > Personal access tokens (organization owners can revoke fine-grained tokens that reach their organization); for an OAuth or GitHub App secret, generate a new client secret and delete the old one. Anyone who finds a token can also have GitHub revoke it through the credential revocation API. Then check the audit log for its use.',
  url: 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
});
