/**
 * GitLab (gitlab.com): `GET https://gitlab.com/api/v4/personal_access_tokens/self` with the token
 * in the `PRIVATE-TOKEN` header. Read-only; 200 gives the token's own record (`active`, `revoked`,
 * `user_id`), 401 means GitLab.com does not accept it. A token of a self-managed instance is not
 * known to gitlab.com and reads `invalid` here: only gitlab.com tokens are checked by this checker.
 * Docs: https://docs.gitlab.com/api/personal_access_tokens/#get-details-on-a-personal-access-token
 *       https://docs.gitlab.com/api/rest/authentication/#personalprojectgroup-access-tokens
 * @module
 */
import { isObj, type Checker } from './types.js';

export const gitlab: Checker = {
  provider: 'gitlab',
  name: 'GitLab.com',
  host: 'gitlab.com',
  detectors: ['gitlab-pat', 'gitlab-pat-routable'],
  docs: [
    'https://docs.gitlab.com/api/personal_access_tokens/#get-details-on-a-personal-access-token',
    'https://docs.gitlab.com/api/rest/authentication/#personalprojectgroup-access-tokens',
  ],
  why: 'GET /api/v4/personal_access_tokens/self with the token: 200 and active means it works, 401 means gitlab.com does not accept it.',
  request: (secret) => ({
    url: 'https://gitlab.com/api/v4/personal_access_tokens/self',
    method: 'GET',
    headers: { 'private-token': secret },
  }),
  interpret: ({ status, json }) => {
    if (status === 200 && isObj(json) && typeof json.active === 'boolean') {
      if (json.active && json.revoked !== true)
        return typeof json.user_id === 'number'
          ? { validity: 'valid', identity: `user ${json.user_id}` }
          : { validity: 'valid' };
      return { validity: 'invalid' };
    }
    if (status === 401) return { validity: 'invalid' };
    return undefined;
  },
};
