/**
 * Stripe: `GET https://api.stripe.com/v1/balance` with the key as a Bearer credential. Read-only.
 * 200 is a live key; 403 (`permission_error`) is a live restricted key without balance access,
 * so live too; 401 is "No valid API key provided" (revoked, rolled or unknown).
 * Docs: https://docs.stripe.com/api/balance/balance_retrieve
 *       https://docs.stripe.com/api/authentication
 *       https://docs.stripe.com/api/errors (401 Unauthorized, 403 Forbidden)
 * @module
 */
import { bearerGet, type Checker, isObj } from './types.js';

export const stripe: Checker = {
  provider: 'stripe',
  name: 'Stripe',
  host: 'api.stripe.com',
  // Webhook signing secrets are not API keys: no request can prove them.
  detectors: [
    'stripe-secret-key',
    'stripe-restricted-key',
    'stripe-test-secret-key',
    'stripe-test-restricted-key',
  ],
  docs: [
    'https://docs.stripe.com/api/balance/balance_retrieve',
    'https://docs.stripe.com/api/authentication',
    'https://docs.stripe.com/api/errors',
  ],
  why: 'GET /v1/balance with the key: 200 (or 403 for a restricted key) means it works, 401 means it does not.',
  request: bearerGet('https://api.stripe.com/v1/balance'),
  interpret: ({ status, json }) => {
    if (status === 200 && isObj(json) && json.object === 'balance') return { validity: 'valid' };
    if (
      status === 403 &&
      isObj(json) &&
      isObj(json.error) &&
      json.error.type === 'permission_error'
    )
      return { validity: 'valid' };
    if (status === 401) return { validity: 'invalid' };
    return undefined;
  },
};
