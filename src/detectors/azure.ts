// Microsoft Azure credential formats. Identifiable-key signatures and checksum seeds:
// https://github.com/microsoft/security-utilities (IdentifiableMetadata.cs, GeneratedRegexPatterns).
import { decodeBase64 } from '../engine/checks/radix.js';
import { isPlaceholderValue } from '../engine/placeholder.js';
import { ASSIGN, ci, E, EW, family, near } from './define.js';
import { guidance } from './guidance.js';

/** A literal matched case-insensitively with ASCII classes (far cheaper in RE2 than the `i` flag). */

/**
 * Name/value separator: ASSIGN's forms plus C# initialisers (`{ "AccountKey", "..." }`), XML
 * (`<account_key>...`), `env["KEY"] = ...`, a value on the next, indented line, and an environment
 * variable with a literal fallback (`process.env.ACCOUNT_KEY || "..."`, `?? "..."`).
 */
const SEP = String.raw`[\s'"\x60\\\]]{0,16}(?:=>|:=|=|:|,|\{|>|\|\||\?\?|\s)[\s'"\x60\\]{0,16}`;
/** 64 random bytes in standard base64 (storage and Cosmos DB account keys). */
const KEY_88 = String.raw`([A-Za-z0-9+/]{86}==)${E}`;

const rotl = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0;

/** Marvin32 (the .NET string hash Microsoft uses as the identifiable-key checksum), collapsed to 32 bits. */
function marvin32(data: Uint8Array, seedHi: number, seedLo: number): number {
  let p0 = seedLo >>> 0;
  let p1 = seedHi >>> 0;
  const block = (): void => {
    p1 = (p1 ^ p0) >>> 0;
    p0 = rotl(p0, 20);
    p0 = (p0 + p1) >>> 0;
    p1 = rotl(p1, 9);
    p1 = (p1 ^ p0) >>> 0;
    p0 = rotl(p0, 27);
    p0 = (p0 + p1) >>> 0;
    p1 = rotl(p1, 19);
  };
  const at = (i: number): number => data[i] as number;
  let i = 0;
  for (; i + 4 <= data.length; i += 4) {
    p0 = (p0 + ((at(i) | (at(i + 1) << 8) | (at(i + 2) << 16) | (at(i + 3) << 24)) >>> 0)) >>> 0;
    block();
  }
  const rest = data.length - i;
  let last = 0x80;
  if (rest === 1) last = 0x8000 | at(i);
  else if (rest === 2) last = 0x800000 | at(i) | (at(i + 1) << 8);
  else if (rest === 3) last = (0x80000000 | at(i) | (at(i + 1) << 8) | (at(i + 2) << 16)) >>> 0;
  p0 = (p0 + last) >>> 0;
  block();
  block();
  return (p1 ^ p0) >>> 0;
}

/** Identifiable keys end with the little-endian Marvin32 of all bytes before it. */
function hasMarvinChecksum(key: string, seedHi: number, seedLo: number): boolean {
  const b = decodeBase64(key);
  if (!b || b.length < 8) return false;
  const n = b.length - 4;
  const stored =
    ((b[n] as number) |
      ((b[n + 1] as number) << 8) |
      ((b[n + 2] as number) << 16) |
      ((b[n + 3] as number) << 24)) >>>
    0;
  return marvin32(b.subarray(0, n), seedHi, seedLo) === stored;
}

// Seed "Default0" (IdentifiableMetadata.AzureStorageAccountChecksumSeed).
const storageChecksum = (key: string): boolean => hasMarvinChecksum(key, 0x44656661, 0x756c7430);

// The Azurite / storage-emulator account key that Microsoft publishes for local development.
const EMULATOR_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** Legacy keys have no checksum; a key carrying the "+ASt" signature must also carry a valid one. */
function isStorageKey(key: string): boolean {
  if (key === EMULATOR_KEY || decodeBase64(key)?.length !== 64) return false;
  return key.slice(76, 80) === '+ASt' ? storageChecksum(key) : true;
}

