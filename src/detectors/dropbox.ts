// Dropbox OAuth tokens: short-lived "sl." / "sl.u." access tokens, and legacy long-lived tokens
// of 11 chars + "AAAAAAAAAA" + 43 chars. https://developers.dropbox.com/oauth-guide
import { isPlaceholderValue } from '../engine/placeholder.js';
import { ASSIGN, E, EW, family } from './define.js';
import { guidance } from './guidance.js';

// Long-lived tokens contain ten 'A's by design, so the global repetition filter is off for them;
// the random parts around the run get the placeholder check instead.
function randomAroundRun(token: string): boolean {
  const head = token.slice(0, 11);
  const tail = token.slice(21);
  return !/^A{11}$/.test(head) && !isPlaceholderValue(head) && !isPlaceholderValue(tail);
}

export default family('dropbox', [
  {
    // "sl." alone would match SSL-ish text; the token is taken only near the word Dropbox.
    id: 'dropbox-short-lived-token',
    name: 'Dropbox short-lived access token',
    category: 'token',
    keywords: ['dropbox'],
    window: 512,
    pattern: String.raw`\b(sl\.[A-Za-z0-9_-]{120,220})${EW}`,
    minEntropy: 4.5,
    examples: {
      positives: [
        {
          text: 'DROPBOX_ACCESS_TOKEN=sl.NAU67AOV-AnZYlekLvgWZ85JQD1sUz-3oUhEL8NAfnKf9x4NmaLCL9VqB7w341scYaYhosNg4Cp1MgroD_ZLajzi9enSCagXFLQgx8AAECeF3EXDTK0zaRLhm80rwTerFyDLJYs',
          secret:
            'sl.NAU67AOV-AnZYlekLvgWZ85JQD1sUz-3oUhEL8NAfnKf9x4NmaLCL9VqB7w341scYaYhosNg4Cp1MgroD_ZLajzi9enSCagXFLQgx8AAECeF3EXDTK0zaRLhm80rwTerFyDLJYs',
        },
        {
          text: 'dbx = dropbox.Dropbox("sl.BzK3lq8xUe2v-4TnW9cYfR0aPdJhM6oGs1iLQ7bVtXyZkC5uNwE_jHrF8gD2sAmOp3eYqT0vKnLcU9xW4bI6zRhN1dGf7tJoP5kMaSy8QwVe2rLuHxCiB3nTgD0jF-Zs4oKqXpY7vA1lEcW9mU6bN")',
          secret:
            'sl.BzK3lq8xUe2v-4TnW9cYfR0aPdJhM6oGs1iLQ7bVtXyZkC5uNwE_jHrF8gD2sAmOp3eYqT0vKnLcU9xW4bI6zRhN1dGf7tJoP5kMaSy8QwVe2rLuHxCiB3nTgD0jF-Zs4oKqXpY7vA1lEcW9mU6bN',
        },
      ],
      negatives: [
        // No Dropbox context.
        'sl.NAU67AOV-AnZYlekLvgWZ85JQD1sUz-3oUhEL8NAfnKf9x4NmaLCL9VqB7w341scYaYhosNg4Cp1MgroD_ZLajzi9enSCagXFLQgx8AAECeF3EXDTK0zaRLhm80rwTerFyDLJYs',
        'DROPBOX_ACCESS_TOKEN=sl.NAU67AOV-AnZYlekLvgWZ85JQD1sUz', // cut short
        'dropbox token: sl.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    // Current short-lived tokens: "sl.u." + ~1400 chars; two bounded runs, as RE2 caps a repeat at 1000.
    id: 'dropbox-short-lived-user-token',
    name: 'Dropbox short-lived access token (sl.u.)',
    category: 'token',
    keywords: ['sl.u.'],
    pattern: String.raw`\b(sl\.u\.[A-Za-z0-9_-]{100,1000}[A-Za-z0-9_-]{0,600})${EW}`,
    minEntropy: 4.5,
    examples: {
      positives: [
        {
          text: 'DROPBOX_ACCESS_TOKEN=sl.u.AF9b_jxt89HgVhoCcVkwu_jgoSmRzdMSiEG4HveHwDo1FnOQ79j2uiyZhdc-9DfUMGIU7uP_DlACjnWmD2r1AIuBIFKJkaiWeh-3AmSn992OlyIlnvPZO-MqwHNsA6fmgZZKQV3mDewjnPmZJUB9Noj5Add31_IMQWToEIV8uWm3JjdX17at7LYsThaOHY93COXvTj4rohwDw0aqNmqxEPcUJtzHM1SM6YhFpdI70EJKLQKu2AI1eLPC4_W_XbWQHSUfXSS3ojqkDg9dKPzQZNTkHfBAzDpyEDMyjxkTrRYotrhe-rGX4p7ToF2nXQI3Taj5-yk53789MEFpYsTyhYSW_uqdFRmWeSW1sQ5WoPqL0xgswikHlTU_txIevaDhgsnGL78ZYhBm9ue674nD2pUKxgF7KNwGf1IbQyTKvkNuEPTXx1_CNmIPZNhS1NKX86vwe5F6b3S_0_7utSdcblXWjZn0cXubg6InJFksCIQbswMi2piHTIg-SC0m9AJxZ1GECTS9ZtdUInNQqRh_Vq_MTnGa8DhnsY26w2ZHiNDHfgmzdoBwsu49FQ3BAdebh8aSFY0_Jn4zBaaYQBB3IZJKGQylD2kjF4TWsEE0zWa4KUDizJiwMvIZKp_shPGYcYbPIT4XHvLo3iphwsnj4QstIIue3vTj5WhXjixgrHb4IbVTi2wJGECYmDY_eqXUHdX772V9yTgJADsuMvGw2oX1e87LKBerfp-WIfdIO8Gm2N7aiTZkupPZCTEHbZD4CgJR8OIvu_cDRymSumVMx0c6pLj50ZH4M4HRP53VgrrFtU-nY04SD_r7p6oQF35_Pu9WFoevD3Erric0ZWVfNjWyIlNuwT91HoqzHvBvjdMiNG5c4XDNTr9SM_xdLp4wDFE_FT-d8RcTwUEkKeUxmuz0qaGenf7nAJrgYsmR0ycvTyWEKeiIPEcMBLusYCFP2IoVdv5BzV1K67opEknsUHc_SgB5a_Tu-DklSyngUEx0SXKsDXEZ6hMBEMgA9U1CaGBNAi_nN8-SNnAFnWiX7f6FJimhfZNPV-d4ddC_y0HAzWnWVSBVkZrMj4bPC57dZ5-HI_8LjBf5PlG1PQbRr02bT-HI7weZkfUVb2YR4WPkEF2JVrRftweimVYTzOjsxFNFya6A6gHbxKkZon2b-j6SyhmXjTkOUSgaUKSBtXeUGyqi5PXRXbkdh6XUfR-n1a9_tSc8Kf562jB7Q88bbhZIQwMrw16EtcsJoZCoLyMsJ1aEXqygTQb2tIUN_BVOu306CdNPHUp_8USvliZDLd',
          secret:
            'sl.u.AF9b_jxt89HgVhoCcVkwu_jgoSmRzdMSiEG4HveHwDo1FnOQ79j2uiyZhdc-9DfUMGIU7uP_DlACjnWmD2r1AIuBIFKJkaiWeh-3AmSn992OlyIlnvPZO-MqwHNsA6fmgZZKQV3mDewjnPmZJUB9Noj5Add31_IMQWToEIV8uWm3JjdX17at7LYsThaOHY93COXvTj4rohwDw0aqNmqxEPcUJtzHM1SM6YhFpdI70EJKLQKu2AI1eLPC4_W_XbWQHSUfXSS3ojqkDg9dKPzQZNTkHfBAzDpyEDMyjxkTrRYotrhe-rGX4p7ToF2nXQI3Taj5-yk53789MEFpYsTyhYSW_uqdFRmWeSW1sQ5WoPqL0xgswikHlTU_txIevaDhgsnGL78ZYhBm9ue674nD2pUKxgF7KNwGf1IbQyTKvkNuEPTXx1_CNmIPZNhS1NKX86vwe5F6b3S_0_7utSdcblXWjZn0cXubg6InJFksCIQbswMi2piHTIg-SC0m9AJxZ1GECTS9ZtdUInNQqRh_Vq_MTnGa8DhnsY26w2ZHiNDHfgmzdoBwsu49FQ3BAdebh8aSFY0_Jn4zBaaYQBB3IZJKGQylD2kjF4TWsEE0zWa4KUDizJiwMvIZKp_shPGYcYbPIT4XHvLo3iphwsnj4QstIIue3vTj5WhXjixgrHb4IbVTi2wJGECYmDY_eqXUHdX772V9yTgJADsuMvGw2oX1e87LKBerfp-WIfdIO8Gm2N7aiTZkupPZCTEHbZD4CgJR8OIvu_cDRymSumVMx0c6pLj50ZH4M4HRP53VgrrFtU-nY04SD_r7p6oQF35_Pu9WFoevD3Erric0ZWVfNjWyIlNuwT91HoqzHvBvjdMiNG5c4XDNTr9SM_xdLp4wDFE_FT-d8RcTwUEkKeUxmuz0qaGenf7nAJrgYsmR0ycvTyWEKeiIPEcMBLusYCFP2IoVdv5BzV1K67opEknsUHc_SgB5a_Tu-DklSyngUEx0SXKsDXEZ6hMBEMgA9U1CaGBNAi_nN8-SNnAFnWiX7f6FJimhfZNPV-d4ddC_y0HAzWnWVSBVkZrMj4bPC57dZ5-HI_8LjBf5PlG1PQbRr02bT-HI7weZkfUVb2YR4WPkEF2JVrRftweimVYTzOjsxFNFya6A6gHbxKkZon2b-j6SyhmXjTkOUSgaUKSBtXeUGyqi5PXRXbkdh6XUfR-n1a9_tSc8Kf562jB7Q88bbhZIQwMrw16EtcsJoZCoLyMsJ1aEXqygTQb2tIUN_BVOu306CdNPHUp_8USvliZDLd',
        },
        {
          text: 'curl -X POST https://api.dropboxapi.com/2/users/get_current_account --header "Authorization: Bearer sl.u.AF9b_jxt89HgVhoCcVkwu_jgoSmRzdMSiEG4HveHwDo1FnOQ79j2uiyZhdc-9DfUMGIU7uP_DlACjnWmD2r1AIuBIFKJkaiWeh-3AmSn992OlyIlnvPZO-MqwHNsA6fmgZZKQV3mDewjnPmZJUB9Noj5Add31_IMQWToEIV8uWm3JjdX17at7LYsThaOHY93COXvTj4rohwDw0aqNmqxEPcUJtzHM1SM6YhFpdI70EJKLQKu2AI1eLPC4_W_XbWQHSUfXSS3ojqkDg9dKPzQZNTkHfBAzDpyEDMyjxkTrRYotrhe-rGX4p7ToF2nXQI3Taj5-yk53789MEFpYsTyhYSW_uqdFRmWeSW1sQ5WoPqL0xgswikHlTU_txIevaDhgsnGL78ZYhBm9ue674nD2pUKxgF7KNwGf1IbQyTKvkNuEPTXx1_CNmIPZNhS1NKX86vwe5F6b3S_0_7utSdcblXWjZn0cXubg6InJFksCIQbswMi2piHTIg-SC0m9AJxZ1GECTS9ZtdUInNQqRh_Vq_MTnGa8DhnsY26w2ZHiNDHfgmzdoBwsu49FQ3BAdebh8aSFY0_Jn4zBaaYQBB3IZJKGQylD2kjF4TWsEE0zWa4KUDizJiwMvIZKp_shPGYcYbPIT4XHvLo3iphwsnj4QstIIue3vTj5WhXjixgrHb4IbVTi2wJGECYmDY_eqXUHdX772V9yTgJADsuMvGw2oX1e87LKBerfp-WIfdIO8Gm2N7aiTZkupPZCTEHbZD4CgJR8OIvu_cDRymSumVMx0c6pLj50ZH4M4HRP53VgrrFtU-nY04SD_r7p6oQF35_Pu9WFoevD3Erric0ZWVfNjWyIlNuwT91HoqzHvBvjdMiNG5c4XDNTr9SM_xdLp4wDFE_FT-d8RcTwUEkKeUxmuz0qaGenf7nAJrgYsmR0ycvTyWEKeiIPEcMBLusYCFP2IoVdv5BzV1K67opEknsUHc_SgB5a_Tu-DklSyngUEx0SXKsDXEZ6hMBEMgA9U1CaGBNAi_nN8-SNnAFnWiX7f6FJimhfZNPV-d4ddC_y0HAzWnWVSBVkZrMj4bPC57dZ5-HI_8LjBf5PlG1PQbRr02bT-HI7weZkfUVb2YR4WPkEF2JVrRftweimVYTzOjsxFNFya6A6gHbxKkZon2b-j6SyhmXjTkOUSgaUKSBtXeUGyqi5PXRXbkdh6XUfR-n1a9_tSc8Kf562jB7Q88bbhZIQwMrw16EtcsJoZCoLyMsJ1aEXqygTQb2tIUN_BVOu306CdNPHUp_8USvliZDLd"',
          secret:
            'sl.u.AF9b_jxt89HgVhoCcVkwu_jgoSmRzdMSiEG4HveHwDo1FnOQ79j2uiyZhdc-9DfUMGIU7uP_DlACjnWmD2r1AIuBIFKJkaiWeh-3AmSn992OlyIlnvPZO-MqwHNsA6fmgZZKQV3mDewjnPmZJUB9Noj5Add31_IMQWToEIV8uWm3JjdX17at7LYsThaOHY93COXvTj4rohwDw0aqNmqxEPcUJtzHM1SM6YhFpdI70EJKLQKu2AI1eLPC4_W_XbWQHSUfXSS3ojqkDg9dKPzQZNTkHfBAzDpyEDMyjxkTrRYotrhe-rGX4p7ToF2nXQI3Taj5-yk53789MEFpYsTyhYSW_uqdFRmWeSW1sQ5WoPqL0xgswikHlTU_txIevaDhgsnGL78ZYhBm9ue674nD2pUKxgF7KNwGf1IbQyTKvkNuEPTXx1_CNmIPZNhS1NKX86vwe5F6b3S_0_7utSdcblXWjZn0cXubg6InJFksCIQbswMi2piHTIg-SC0m9AJxZ1GECTS9ZtdUInNQqRh_Vq_MTnGa8DhnsY26w2ZHiNDHfgmzdoBwsu49FQ3BAdebh8aSFY0_Jn4zBaaYQBB3IZJKGQylD2kjF4TWsEE0zWa4KUDizJiwMvIZKp_shPGYcYbPIT4XHvLo3iphwsnj4QstIIue3vTj5WhXjixgrHb4IbVTi2wJGECYmDY_eqXUHdX772V9yTgJADsuMvGw2oX1e87LKBerfp-WIfdIO8Gm2N7aiTZkupPZCTEHbZD4CgJR8OIvu_cDRymSumVMx0c6pLj50ZH4M4HRP53VgrrFtU-nY04SD_r7p6oQF35_Pu9WFoevD3Erric0ZWVfNjWyIlNuwT91HoqzHvBvjdMiNG5c4XDNTr9SM_xdLp4wDFE_FT-d8RcTwUEkKeUxmuz0qaGenf7nAJrgYsmR0ycvTyWEKeiIPEcMBLusYCFP2IoVdv5BzV1K67opEknsUHc_SgB5a_Tu-DklSyngUEx0SXKsDXEZ6hMBEMgA9U1CaGBNAi_nN8-SNnAFnWiX7f6FJimhfZNPV-d4ddC_y0HAzWnWVSBVkZrMj4bPC57dZ5-HI_8LjBf5PlG1PQbRr02bT-HI7weZkfUVb2YR4WPkEF2JVrRftweimVYTzOjsxFNFya6A6gHbxKkZon2b-j6SyhmXjTkOUSgaUKSBtXeUGyqi5PXRXbkdh6XUfR-n1a9_tSc8Kf562jB7Q88bbhZIQwMrw16EtcsJoZCoLyMsJ1aEXqygTQb2tIUN_BVOu306CdNPHUp_8USvliZDLd',
        },
      ],
      negatives: [
        'sl.u.AFku-XEtYL4YRCgTQJj', // cut short
        'sl.u.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'ssl.u.AFku-XEtYL4YRCgTQJj2bvyJaVJqmcdThGkhSDyNkoxYz5yUXNSvR76C5Wns0BVLuA40qrgAwBKUJBP8R1UFAsd3RG7tg3QZZXIWPtrn7KJO7AIvF',
      ],
    },
  },
  {
    id: 'dropbox-long-lived-token',
    name: 'Dropbox long-lived access token (legacy)',
    category: 'token',
    keywords: ['aaaaaaaaaa'],
    // Edges refuse '+' and '/' too: zero bytes make runs of 'A' in base64 blobs.
    pattern: String.raw`(?:^|[^A-Za-z0-9_+/-])([A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_-]{43})${E}`,
    allowRepetitive: true,
    minEntropy: 3.5,
    validate: randomAroundRun,
    examples: {
      positives: [
        '0dRYcxZJKviAAAAAAAAAAwGqvC4QUWlj9inqu15WL3nQTlh3Vkoc3X5_8FR6FIcv',
        {
          text: 'DROPBOX_TOKEN="qw2s3ZLF9JDAAAAAAAAAAvcx5iKQbQDenkKuajVLusKPCnRUUVABD6HTAwm8wulw"',
          secret: 'qw2s3ZLF9JDAAAAAAAAAAvcx5iKQbQDenkKuajVLusKPCnRUUVABD6HTAwm8wulw',
        },
      ],
      negatives: [
        'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        '0dRYcxZJKviAAAAAAAAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        '0dRYcxZJKviAAAAAAAAAAwGqvC4QUWlj9inqu15WL3nQTlh3Vkoc', // cut short
        // Inside a base64 blob.
        'iVBORw0KGgo+qw2s3ZLF9JDAAAAAAAAAAvcx5iKQbQDenkKuajVLusKPCnRUUVABD6HTAwm8wulw/AAAB',
      ],
    },
  },
  {
    // App secret: 15 lower-case alphanumerics, only under a Dropbox secret name (the app key has
    // the same shape and is public).
    id: 'dropbox-app-secret',
    name: 'Dropbox app secret',
    category: 'credentials',
    keywords: ['dropbox'],
    ignoreCase: true,
    pattern: String.raw`dropbox[\w.-]{0,20}(?:app[_-]?)?secret${ASSIGN}([a-z0-9]{15})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        { text: 'DROPBOX_APP_SECRET=g9uom8r3zz2btcg', secret: 'g9uom8r3zz2btcg' },
        'dropbox_secret: "8tvmajyeaumaae1"',
      ],
      negatives: [
        'DROPBOX_APP_KEY=g9uom8r3zz2btcg',
        'DROPBOX_APP_SECRET=<app-secret>',
        'DROPBOX_APP_SECRET=g9uom8r3zz2btcgq7', // 17 chars
      ],
    },
  },
]);

// Revoke or rotate: Dropbox documentation (the page this family file already cites for its key format).
guidance('dropbox', {
  steps:
    "Sign in to Dropbox and revoke (delete or regenerate) the leaked short-lived access token or long-lived access token or app secret where Dropbox manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Dropbox's logs or usage for activity you do not recognise.",
  url: 'https://developers.dropbox.com/oauth-guide',
});
