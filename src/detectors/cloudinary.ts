// Cloudinary credentials: CLOUDINARY_URL = cloudinary://<15-digit api key>:<27-char api secret>@<cloud>,
// and the API secret alone (27 base64url chars, no prefix) after a Cloudinary secret name.
// https://cloudinary.com/documentation/how_to_integrate_cloudinary#account_details (API environment
// variable) and https://cloudinary.com/documentation/node_integration#configuration
import { ASSIGN, family } from './define.js';
import { guidance } from './guidance.js';

/** 27 random base64url chars almost surely mix upper and lower case. */
const mixedCase = (s: string): boolean => /[A-Z]/.test(s) && /[a-z]/.test(s);

export default family('cloudinary', [
  {
    id: 'cloudinary-url',
    name: 'Cloudinary URL with API secret',
    category: 'credentials',
    keywords: ['cloudinary://'],
    pattern: String.raw`cloudinary://[0-9]{12,16}:([A-Za-z0-9_-]{27})@[A-Za-z0-9_-]{1,64}`,
    validate: mixedCase,
    examples: {
      positives: [
        {
          text: 'CLOUDINARY_URL=cloudinary://076038371938214:oJ1zePaESB4w28ayfMv0r6lMfdQ@acme-media',
          secret: 'oJ1zePaESB4w28ayfMv0r6lMfdQ',
        },
        {
          text: 'heroku config:set CLOUDINARY_URL="cloudinary://583619704512877:ROA2n9fsLpjZQPqyXmtj16iR-zC@demo-shop"',
          secret: 'ROA2n9fsLpjZQPqyXmtj16iR-zC',
        },
      ],
      negatives: [
        'CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>',
        'CLOUDINARY_URL=cloudinary://123456789012345:abcdefghijklmnopqrstuvwxyz0@demo',
        'cloudinary://076038371938214:oJ1zePaESB4w28ayfMv0r6lMfd@acme-media', // 26-char secret
      ],
    },
  },
  {
    id: 'cloudinary-api-secret',
    name: 'Cloudinary API secret',
    category: 'credentials',
    keywords: ['cloudinary'],
    ignoreCase: true,
    pattern: String.raw`(?:^|\\[nrt]|[^A-Za-z0-9])cloudinary[\w.-]{0,12}?api[_-]?secret${ASSIGN}([A-Za-z0-9_-]{27})(?:$|[^A-Za-z0-9_+/=-])`,
    validate: mixedCase,
    minEntropy: 3.8,
    examples: {
      positives: [
        {
          text: 'CLOUDINARY_API_SECRET=oJ1zePaESB4w28ayfMv0r6lMfdQ',
          secret: 'oJ1zePaESB4w28ayfMv0r6lMfdQ',
        },
        {
          text: 'cloudinary:\n  cloud_name: acme\ncloudinary_api_secret: "ROA2n9fsLpjZQPqyXmtj16iR-zC"',
          secret: 'ROA2n9fsLpjZQPqyXmtj16iR-zC',
        },
      ],
      negatives: [
        'CLOUDINARY_API_SECRET=${CLOUDINARY_API_SECRET}',
        'cloudinary_api_secret=ndiawudh1_wdajwoidjajawdeps', // one case only: not a generated secret
        'CLOUDINARY_API_KEY=076038371938214',
      ],
    },
  },
]);

// Revoke or rotate: Cloudinary documentation (the page this family file already cites for its key format).
guidance('cloudinary', {
  steps:
    "Sign in to Cloudinary and revoke (delete or regenerate) the leaked URL with API secret or API secret where Cloudinary manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check Cloudinary's logs or usage for activity you do not recognise.",
  url: 'https://cloudinary.com/documentation/how_to_integrate_cloudinary#account_details',
});
