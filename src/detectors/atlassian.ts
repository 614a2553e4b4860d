// Atlassian Cloud and Data Center tokens.
import { hasAtlassianCrc } from '../engine/checks/token-checksums.js';
import { decodeBase64 } from '../engine/checks/radix.js';
import { ASSIGN, E, EW, family } from './define.js';
import { guidance } from './guidance.js';

/** Cloud tokens end in the upper-case hex CRC-32 of all before it; `=` may arrive as `\=` or `%3D`. */
const cloudCrc = (t: string): boolean =>
  hasAtlassianCrc(t.replace(/(?:\\{1,2}=|%3[dD])(?=[0-9A-F]{8}$)/, '='));

/** Cloud tokens: fixed prefix, base64url body, optional `=`, 8 upper-case hex CRC chars. */
const cloud = (prefix: string) =>
  String.raw`\b(${prefix}[A-Za-z0-9_-]{120,240}(?:=|\\{1,2}=|%3[dD])?[0-9A-F]{8})${EW}`;

/**
 * Data Center personal access tokens (Jira, Confluence, Bitbucket `BBDC-`): 44 chars of base64
 * of "<numeric token id>:<20 random bytes>", 33 bytes in all.
 */
function isDataCenterPat(b64: string): boolean {
  if (b64.length !== 44) return false;
  const bytes = decodeBase64(b64);
  if (bytes?.length !== 33) return false;
  const colon = bytes.indexOf(0x3a);
  if (colon < 8 || colon > 16) return false;
  for (let i = 0; i < colon; i++) {
    const c = bytes[i] as number;
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

export default family('atlassian', [
  {
    id: 'atlassian-api-token',
    name: 'Atlassian Cloud API token',
    category: 'token',
    keywords: ['atatt3'],
    pattern: cloud('ATATT3'),
    window: 512,
    validate: cloudCrc,
    examples: {
      positives: [
        'ATATT3xFfGF0XcUygt37XzxQ12IORGlDK7Bj8azs5938YD4vVcbsHBn85OqniP2LWFlFSWnBIheg9Bps92D6TADbBclJ2IvN8F94KycPblUpLC_A5x6XVr473770cX_9LRkF9MR9QQvWiEBuW8-PZV9QFTw1aReQ5lBAoSdSx9HBQ5lDNXHMMJh=4C4F2926',
        {
          text: 'curl -u ops@acme.test:ATATT3xFfGF0hqFi6jDEt3XCRHUy2TVuTmsjfrmEWa-HLerXJa70ITSmCgopSFdz3gUT8jO-5UEE4H6Mf025NElIjPtDUDNXNrhxIUIz-FhGpYG8dnuyZrG8g1LdJyPKVme9BNMkeW1XmjoJBqdgB22DvbDkAlAx-Anhy5j-MYbn6tWKNf_j9pB=38C7AA3F https://acme.atlassian.net/rest/api/3/myself',
          secret:
            'ATATT3xFfGF0hqFi6jDEt3XCRHUy2TVuTmsjfrmEWa-HLerXJa70ITSmCgopSFdz3gUT8jO-5UEE4H6Mf025NElIjPtDUDNXNrhxIUIz-FhGpYG8dnuyZrG8g1LdJyPKVme9BNMkeW1XmjoJBqdgB22DvbDkAlAx-Anhy5j-MYbn6tWKNf_j9pB=38C7AA3F',
        },
        {
          text: 'JIRA_API_TOKEN=ATATT3xFfGF0XcUygt37XzxQ12IORGlDK7Bj8azs5938YD4vVcbsHBn85OqniP2LWFlFSWnBIheg9Bps92D6TADbBclJ2IvN8F94KycPblUpLC_A5x6XVr473770cX_9LRkF9MR9QQvWiEBuW8-PZV9QFTw1aReQ5lBAoSdSx9HBQ5lDNXHMMJh%3D4C4F2926',
          secret:
            'ATATT3xFfGF0XcUygt37XzxQ12IORGlDK7Bj8azs5938YD4vVcbsHBn85OqniP2LWFlFSWnBIheg9Bps92D6TADbBclJ2IvN8F94KycPblUpLC_A5x6XVr473770cX_9LRkF9MR9QQvWiEBuW8-PZV9QFTw1aReQ5lBAoSdSx9HBQ5lDNXHMMJh%3D4C4F2926',
        },
        {
          text: 'jira_token = ATATT3xFfGF0hqFi6jDEt3XCRHUy2TVuTmsjfrmEWa-HLerXJa70ITSmCgopSFdz3gUT8jO-5UEE4H6Mf025NElIjPtDUDNXNrhxIUIz-FhGpYG8dnuyZrG8g1LdJyPKVme9BNMkeW1XmjoJBqdgB22DvbDkAlAx-Anhy5j-MYbn6tWKNf_j9pB\\=38C7AA3F',
          secret:
            'ATATT3xFfGF0hqFi6jDEt3XCRHUy2TVuTmsjfrmEWa-HLerXJa70ITSmCgopSFdz3gUT8jO-5UEE4H6Mf025NElIjPtDUDNXNrhxIUIz-FhGpYG8dnuyZrG8g1LdJyPKVme9BNMkeW1XmjoJBqdgB22DvbDkAlAx-Anhy5j-MYbn6tWKNf_j9pB\\=38C7AA3F',
        },
      ],
      negatives: [
        'ATATT3xFfGF0XcUygt37XzxQ12IORGlDK7Bj8azs5938YD4vVcbsHBn85OqniP2LWFlFSWnBIheg9Bps92D6TADbBclJ2IvN8F94KycPblUpLC_A5x6XVr473770cX_9LRkF9MR9QQvWiEBuW8-PZV9QFTw1aReQ5lBAoSdSx9HBQ5lDNXHMMJh=4C4F2927', // CRC off by one
        'ATATT3xFfGF0hqFi6jDEt3XCRHUy2TVuTmsjfrmEWa-HLerXJa70ITSmCgopSFdz3gUT8jO-5UEE4H6Mf025NElIjPtDUDNXNrhxIUIz-FhGpYG8dnuyZrG8g1LdJyPKVme9BNMkeW1XmjoJBqdgB22DvbDkAlAx-Anhy5j-MYbn6tWKNf_j9pB=38C7AA3',
        'ATATT3xFfGF0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=00000000',
      ],
    },
  },
  {
    // API tokens issued before the ATATT3 format: 24 alphanumerics, only after a Jira/Confluence token name.
    id: 'atlassian-legacy-api-token',
    name: 'Atlassian Cloud API token (legacy, unprefixed)',
    category: 'token',
    keywords: ['jira', 'confluence', 'atlassian'],
    ignoreCase: true,
    pattern: String.raw`(?:jira|confluence|atlassian)[\w.-]{0,20}(?:token|key)${ASSIGN}([A-Za-z0-9]{24})${EW}`,
    minEntropy: 3.5,
    validate: (t) => /[0-9]/.test(t) && /[A-Z]/.test(t) && /[a-z]/.test(t),
    examples: {
      positives: [
        { text: 'JIRA_API_TOKEN=w8n4fCoFtOOIQoaRWmeMRobt', secret: 'w8n4fCoFtOOIQoaRWmeMRobt' },
        {
          text: 'confluence_api_key: "jP96aYwziri1ImTZEMqnsGPE"',
          secret: 'jP96aYwziri1ImTZEMqnsGPE',
        },
      ],
      negatives: [
        'JIRA_API_TOKEN=${JIRA_API_TOKEN}',
        'jira_issue_key: PLATFORM-2231-ROLLBACK-FIX', // not a token
        'JIRA_API_TOKEN=w8n4fCoFtOOIQoaRWmeMRobtQ',
        'jira_token: confluencemigrationwizard',
      ],
    },
  },
  {
    // Bitbucket Cloud repository, project and workspace access tokens; same CRC scheme as ATATT.
    id: 'bitbucket-access-token',
    name: 'Bitbucket Cloud access token',
    category: 'token',
    keywords: ['atctt3'],
    pattern: cloud('ATCTT3'),
    window: 512,
    validate: cloudCrc,
    examples: {
      positives: [
        'ATCTT3xFfGN09JU0gCEAOqxvrlsYlFedkVNTxNCk99pugKtqdJ-h93Ol0yF0d-leU9q3F0yJb7nn5fygpsN9Hb4JViG0AmwzZpDw9KcIwviQk445BMemPeovAXtQyagohlqCvtJY2ASZiWXpW5g1ivNgVVia3xPtUpI_AFO3bKmOq3FkIjEZ9lp=5679C9A8',
        {
          text: 'git clone https://x-token-auth:ATCTT3xFfGN0LaBNYxWHcf0SSBpeGSadQOKPpxcloOxhz19E3G81pSiveygVHUSRt4hTnCAyGbBveN7Ldcn9vH83_v8EZX2lteAim4vHP_AKX6ovqTsJWkw0ggtpk-UbIT0QgaIIZpdn8lkQGDEqHTg56SYEArREp0QCaawYfmbOGy01pfm_9gx=7044DBB7@bitbucket.org/acme/api.git',
          secret:
            'ATCTT3xFfGN0LaBNYxWHcf0SSBpeGSadQOKPpxcloOxhz19E3G81pSiveygVHUSRt4hTnCAyGbBveN7Ldcn9vH83_v8EZX2lteAim4vHP_AKX6ovqTsJWkw0ggtpk-UbIT0QgaIIZpdn8lkQGDEqHTg56SYEArREp0QCaawYfmbOGy01pfm_9gx=7044DBB7',
        },
      ],
      negatives: [
        'ATCTT3xFfGN09JU0gCEAOqxvrlsYlFedkVNTxNCk99pugKtqdJ-h93Ol0yF0d-leU9q3F0yJb7nn5fygpsN9Hb4JViG0AmwzZpDw9KcIwviQk445BMemPeovAXtQyagohlqCvtJY2ASZiWXpW5g1ivNgVVia3xPtUpI_AFO3bKmOq3FkIjEZ9lp=5679C9A9',
        'ATCTT3xFfGN0LaBNYxWHcf0SSBpeGSadQOKPpxcloOxhz19E3G81pSiveygVHUSRt4hTnCAyGbBveN7Ldcn9vH83_v8EZX2lteAim4vHP_AKX6ovqTsJWkw0ggtpk-UbIT0QgaIIZpdn8lkQGDEqHTg56SYEArREp0QCaawYfmbOGy01pfm_9gx=7044DBB',
      ],
    },
  },
  {
    // App passwords: ATBB + 24 chars + upper-case hex CRC-32 of the first 28.
    id: 'bitbucket-app-password',
    name: 'Bitbucket Cloud app password',
    category: 'credentials',
    keywords: ['atbb'],
    pattern: String.raw`\b(ATBB[A-Za-z0-9_-]{24}[0-9A-F]{8})${EW}`,
    validate: hasAtlassianCrc,
    examples: {
      positives: [
        'ATBBPjL4FVzVdkMXUOd8uNOwzVBH76C4CD7D',
        {
          text: 'https://deploy-bot:ATBBtK31JncbriEAI4gkqJKDLx9lC25A4FBE@bitbucket.org/acme/site.git',
          secret: 'ATBBtK31JncbriEAI4gkqJKDLx9lC25A4FBE',
        },
        {
          text: 'BITBUCKET_APP_PASSWORD="ATBBPjL4FVzVdkMXUOd8uNOwzVBH76C4CD7D"',
          secret: 'ATBBPjL4FVzVdkMXUOd8uNOwzVBH76C4CD7D',
        },
      ],
      negatives: [
        'ATBBPjL4FVzVdkMXUOd8uNOwzVBH76C4CD7E',
        'ATBBtK31JncbriEAI4gkqJKDLx9lC25A4FB',
        'ATBBPjL4FVzVdkMXUOd8uNOwzVBH76c4cd7d' /* lower-case CRC */,
      ],
    },
  },
  {
    id: 'bitbucket-dc-http-access-token',
    name: 'Bitbucket Data Center HTTP access token',
    category: 'token',
    keywords: ['bbdc-'],
    pattern: String.raw`\b(BBDC-[A-Za-z0-9+/]{44})${E}`,
    validate: (t) => isDataCenterPat(t.slice('BBDC-'.length)),
    examples: {
      positives: [
        'BBDC-NjYyMjEwMDI2MDM0OmSzOuzB9QFLgPcSnWIa4l2KdjIi',
        {
          text: 'git -c http.extraHeader="Authorization: Bearer BBDC-ODM5ODQzMzAwMTAyOgcJVnqRRHf/1MKGHKJIEubQw77b" clone https://git.acme.test/scm/ops/infra.git',
          secret: 'BBDC-ODM5ODQzMzAwMTAyOgcJVnqRRHf/1MKGHKJIEubQw77b',
        },
      ],
      negatives: [
        'BBDC-<http-access-token>',
        'BBDC-dGlja2V0LTQ3MTE6cTdMdzlxN0x3OXE3THc5cTdMdzla', // "ticket-4711:...": id not numeric
        'BBDC-NjYyMjEwMDI2MDM0OmSzOuzB9QFLgPcSnWIa4l2KdjI',
      ],
    },
  },
  {
    // Jira and Confluence Data Center PATs carry no prefix: only next to a product word.
    id: 'atlassian-dc-personal-access-token',
    name: 'Jira / Confluence Data Center personal access token',
    category: 'token',
    keywords: ['jira', 'confluence', 'atlassian', 'bearer'],
    pattern: String.raw`(?:^|[^A-Za-z0-9+/])([MNO][A-Za-z0-9+/]{43})${E}`,
    validate: isDataCenterPat,
    examples: {
      positives: [
        {
          text: 'JIRA_PAT=NTE1NDg0MTQ1NTYzOl0qsBuL7f1fugWHoYrbqoLkBVTl',
          secret: 'NTE1NDg0MTQ1NTYzOl0qsBuL7f1fugWHoYrbqoLkBVTl',
        },
        {
          text: 'curl -H "Authorization: Bearer NzAxODU2NjA3OTg1OpcJGIi4XjWvgvv5Ian33yKRdSN2" https://jira.acme.test/rest/api/2/myself',
          secret: 'NzAxODU2NjA3OTg1OpcJGIi4XjWvgvv5Ian33yKRdSN2',
        },
        {
          text: 'confluence_token: MjIxNzI0MDE1MTc2OrCU0M3pkfzrQY7RaIpCboUow8ml',
          secret: 'MjIxNzI0MDE1MTc2OrCU0M3pkfzrQY7RaIpCboUow8ml',
        },
      ],
      negatives: [
        'jira_token: NTE1NDg0MTQ1NTYzOl0qsBuL7f1fugWHoYrbqoLkBVTl=', // padded: not a 44-char token
        'jira_token: NzAxODU2NjA3OTg1OpcJGIi4XjWvgvv5Ian33yKRdSN2AAAA',
        'confluence_token: MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw', // digits, no colon
        'jira_token: NDI6eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5', // "42:yyy...": id too short
        'MjIxNzI0MDE1MTc2OrCU0M3pkfzrQY7RaIpCboUow8ml', // no product word nearby
      ],
    },
  },
]);

// Revoke or rotate: Atlassian Support, "Manage API tokens for your Atlassian account" (organization admins: "Revoke user API tokens").
guidance('atlassian', {
  steps:
    "Revoke the API token at id.atlassian.com (Security > Create and manage API tokens); an organization admin can revoke a managed account's tokens in Atlassian Administration (Insights > API token activity). Bitbucket access tokens and app passwords are revoked in their own repository, workspace or personal settings, Data Center personal access tokens in the user's profile.",
  url: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account',
});
