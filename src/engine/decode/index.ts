/**
 * The decoders the engine runs before detection (see scan.ts): each finds its spans cheaply
 * (keyword hits, or a search for `\`, `%`, `&`) and decodes them with a map back to the original.
 * @module
 */
import { BASE64_CONTAINER_KEYWORDS, findBase64Containers } from './base64-containers.js';
import { findHtmlEntities } from './html-entities.js';
import { findJsonEscapes } from './json-escapes.js';
import { findLinePrefixed } from './line-prefix.js';
import { findPercentEncoded } from './percent.js';
import type { DecodeCut, DecodedSpan, DecodeLimits } from './span.js';
import { findStringConcats } from './string-concat.js';

export { mayStartContainer } from './base64-containers.js';
export type { DecodeCut, DecodedSpan, DecodeLimits, Encoding } from './span.js';

export interface EncodedSpans {
  readonly spans: DecodedSpan[];
  readonly cuts: DecodeCut[];
  /** Kinds that held more spans than the limit. */
  readonly more: string[];
}

/** Which escape kinds may be present (the text has a `\`, `%`, `&`); absent ones are not searched. */
export interface Present {
  readonly jsonEscapes: boolean;
  readonly percent: boolean;
  readonly htmlEntities: boolean;
}

/** Where a PEM armour starts: its lines may carry a prefix, or be string literals in code. */
const ARMOUR_KEYWORD = '-----begin';
/** Lower-case keywords whose hits the engine hands to findEncodedSpans. */
export const DECODE_KEYWORDS = [...BASE64_CONTAINER_KEYWORDS, ARMOUR_KEYWORD] as const;
const isArmourHit = (text: string, at: number): boolean => text.charCodeAt(at) === 45; // '-'

const ALL: Present = { jsonEscapes: true, percent: true, htmlEntities: true };

/** Every decodable span of `text`; `hits` are where DECODE_KEYWORDS occur (none: none). */
export function findEncodedSpans(
  text: string,
  limits: DecodeLimits,
  hits: readonly number[],
  present: Present = ALL,
): EncodedSpans {
  const spans: DecodedSpan[] = [];
  const cuts: DecodeCut[] = [];
  const more: string[] = [];
  const armours = hits.filter((h) => isArmourHit(text, h));
  const base64Hits = armours.length ? hits.filter((h) => !isArmourHit(text, h)) : hits;
  const results = [
    base64Hits.length ? findBase64Containers(text, limits, base64Hits) : undefined,
    present.jsonEscapes ? findJsonEscapes(text, limits) : undefined,
    present.percent ? findPercentEncoded(text, limits) : undefined,
    present.htmlEntities ? findHtmlEntities(text, limits) : undefined,
    armours.length ? findLinePrefixed(text, limits, armours) : undefined,
    armours.length ? findStringConcats(text, limits, armours) : undefined,
  ];
  const names = ['base64', 'json-escape', 'percent', 'html-entity', 'line-prefix', 'string-concat'];
  results.forEach((r, i) => {
    if (!r) return;
    spans.push(...r.spans);
    cuts.push(...r.cuts);
    if (r.more) more.push(names[i] as string);
  });
  return { spans, cuts, more };
}
