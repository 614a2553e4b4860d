// Mapbox access tokens: "<scope>." + base64url JSON ({"u": user, ...}) + "." + signature.
// sk. tokens are secret, tk. are temporary (short-lived); pk. tokens are public by design.
// https://docs.mapbox.com/accounts/guides/tokens/
import { bytesToUtf8, decodeBase64 } from '../engine/checks/radix.js';
import { EW, family } from './define.js';
import { guidance } from './guidance.js';

function hasUserClaim(token: string): boolean {
  const bytes = decodeBase64(token.split('.')[1] ?? '');
  const text = bytes && bytesToUtf8(bytes);
  if (!text) return false;
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && typeof (v as { u?: unknown }).u === 'string';
  } catch {
    return false;
  }
}

const tok = (scope: string): string =>
  String.raw`\b(${scope}\.eyJ[A-Za-z0-9_-]{20,200}\.[A-Za-z0-9_-]{20,40})${EW}`;

export default family('mapbox', [
  {
    id: 'mapbox-secret-token',
    name: 'Mapbox secret access token',
    category: 'token',
    keywords: ['sk.eyj'],
    pattern: tok('sk'),
    validate: hasUserClaim,
    examples: {
      positives: [
        'sk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6ImNsbWl3dWp6ZWF3aHh4cHh6aTRxMDBlenAifQ.oElz0Vq3jMQZ0_o_pwC0LZ',
        {
          text: 'MAPBOX_DOWNLOADS_TOKEN=sk.eyJ1IjoiZ2VvLXRlYW0iLCJhIjoiY21raHFtc244ZXM5OXY5djJ5cDNyNTI4ZiJ9.ijOE4_LNzTsfshjnBB3RFk',
          secret:
            'sk.eyJ1IjoiZ2VvLXRlYW0iLCJhIjoiY21raHFtc244ZXM5OXY5djJ5cDNyNTI4ZiJ9.ijOE4_LNzTsfshjnBB3RFk',
        },
      ],
      negatives: [
        // Head is JSON without the "u" claim.
        'sk.eyJhIjoiY2xtaXd1anplYXdoeHhweHppNHEwMGV6cCJ9.oElz0Vq3jMQZ0_o_pwC0LZ',
        'pk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6ImNsbWl3dWp6ZWF3aHh4cHh6aTRxMDBlenAifQ.oElz0Vq3jMQZ0_o_pwC0LZ',
        'sk.eyJub3QtanNvbi1hdC1hbGwtaGVyZQ.oElz0Vq3jMQZ0_o_pwC0LZ',
      ],
    },
  },
  {
    id: 'mapbox-temporary-token',
    name: 'Mapbox temporary access token',
    category: 'token',
    severity: 'low',
    keywords: ['tk.eyj'],
    pattern: tok('tk'),
    validate: hasUserClaim,
    examples: {
      positives: [
        'tk.eyJ1IjoiYWNtZS1tYXBzIiwiZXhwIjoxNzk1NzAwMDAwLCJqdGkiOiJiNTc2OGFxZTgyOXEyZXZqcG9mOXlpMXBxY3pyNmoifQ.L90nobeOSTqXRhq72DxmQw',
        {
          text: '"token": "tk.eyJ1IjoiZmxlZXQtb3BzIiwiZXhwIjoxNzk1NzAzNjAwLCJqdGkiOiI2ZzNidTF1d21vejZkem5jeTY1Y2RpcThxZnE1bDQifQ.1c2hVGJ3xzroPEUpQi_-c0"',
          secret:
            'tk.eyJ1IjoiZmxlZXQtb3BzIiwiZXhwIjoxNzk1NzAzNjAwLCJqdGkiOiI2ZzNidTF1d21vejZkem5jeTY1Y2RpcThxZnE1bDQifQ.1c2hVGJ3xzroPEUpQi_-c0',
        },
      ],
      negatives: [
        'tk.eyJ1IjoiYWNtZS1tYXBzIiwiZXhwIjoxNzk1NzAwMDAwLCJqdGkiOiJiNTc2OGFxZTgyOXEyZXZqcG9mOXlpMXBxY3pyNmoifQ',
        'tk.eyJub3QtanNvbi1hdC1hbGwtaGVyZQ.L90nobeOSTqXRhq72DxmQw',
      ],
    },
  },
]);

// Revoke or rotate: Mapbox docs, "Token management" (Access Tokens page, Tokens API).
guidance('mapbox', {
  steps:
    "On the Access tokens page of the Mapbox console delete the leaked secret token (or use the Tokens API), create a replacement with only the secret scopes the server needs, and update it; temporary tokens expire within an hour on their own. Check the account's statistics for usage you do not expect.",
  url: 'https://docs.mapbox.com/help/account/tokens/',
});
