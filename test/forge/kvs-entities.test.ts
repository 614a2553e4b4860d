// The entity declarations are what manifest.yml's app.storage.entities must hold: valid for the
// Forge manifest schema, within the platform's limits, and serving every index the adapters use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { stringify, parse } from 'yaml';
import { compileEntities } from '../../dev/forge-runtime/entities.js';
import { ENTITIES, ENTITY, RECENCY } from '../../src/forge/kvs-entities.js';

const schemaPath = createRequire(import.meta.url).resolve('@forge/manifest/schema.json');

describe('ENTITIES', () => {
  it('is valid for the manifest schema of @forge/manifest', () => {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as {
      definitions: { AppSchema: { properties: { storage: { properties: { entities: object } } } } };
    };
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(
      schema.definitions.AppSchema.properties.storage.properties.entities,
    );
    const ok = validate(ENTITIES);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is within the platform limits', () => {
    expect(() => compileEntities(ENTITIES)).not.toThrow();
    const compiled = compileEntities(ENTITIES);
    expect([...compiled.keys()].sort()).toEqual(Object.values(ENTITY).sort());
  });

  it('orders every listing index by recency, so listings page the same way on any index', () => {
    const listing = ENTITIES.filter(
      (d) => d.name === ENTITY.incident || d.name === ENTITY.incidentProject,
    ).flatMap((d) => d.indexes.filter((ix) => ix.name !== 'by-incident'));
    expect(listing).toHaveLength(10);
    for (const ix of listing) expect(ix.range).toEqual([RECENCY]);
  });

  it('is plain data: YAML of it has no anchors and reads back the same', () => {
    const yaml = stringify({ entities: ENTITIES });
    expect(yaml).not.toMatch(/[&*]\w/);
    expect(parse(yaml)).toEqual({ entities: ENTITIES });
  });
});
