/**
 * Hugging Face: `GET https://huggingface.co/api/whoami-v2` with the token as a Bearer credential
 * (what `huggingface_hub.whoami()` calls). 200 with the account `name` is a live token, 401
 * ("Invalid credentials in Authorization header") a dead one.
 * Docs: https://huggingface.co/docs/hub/api (GET /api/whoami-v2)
 *       https://huggingface.co/docs/huggingface_hub/package_reference/hf_api#huggingface_hub.HfApi.whoami
 * @module
 */
import { bearerGet, type Checker, str } from './types.js';

export const huggingface: Checker = {
  provider: 'huggingface',
  name: 'Hugging Face',
  host: 'huggingface.co',
  detectors: ['huggingface-access-token'],
  docs: [
    'https://huggingface.co/docs/hub/api',
    'https://huggingface.co/docs/huggingface_hub/package_reference/hf_api#huggingface_hub.HfApi.whoami',
  ],
  why: 'GET /api/whoami-v2 with the token: 200 means it works, 401 means it does not.',
  request: bearerGet('https://huggingface.co/api/whoami-v2'),
  interpret: ({ status, json }) => {
    const name = str(json, 'name');
    if (status === 200 && name !== undefined) return { validity: 'valid', identity: name };
    if (status === 401) return { validity: 'invalid' };
    return undefined;
  },
};
