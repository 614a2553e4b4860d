/**
 * Validators from the incident API contract (docs/incident-api.openapi.yaml): its component
 * schemas are added to ajv (JSON Schema 2020-12, as OpenAPI 3.1 says) under one `$id`, so an
 * operation's request or response schema can be compiled by path, method and status.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';

export const SPEC_FILE = fileURLToPath(
  new URL('../../docs/incident-api.openapi.yaml', import.meta.url),
);
const ID = 'https://incident-api.invalid/openapi.yaml';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function at(root: unknown, ...path: string[]): unknown {
  let v = root;
  for (const p of path) {
    if (!isObj(v) || !(p in v)) throw new Error(`contract: no ${path.join(' > ')}`);
    v = v[p];
  }
  return v;
}

/** `#/components/schemas/X` -> `<ID>#/$defs/X`, recursively. */
function absolute(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(absolute);
  if (!isObj(v)) return v;
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [
      k,
      k === '$ref' && typeof x === 'string' && x.startsWith('#/components/schemas/')
        ? `${ID}#/$defs/${x.slice('#/components/schemas/'.length)}`
        : absolute(x),
    ]),
  );
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface Contract {
  readonly spec: Obj;
  /** The JSON request body schema of an operation. */
  request(method: string, path: string): ValidateFunction;
  /** The JSON response schema of an operation for one status. */
  response(method: string, path: string, status: number): ValidateFunction;
  /** The headers an operation's response declares for one status (lower-case names). */
  responseHeaders(method: string, path: string, status: number): string[];
  /** `#/components/schemas/<name>`. */
  schema(name: string): ValidateFunction;
}

export function loadContract(): Contract {
  const spec = parse(readFileSync(SPEC_FILE, 'utf8')) as Obj;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (s: string) => RFC3339.test(s) && !Number.isNaN(Date.parse(s)),
  });
  ajv.addSchema({ $id: ID, $defs: absolute(at(spec, 'components', 'schemas')) });
  const operation = (method: string, path: string): Obj => {
    const op = at(spec, 'paths', path, method.toLowerCase());
    if (!isObj(op)) throw new Error(`contract: ${method} ${path} is not an operation`);
    return op;
  };
  const response = (method: string, path: string, status: number): Obj => {
    let r = at(operation(method, path), 'responses', String(status));
    if (isObj(r) && typeof r.$ref === 'string')
      r = at(spec, ...r.$ref.replace(/^#\//, '').split('/'));
    if (!isObj(r)) throw new Error(`contract: bad response ${status} of ${method} ${path}`);
    return r;
  };
  return {
    spec,
    request: (method, path) =>
      ajv.compile(
        absolute(
          at(operation(method, path), 'requestBody', 'content', 'application/json', 'schema'),
        ) as Obj,
      ),
    response: (method, path, status) =>
      ajv.compile(
        absolute(
          at(response(method, path, status), 'content', 'application/json', 'schema'),
        ) as Obj,
      ),
    responseHeaders: (method, path, status) => {
      const h = response(method, path, status).headers;
      return isObj(h) ? Object.keys(h).map((k) => k.toLowerCase()) : [];
    },
    schema: (name) => {
      const v = ajv.getSchema(`${ID}#/$defs/${name}`);
      if (!v) throw new Error(`contract: no schema ${name}`);
      return v;
    },
  };
}

/** ajv's errors as `path: message` lines (empty when valid). */
export function problems(validate: ValidateFunction, data: unknown): string[] {
  return validate(data)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}
