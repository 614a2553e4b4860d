/**
 * GitHub: `GET https://api.github.com/user` with the token as a Bearer credential. It changes
 * nothing and answers 200 with the owner's `login` for a live token, 401 "Bad credentials" for a
 * revoked, expired or unknown one. A 403 is a rate limit or a policy (SSO, IP allow-list): not
 * proof either way, so failed_to_check.
 * Docs: https://docs.github.com/en/rest/users/users#get-the-authenticated-user
 *       https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api
 * @module
 */
import { str, type Checker } from './types.js';

export const github: Checker = {
  provider: 'github',
  name: 'GitHub',
  host: 'api.github.com',
  // Installation and refresh tokens are not accepted by /user; OAuth client secrets need their id.
  detectors: [
    'github-pat',
    'github-fine-grained-pat',
    'github-oauth-token',
    'github-user-to-server-token',
  ],
  docs: [
    'https://docs.github.com/en/rest/users/users#get-the-authenticated-user',
    'https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api',
  ],
  why: 'GET /user with the token: 200 means it works, 401 means it does not.',
  request: (secret) => ({
    url: 'https://api.github.com/user',
    method: 'GET',
    headers: {
      authorization: `Bearer ${secret}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
    },
  }),
  interpret: ({ status, json }) => {
    if (status === 200 && str(json, 'login') !== undefined)
      return { validity: 'valid', identity: str(json, 'login') as string };
    if (status === 401) return { validity: 'invalid' };
    return undefined;
  },
};
