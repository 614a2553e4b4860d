// Google Cloud and Google OAuth credential formats.
import { ci, EW, family, near } from './define.js';
import { guidance } from './guidance.js';

/** A literal matched case-insensitively with ASCII classes (far cheaper in RE2 than the `i` flag). */

/** JSON key/value separator, tolerating escaped quotes (a key file pasted inside a JSON string). */
const JSON_SEP = String.raw`[\\'"]{0,4}\s{0,5}[:=]\s{0,5}[\\'"]{0,4}`;

/**
 * Sample API keys published in the Firebase Android SDK's tests and samples
 * (https://github.com/firebase/firebase-android-sdk), found in countless copies of its code; the
 * list gitleaks allowlists for its gcp-api-key rule
 * (https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/gcp.go).
 */
const FIREBASE_SDK_SAMPLE_KEYS = new Set([
  'AIzaSyabcdefghijklmnopqrstuvwxyz1234567',
  'AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs',
  'AIzaSyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM',
  'AIzaSyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU',
  'AIzaSyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0',
  'AIzayDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A',
  'AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c',
  'AIzaSyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4',
  'AIzaSyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY',
  'AIzaSyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM',
  'AIzaSyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ',
  'AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g',
  'AIzaSyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU',
  'AIzaSyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw',
  'AIzaSyB8qGxt4ec15vitgn44duC5ucxaOi4FmqE',
  'AIzaSyA8vmApnrHNFE0bApF4hoZ11srVL_n0nvY',
]);

