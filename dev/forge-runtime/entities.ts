/**
 * Custom-entity declarations as manifest.yml's `app.storage.entities` holds them, checked against
 * the platform's limits and compiled into what the KVS emulation needs to answer index queries.
 * Only declared indexes exist, as on the platform, so a query on an index the manifest lacks
 * fails in tests instead of in production.
 * @module
 */

export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

export interface IndexDeclaration {
  readonly name: string;
  readonly partition?: readonly string[];
  readonly range: readonly string[];
}

export interface EntityDeclaration {
  readonly name: string;
  readonly attributes: Readonly<Record<string, { readonly type: AttributeType }>>;
  readonly indexes?: readonly (string | IndexDeclaration)[];
}

export const ENTITY_LIMITS = {
  entities: 20,
  indexesPerEntity: 7,
  attributesPerEntity: 50,
  attributeNameLength: 30,
  entityNameLength: [3, 60],
  indexNameLength: [3, 50],
} as const;

/** The automatic index on each entity's key; it takes no partition and ranges over the key. */
export const KEY_INDEX = 'by-key';

/** manifest schema: `^(?![_\.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$`. */
const ENTITY_NAME = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<!\.)$/;
const ATTRIBUTE_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;
const INDEX_NAME = /^(?!\.)(?!.*\.{2})[a-zA-Z0-9:\-_.]+(?<!\.)$/;
const TYPES: readonly string[] = ['string', 'integer', 'float', 'boolean', 'any'];

export interface CompiledIndex {
  readonly name: string;
  readonly partition: readonly string[];
  /** The range attribute, or undefined for the key index (which ranges over the key). */
  readonly range: string | undefined;
}

export interface CompiledEntity {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, AttributeType>;
  readonly indexes: ReadonlyMap<string, CompiledIndex>;
}

const KEY_INDEX_SPEC: CompiledIndex = { name: KEY_INDEX, partition: [], range: undefined };

/** Checks declarations against the platform's rules; throws one error listing every problem. */
export function compileEntities(
  declarations: readonly EntityDeclaration[],
): ReadonlyMap<string, CompiledEntity> {
  const problems: string[] = [];
  const out = new Map<string, CompiledEntity>();
  if (declarations.length > ENTITY_LIMITS.entities) {
    problems.push(`${declarations.length} entities: at most ${ENTITY_LIMITS.entities}`);
  }
  for (const d of declarations) {
    const at = `entity ${JSON.stringify(d.name)}`;
    const [minName, maxName] = ENTITY_LIMITS.entityNameLength;
    if (d.name.length < minName || d.name.length > maxName || !ENTITY_NAME.test(d.name)) {
      problems.push(`${at}: name must be ${minName}-${maxName} characters of [a-z0-9:-_.]`);
    }
    if (out.has(d.name)) problems.push(`${at}: declared twice`);
    const attributes = new Map<string, AttributeType>();
    for (const [name, { type }] of Object.entries(d.attributes)) {
      if (!ATTRIBUTE_NAME.test(name) || name.length > ENTITY_LIMITS.attributeNameLength) {
        problems.push(
          `${at}: attribute ${JSON.stringify(name)} must match [a-zA-Z][a-zA-Z0-9_]* and have at most ${ENTITY_LIMITS.attributeNameLength} characters`,
        );
      }
      if (!TYPES.includes(type)) problems.push(`${at}: attribute ${name} has unknown type ${type}`);
      attributes.set(name, type);
    }
    if (attributes.size > ENTITY_LIMITS.attributesPerEntity) {
      problems.push(
        `${at}: ${attributes.size} attributes, at most ${ENTITY_LIMITS.attributesPerEntity}`,
      );
    }
    const indexes = new Map<string, CompiledIndex>([[KEY_INDEX, KEY_INDEX_SPEC]]);
    const declared = d.indexes ?? [];
    if (declared.length > ENTITY_LIMITS.indexesPerEntity) {
      problems.push(`${at}: ${declared.length} indexes, at most ${ENTITY_LIMITS.indexesPerEntity}`);
    }
    const indexable = (index: string, attr: string): void => {
      const type = attributes.get(attr);
      if (type === undefined) {
        problems.push(`${at}: index ${index} uses undeclared attribute ${attr}`);
      } else if (type === 'any') {
        problems.push(`${at}: index ${index} uses ${attr}, of type any, which cannot be indexed`);
      }
    };
    for (const ix of declared) {
      let spec: CompiledIndex;
      if (typeof ix === 'string') {
        indexable(ix, ix);
        spec = { name: ix, partition: [], range: ix };
      } else {
        const [minIx, maxIx] = ENTITY_LIMITS.indexNameLength;
        if (ix.name.length < minIx || ix.name.length > maxIx || !INDEX_NAME.test(ix.name)) {
          problems.push(`${at}: index name ${JSON.stringify(ix.name)} is not valid`);
        }
        if (ix.range.length !== 1) {
          problems.push(`${at}: index ${ix.name} must have exactly one range attribute`);
        }
        if (ix.partition?.length === 0) {
          problems.push(`${at}: index ${ix.name} has an empty partition (omit it instead)`);
        }
        for (const a of [...(ix.partition ?? []), ...ix.range]) indexable(ix.name, a);
        spec = { name: ix.name, partition: ix.partition ?? [], range: ix.range[0] };
      }
      if (indexes.has(spec.name)) problems.push(`${at}: index ${spec.name} declared twice`);
      indexes.set(spec.name, spec);
    }
    out.set(d.name, { name: d.name, attributes, indexes });
  }
  if (problems.length > 0) {
    throw new Error(`invalid custom entity declarations:\n- ${problems.join('\n- ')}`);
  }
  return out;
}
