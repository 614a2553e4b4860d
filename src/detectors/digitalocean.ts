// DigitalOcean tokens (vendor token format): "do" + p (personal), o (OAuth), r (refresh) +
// "_v1_" + 64 hex. Spaces access keys: "DO00" or "DO80" + 16 upper-case letters and digits, with a 43-char
// base64 secret (reported only after a Spaces/DigitalOcean secret name).
// https://docs.digitalocean.com/products/spaces/how-to/manage-access/#access-keys
import { ASSIGN, EW, family, near } from './define.js';
import { guidance } from './guidance.js';

const token = (kind: string): string => String.raw`\b(do${kind}_v1_[a-f0-9]{64})${EW}`;

export default family('digitalocean', [
  {
    id: 'digitalocean-personal-access-token',
    name: 'DigitalOcean personal access token',
    category: 'token',
    keywords: ['dop_v1_'],
    pattern: token('p'),
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'export DIGITALOCEAN_ACCESS_TOKEN=dop_v1_98fb15a2fffa68535d72e5aab0c9df8dd118a1b2a96b19f6f415ed1d40d5d959',
          secret: 'dop_v1_98fb15a2fffa68535d72e5aab0c9df8dd118a1b2a96b19f6f415ed1d40d5d959',
        },
        'doctl auth init -t dop_v1_8d9d7f732e018f3811b725429f26edb75d54a1f6acdb045595c6d982ee902e4d',
      ],
      negatives: [
        'dop_v1_7a1ebf341a22960ba85f3777d3e805807b421ade14ab48efcfbf303434ffb1b',
        'dop_v1_7A1EBF341A22960BA85F3777D3E805807B421ADE14AB48EFCFBF303434FFB1BE',
        'dop_v2_7a1ebf341a22960ba85f3777d3e805807b421ade14ab48efcfbf303434ffb1be',
      ],
    },
  },
  {
    id: 'digitalocean-oauth-token',
    name: 'DigitalOcean OAuth access token',
    category: 'token',
    keywords: ['doo_v1_'],
    pattern: token('o'),
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'Authorization: Bearer doo_v1_0bc35ad7a055141da3cbff747347f2a247223c9aa088090018157a6171d660bd',
          secret: 'doo_v1_0bc35ad7a055141da3cbff747347f2a247223c9aa088090018157a6171d660bd',
        },
        '"access_token": "doo_v1_8c771a7ad0c0d59ae884992e87ac238ef6d9e82c966aba488df48ce6eb954131"',
      ],
      negatives: [
        'doo_v1_8c771a7ad0c0d59ae884992e87ac238ef6d9e82c966aba488df48ce6eb95413',
        'doo_v1_' + '0'.repeat(64),
      ],
    },
  },
  {
    id: 'digitalocean-refresh-token',
    name: 'DigitalOcean OAuth refresh token',
    category: 'token',
    keywords: ['dor_v1_'],
    pattern: token('r'),
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: '"refresh_token": "dor_v1_7845715bf0f1d952323836690276b90045f09276204f8518674b160efcece91e"',
          secret: 'dor_v1_7845715bf0f1d952323836690276b90045f09276204f8518674b160efcece91e',
        },
        'DO_REFRESH_TOKEN=dor_v1_5bd5876e4263efd87cd5fe601f27edb1c91bcff87815215ebe92c50174c30acc',
      ],
      negatives: [
        'dor_v1_5bd5876e4263efd87cd5fe601f27edb1c91bcff87815215ebe92c50174c30ac',
        'xdor_v1_e4c48950ee348cc23e08312d10d22d05449a7e70f3b74217bb44225e81cef3cc',
      ],
    },
  },
  {
    id: 'digitalocean-spaces-access-key-id',
    name: 'DigitalOcean Spaces access key id',
    category: 'credentials',
    keywords: ['do00', 'do80'],
    pattern: String.raw`\b(DO[08]0[A-Z0-9]{16})${EW}`,
    validate: (s) => /[A-Z]/.test(s.slice(4)) && /[0-9]/.test(s.slice(4)),
    minEntropy: 3.2,
    examples: {
      positives: [
        { text: 'SPACES_KEY=DO00441NBV877T1PVZWG', secret: 'DO00441NBV877T1PVZWG' },
        { text: 'DO_SPACES_KEY=DO80GW85SL51VXC45UD3', secret: 'DO80GW85SL51VXC45UD3' },
        {
          text: 'aws s3 ls --endpoint-url https://fra1.digitaloceanspaces.com # key DO00GW85SL51VXC45UD3',
          secret: 'DO00GW85SL51VXC45UD3',
        },
      ],
      negatives: [
        'SPACES_KEY=DO00441NBV877T1PVZW', // 19 chars
        'DO42441NBV877T1PVZWG',
        'SPACES_KEY=DO00XXXXXXXXXXXXXXXX',
        'SPACES_KEY=DO00441nbv877t1pvzwg',
      ],
    },
  },
  {
    id: 'digitalocean-spaces-secret-key',
    name: 'DigitalOcean Spaces secret key',
    category: 'credentials',
    // Not bare 'spaces' (tabs vs spaces): the variable names and the key id wake this rule.
    keywords: ['spaces_secret', 'spaces-secret', 'do00', 'do80', 'digitalocean'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])(?:(?:do|spaces|digitalocean)[\w.-]{0,20}?secret(?:[_-]?access)?(?:[_-]?key)?|aws_secret_access_key)${ASSIGN}([A-Za-z0-9+/]{43})(?:$|[^A-Za-z0-9_+/=-])`,
    validate: (_s, ctx) => near(ctx, 300, ['spaces', 'do00', 'do80', 'digitalocean']),
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'SPACES_KEY=DO00441NBV877T1PVZWG\nSPACES_SECRET=U5j4L8EFrmCFRXjucGSir0esDOqsSiogzxOzDej7b31',
          secret: 'U5j4L8EFrmCFRXjucGSir0esDOqsSiogzxOzDej7b31',
        },
        {
          text: '[do]\naws_access_key_id = DO00GW85SL51VXC45UD3\naws_secret_access_key = qGjRpfFTHsuaisa1sA19Ukn8JO+vNVOWU1mbousdVvg',
          secret: 'qGjRpfFTHsuaisa1sA19Ukn8JO+vNVOWU1mbousdVvg',
        },
      ],
      negatives: [
        'SPACES_SECRET=${SPACES_SECRET}',
        'aws_secret_access_key = qGjRpfFTHsuaisa1sA19Ukn8JO+vNVOWU1mbousdVvg', // no Spaces context
        'DO_SPACES_SECRET=U5j4L8EFrmCFRXjucGSir0esDOqsSiogzxOzDej7b3', // 42
      ],
    },
  },
]);

// Revoke or rotate: DigitalOcean Docs, "How to Create a Personal Access Token" ("If a token becomes compromised, delete it to revoke that token's access").
guidance('digitalocean', {
  steps:
    "In the DigitalOcean control panel (API > Tokens) delete the leaked personal access token, or regenerate it; an OAuth app's client secret is reset on the app's page and a Spaces access key is deleted under Spaces Keys. Create a replacement with only the scopes it needs, update the tools that used it (doctl, Terraform, CI), and check the team's security history for actions you did not take.",
  url: 'https://docs.digitalocean.com/reference/api/create-personal-access-token/',
});