export default family('google', [
  {
    // https://cloud.google.com/docs/authentication/api-keys: "AIza" + 35 chars.
    id: 'google-api-key',
    name: 'Google API key',
    category: 'api_key',
    keywords: ['aiza'],
    pattern: String.raw`\b(AIza[0-9A-Za-z_-]{35})${EW}`,
    minEntropy: 3.5,
    validate: (key) => !FIREBASE_SDK_SAMPLE_KEYS.has(key),
    examples: {
      positives: [
        {
          text: 'GOOGLE_MAPS_API_KEY=AIzaSy3VV9XGqW75djpbvMIwzyiS--Ebj4Laxmn',
          secret: 'AIzaSy3VV9XGqW75djpbvMIwzyiS--Ebj4Laxmn',
        },
        'https://maps.googleapis.com/maps/api/geocode/json?address=Paris&key=AIzaSyUXqCmYfDs7Z8Y7WH4pu7hIDtpcdQjhFcI',
        {
          text: 'gemini api key: "AIzaSy-xYWNjPE_TCDXxmcnl_MB48epq0_bfmAe"',
          secret: 'AIzaSy-xYWNjPE_TCDXxmcnl_MB48epq0_bfmAe',
        },
      ],
      negatives: [
        'AIzaSy3VV9XGqW75djpbvMIwzyiS--Ebj4Laxm', // 38 chars
        'AIzaSyUXqCmYfDs7Z8Y7WH4pu7hIDtpcdQjhFcIabc', // longer token
        'AIzaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        'AIZASY-XYWNJPE_TCDXXMCNL_MB48EPQ0_BFMAE',
        'google-services.json: "current_key": "AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs"', // SDK sample
      ],
    },
  },
  {
    id: 'google-oauth-client-secret',
    name: 'Google OAuth client secret',
    category: 'credentials',
    keywords: ['gocspx-'],
    pattern: String.raw`\b(GOCSPX-[0-9A-Za-z_-]{28})${EW}`,
    minEntropy: 3.5,
    examples: {
      positives: [
        {
          text: '"client_secret": "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"',
          secret: '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',
        },
        'GOOGLE_CLIENT_SECRET=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',
      ],
      negatives: [
        'GOCSPX-1uiQ_sORPVTY-UN1fLgvbLVIgJU',
        'GOCSPX-<client-secret>',
        'GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    // Access tokens: "ya29." then base64url (often 150+ chars; the finding covers the head),
    // service-account tokens add a short "c." segment.
    id: 'google-oauth-access-token',
    name: 'Google OAuth access token',
    category: 'token',
    keywords: ['ya29.'],
    pattern: String.raw`\b(ya29\.(?:[0-9A-Za-z_-]{1,8}\.)?[0-9A-Za-z_-]{40})`,
    minEntropy: 3.5,
    examples: {
      positives: [
        'Authorization: Bearer ya29.a0WxiD8ZpOIwQd-CBJjop7cPke_H-wBnAbcFo-NPEhlN-nl7halzdCLudgkD2BrvOdvke4nS28HXMIdT_kjJr3HTgxaniF7b3c188d5yP9iRQzKOd_HmsFoAeCZCV1sRDpraI9mD0UlE0ccXIHXCBkHylUlmsJXK0x',
        '"access_token": "ya29.a0YbQ4jFt_xPUTqFsZnqgRvzKsVjNUXiIWoVIaEoueru84aGD96neDnrqIzUlk-LGd6E-qK0a8YzW4Z1A8ihsEOrJ32ihWnvyHQmi0UZjVONwRSyy6BVBE9DM_DaWFL3DRu2da0Bi5-lLDRFKIpQqRxCbUcGVQUG_m"',
      ],
      negatives: ['ya29.short', 'ya29.${GOOGLE_ACCESS_TOKEN}', 'ya29.' + 'a'.repeat(40)],
    },
  },
  {
    // Refresh tokens: "1//0" then ~100 chars of base64url; the finding covers the head.
    id: 'google-oauth-refresh-token',
    name: 'Google OAuth refresh token',
    category: 'token',
    keywords: ['1//0'],
    pattern: String.raw`(?:^|[^0-9A-Za-z_/.+-])(1//0[0-9A-Za-z_-]{40})`,
    minEntropy: 3.5,
    examples: {
      positives: [
        '"refresh_token": "1//03Pou3Ktq9KY_U0Ve52X_VThik2_BHM1YG3s4lW2BgtpYRS4HbanWNfm03PtHt5fswXvqbhK2roYSDinSc9Th3rPDpw_O_vIJjEW"',
        'GOOGLE_REFRESH_TOKEN=1//05bYRKhIHjsb59UVIlSdquhxo8n-wUVehvG33Q3sxQTdjErVgIYIXOM7VKirwsSNsS1Q4-lto0jAQU7nlISIv5cYAyzu3UoqDczc',
      ],
      negatives: [
        '1//0abc',
        'http://1//0',
        'x1//05aLs6YIv0sWNpPa2xDpmlByq1yJaphvHTCQO4qCprC-DyyBQhhDutZ5IchL1u9iAljEzq5620URnQEf36X6bRHOKlFMYx7Budp9',
      ],
    },
  },
  {
    // A service-account key file: the private_key_id (40 hex) beside "type": "service_account".
    // The PEM private_key itself is reported by the private-key family.
    id: 'google-service-account-key',
    name: 'Google Cloud service account key (key file)',
    category: 'credentials',
    keywords: ['private_key_id'],
    pattern: String.raw`private_key_id${JSON_SEP}([a-f0-9]{40})(?:$|[^A-Za-z0-9])`,
    window: 2048,
    minEntropy: 3,
    validate: (_s, ctx) => near(ctx, 2000, ['service_account', 'gserviceaccount.com']),
    examples: {
      positives: [
        {
          text: '{ "type": "service_account", "project_id": "billing-prod-4411", "private_key_id": "8e19e7ea7005f86a2416bbe0ec2bc0f5e82b0c8d", "client_email": "deployer@billing-prod-4411.iam.gserviceaccount.com" }',
          secret: '8e19e7ea7005f86a2416bbe0ec2bc0f5e82b0c8d',
        },
        {
          text: '"private_key_id": "c77aa3994ea897ed3a2392fdcbd0137197d3338f",\n"client_email": "ci-runner@tools-7781.iam.gserviceaccount.com"',
          secret: 'c77aa3994ea897ed3a2392fdcbd0137197d3338f',
        },
      ],
      negatives: [
        '"private_key_id": "2d1b831c22aef06e177fac90c0590011e0334367"', // no service-account context
        '{ "type": "service_account", "private_key_id": "abc12345def67890" }',
      ],
    },
  },
  {
    // Pre-2021 OAuth client secrets: 24 chars, recognised only in a client_secret field of a
    // client whose id ends in apps.googleusercontent.com.
    id: 'google-oauth-client-secret-legacy',
    name: 'Google OAuth client secret (legacy format)',
    category: 'credentials',
    keywords: ['client_secret', 'client-secret', 'clientsecret'],
    pattern: String.raw`${ci('client[_-]?secret')}${JSON_SEP}([0-9A-Za-z_-]{24})(?:$|[^0-9A-Za-z_-])`,
    window: 512,
    minEntropy: 3.5,
    validate: (_s, ctx) => near(ctx, 800, ['apps.googleusercontent.com']),
    examples: {
      positives: [
        {
          text: '{"installed":{"client_id":"464752196931-rgxia9vm2zwf86inenb2ops91u93be56.apps.googleusercontent.com","client_secret":"Jvi48iG4Xsmu7NJkopsdODFG"}}',
          secret: 'Jvi48iG4Xsmu7NJkopsdODFG',
        },
        {
          text: 'client_id: 753388924235-84jc2izu7y7llb4f3lv4bln5r2azmbzt.apps.googleusercontent.com\nclient_secret: eKNFwMd6oBk2thYP_yiszZwB',
          secret: 'eKNFwMd6oBk2thYP_yiszZwB',
        },
      ],
      negatives: [
        'client_secret: WXNWwN84cWVKEfdHCFj9WdmQ', // no Google client id nearby
        'client_id: 111627814482-ix2wll4nnas9r0vm06epqu23fytr55dx.apps.googleusercontent.com\nclient_secret: ${CLIENT_SECRET}',
      ],
    },
  },
  {
    // Legacy Firebase Cloud Messaging server keys: "AAAA" + 7, ":", "APA91b" + 134 (head matched).
    id: 'google-fcm-server-key',
    name: 'Firebase Cloud Messaging server key',
    category: 'api_key',
    keywords: [':apa91b'],
    pattern: String.raw`\b(AAAA[0-9A-Za-z_-]{7}:APA91b[0-9A-Za-z_-]{60})`,
    minEntropy: 4,
    examples: {
      positives: [
        'Authorization: key=AAAA0dyr93d:APA91bHPNTryMyscBCsSoGU41-vAxCKCNyNUSYK7jgIgkuuFW0MOW2ja3TCjJzozBHRA0eNdGCNy1uEV9HJgJguCf9STXi-oyxwAgwOhc8oVejsvxdYAAOGYeZzY3FyA8p9pZUYRIjSL',
        'FCM_SERVER_KEY=AAAA1SLecvx:APA91bpWcurY6FYoFEGaqjqHMaOv5BRKlPBOigeUprVXnEb4tMgmyvG0WcwccLjsN_UjUATIRL8fXUZdBn0zeQxz7Wl3Ulr2X4lH5D9a2IIqhmLMwsbCjcHNcUoLC4wcipYzOAewSBmS',
      ],
      negatives: [
        'AAAAAAAAc3OoQVj:APA91bSDjLUb9rHflgAf6vzv5LUCQMPofCK8lSJOdG5R57B3z4zldsECdn8g0RrqfuTUcOk1_Yy34uFZFb2Rm93VWzf4YKjQV2ph2RwrwtZnUOb_8HJD55mxAYN5f4bs8Xx99g62hCZ',
        'AAAA1234567:APA91b' + 'x'.repeat(134),
      ],
    },
  },
]);

// Revoke or rotate: Google Cloud IAM docs, "Create and delete service account keys".
guidance('google', {
  steps:
    "Delete a leaked service account key in the Google Cloud console (IAM & Admin > Service accounts > Keys) and create a new one only if a key is really needed; delete or regenerate a leaked API key under APIs & Services > Credentials and restrict its replacement; reset an OAuth client's secret on the same page, and revoke leaked OAuth tokens. Then check Cloud Audit Logs for their use.",
  url: 'https://cloud.google.com/iam/docs/keys-create-delete',
});
