// HashiCorp Vault tokens (Vault 1.10+ prefixes hvs./hvb./hvr.), Vault unseal keys and Terraform
// Cloud/Enterprise API tokens.
// https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes
import { decodeBase64 } from '../engine/checks/radix.js';
import { ASSIGN, E, EW, family } from './define.js';
import { guidance } from './guidance.js';

export default family('hashicorp', [
  {
    // Service tokens: "hvs." + 24 chars, or a ~95-char base64url protobuf ("CAES...", head matched).
    id: 'hashicorp-vault-service-token',
    name: 'HashiCorp Vault service token',
    category: 'token',
    keywords: ['hvs.'],
    pattern: String.raw`\b(hvs\.(?:CAES[A-Za-z0-9_-]{80}|[A-Za-z0-9]{24}))`,
    minEntropy: 3.5,
    // The short form must end there; the long form is matched by its head.
    validate: (t, ctx) =>
      t.length === 28
        ? !/[A-Za-z0-9_-]/.test(ctx.text.charAt(ctx.matchEnd))
        : decodeBase64(t.slice(4)) !== undefined,
    examples: {
      positives: [
        'export VAULT_TOKEN=hvs.CAESIFbG-wYV2GR5D5NuvbtWJ9OuA-BpA44ZGFURBN5hPFOsNKzpfp-WfpzdV_0y9skI2vVAdNOV15600izgeeaYnxF',
        {
          text: 'X-Vault-Token: hvs.Wg0nwGEXMdFZDaCP16KGGHyk',
          secret: 'hvs.Wg0nwGEXMdFZDaCP16KGGHyk',
        },
        'vault login hvs.CAESIBcFvBKHas6vow6QODxYN_q4O2GaxSyvscip6RRfadClWHt76bqPRWTUqDUpgUB_sQdVZ7COWl5bwNgphIG3kzt',
      ],
      negatives: ['hvs.' + 'x'.repeat(96), 'hvs.zrr3IqERRqioDI4PcD1Skqo', 'hvs.abcdefghijklmnopqr'],
    },
  },
  {
    // Batch tokens are 140-300 chars of base64url; the finding covers a 120-char head.
    id: 'hashicorp-vault-batch-token',
    name: 'HashiCorp Vault batch token',
    category: 'token',
    keywords: ['hvb.'],
    pattern: String.raw`\b(hvb\.[A-Za-z0-9_-]{120})`,
    minEntropy: 4,
    validate: (t) => decodeBase64(t.slice(4)) !== undefined,
    examples: {
      positives: [
        'VAULT_TOKEN="hvb.AAAAAQUTafoPYi0oc5xH671EJvm84pffgjez1eUmGoM5m-pDdzUnXV7RrO9ixneoz6a-6AVzb5KMnFpQr0jJeySThHS2NgSJwSKgNc97r8_Qjh98ptIgMdFW6dUcE3n__mfNu_czgigdmlUkk836ZmNaQOdI"',
        'hvb.AAAAAQXGIZqvTlpQ6x83ceboiOvnvIx7QNnO2hSA6LYFPq4By1HeEzgVWkvJju2svKTuNSETaBPF2ejLK4AhZviJNxAc_iYRuh_R0KJhk__NxBO3kZESV1pr2YAjZ2_PnxlVE0lIWaXpr7Ylr_IJpBs6RlCq',
      ],
      negatives: ['hvb.shorttoken', 'hvb.' + 'c'.repeat(150)],
    },
  },
  {
    id: 'hashicorp-vault-recovery-token',
    name: 'HashiCorp Vault recovery token',
    category: 'token',
    keywords: ['hvr.'],
    pattern: String.raw`\b(hvr\.[A-Za-z0-9_-]{24,120})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'recovery token: hvr.bqwijDeLKupzLuTc6TNdxHGZ',
          secret: 'hvr.bqwijDeLKupzLuTc6TNdxHGZ',
        },
        'VAULT_TOKEN=hvr.wErTcfFx1y9x71pkUDv7Ev0c',
      ],
      negatives: ['hvr.short', 'hvr.' + 'a'.repeat(30)],
    },
  },
  {
    // Pre-1.10 tokens are "s." + 24 chars: too generic alone, so only right after a Vault name.
    id: 'hashicorp-vault-legacy-token',
    name: 'HashiCorp Vault token (legacy format)',
    category: 'token',
    keywords: ['vault'],
    pattern: String.raw`[Vv][Aa][Uu][Ll][Tt][\w .:'"=\x60\\-]{0,40}?[\s'"=:\x60\\](s\.[A-Za-z0-9]{24})${EW}`,
    minEntropy: 3.5,
    // Real tokens mix cases and digits; "s.SomeCamelCaseIdentifier" does not.
    validate: (t) => /\d/.test(t) && /[A-Z]/.test(t) && /[a-z]/.test(t.slice(2)),
    examples: {
      positives: [
        {
          text: 'export VAULT_TOKEN=s.vJ3FlPmSoFUdgvNrNGBnMFX0',
          secret: 's.vJ3FlPmSoFUdgvNrNGBnMFX0',
        },
        { text: 'X-Vault-Token: s.pjUgtyo20bkJCilleKGEMyQp', secret: 's.pjUgtyo20bkJCilleKGEMyQp' },
        'vault login s.T5OBfEpNKIBzOMPIVmhGBf1b',
      ],
      negatives: [
        'VAULT_TOKEN=s.AcceptanceTimeoutSecondsX',
        'token: s.vJ3FlPmSoFUdgvNrNGBnMFX0', // no Vault name
        'VAULT_TOKEN=s.pjUgtyo20bkJCilleKGEMyQ',
      ],
    },
  },
  {
    // Terraform Cloud / Enterprise tokens: 14 chars, ".atlasv1.", 60-70 chars.
    id: 'hashicorp-terraform-api-token',
    name: 'Terraform Cloud / Enterprise API token',
    category: 'token',
    keywords: ['.atlasv1.'],
    pattern: String.raw`\b([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'credentials "app.terraform.io" { token = "JTLl9gzsD08QuS.atlasv1.InEzQVSO1pXDpOrHOGeofVrlYbPzVSqb_jnSlnLwenuTkztZAQoZ4jj2mG0dPK3aAFT" }',
          secret:
            'JTLl9gzsD08QuS.atlasv1.InEzQVSO1pXDpOrHOGeofVrlYbPzVSqb_jnSlnLwenuTkztZAQoZ4jj2mG0dPK3aAFT',
        },
        'TF_TOKEN_app_terraform_io=6TJKBR6ZvJwH32.atlasv1.Dk82Y0jTTbQ51wV6EvEktlJbxJlmd_RmNewOwhAPTcMwrMd7cM4CE79vuQDOoJK2snp',
      ],
      negatives: [
        'token = "xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
        '42iyFT3WUDEW4G.atlasv1.POBQTCALtS4okcNCk8WSG0vehyiuzIFvx9Y2ON8daQ1rkkgwqsClThNGfIs5HF5TY1b'.slice(
          0,
          40,
        ),
      ],
    },
  },
  {
    // Unseal (and recovery) key shares, as printed by `vault operator init` and typed into
    // `vault operator unseal`: base64 of a 32-byte key or a 33-byte Shamir share. No prefix, so
    // only after those words. https://developer.hashicorp.com/vault/docs/commands/operator/init
    id: 'hashicorp-vault-unseal-key',
    name: 'HashiCorp Vault unseal key',
    category: 'private_key',
    keywords: ['unseal'],
    pattern: String.raw`(?:[Uu]nseal[ _-]?[Kk]ey[ _-]?[0-9]{0,2}|[Rr]ecovery [Kk]ey [0-9]{1,2}|operator unseal)${ASSIGN}([A-Za-z0-9+/]{43}[A-Za-z0-9+/=])${E}`,
    minEntropy: 4,
    validate: (k) => {
      const n = decodeBase64(k)?.length;
      return n === 32 || n === 33;
    },
    examples: {
      positives: [
        {
          text: 'Unseal Key 1: poaaLFkKFJkfvgK/zDyWj87ukUaXI6ZJrmo79DPIkgzc\nUnseal Key 2: WljNHStVgEVbwslYK4RArgyKKNphumUFJdUo/wqpU5HG',
          secret: 'poaaLFkKFJkfvgK/zDyWj87ukUaXI6ZJrmo79DPIkgzc',
        },
        {
          text: 'kubectl exec vault-0 -- vault operator unseal WljNHStVgEVbwslYK4RArgyKKNphumUFJdUo/wqpU5HG',
          secret: 'WljNHStVgEVbwslYK4RArgyKKNphumUFJdUo/wqpU5HG',
        },
      ],
      negatives: [
        'vault operator unseal $VAULT_UNSEAL_KEY_1',
        'Unseal Key 1: <redacted>',
        'Unseal Key 1: QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=', // 26 bytes, not a key share
      ],
    },
  },
]);

// Revoke or rotate: HashiCorp Vault docs, "token revoke" (Terraform Cloud tokens are deleted in its user, team or organization token settings).
guidance('hashicorp', {
  steps:
    "Revoke a leaked Vault token with `vault token revoke <token>` (or `-accessor` when only its accessor is known; children are revoked with it); for a leaked root or recovery token, revoke it and generate a new one only when needed; leaked unseal keys call for `vault operator rekey`. A Terraform Cloud or Enterprise API token is deleted in its user, team or organization token settings. Then read Vault's audit log for its use.",
  url: 'https://developer.hashicorp.com/vault/docs/commands/token/revoke',
});
