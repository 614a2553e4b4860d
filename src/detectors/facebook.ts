// Meta (Facebook / Instagram) credentials: user and page access tokens start with "EAA";
// app access tokens are "<app id>|<secret or signature>"; Instagram Basic Display tokens start "IGQV".
// https://developers.facebook.com/docs/facebook-login/guides/access-tokens
import { ASSIGN, E, EW, family } from './define.js';
import { guidance } from './guidance.js';

// Edges that also refuse '+' and '/': a token inside a base64 blob (certificates, images) is not one.
const LEFT = String.raw`(?:^|[^A-Za-z0-9_+/-])`;

export default family('facebook', [
  {
    id: 'facebook-access-token',
    name: 'Facebook user or page access token',
    category: 'token',
    keywords: ['eaa'],
    pattern: String.raw`${LEFT}(EAA[A-Za-z0-9]{80,300})${E}`,
    minEntropy: 4.5,
    examples: {
      positives: [
        'EAABA4znbdXgD2Vd3bpdqys9s319PpsCVtWxfpIVJDl1g0zAuq8UIT73FEc7vxz4JjatykgesmzXngyMctvgWS3XinHxtIJ8Mct2mP5cgQEXQl9TIii34LNLmQbPkHK7TFStViCbpZ9UFSl0gfWmkO0rLMyFa9eVsJ3u',
        {
          text: 'curl "https://graph.facebook.com/v19.0/me?access_token=EAAGLwgjNi7NvuQRRneDJfWPBxZimT02bYXsfIAkEQialmOEG8afH6cwN4MsK44VnRBwZFW7TnaIkhc5yeUKazWU5HYXpeBCAFy0weO7rDDA1fhzGa37nDT1m5rHAt6bfByvV92UFZHvcxTZOCeNqX25v7rUHxQ4r8XSQfbehdjHSV97GNffd9duYlBcHjYCgr"',
          secret:
            'EAAGLwgjNi7NvuQRRneDJfWPBxZimT02bYXsfIAkEQialmOEG8afH6cwN4MsK44VnRBwZFW7TnaIkhc5yeUKazWU5HYXpeBCAFy0weO7rDDA1fhzGa37nDT1m5rHAt6bfByvV92UFZHvcxTZOCeNqX25v7rUHxQ4r8XSQfbehdjHSV97GNffd9duYlBcHjYCgr',
        },
      ],
      negatives: [
        'eaaaC0b75a9329fded2ffa9a02b47e0117831b82',
        'EAABA4znbdXgD2Vd3bpdqys9s319PpsCVtWxfpIVJDl1g0', // too short
        // Inside a base64 blob.
        'MIIC+EAABA4znbdXgD2Vd3bpdqys9s319PpsCVtWxfpIVJDl1g0zAuq8UIT73FEc7vxz4JjatykgesmzXngyMctvgWS3XinHxtIJ8Mct2mP5cgQEXQl9/TIii34',
        'EAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    // "<15-16 digit app id>|<27-char signature or 32-hex app secret>": distinctive, but the '|'
    // is no keyword, so a Facebook word must be near.
    id: 'facebook-app-access-token',
    name: 'Facebook app access token',
    category: 'token',
    keywords: ['facebook', 'access_token', 'fb_'],
    pattern: String.raw`\b([0-9]{15,16}\|(?:[A-Za-z0-9_-]{27}|[0-9a-f]{32}))${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: 'FB_APP_TOKEN=3048356249952519|72EIllJbhM9rBC2a13blq0l4-_W',
          secret: '3048356249952519|72EIllJbhM9rBC2a13blq0l4-_W',
        },
        {
          text: '{"access_token":"771879328656766|n5muAmYDHOhWwUIWK3m59Cw-tF8","token_type":"bearer"}',
          secret: '771879328656766|n5muAmYDHOhWwUIWK3m59Cw-tF8',
        },
        {
          text: 'curl "https://graph.facebook.com/debug_token?access_token=1028356325928784|db1af9edf07ee6a1b4414c262c5f2cf1"',
          secret: '1028356325928784|db1af9edf07ee6a1b4414c262c5f2cf1',
        },
      ],
      negatives: [
        '3048356249952519|72EIllJbhM9rBC2a13blq0l4-_W', // no Facebook context
        'facebook access_token: 3048356249952519|xxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'facebook | 3048356249952519 | 72EIllJbhM9rBC2a13blq0l4-_W |',
      ],
    },
  },
  {
    // App secret (and client token): 32 hex under a Facebook/FB name.
    id: 'facebook-app-secret',
    name: 'Facebook app secret',
    category: 'credentials',
    keywords: ['facebook', 'fb_'],
    ignoreCase: true,
    pattern: String.raw`(?:facebook|\bfb)[\w.-]{0,30}(?:secret|client[_-]?(?:access[_-]?)?token)${ASSIGN}([0-9a-f]{32})${EW}`,
    minEntropy: 3,
    examples: {
      positives: [
        {
          text: 'FACEBOOK_APP_SECRET=8cd88bab8b91e750305e633ebd38c28c',
          secret: '8cd88bab8b91e750305e633ebd38c28c',
        },
        'fb_app_secret: "231dbf2c504147bce5520eacf2bf8525"',
      ],
      negatives: [
        'FACEBOOK_APP_ID=3048356249952519',
        'FACEBOOK_APP_SECRET=${FACEBOOK_APP_SECRET}',
        'checksum 8cd88bab8b91e750305e633ebd38c28c',
      ],
    },
  },
  {
    id: 'facebook-instagram-access-token',
    name: 'Instagram access token',
    category: 'token',
    keywords: ['igqv'],
    pattern: String.raw`${LEFT}(IGQV[A-Za-z0-9_-]{100,300})${E}`,
    minEntropy: 4.5,
    examples: {
      positives: [
        'IGQVap2fLkoLYJ2fFelG08yHuumYIim0CDkmuj5gDIfu22UIWd4afMF5zC2sJPKjGOQ-dWUduvXSJiTEt8O0gYBtrwmshN0CnlAS7KjZcClIUSi_uKEQ9BONIvsjYRFVr1Ek8s0WArWLdJAJKoGcBOnKZ7ow5tI6FGJU5Mn0g7I9G33WXI-NZ_at',
        {
          text: 'INSTAGRAM_ACCESS_TOKEN=IGQV292aWot_oXuhw8Tkk6_jo2LgizTv7XyEyl4Z_QyqUaB_H5SCzB9VC3gK8Aq_FLEoGZR1T6zLJiHKGAtkff6SP_N7fmR-__AgiSemL_pzbcU45Ju6QTxjE50KOVs1MK57UJHQpYm5Hd_0PdHQF4WXvT1f69o9b4S1',
          secret:
            'IGQV292aWot_oXuhw8Tkk6_jo2LgizTv7XyEyl4Z_QyqUaB_H5SCzB9VC3gK8Aq_FLEoGZR1T6zLJiHKGAtkff6SP_N7fmR-__AgiSemL_pzbcU45Ju6QTxjE50KOVs1MK57UJHQpYm5Hd_0PdHQF4WXvT1f69o9b4S1',
        },
      ],
      negatives: ['IGQVJ...', 'IGQVap2fLkoLYJ2fFelG08yHuumYIim0CDkmuj5gDIfu22UIWd4afMF5zC2sJPK'],
    },
  },
]);

// Revoke or rotate: Meta for Developers, "Basic Settings" (the App Secret and App Dashboard).
guidance('facebook', {
  steps:
    "In the Meta App Dashboard (Settings > Basic) reset the leaked App Secret, which also ends app access tokens made from it, and update the servers that use it; a leaked user or Page access token ends when the user changes their password, logs out of the app or removes it, and an Instagram token likewise. Check the app's roles and settings for changes you did not make.",
  url: 'https://developers.facebook.com/documentation/development/create-an-app/app-dashboard/basic-settings',
});
