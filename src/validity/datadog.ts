/**
 * Datadog: `GET https://api.datadoghq.com/api/v1/validate` with the key in the `DD-API-KEY`
 * header. It only says whether the key is valid: 200 `{"valid": true}` for a live key, 403
 * `{"errors": ["Forbidden"]}` for one that is not. The key of another Datadog site (EU, US3, US5,
 * AP1, Gov) is unknown at US1 and answers 403 too: the README says so.
 * Docs: https://docs.datadoghq.com/api/latest/authentication/#validate-api-key
 *       https://docs.datadoghq.com/api/latest/#api-and-application-keys
 * @module
 */
import { headerGet, isObj, whoami, type Checker } from './types.js';

export const datadog: Checker = {
  provider: 'datadog',
  name: 'Datadog',
  host: 'api.datadoghq.com',
  // Application keys only work with an API key: the validate endpoint takes the API key alone.
  detectors: ['datadog-api-key'],
  docs: [
    'https://docs.datadoghq.com/api/latest/authentication/#validate-api-key',
    'https://docs.datadoghq.com/api/latest/#api-and-application-keys',
  ],
  why: 'GET /api/v1/validate with the key: {"valid": true} means it works, 403 means it does not (at the US1 site).',
  request: headerGet('https://api.datadoghq.com/api/v1/validate', 'dd-api-key'),
  interpret: whoami((j) => isObj(j) && j.valid === true, [403]),
};