/** The query string (or connection string) the SAS signature sits in. */
function sasQuery(ctx: { text: string; matchStart: number; matchEnd: number }): string {
  let s = ctx.matchStart;
  let e = ctx.matchEnd;
  while (s > 0 && !/[\s"'<>]/.test(ctx.text.charAt(s - 1)) && ctx.matchStart - s < 600) s--;
  while (e < ctx.text.length && !/[\s"'<>]/.test(ctx.text.charAt(e)) && e - ctx.matchEnd < 600) e++;
  return ctx.text.slice(s, e);
}

/**
 * The permission letters of account and service SAS (blob, file, queue, table): an `sp=` with any
 * other letter is not a SAS. https://learn.microsoft.com/en-us/rest/api/storageservices/create-account-sas
 * and https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas
 */
const SAS_PERMISSIONS = /^[racwdxyltfmeopiu]+$/;

/** A SAS signature is the base64 HMAC-SHA256 (44 chars), usually URL-encoded, in a query with sv=<date>. */
function isSasSignature(
  sig: string,
  ctx: { text: string; matchStart: number; matchEnd: number },
): boolean {
  let raw: string;
  try {
    raw = decodeURIComponent(sig);
  } catch {
    return false;
  }
  if (!/^[A-Za-z0-9+/]{43}=$/.test(raw)) return false;
  const q = sasQuery(ctx);
  const sp = /(?:^|[?&;=])sp=([^&;]*)/.exec(q)?.[1];
  return (
    /(?:^|[?&;])sv=\d{4}-\d{2}-\d{2}(?:&|$)/.test(q) &&
    (sp !== undefined ? SAS_PERMISSIONS.test(sp) : /(?:^|[?&;])se=/.test(q))
  );
}

/** 64 random bytes in canonical base64: the last char before `==` carries 2 bits and 4 zero bits. */
const KEY_64 = String.raw`[A-Za-z0-9+/]{85}[AQgw]==`;

/** API Management user tokens: `<user>&<expiry yyyyMMddHHmm>&<base64 HMAC-SHA512>`, a real expiry. */
function isApimUserToken(token: string): boolean {
  const [, expiry = ''] = token.split('&');
  const n = (from: number, to: number): number => Number(expiry.slice(from, to));
  const date = new Date(Date.UTC(n(0, 4), n(4, 6) - 1, n(6, 8), n(8, 10), n(10, 12)));
  return (
    date.getUTCFullYear() === n(0, 4) &&
    date.getUTCMonth() === n(4, 6) - 1 &&
    date.getUTCDate() === n(6, 8) &&
    date.getUTCHours() === n(8, 10) &&
    date.getUTCMinutes() === n(10, 12)
  );
}

export default family('azure', [
  {
    id: 'azure-storage-account-identifiable-key',
    name: 'Azure Storage account key (identifiable format)',
    category: 'api_key',
    keywords: ['+ast'],
    pattern: String.raw`(?:^|[^A-Za-z0-9+/_-])([A-Za-z0-9+/]{76}\+ASt[A-Za-z0-9+/]{5}[AQgw]==)${E}`,
    validate: storageChecksum,
    examples: {
      positives: [
        'BiatME5D/BMrNXDrB3I+48pAc8+iQ0RQyp/kHQN0Pt9mwbidoTaA/YwsXK0hMKPAaWbXXMHTKp8d+AStSAB8cg==',
        {
          text: 'key1: "8YNgOCKp1J+hfnm7PSclyfTEKwV8QuMkQXIIu1hZSdQFnlI9pYUbYUgsh4n+X+xgzPwx2VuvPvAe+ASt2/dZEw=="',
          secret:
            '8YNgOCKp1J+hfnm7PSclyfTEKwV8QuMkQXIIu1hZSdQFnlI9pYUbYUgsh4n+X+xgzPwx2VuvPvAe+ASt2/dZEw==',
        },
      ],
      negatives: [
        'BiatME5D/BMrNXDrB3I+48pAc8+iQ0RQyp/kHQN0Pt9mxbidoTaA/YwsXK0hMKPAaWbXXMHTKp8d+AStSAB8cg==', // checksum no longer matches
        'nvtweRbFAJTEKhcViyIFiVBcmASHJLZytdoglZQ6ZYVlRIZmiUndTHYvOziZz0b5Db3k6cbfSurcdQsu7lIUyk==', // no signature
      ],
    },
  },
  {
    id: 'azure-storage-account-key',
    name: 'Azure Storage account key',
    category: 'connection_string',
    keywords: [
      'accountkey',
      'account_key',
      'account-key',
      'storagekey',
      'storage_key',
      'storage-key',
      'storageaccesskey',
      'storage_access_key',
    ],
    pattern: String.raw`${ci('(?:account|storage)[_-]?(?:access[_-]?)?key')}${SEP}${KEY_88}`,
    minEntropy: 4.5,
    validate: isStorageKey,
    examples: {
      positives: [
        {
          text: 'DefaultEndpointsProtocol=https;AccountName=billingexports;AccountKey=nvtweRbFAJTEKhcViyIFiVBcmASHJLZytdoglZQ6ZYVlRIZmiUndTHYvOziZz0b5Db3k6cbfSurcdQsu7lIUyk==;EndpointSuffix=core.windows.net',
          secret:
            'nvtweRbFAJTEKhcViyIFiVBcmASHJLZytdoglZQ6ZYVlRIZmiUndTHYvOziZz0b5Db3k6cbfSurcdQsu7lIUyk==',
        },
        {
          text: 'azurestorageaccountkey: 37fbLZp57eqSckLcvkWbD/Dqv3nu+g4BCP5n3y4TOWRhTLBHjYRYd0G0DOcz0kW6aUOwEc63mNQd3MbsEqSPlO==',
          secret:
            '37fbLZp57eqSckLcvkWbD/Dqv3nu+g4BCP5n3y4TOWRhTLBHjYRYd0G0DOcz0kW6aUOwEc63mNQd3MbsEqSPlO==',
        },
        '{ "AccountName", "billingexports" }, { "AccountKey", "xK5W69rV6YQXVLGn/8+QkDHM54r1pXLjeX23BHcuELjcuIdv0BFOcVZj8Xfp8oPnX4NfIO3IF9ih70EvkIjNSe==" }',
        'az storage blob upload --account-name billingexports --account-key Aj/pp2Tk2/4ALY8oh3pZNHL4zH9SeO2L0iyxq4+cnnViRVIN74wo9UZtXsRyDd220UDoqS9dZ58XsNbPjix2VT==',
        '<account_name>billingexports</account_name><account_key>xK5W69rV6YQXVLGn/8+QkDHM54r1pXLjeX23BHcuELjcuIdv0BFOcVZj8Xfp8oPnX4NfIO3IF9ih70EvkIjNSe==</account_key>',
        {
          text: 'const accountKey = process.env.STORAGE_ACCOUNT_KEY || "Aj/pp2Tk2/4ALY8oh3pZNHL4zH9SeO2L0iyxq4+cnnViRVIN74wo9UZtXsRyDd220UDoqS9dZ58XsNbPjix2VT==";',
          secret:
            'Aj/pp2Tk2/4ALY8oh3pZNHL4zH9SeO2L0iyxq4+cnnViRVIN74wo9UZtXsRyDd220UDoqS9dZ58XsNbPjix2VT==',
        },
      ],
      negatives: [
        'AccountKey=Aj/pp2Tk2/4ALY8oh3pZNHL4zH9SeO2L0iyxq4+cnnViRVIN74wo9UZtXsRyDd220UDoqS9dZ58XsNbPjix2==', // 84 chars
        'AccountKey=${STORAGE_KEY}',
        `AccountName=devstoreaccount1;AccountKey=${EMULATOR_KEY}`, // local emulator
        'AccountKey=8YNgOCKp1J+hfnm7PSclyfTEKwV8QuMkQXIIu1hZSdQFolI9pYUbYUgsh4n+X+xgzPwx2VuvPvAe+ASt2/dZEw==', // signature present, checksum wrong
        'thumbnail: Aj/pp2Tk2/4ALY8oh3pZNHL4zH9SeO2L0iyxq4+cnnViRVIN74wo9UZtXsRyDd220UDoqS9dZ58XsNbPjix2VT==', // no account-key name
        'const accountKey = process.env.STORAGE_ACCOUNT_KEY || "";',
      ],
    },
  },
  {
    // Cosmos DB connection strings reuse "AccountKey"; the endpoint names the service.
    id: 'azure-cosmosdb-account-key',
    name: 'Azure Cosmos DB account key',
    category: 'connection_string',
    keywords: ['documents.azure.com', 'cosmos'],
    pattern: String.raw`(?:${ci('accountkey')}|${ci('cosmos')}[\w-]{0,20}?${ci('key')}|${ci('(?:primary[_-]?)?(?:master[_-]?)?key')})${SEP}${KEY_88}`,
    priority: 1,
    minEntropy: 4.5,
    validate: (k) => decodeBase64(k)?.length === 64,
    examples: {
      positives: [
        {
          text: 'AccountEndpoint=https://orders-db.documents.azure.com:443/;AccountKey=37fbLZp57eqSckLcvkWbD/Dqv3nu+g4BCP5n3y4TOWRhTLBHjYRYd0G0DOcz0kW6aUOwEc63mNQd3MbsEqSPlO==;',
          secret:
            '37fbLZp57eqSckLcvkWbD/Dqv3nu+g4BCP5n3y4TOWRhTLBHjYRYd0G0DOcz0kW6aUOwEc63mNQd3MbsEqSPlO==',
        },
        {
          text: 'COSMOS_DB_KEY=xK5W69rV6YQXVLGn/8+QkDHM54r1pXLjeX23BHcuELjcuIdv0BFOcVZj8Xfp8oPnX4NfIO3IF9ih70EvkIjNSe==',
          secret:
            'xK5W69rV6YQXVLGn/8+QkDHM54r1pXLjeX23BHcuELjcuIdv0BFOcVZj8Xfp8oPnX4NfIO3IF9ih70EvkIjNSe==',
        },
      ],
      negatives: [
        'AccountEndpoint=https://orders-db.documents.azure.com:443/;AccountKey=${COSMOS_KEY};',
        'COSMOS_DB_KEY=nvtweRbFAJTEKhcViyIFiVBcmASHJLZytdoglZQ6ZYVlRIZmiUndTHYvOziZz0b5Db3k6cbfSurcdQsu7lIU',
      ],
    },
  },
  {
    // Entra ID (Azure AD) client secrets: 3 chars, "8Q~" (or legacy "7Q~"), 31-34 chars.
    id: 'azure-entra-client-secret',
    name: 'Microsoft Entra ID (Azure AD) client secret',
    category: 'credentials',
    keywords: ['8q~', '7q~'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_~.+/-])([A-Za-z0-9_~.-]{3}[78]Q~[A-Za-z0-9_~.-]{31,34})(?:$|[^A-Za-z0-9_~.+/-])`,
    minEntropy: 3.5,
    // A client secret signs in as one app registration: its client (application) id is named.
    partner: {
      kind: 'azure-client-id',
      name: 'Microsoft Entra application (client) ID',
      pattern: String.raw`${ci('(?:client|app(?:lication)?)')}[ _-]?${ci('id')}["'\s]{0,3}[:=]\s{0,3}["']?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})`,
      within: 400,
    },
    examples: {
      positives: [
        {
          text: 'AZURE_CLIENT_SECRET=55H8Q~PxPN1NHtBE5UXlVG5e.EDmXOPHQ3hKXDYq',
          secret: '55H8Q~PxPN1NHtBE5UXlVG5e.EDmXOPHQ3hKXDYq',
        },
        {
          text: '"clientSecret": "mLS8Q~KVpsX~17FbYDcxdil5zRvmaAZQS1324HmA"',
          secret: 'mLS8Q~KVpsX~17FbYDcxdil5zRvmaAZQS1324HmA',
        },
        'dIR7Q~w.lcl8LEYMWpRua3CLYzo8AkSUfKDdF',
      ],
      negatives: [
        'client_secret=bP88Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'B2G8Q~RJOo3_Dvhu1ppB3HmrSOnuhfCkWKkyMuP5abc',
        'a.b~c~d~8Q~e~f',
      ],
    },
  },
  {
    // Entra ID refresh tokens (opaque, ~1 KB): "0.A" or "1.A", a client-info segment, an optional
    // ".1", then ".Ag..." (TruffleHog's azure_entra/refreshtoken detector:
    // https://github.com/trufflesecurity/trufflehog/blob/main/pkg/detectors/azure_entra/refreshtoken/refreshtoken.go).
    id: 'azure-entra-refresh-token',
    name: 'Microsoft Entra ID (Azure AD) refresh token',
    category: 'token',
    keywords: ['0.a', '1.a'],
    pattern: String.raw`\b([01]\.A[\w-]{40,150}(?:\.[0-9])?\.Ag[\w-]{250,1000}[\w-]{0,1000})`,
    minEntropy: 4,
    window: 2400,
    // The ".AgABAAAAAAD" header is base64 of zero bytes: only the rest may not look typed.
    allowRepetitive: true,
    validate: (token) => !isPlaceholderValue(token.replace(/A{6,}/g, '')),
    examples: {
      positives: [
        {
          text: '"refresh_token": "0.AUEA1oNd68Kq84bhFjXdpjWMYnkL-CxbaRJVPFrztHF6ztkf781Dprhm.AgABAwEAAADlvzuD3R5jy7eoewXCAx_vnGZuPUYAGWTzLi_Kj3ueV22n698Kz1FHr9G7imqwpuA5D-G5xgETPE4NyuZmd50gRFTtZWbruYp3JnL3X-wB26BZCyKtGX3qSr9sRQCFIRMFOdiszbAfxa0e_pJ6jd4Syp1eZt3ysvLlnVS9593u1mfas911n2FDzjidl9T9GQ-RXXXgb2ptC5PdBx2IA6jHx-_YJYfWDeznk8rPxYPay_BVKlDaBRfVCPQEi09Yxokd8J0QORZFfKaSNSgNNe0r-tBnmpyESxVslYXCXPAcm_7tNSMi7EQ5VMpkpKyUgFs"',
          secret:
            '0.AUEA1oNd68Kq84bhFjXdpjWMYnkL-CxbaRJVPFrztHF6ztkf781Dprhm.AgABAwEAAADlvzuD3R5jy7eoewXCAx_vnGZuPUYAGWTzLi_Kj3ueV22n698Kz1FHr9G7imqwpuA5D-G5xgETPE4NyuZmd50gRFTtZWbruYp3JnL3X-wB26BZCyKtGX3qSr9sRQCFIRMFOdiszbAfxa0e_pJ6jd4Syp1eZt3ysvLlnVS9593u1mfas911n2FDzjidl9T9GQ-RXXXgb2ptC5PdBx2IA6jHx-_YJYfWDeznk8rPxYPay_BVKlDaBRfVCPQEi09Yxokd8J0QORZFfKaSNSgNNe0r-tBnmpyESxVslYXCXPAcm_7tNSMi7EQ5VMpkpKyUgFs',
        },
        {
          text: 'refresh_token=1.AVIB_SlT6PfXxa8v7MAyJFefSbhZA9G_M1H5gJ22wh_XQkG84K_qMN.AgABAwEAAADW6vuNTmzC7PyG-3zuhR1BVnVISJRSNQDi-tYAUnKV8aL_h_bSkZZbw0XwHhV3bVMC0LOrfkKaVgPP6Tuh8Ur3ByN_g03ys0PwOl-MuS4UT3kfHUecmSqDhw462WqSNgJZk2Qk0okkDLYowxvUC8JzPu159xnd9FPqv0LdTL9oxJtB7xmPaS652jo7sdrKhmbPdFQBEPumjErGudwqY3bIG8oNgPys7H6PcXKUIOSRTN3hiaqUpyBrDiYNrOEpSHBnvR01zsIYkrdWjCVRaq0OP8T9fOMGJnWLRdHMS8An8-AVOFSK0G1AN3oqqlhhgBkW6g01yekz0SoVU8xP8yUb7aliJAgQWIe-Cp2QkG9UvtOGT5vNZAVlEuhBO9Zu-482KxQXuGZKdZ1__1ATT&grant_type=refresh_token',
          secret:
            '1.AVIB_SlT6PfXxa8v7MAyJFefSbhZA9G_M1H5gJ22wh_XQkG84K_qMN.AgABAwEAAADW6vuNTmzC7PyG-3zuhR1BVnVISJRSNQDi-tYAUnKV8aL_h_bSkZZbw0XwHhV3bVMC0LOrfkKaVgPP6Tuh8Ur3ByN_g03ys0PwOl-MuS4UT3kfHUecmSqDhw462WqSNgJZk2Qk0okkDLYowxvUC8JzPu159xnd9FPqv0LdTL9oxJtB7xmPaS652jo7sdrKhmbPdFQBEPumjErGudwqY3bIG8oNgPys7H6PcXKUIOSRTN3hiaqUpyBrDiYNrOEpSHBnvR01zsIYkrdWjCVRaq0OP8T9fOMGJnWLRdHMS8An8-AVOFSK0G1AN3oqqlhhgBkW6g01yekz0SoVU8xP8yUb7aliJAgQWIe-Cp2QkG9UvtOGT5vNZAVlEuhBO9Zu-482KxQXuGZKdZ1__1ATT',
        },
      ],
      negatives: [
        'Step 1.A: 0.AUEA1oNd68Kq84bhFjXdpjWMYnkL.AgABAwEAAADlvzuD3R5jy7eoewXCAx', // segments too short
        'version 1.AVIB_SlT6PfXxa8v7MAyJFefSbhZA9G_M1H5gJ22wh_XQkG84K_qMN.BgBAwEAAADW6vuNTmzC7PyG-3zuhR1BVnVISJRSNQDi-tYAUnKV8aL_h_bSkZZbw0XwHhV3bVMC0LOrfkKaVgPP6Tuh8Ur3ByN_g03ys0PwOl-MuS4UT3kfHUecmSqDhw462WqSNgJZk2Qk0okkDLYowxvUC8JzPu159xnd9FPqv0LdTL9oxJtB7xmPaS652jo7sdrKhmbPdFQBEPumjErGudwqY3bIG8oNgPys7H6PcXKUIOSRTN3hiaqUpyBrDiYNrOEpSHBnvR01zsIYkrdWjCVRaq0OP8T9fOMGJnWLRdHMS8An8-AVOFSK0G1AN3oqqlhhgBkW6g01yekz0So', // not .Ag
      ],
    },
  },
  {
    // Shared access signatures: the secret is sig=, an HMAC-SHA256 in a query that also has sv=<date>.
    id: 'azure-sas-token',
    name: 'Azure shared access signature (SAS) token',
    category: 'token',
    keywords: ['sig='],
    pattern: String.raw`(?:^|[?&;=\s"'])sig=([A-Za-z0-9%+/]{40,80}={0,2})(?:$|[^A-Za-z0-9%+/=])`,
    validate: isSasSignature,
    examples: {
      positives: [
        {
          text: 'https://billingexports.blob.core.windows.net/reports/q3.csv?sv=2024-11-04&ss=b&srt=o&sp=r&se=2026-12-31T23:59:59Z&spr=https&sig=mBjHLRrvV5oEyyY4zAYXvp0zZmMpYZWRw8pfQj%2BM89U%3D',
          secret: 'mBjHLRrvV5oEyyY4zAYXvp0zZmMpYZWRw8pfQj%2BM89U%3D',
        },
        {
          text: 'AZURE_SAS_TOKEN=sp=racwdl&st=2026-11-01T08:00:00Z&se=2026-11-30T08:00:00Z&sv=2022-11-02&sr=c&sig=QDMT4nd2okLcFQWrDC7u%2FxcsDCDNnuw65J4ZIepgYtA%3D',
          secret: 'QDMT4nd2okLcFQWrDC7u%2FxcsDCDNnuw65J4ZIepgYtA%3D',
        },
      ],
      negatives: [
        '?sv=2024-11-04&sp=r&se=2026-12-31&sig=gSB2vsx8104MntjbeVHQTaauVw7dmc6BoBJ%2BdvP%2BYc', // not 32 bytes
        'https://example.net/a?x=1&sig=gSB2vsx8104MntjbeVHQTaauVw7dmc6BoBJ%2BdvP%2BYcM%3D', // no SAS version or permissions
        'AZURE_BLOB_SAS_TOKEN=sp=rqx&st=2026-11-01T08:00:00Z&se=2026-11-30T08:00:00Z&sv=2022-11-02&sr=c&sig=QDMT4nd2okLcFQWrDC7u%2FxcsDCDNnuw65J4ZIepgYtA%3D', // 'q' is no SAS permission
      ],
    },
  },
  {
    id: 'azure-service-bus-shared-access-key',
    name: 'Azure Service Bus / Event Hubs shared access key',
    category: 'connection_string',
    keywords: ['sharedaccesskey='],
    pattern: String.raw`SharedAccessKey=([A-Za-z0-9+/]{43}=)${E}`,
    minEntropy: 4,
    validate: (_k, ctx) => near(ctx, 400, ['servicebus.windows.net', 'sb://']),
    examples: {
      positives: [
        {
          text: 'Endpoint=sb://orders-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=OlZeTYJRQo/Fv1S2ctm3kPo8Krfqk41phUP8c+6MRzI=',
          secret: 'OlZeTYJRQo/Fv1S2ctm3kPo8Krfqk41phUP8c+6MRzI=',
        },
        'EVENTHUB_CONN="Endpoint=sb://telemetry-ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=sUAZf+gf3bdUKm+eWWyrran9lmQ73Fd8qPrP7yZUZtg=;EntityPath=events"',
      ],
      negatives: [
        'Endpoint=sb://orders-bus.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=<key>',
        'SharedAccessKey=edGCC94yHo/81WQiraG/V0TzaWGzbjmG0iQ+BmfoiY4=', // no namespace endpoint
      ],
    },
  },
  {
    id: 'azure-iot-hub-shared-access-key',
    name: 'Azure IoT Hub shared access key',
    category: 'connection_string',
    keywords: ['sharedaccesskey='],
    pattern: String.raw`SharedAccessKey=([A-Za-z0-9+/]{43}=)${E}`,
    minEntropy: 4,
    validate: (_k, ctx) => near(ctx, 400, ['.azure-devices.net']),
    examples: {
      positives: [
        {
          text: 'HostName=plant-7.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=edGCC94yHo/81WQiraG/V0TzaWGzbjmG0iQ+BmfoiY4=',
          secret: 'edGCC94yHo/81WQiraG/V0TzaWGzbjmG0iQ+BmfoiY4=',
        },
        'HostName=plant-7.azure-devices.net;DeviceId=press-04;SharedAccessKey=OlZeTYJRQo/Fv1S2ctm3kPo8Krfqk41phUP8c+6MRzI=',
      ],
      negatives: [
        'HostName=plant-7.azure-devices.net;DeviceId=press-04;SharedAccessKey=sUAZf+gf3bdUKm+eWWyrran9lmQ73Fd8qPrP7yZU=',
        'SharedAccessKey=sUAZf+gf3bdUKm+eWWyrran9lmQ73Fd8qPrP7yZUZtg=',
      ],
    },
  },
  {
    // Classic Azure DevOps PATs: 52 chars of lower-case base32, recognised beside an Azure DevOps
    // name or as the password of a dev.azure.com / visualstudio.com URL.
    id: 'azure-devops-pat',
    name: 'Azure DevOps personal access token',
    category: 'token',
    keywords: [
      'azure',
      'devops',
      'ado_',
      'ado-',
      'azdo',
      'vsts',
      'dev.azure.com',
      'visualstudio.com',
    ],
    pattern: String.raw`(?:(?:[Aa][Zz][Uu][Rr][Ee]|[Aa][Dd][Oo]|[Aa][Zz][Dd][Oo]|[Vv][Ss][Tt][Ss]|[Dd][Ee][Vv][Oo][Pp][Ss])[\w.-]{0,20}?${ASSIGN}|//[\w.%-]{0,40}:)([a-z2-7]{52})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'AZURE_DEVOPS_PAT=5owp52xf6snek5zy6aqxcd3lfbkr7haarlxhcdl6k62b2fxtrzde',
          secret: '5owp52xf6snek5zy6aqxcd3lfbkr7haarlxhcdl6k62b2fxtrzde',
        },
        {
          text: 'git clone https://build:qafussbt72ktbsnbzz7ind5qvhooyyrigb6bk2d45gstg5w7sa2n@dev.azure.com/contoso/web/_git/web',
          secret: 'qafussbt72ktbsnbzz7ind5qvhooyyrigb6bk2d45gstg5w7sa2n',
        },
        'ado_token: "ldfxw44qgc7mbndlgk6qqmqraonfyax4x2b5wtj4ykael6xqo275"',
      ],
      negatives: [
        'AZURE_DEVOPS_PAT=5owp52xf6snek5zy6aqxcd3lfbkr7haarlxhcdl6k62b2fxtrzd',
        'AZURE_DEVOPS_PAT=QAFUSSBT72KTBSNBZZ7IND5QVHOOYYRIGB6BK2D45GSTG5W7SA2N',
        'commit ldfxw44qgc7mbndlgk6qqmqraonfyax4x2b5wtj4ykael6xqo275', // no Azure DevOps name
      ],
    },
  },
  {
    // 84-char PATs in Microsoft's common annotated key format: "JQQJ99" at 52, "AZDO" at 76
    // (an 88-char long form appends 2 chars and "==").
    id: 'azure-devops-pat-v2',
    name: 'Azure DevOps personal access token (84-char format)',
    category: 'token',
    keywords: ['jqqj99'],
    pattern: String.raw`\b([A-Za-z0-9]{52}JQQJ99[A-Za-z0-9][A-L][A-Za-z0-9]{16}AZDO[A-Za-z0-9]{4}(?:[A-Za-z0-9]{2}==)?)${E}`,
    minEntropy: 4,
    // The reserved fields are often zero bytes ("AAAA..."), which the global placeholder filter
    // would reject: check only the 52 random chars for placeholders.
    allowRepetitive: true,
    validate: (k) => !isPlaceholderValue(k.slice(0, 52)),
    examples: {
      positives: [
        {
          text: 'AZURE_DEVOPS_EXT_PAT=U9stWilkhqsPoFggdVST3IVRYIV4KJN4mMxZ6tPmJ2pD1E0aRZH9JQQJ99DCVmzf8piKkZg9OEVxAZDOARWj',
          secret:
            'U9stWilkhqsPoFggdVST3IVRYIV4KJN4mMxZ6tPmJ2pD1E0aRZH9JQQJ99DCVmzf8piKkZg9OEVxAZDOARWj',
        },
        'K8b9jPHa6mh1N39GxqCKayCzXz6VIowTvnlUCMghVbuLKQlBUQLKJQQJ99cAO4IyVPDEaPm0z55yAZDOA6xA',
        'pat: K8b9jPHa6mh1N39GxqCKayCzXz6VIowTvnlUCMghVbuLKQlBUQLKJQQJ99cAO4IyVPDEaPm0z55yAZDOA6xAk7==',
        'AZDO_PAT=' +
          'U9stWilkhqsPoFggdVST3IVRYIV4KJN4mMxZ6tPmJ2pD1E0aRZH9JQQJ99DCVmzf8piKkZg9OEVxAZDOARWj'.slice(
            0,
            60,
          ) +
          'ACAAAAAAAAAAAAAS' +
          'AZDO' +
          'U9stWilkhqsPoFggdVST3IVRYIV4KJN4mMxZ6tPmJ2pD1E0aRZH9JQQJ99DCVmzf8piKkZg9OEVxAZDOARWj'.slice(
            -4,
          ),
      ],
      negatives: [
        'LNTpFqlAHexf5DjPatRjiCM19LSdUFc9eITdWmK6fqnQ5jyOsMADJQQJ99GFzTkCVtf86s17LboFAZDOKO3',
        'LNTpFqlAHexf5DjPatRjiCM19LSdUFc9eITdWmK6fqnQ5jyOsMADJQQJ99GFzTkCVtf86s17LboFAZDOKO3yx',
        'x'.repeat(52) + 'JQQJ99ALACAAAAAAAAAAAAASAZDO1e4d', // placeholder random part
      ],
    },
  },
  {
    id: 'azure-app-configuration-connection-string',
    name: 'Azure App Configuration connection string',
    category: 'connection_string',
    keywords: ['azconfig.io'],
    pattern: String.raw`Endpoint=https://[A-Za-z0-9-]{1,60}\.azconfig\.io;Id=[A-Za-z0-9+/=:_-]{1,40};Secret=([A-Za-z0-9+/]{43}=|[A-Za-z0-9]{84})${E}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'APPCONFIG_CONNECTION_STRING="Endpoint=https://shop-settings.azconfig.io;Id=k3Pq-l9-s0:Xr4mVb2nQ8;Secret=OlZeTYJRQo/Fv1S2ctm3kPo8Krfqk41phUP8c+6MRzI="',
          secret: 'OlZeTYJRQo/Fv1S2ctm3kPo8Krfqk41phUP8c+6MRzI=',
        },
        'Endpoint=https://shop-settings.azconfig.io;Id=0-l9-s0:T7u;Secret=sUAZf+gf3bdUKm+eWWyrran9lmQ73Fd8qPrP7yZUZtg=',
      ],
      negatives: [
        'Endpoint=https://shop-settings.azconfig.io;Id=0-l9-s0:T7u;Secret=<secret>',
        'Endpoint=https://shop-settings.azconfig.io;Secret=sUAZf+gf3bdUKm+eWWyrran9lmQ73Fd8qPrP7yZUZtg=',
      ],
    },
  },
  {
    id: 'azure-function-key',
    name: 'Azure Functions access key',
    category: 'api_key',
    keywords: ['azurewebsites.net', 'x-functions-key'],
    pattern: String.raw`(?:\.azurewebsites\.net/api/[A-Za-z0-9/_-]{1,40}\?(?:[\w%.=+-]{0,40}&)?code=|${ci('x-functions-key')}${ASSIGN})([A-Za-z0-9_/+-]{40,56}={0,2})(?:$|[^A-Za-z0-9_/+=-])`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'curl "https://orders-api.azurewebsites.net/api/Reconcile?code=ZA5MnludtBXeJTgSkg9udkDoFP-1V3c0_VMr9lnZzhkvgb_FlOlFCS=="',
          secret: 'ZA5MnludtBXeJTgSkg9udkDoFP-1V3c0_VMr9lnZzhkvgb_FlOlFCS==',
        },
        {
          text: 'x-functions-key: 799i4EGyrmhsR1UT6K6KvoLF6SwLfdNdKjauiGTUeQDtp6TzbHYzuE==',
          secret: '799i4EGyrmhsR1UT6K6KvoLF6SwLfdNdKjauiGTUeQDtp6TzbHYzuE==',
        },
      ],
      negatives: [
        'https://orders-api.azurewebsites.net/api/Reconcile?code=short',
        'https://orders-api.azurewebsites.net/api/Reconcile?name=ZlScr59um38IlaEJdQ-GDNT62H4ykUONlyM1QXSfH1cx3j-ve4_TAf==',
      ],
    },
  },
  {
    // Container registry access keys carry the "+ACR" signature at a fixed offset.
    id: 'azure-container-registry-key',
    name: 'Azure Container Registry access key',
    category: 'credentials',
    keywords: ['+acr'],
    pattern: String.raw`(?:^|[^A-Za-z0-9+/_-])([A-Za-z0-9+/]{42}\+ACR[A-D][A-Za-z0-9+/]{5})${E}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'docker login contoso.azurecr.io -u contoso -p fagyr2SWIp6SK/Rr+oOnJvQlF3MItVvfpAz3nxn1+g+ACRDFQfmv',
          secret: 'fagyr2SWIp6SK/Rr+oOnJvQlF3MItVvfpAz3nxn1+g+ACRDFQfmv',
        },
        'ACR_PASSWORD=nwLiK1drekleyiT5FW1TaEDY++MkXlomiPtQ66278/+ACRCJSiIF',
      ],
      negatives: [
        'HHyiTLqoDXH2cjEfH3Jm4Lj91zWyIvFjoUsEfiL+Ie+ACRCPMXc',
        'HHyiTLqoDXH2cjEfH3Jm4Lj91zWyIvFjoUsEfiL+Ie+ACRCPMXctZ',
      ],
    },
  },
  {
    // Cognitive Search admin and query keys carry the "AzSe" signature at a fixed offset.
    id: 'azure-search-key',
    name: 'Azure AI Search API key',
    category: 'api_key',
    keywords: ['azse'],
    pattern: String.raw`\b([A-Za-z0-9]{42}AzSe[A-D][A-Za-z0-9]{5})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'api-key: lU97thFxuPBoj4Px9Q4T1IMgAdEJTAAmT4wvs65P7XAzSeDKhrNd',
          secret: 'lU97thFxuPBoj4Px9Q4T1IMgAdEJTAAmT4wvs65P7XAzSeDKhrNd',
        },
        'AZURE_SEARCH_ADMIN_KEY=eh9qrqXIlMO97QVpa4rlgFvPynIVoCkZLXj96SflhMAzSeC81JUj',
      ],
      negatives: [
        'YKkqCMaQ5wFSPNCjuBDwz1ff8goGaxAWrPyuv4IC4SAzSeBRrJB',
        'YKkqCMaQ5wFSPNCjuBDwz1ff8goGaxAWrPyuv4IC4SAzSeBRrJByx',
      ],
    },
  },
  {
    // Azure OpenAI keys are 32 hex: only beside an *.openai.azure.com endpoint or Azure OpenAI name.
    id: 'azure-openai-api-key',
    name: 'Azure OpenAI API key',
    category: 'api_key',
    keywords: ['openai.azure.com', 'azure_openai', 'azure-openai', 'azureopenai'],
    pattern: String.raw`${ci('(?:api[_-]?key|openai[_-]?key)')}[\w-]{0,10}${SEP}([a-f0-9]{32})${EW}`,
    // A pasted client debug log names the endpoint once and the api-key header a few lines later.
    window: 1024,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'AZURE_OPENAI_ENDPOINT=https://support-bot.openai.azure.com/\nAZURE_OPENAI_API_KEY=a0009cb30de5bc2f88526d9eff5a6c06',
          secret: 'a0009cb30de5bc2f88526d9eff5a6c06',
        },
        'openai.api_base = "https://support-bot.openai.azure.com/"\nopenai.api_key = "54f900f65556a27b18eaf955a96baf4e"',
        {
          text:
            "DEBUG message='Request to OpenAI API' method=post path=https://support-bot.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-06-01\n" +
            'DEBUG api_version=2024-06-01 data=\'{"messages": [{"role": "user", "content": "Summarise ticket SUP-4411 for the weekly report, keep it under 120 words"}], "temperature": 0.2}\' message=\'Post details\'\n' +
            "DEBUG headers {'User-Agent': 'AzureOpenAI/Python 1.40.0', 'Content-Type': 'application/json', 'api-key': 'c81f5e0a9b3d47e2a6f04d18b7c92e35'}",
          secret: 'c81f5e0a9b3d47e2a6f04d18b7c92e35',
        },
      ],
      negatives: [
        'OPENAI_API_KEY=dae230b8f1c4e404f86059a90e2dacbc',
        'AZURE_OPENAI_API_KEY=${AZURE_OPENAI_API_KEY}',
      ],
    },
  },
  {
    id: 'azure-apim-subscription-key',
    name: 'Azure API Management subscription key',
    category: 'api_key',
    keywords: ['ocp-apim-subscription-key', 'apim', 'azure-api.net'],
    pattern: String.raw`(?:${ci('(?:ocp-apim-subscription|subscription[_-]?)key')}|${ci('apim')}[\w-]{0,20}?${ci('key')})[\w-]{0,10}${ASSIGN}([a-f0-9]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'curl -H "Ocp-Apim-Subscription-Key: 033a82dbe632104643b601f75c5e14c3" https://gw.azure-api.net/orders',
          secret: '033a82dbe632104643b601f75c5e14c3',
        },
        'APIM_SUBSCRIPTION_KEY=cda14fbddbac6560739fc960e8b3108d',
      ],
      negatives: [
        'Ocp-Apim-Subscription-Key: c45962e24c30c76164d49192c66f2d0',
        'subscription_key = c45962e24c30c76164d49192c66f2d04',
      ],
    },
  },
  {
    // The direct management API's primary/secondary keys (64 random bytes) have no signature of
    // their own: only beside the instance's *.management.azure-api.net endpoint. Format and
    // context: https://learn.microsoft.com/en-us/rest/api/apimanagement/apimanagementrest/azure-api-management-rest-api-authentication
    // and TruffleHog's azuredirectmanagementkey detector.
    id: 'azure-apim-direct-management-key',
    name: 'Azure API Management direct management API key',
    category: 'api_key',
    keywords: ['.management.azure-api.net'],
    pattern: String.raw`(?:^|[^A-Za-z0-9+/_-])(${KEY_64})${E}`,
    window: 400,
    // A key that a named detector claims (a storage account key on the same page) stays that one.
    priority: -1,
    minEntropy: 4.5,
    examples: {
      positives: [
        {
          text: 'AZURE_APIM_MANAGEMENT_URL=https://contoso.management.azure-api.net\nAZURE_APIM_MANAGEMENT_KEY=3kTeIDKuhVEZzkrKao7X1tOMQrzMsL7PS7sqov9YjUk/evyyupU0/TmU/6QssglatD6heL3Pl6SUndW+AxxAsw==',
          secret:
            '3kTeIDKuhVEZzkrKao7X1tOMQrzMsL7PS7sqov9YjUk/evyyupU0/TmU/6QssglatD6heL3Pl6SUndW+AxxAsw==',
        },
        {
          text: 'The nightly export fails with 401 against https://orders-apim.management.azure-api.net/subscriptions?api-version=2014-02-14-preview, primary key used: HXLmEcIQ1t9KimFY2dmNhRlpvvdI1Ko5yjHqtH97clEvWWv4uaBfMpO2ugdIA8ABOvQAQFaqb1XDL+gn5xY3QA==',
          secret:
            'HXLmEcIQ1t9KimFY2dmNhRlpvvdI1Ko5yjHqtH97clEvWWv4uaBfMpO2ugdIA8ABOvQAQFaqb1XDL+gn5xY3QA==',
        },
      ],
      negatives: [
        'Enabled the direct management API on https://contoso.management.azure-api.net; the primary key is in Key Vault (apim-mgmt-primary), not here.',
        'https://contoso.management.azure-api.net returned 401 with key HXLmEcIQ1t9KimFY2dmNhRlpvvdI1Ko5yjHqtH97clEvWWv4uaBfMpO2ugdIA8ABOvQAQFaqb1XDL+gn5xY3QB==', // not canonical base64 of 64 bytes
        'SLbcTaVhSkBvxqqhOLC8Y0TYeZHLF/a0S45LtjrLIonKBQ2IRw+PX/jDT4FkMclJhMjHF9k7KUlWQqLZPkNTWA== was pasted without any endpoint',
      ],
    },
  },
  {
    // The Git user's password for an API Management configuration repository is a user token:
    // git&<expiry yyyyMMddHHmm>&<base64 HMAC-SHA512>, as New-AzApiManagementUserToken prints it:
    // https://learn.microsoft.com/en-us/powershell/module/az.apimanagement/new-azapimanagementusertoken
    // It opens nothing without the repository, so only beside a *.scm.azure-api.net host.
    id: 'azure-apim-git-access-token',
    name: 'Azure API Management Git access token',
    category: 'token',
    keywords: ['.scm.azure-api.net'],
    window: 400,
    pattern: String.raw`\b(git&[0-9]{12}&${KEY_64})${E}`,
    minEntropy: 4,
    validate: isApimUserToken,
    examples: {
      positives: [
        {
          text: 'git clone https://apim:git&202612061530&yJA/4mIkZnxsCWtflsDMwK740DBMu98sLHmDWizmTgF4Iq1n45L4wnVElyuvqUg3//6HXTOMLr76HX87ViUc7A==@contoso.scm.azure-api.net/',
          secret:
            'git&202612061530&yJA/4mIkZnxsCWtflsDMwK740DBMu98sLHmDWizmTgF4Iq1n45L4wnVElyuvqUg3//6HXTOMLr76HX87ViUc7A==',
        },
        {
          text: 'APIM_GIT_URL=https://contoso.scm.azure-api.net\nAPIM_GIT_PASSWORD=git&202701011200&pwcgkHKdF8Qnhqy1abJPKJfZOo9JvSdjQTJYmIlMGqyYdZa8AxkyjnOVr/uDi5/MoPSnKzbo9HGhFhNYmhNktA==',
          secret:
            'git&202701011200&pwcgkHKdF8Qnhqy1abJPKJfZOo9JvSdjQTJYmIlMGqyYdZa8AxkyjnOVr/uDi5/MoPSnKzbo9HGhFhNYmhNktA==',
        },
      ],
      negatives: [
        'Generated a new git token for contoso.scm.azure-api.net (git&<expiry>&<signature>), it is in the pipeline library.',
        'APIM_GIT_URL=https://contoso.scm.azure-api.net\nAPIM_GIT_PASSWORD=git&202613451299&pwcgkHKdF8Qnhqy1abJPKJfZOo9JvSdjQTJYmIlMGqyYdZa8AxkyjnOVr/uDi5/MoPSnKzbo9HGhFhNYmhNktA==', // month 13
        'APIM_GIT_URL=https://contoso.scm.azure-api.net\nAPIM_GIT_PASSWORD=git&202701011200&pwcgkHKdF8Qnhqy1abJPKJfZOo9JvSdjQTJYmIlMGqyYdZa8AxkyjnOVr/uDi5/MoPSnKzbo9HGhFhNYmhNkt3==', // not canonical base64
        'Deploy log: pushed with git&202701011200&pwcgkHKdF8Qnhqy1abJPKJfZOo9JvSdjQTJYmIlMGqyYdZa8AxkyjnOVr/uDi5/MoPSnKzbo9HGhFhNYmhNktA== to https://git.acme.test/apim-config', // no API Management host
      ],
    },
  },
]);

// Revoke or rotate: Microsoft Learn, "Manage storage account access keys" (rotate keys).
guidance('azure', {
  steps:
    "Regenerate the leaked key in the Azure portal (storage, Cosmos DB, Service Bus, Event Hubs, IoT Hub, Search, Azure OpenAI and App Configuration resources each have a Keys or Access keys page; switch clients to the other key first), delete a leaked Entra ID client secret from the app registration's Certificates & secrets, and revoke a leaked Azure DevOps personal access token under User settings > Personal access tokens. SAS tokens stop only when the key that signed them is regenerated or their policy is removed.",
  url: 'https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage?tabs=azure-portal',
});
