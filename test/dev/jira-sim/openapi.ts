/**
 * Validators for Jira's OpenAPI 3.0 document (../shared/reference/jira-platform-openapi-v3.json):
 * its components/schemas are added to ajv under one `$id`, with OpenAPI's `nullable` turned into
 * JSON Schema, so an operation's response (or request) schema can be compiled by path and method.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { sharedPath } from './sites.js';

const SPEC_ID = 'https://jira-sim.invalid/jira-platform-openapi-v3.json';

type Json = unknown;
type Obj = Record<string, Json>;
const isObject = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Where real Jira and the spec disagree, and the simulator follows real Jira. Each entry names
 * the schema, the properties made nullable, and why.
 */
export const SPEC_GAPS: readonly { schema: string; nullable: readonly string[]; why: string }[] = [
  {
    schema: 'ChangeDetails',
    nullable: ['from', 'fromString', 'to', 'toString'],
    why: 'Jira sends null for the side of a change that has no value (a field set for the first time, or from/to of text fields); the spec types them as plain strings.',
  },
];

/** OpenAPI 3.0 `nullable: true` -> JSON Schema, recursively; `$ref`s made absolute. */
function toJsonSchema(v: Json): Json {
  if (Array.isArray(v)) return v.map(toJsonSchema);
  if (!isObject(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    out[k] =
      k === '$ref' && typeof x === 'string' && x.startsWith('#/')
        ? `${SPEC_ID}${x}`
        : k === 'properties' && isObject(x)
          ? Object.fromEntries(Object.entries(x).map(([p, s]) => [p, toJsonSchema(s)]))
          : toJsonSchema(x);
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as Json[]), null];
    if (out.type === undefined) return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

const JIRA_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

export interface SpecValidators {
  /** The spec's schema for one operation's JSON response. */
  response(method: string, template: string, status: number): ValidateFunction;
  /** The spec's schema for one operation's JSON request body. */
  request(method: string, template: string): ValidateFunction;
  /** `#/components/schemas/<name>`. */
  schema(name: string): ValidateFunction;
}

export function loadSpec(): Obj {
  return JSON.parse(
    readFileSync(sharedPath('reference/jira-platform-openapi-v3.json'), 'utf8'),
  ) as Obj;
}

export function specValidators(spec: Obj = loadSpec()): SpecValidators {
  const components = spec.components as { schemas: Obj };
  const schemas = structuredClone(components.schemas);
  for (const gap of SPEC_GAPS) {
    const props = (schemas[gap.schema] as { properties: Record<string, Obj> }).properties;
    for (const p of gap.nullable) (props[p] as Obj).nullable = true;
  }
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  // Jira's own timestamps have a `+0000` offset (no colon), which RFC 3339 would refuse.
  ajv.addFormat('date-time', JIRA_TIME);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('url', (s: string) => URL.canParse(s));
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat('byte', /^[A-Za-z0-9+/]*={0,2}$/);
  ajv.addFormat('binary', () => true);
  ajv.addSchema({ $id: SPEC_ID, components: { schemas: toJsonSchema(schemas) } });

  const cache = new Map<string, ValidateFunction>();
  const compile = (key: string, schema: () => Json): ValidateFunction => {
    let v = cache.get(key);
    if (!v) {
      v = ajv.compile(toJsonSchema(schema()) as Obj);
      cache.set(key, v);
    }
    return v;
  };
  const operation = (method: string, template: string): Obj => {
    const op = (spec.paths as Record<string, Record<string, Obj>>)[template]?.[
      method.toLowerCase()
    ];
    if (!op) throw new Error(`no operation ${method} ${template} in the spec`);
    return op;
  };
  const jsonSchema = (holder: Json, what: string): Json => {
    const s = ((holder as Obj | undefined)?.content as Record<string, Obj> | undefined)?.[
      'application/json'
    ]?.schema;
    if (s === undefined) throw new Error(`no JSON schema for ${what}`);
    return s;
  };
  return {
    response: (method, template, status) =>
      compile(`res ${method} ${template} ${status}`, () =>
        jsonSchema(
          (operation(method, template).responses as Obj)[String(status)],
          `${method} ${template} ${status}`,
        ),
      ),
    request: (method, template) =>
      compile(`req ${method} ${template}`, () =>
        jsonSchema(operation(method, template).requestBody, `${method} ${template} request`),
      ),
    schema: (name) => compile(`schema ${name}`, () => ({ $ref: `#/components/schemas/${name}` })),
  };
}

/** ajv's errors, short enough to read in a failed assertion. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? [])
    .slice(0, 10)
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
