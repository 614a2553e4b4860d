// GitLab token prefixes: https://docs.gitlab.com/security/token_overview/#token-prefixes
import { isGitlabRoutable } from '../engine/checks/token-checksums.js';
import { ASSIGN, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** Classic tokens: prefix + n chars of Devise.friendly_token (base64url alphabet). */
const classic = (prefix: string, n: number) => String.raw`\b(${prefix}[A-Za-z0-9_-]{${n}})${EW}`;

/**
 * Routable tokens (gitlab lib/authn/token_field/generator/routable_token.rb): prefix, base64url
 * payload (27-300 by design, at most 235 today), `.01.` version (absent in the first ones),
 * base36 payload length (2) and base36 CRC-32 of everything before it (7).
 */
const routable = (prefix: string) =>
  String.raw`\b(${prefix}[A-Za-z0-9_-]{27,240}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9})${EW}`;

export default family('gitlab', [
  {
    id: 'gitlab-pat',
    name: 'GitLab personal, project or group access token',
    category: 'token',
    keywords: ['glpat-'],
    pattern: classic('glpat-', 20),
    minEntropy: 3,
    examples: {
      positives: [
        'glpat-EnrMm_M683GZBaeVDk-0',
        {
          text: 'export GITLAB_TOKEN=glpat-ng3Mj6TR7ks2VKIbrOSb',
          secret: 'glpat-ng3Mj6TR7ks2VKIbrOSb',
        },
        {
          text: 'git clone https://oauth2:glpat-EnrMm_M683GZBaeVDk-0@gitlab.acme.test/infra/deploy.git',
          secret: 'glpat-EnrMm_M683GZBaeVDk-0',
        },
      ],
      negatives: [
        'glpat-xxxxxxxxxxxxxxxxxxxx',
        'glpat-EnrMm_M683GZBaeVDk-', // 19 chars
        'glpat-EnrMm_M683GZBaeVDk-0Q', // 21 chars
        'GITLAB_TOKEN=glpat-<your-access-token>',
      ],
    },
  },
  {
    id: 'gitlab-pat-routable',
    name: 'GitLab personal access token (routable)',
    category: 'token',
    keywords: ['glpat-'],
    pattern: routable('glpat-'),
    validate: isGitlabRoutable,
    examples: {
      positives: [
        'glpat-hCRGHZ6UdJN-IUopL3EYUW86MQp1OmlybXYJ.01.101b8pnii',
        {
          text: 'PRIVATE-TOKEN: glpat-c2w8kse3GVpAjW4ozB-Mdm86MQp1OmRmcG8J.01.101lemx3v',
          secret: 'glpat-c2w8kse3GVpAjW4ozB-Mdm86MQp1OmRmcG8J.01.101lemx3v',
        },
        {
          text: 'gitlab_token = "glpat-hCRGHZ6UdJN-IUopL3EYUW86MQp1OmlybXYJ.01.101b8pnii"',
          secret: 'glpat-hCRGHZ6UdJN-IUopL3EYUW86MQp1OmlybXYJ.01.101b8pnii',
        },
      ],
      negatives: [
        'glpat-hCRGHZ6UdJN-IUopL3EYUW86MQp1OmlybXYJ.01.101b8pnij', // CRC off by one
        'glpat-c2w8kse3GVpAjW4ozB-Mdm86MQp1OmRmcG8J.01.101lemx3',
        'glpat-xxxxxxxxxxxxxxxxxxxxxxxxxxx.01.0rxxxxxxx',
      ],
    },
  },
  {
    // Pre-14.5 personal access tokens had no prefix: 20 chars, recognised only after a GitLab token name.
    id: 'gitlab-legacy-pat',
    name: 'GitLab personal access token (legacy, unprefixed)',
    category: 'token',
    keywords: ['gitlab'],
    ignoreCase: true,
    pattern: String.raw`gitlab[\w.-]{0,20}(?:token|pat|secret)${ASSIGN}([A-Za-z0-9_-]{20})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        { text: 'GITLAB_TOKEN=EnrMm_M683GZBaeVDk-0', secret: 'EnrMm_M683GZBaeVDk-0' },
        { text: 'gitlab_api_token: "ng3Mj6TR7ks2VKIbrOSb"', secret: 'ng3Mj6TR7ks2VKIbrOSb' },
      ],
      negatives: [
        'GITLAB_TOKEN=${GITLAB_TOKEN}',
        'gitlab_token: aaaaaaaaaaaaaaaaaaaa',
        'the gitlab token is stored in vault under ci/gitlab-api-token-prod',
      ],
    },
  },
  {
    id: 'gitlab-oauth-app-secret',
    name: 'GitLab OAuth application secret',
    category: 'credentials',
    keywords: ['gloas-'],
    pattern: String.raw`\b(gloas-[A-Za-z0-9_-]{64})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'gloas-12d02f00bf8389be2caf190d99f63b6ab345bce97393cee3b3f1eed7ccee14b2',
        {
          text: 'client_secret: gloas-9fc2fab5f5b4844da3f3b0ca2f56675351eedeca15dadf88d8f617d6158a0adc',
          secret: 'gloas-9fc2fab5f5b4844da3f3b0ca2f56675351eedeca15dadf88d8f617d6158a0adc',
        },
      ],
      negatives: [
        'gloas-12d02f00bf8389be2caf190d99f63b6ab345bce97393cee3b3f1eed7ccee14b',
        'gloas-0000000000000000000000000000000000000000000000000000000000000000',
        'client_secret: gloas-${OAUTH_SECRET}',
      ],
    },
  },
  {
    id: 'gitlab-deploy-token',
    name: 'GitLab deploy token',
    category: 'token',
    keywords: ['gldt-'],
    pattern: classic('gldt-', 20),
    minEntropy: 3,
    examples: {
      positives: [
        'gldt-6cyIjWJOvdnmu1ZjH1Hh',
        {
          text: 'docker login registry.acme.test -u gitlab+deploy-token-12 -p gldt-VenqCncPe1_sc-3Dnzdu',
          secret: 'gldt-VenqCncPe1_sc-3Dnzdu',
        },
      ],
      negatives: ['gldt-XXXXXXXXXXXXXXXXXXXX', 'gldt-6cyIjWJOvdnmu1ZjH1H'],
    },
  },
  {
    id: 'gitlab-runner-token',
    name: 'GitLab runner authentication token',
    category: 'token',
    keywords: ['glrt-'],
    pattern: classic('glrt-', 20),
    minEntropy: 3,
    examples: {
      positives: [
        'glrt-y0P6uS1_LDppW6QJVSun',
        { text: 'token = "glrt-6S6H2go8zRQmLoHs8f1K"', secret: 'glrt-6S6H2go8zRQmLoHs8f1K' },
      ],
      negatives: ['glrt-xxxxxxxxxxxxxxxxxxxx', 'glrt-y0P6uS1_LDppW6QJVSu'],
    },
  },
  {
    // Runner tokens carry a runner-type partition prefix (t1_, t2_, t3_) before the routable payload.
    id: 'gitlab-runner-token-routable',
    name: 'GitLab runner authentication token (routable)',
    category: 'token',
    keywords: ['glrt-'],
    pattern: routable(String.raw`glrt-(?:t[0-9a-f]_)?`),
    validate: isGitlabRoutable,
    examples: {
      positives: [
        'glrt-t1_SSiAMBTJqTeP9mhDlOa5_G86MQp1OjM4MG8J.01.100vt3onc',
        {
          text: 'gitlab-runner register --url https://gitlab.acme.test --token glrt-t3_HWgDlvcmI6cyPLAG9OMpuG86MQp1OmVtZ2wJ.01.101me58om',
          secret: 'glrt-t3_HWgDlvcmI6cyPLAG9OMpuG86MQp1OmVtZ2wJ.01.101me58om',
        },
        {
          text: 'token = "glrt-XOV2owRELtvFMPvE9PmQo286MQp1OjN5N3AJ.01.101gt34or"',
          secret: 'glrt-XOV2owRELtvFMPvE9PmQo286MQp1OjN5N3AJ.01.101gt34or',
        },
      ],
      negatives: [
        'glrt-t1_SSiAMBTJqTeP9mhDlOa5_G86MQp1OjM4MG8J.01.100vt3ond',
        'glrt-t1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.01.1exxxxxxx',
        'glrt-t3_HWgDlvcmI6cyPLAG9OMpuG86MQp1OmVtZ2wJ.01.101me58o',
      ],
    },
  },
  {
    id: 'gitlab-runner-registration-token',
    name: 'GitLab runner registration token',
    category: 'token',
    keywords: ['gr1348941'],
    pattern: String.raw`\b(GR1348941[A-Za-z0-9_-]{20})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'GR13489415KQkuAt1Zql39BrQz9dx',
        {
          text: 'gitlab-runner register --registration-token GR1348941yftHbtdUC8NIkx8P5tLF',
          secret: 'GR1348941yftHbtdUC8NIkx8P5tLF',
        },
      ],
      negatives: [
        'GR1348941<registration-token>',
        'GR1348941abababababcdcdcdcdcd', // low entropy
        'GR13489415KQkuAt1Zql39BrQz9d',
      ],
    },
  },
  {
    // CI/CD job token: glcbt-<partition id>_<20 chars> (GitLab secret_detection_patterns.js).
    id: 'gitlab-ci-job-token',
    name: 'GitLab CI/CD job token',
    category: 'token',
    keywords: ['glcbt-'],
    pattern: String.raw`\b(glcbt-[0-9a-zA-Z]{1,5}_[A-Za-z0-9_-]{20})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'glcbt-tW_D9VvBiPBaX6NHYCdJeMt',
        {
          text: 'curl --header "JOB-TOKEN: glcbt-64_QmOTqEqFAvzDvbRpN_Dr" https://gitlab.acme.test/api/v4/job',
          secret: 'glcbt-64_QmOTqEqFAvzDvbRpN_Dr',
        },
      ],
      negatives: [
        'glcbt-xxxxxxxxxxxxxxxxxxxxxxx',
        'glcbt-tW_D9VvBiPBaX6NHYCdJeM',
        'glcbt-123456_shortvalue',
      ],
    },
  },
  {
    id: 'gitlab-pipeline-trigger-token',
    name: 'GitLab pipeline trigger token',
    category: 'token',
    keywords: ['glptt-'],
    pattern: String.raw`\b(glptt-[0-9a-f]{40})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        'glptt-11ac7aaee16662dc5171070e4fd6fc6a1aaa9d83',
        {
          text: 'curl -X POST -F token=glptt-f9c755b63e28274a9c67e32f314ff64353d9cc84 -F ref=main https://gitlab.acme.test/api/v4/projects/7/trigger/pipeline',
          secret: 'glptt-f9c755b63e28274a9c67e32f314ff64353d9cc84',
        },
      ],
      negatives: [
        'glptt-<pipeline-trigger-token>',
        'glptt-11ac7aaee16662dc5171070e4fd6fc6a1aaa9d8',
        'GLPTT-11AC7AAEE16662DC5171070E4FD6FC6A1AAA9D83',
      ],
    },
  },
  {
    id: 'gitlab-feed-token',
    name: 'GitLab feed token',
    category: 'token',
    keywords: ['glft-'],
    pattern: classic('glft-', 20),
    minEntropy: 3,
    examples: {
      positives: [
        'glft-x134-kkLawQgwwVDJqFZ',
        {
          text: 'https://gitlab.acme.test/dashboard/issues.atom?feed_token=glft-_XgweQ0pz2n06DKEIWY4&state=opened',
          secret: 'glft-_XgweQ0pz2n06DKEIWY4',
        },
      ],
      negatives: ['glft-xxxxxxxxxxxxxxxxxxxx', 'glft-x134-kkLawQgwwVDJqF'],
    },
  },
  {
    id: 'gitlab-incoming-mail-token',
    name: 'GitLab incoming mail token',
    category: 'token',
    keywords: ['glimt-'],
    pattern: classic('glimt-', 25),
    minEntropy: 3,
    examples: {
      positives: [
        'glimt-na07eg3avbepflavxdtf73jq7',
        {
          text: 'reply to incoming+glimt-q-yiYyTQlLvOfcb5k9t0Kn9k1@gitlab.acme.test',
          secret: 'glimt-q-yiYyTQlLvOfcb5k9t0Kn9k1',
        },
      ],
      negatives: ['glimt-xxxxxxxxxxxxxxxxxxxxxxxxx', 'glimt-na07eg3avbepflavxdtf73jq'],
    },
  },
  {
    // Agent for Kubernetes tokens: Devise.friendly_token(50) (Clusters::AgentToken).
    id: 'gitlab-agent-token',
    name: 'GitLab agent for Kubernetes token',
    category: 'token',
    keywords: ['glagent-'],
    pattern: classic('glagent-', 50),
    minEntropy: 3,
    examples: {
      positives: [
        'glagent--HEFRJoPDdJGEkU86eteet7eMfDiftbi8E-uZ7kH2ouNuDDu2D',
        {
          text: 'helm upgrade --install gitlab-agent gitlab/gitlab-agent --set config.token=glagent-aXChNDFLKHN93wWNSFWroz8-DH9IVkZlcmuaxWrqeCkHp34ljG',
          secret: 'glagent-aXChNDFLKHN93wWNSFWroz8-DH9IVkZlcmuaxWrqeCkHp34ljG',
        },
      ],
      negatives: [
        'glagent-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'glagent--HEFRJoPDdJGEkU86eteet7eMfDiftbi8E-uZ7kH2ouNuDDu2',
      ],
    },
  },
  {
    id: 'gitlab-scim-token',
    name: 'GitLab SCIM OAuth access token',
    category: 'token',
    keywords: ['glsoat-'],
    pattern: classic('glsoat-', 20),
    minEntropy: 3,
    examples: {
      positives: [
        'glsoat-ak4eCOCP7Cl6QI_MIbto',
        {
          text: 'SCIM token for Okta: glsoat-3Ts51VGUIlK-276IPtks',
          secret: 'glsoat-3Ts51VGUIlK-276IPtks',
        },
      ],
      negatives: ['glsoat-xxxxxxxxxxxxxxxxxxxx', 'glsoat-ak4eCOCP7Cl6QI_MIbt'],
    },
  },
  {
    id: 'gitlab-feature-flags-client-token',
    name: 'GitLab feature flags client token',
    category: 'token',
    keywords: ['glffct-'],
    pattern: classic('glffct-', 20),
    minEntropy: 3,
    examples: {
      positives: [
        'glffct-qSt8MVhanhkNuSsahOGc',
        {
          text: 'UNLEASH_INSTANCE_ID=glffct-MK5Z8eSmRTro_L3dzuSb',
          secret: 'glffct-MK5Z8eSmRTro_L3dzuSb',
        },
      ],
      negatives: ['glffct-xxxxxxxxxxxxxxxxxxxx', 'glffct-qSt8MVhanhkNuSsahOG'],
    },
  },
  {
    // Workspace tokens are always routable (RemoteDevelopment::WorkspaceToken).
    id: 'gitlab-workspace-token',
    name: 'GitLab workspace token',
    category: 'token',
    keywords: ['glwt-'],
    pattern: routable('glwt-'),
    validate: isGitlabRoutable,
    examples: {
      positives: [
        'glwt-EDyvfBzUU1RkmfS5wkR9LG86MQp1OmJ4Z3QJ.01.101w88wf5',
        {
          text: 'GL_WORKSPACE_TOKEN=glwt-PuWzqPo4k9pj3XpD_0gDHW86MQp1OjlraXcJ.01.101ntge67',
          secret: 'glwt-PuWzqPo4k9pj3XpD_0gDHW86MQp1OjlraXcJ.01.101ntge67',
        },
      ],
      negatives: [
        'glwt-EDyvfBzUU1RkmfS5wkR9LG86MQp1OmJ4Z3QJ.01.101w88wf6',
        'glwt-xxxxxxxxxxxxxxxxxxxxxxxxxxx.01.1bxxxxxxx',
      ],
    },
  },
  {
    // Routable forms of the other prefixes, as GitLab moves each token type to routable_token.
    id: 'gitlab-routable-token',
    name: 'GitLab token (routable)',
    category: 'token',
    keywords: [
      'gldt-',
      'glft-',
      'glcbt-',
      'glagent-',
      'gloas-',
      'glimt-',
      'glsoat-',
      'glffct-',
      'glptt-',
      'glrtr-',
    ],
    pattern: routable('(?:gldt|glft|glcbt|glagent|gloas|glimt|glsoat|glffct|glptt|glrtr)-'),
    validate: isGitlabRoutable,
    examples: {
      positives: [
        'gldt-l9V8rSxzr9K5dAu7jYeIFG86MQp1OmI1dnkJ.01.100skrc9h',
        {
          text: 'feed url: https://gitlab.acme.test/u/ops.atom?feed_token=glft-khUyCWPX7ulXiTyY5PkBoG86MQp1OmJ2ODEJ.01.1013w5g30',
          secret: 'glft-khUyCWPX7ulXiTyY5PkBoG86MQp1OmJ2ODEJ.01.1013w5g30',
        },
        {
          text: 'agent token: glagent-P8Y3ggEYu8136rbUFaGTzG86MQp1OmszZHgJ.01.100qdo0jm',
          secret: 'glagent-P8Y3ggEYu8136rbUFaGTzG86MQp1OmszZHgJ.01.100qdo0jm',
        },
      ],
      negatives: [
        'gldt-l9V8rSxzr9K5dAu7jYeIFG86MQp1OmI1dnkJ.01.100skrc9i',
        'glft-khUyCWPX7ulXiTyY5PkBoG86MQp1OmJ2ODEJ.01.1013w5g3',
        'glpat-hCRGHZ6UdJN-IUopL3EYUW86MQp1OmlybXYJ.01.101b8pnii',
      ],
    },
  },
  {
    id: 'gitlab-session-cookie',
    name: 'GitLab session cookie',
    category: 'credentials',
    keywords: ['_gitlab_session'],
    pattern: String.raw`_gitlab_session=([0-9a-z]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'Cookie: _gitlab_session=6uz7nvwovtmjrf31lsqg9bhth1xx93l6; preferred_language=en',
          secret: '6uz7nvwovtmjrf31lsqg9bhth1xx93l6',
        },
        {
          text: 'curl -b "_gitlab_session=315b1170eba5cbd5890f05e02edbf61a" https://gitlab.acme.test/-/profile',
          secret: '315b1170eba5cbd5890f05e02edbf61a',
        },
      ],
      negatives: [
        '_gitlab_session=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        '_gitlab_session=6uz7nvwovtmjrf31lsqg9bhth1xx93l',
        '_gitlab_session=<cookie>',
      ],
    },
  },
]);

// Revoke or rotate: GitLab Docs, "Personal access tokens" (revoke or rotate a token).
guidance('gitlab', {
  steps:
    "Revoke or rotate the token in GitLab under User settings > Access tokens (project and group tokens under the project's or group's Settings > Access tokens; runner, deploy and trigger tokens on their own settings pages); administrators can revoke any user's token from the credentials inventory. Then review the audit events for its use.",
  url: 'https://docs.gitlab.com/ee/user/profile/personal_access_tokens.html',
});
