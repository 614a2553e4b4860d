// Twitter / X API credentials: app-only bearer tokens start with a run of 'A's (a zero-padded
// binary header) followed by URL-encoded base64; consumer secrets (50) and access token secrets
// (45) are bare alphanumerics, and access tokens are "<user id>-<40 chars>", all taken near "twitter".
// https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens
import { isPlaceholderValue } from '../engine/placeholder.js';
import { E, EW, family } from './define.js';
import { guidance } from './guidance.js';

// "TWITTER_CONSUMER_SECRET=", "twitter api secret: ": the word, up to two more, a separator.
const BESIDE_TWITTER = String.raw`twitter[\w.-]{0,30}(?:[ \t]{1,2}[A-Za-z_.-]{1,20}){0,2}[\s'"\x60\\]{0,4}(?:=|:|=>|:=|-|\s)[\s'"\x60\\]{0,4}`;

// The runs of 'A's are by design (allowRepetitive); the rest must look random.
function randomAfterRun(token: string): boolean {
  const rest = token.replace(/%[0-9A-F]{2}/g, '').replace(/A{6,}/g, '');
  return rest.length >= 50 && /[a-z]/.test(rest) && /[0-9]/.test(rest) && !isPlaceholderValue(rest);
}

export default family('twitter', [
  {
    id: 'twitter-bearer-token',
    name: 'Twitter / X app-only bearer token',
    category: 'token',
    keywords: ['aaaaaaaaaaaaaaaaaaaa'],
    // Edges refuse '+' and '/' too: zero bytes make runs of 'A' in base64 blobs.
    pattern: String.raw`(?:^|[^A-Za-z0-9_+/-])(AAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{60,140})${E}`,
    allowRepetitive: true,
    validate: randomAfterRun,
    examples: {
      positives: [
        'AAAAAAAAAAAAAAAAAAAAA5jxmHAAAAAAAAR2wQXuY7A2%2BJ%2BLWDozTMy2XXTrxXcWYxIejfcxI5t8sioiA1iryufymKyfQU499KzwKLMIxpk7%2BK',
        {
          text: 'curl "https://api.x.com/2/tweets?ids=1" -H "Authorization: Bearer AAAAAAAAAAAAAAAAAAAAAeDPg1AAAAAAAAepdV%2BFIxgiWutCNvqecyrLjQrh9Kz%2Fb9qj5O%2FrZD19jwtWXii0EjV6iC2smL0O03uViylwiJ8Njv"',
          secret:
            'AAAAAAAAAAAAAAAAAAAAAeDPg1AAAAAAAAepdV%2BFIxgiWutCNvqecyrLjQrh9Kz%2Fb9qj5O%2FrZD19jwtWXii0EjV6iC2smL0O03uViylwiJ8Njv',
        },
      ],
      negatives: [
        'fpAAAAAAAAAAAAAAAAAAAAA5jxmHAAAAAAAAR2wQXuY7A2%2BJ%2BLWDozTMy2XXTrxXcWYxIejfcxI5t8sioiA1iryufymKyfQU499KzwKLMIxpk7%2BK',
        'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        'AAAAAAAAAAAAAAAAAAAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        // Zero bytes inside a base64 blob.
        'UEsDBBQ/AAAAAAAAAAAAAAAAAAAAA5jxmHAAAAAAAAR2wQXuY7A2xJ4LWDozTMy2XXTrxXcWYxIejfcxI5t8sioiA1iryufymKyfQU499KzwKLMIxpk7K+QQ',
      ],
    },
  },
  {
    // Consumer (API key) secret: 50 chars; access token secret: 45 chars.
    id: 'twitter-api-secret',
    name: 'Twitter / X API key or access token secret',
    category: 'credentials',
    keywords: ['twitter'],
    ignoreCase: true,
    pattern: String.raw`${BESIDE_TWITTER}([A-Za-z0-9]{50}|[A-Za-z0-9]{45})${EW}`,
    minEntropy: 4.2,
    examples: {
      positives: [
        {
          text: 'TWITTER_CONSUMER_SECRET=1xAmr7YxJLg1BNQCwJrX24Vu0BHEVlenFWrAgL31rNnncuTqLd',
          secret: '1xAmr7YxJLg1BNQCwJrX24Vu0BHEVlenFWrAgL31rNnncuTqLd',
        },
        {
          text: 'twitter_access_token_secret: "WDYhQfoPk62Y5XYog7LvEwsm4AoBi6D3dHNh4ihpvE5TT"',
          secret: 'WDYhQfoPk62Y5XYog7LvEwsm4AoBi6D3dHNh4ihpvE5TT',
        },
      ],
      negatives: [
        'TWITTER_CONSUMER_KEY=xdIAmQrrNE8knt6fwO6BQ0MMA', // 25-char key: an identifier
        'TWITTER_CONSUMER_SECRET=1xAmr7YxJLg1BNQCwJrX24Vu0BHEVlenFWrAgL31rNnncuTqLd9Z', // 52
        '1xAmr7YxJLg1BNQCwJrX24Vu0BHEVlenFWrAgL31rNnncuTqLd', // no Twitter name
      ],
    },
  },
  {
    id: 'twitter-access-token',
    name: 'Twitter / X OAuth 1.0a access token',
    category: 'token',
    keywords: ['twitter'],
    pattern: String.raw`\b([0-9]{6,20}-[A-Za-z0-9]{40})${EW}`,
    minEntropy: 4,
    examples: {
      positives: [
        {
          text: 'TWITTER_ACCESS_TOKEN=7882091036707370682-XGnzoxpIy2XrD4Fo6U7pUC10i2ytE1hPbAzVpt6i',
          secret: '7882091036707370682-XGnzoxpIy2XrD4Fo6U7pUC10i2ytE1hPbAzVpt6i',
        },
        {
          text: 'twitter:\n  access_token: 3933193481-YpLKfqwxwgLNzLNEKtKR62X7lD27U5vI5tCkcSPI',
          secret: '3933193481-YpLKfqwxwgLNzLNEKtKR62X7lD27U5vI5tCkcSPI',
        },
      ],
      negatives: [
        '7882091036707370682-XGnzoxpIy2XrD4Fo6U7pUC10i2ytE1hPbAzVpt6i', // no Twitter word
        'twitter build 3933193481-YpLKfqwxwgLNzLNEKt',
      ],
    },
  },
]);

// Revoke or rotate: X (Twitter) documentation (the page this family file already cites for its key format).
guidance('twitter', {
  steps:
    "Sign in to X (Twitter) and revoke (delete or regenerate) the leaked Twitter / X app-only bearer token or Twitter / X API key or access token secret or Twitter / X OAuth 1.0a access token where X (Twitter) manages its credentials, as its page linked here describes; create a replacement with only the access it needs and update every service that used the old one. Then check X (Twitter)'s logs or usage for activity you do not recognise.",
  url: 'https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens',
});
