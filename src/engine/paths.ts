/**
 * Parameter paths: where an experiment's varied parameter sits in the scenario, e.g.
 * `countries.B.ratification.quota`, `countries[1].ratification.quota` or
 * `countries.1.ratification.quota` (a country by name or by position), `protocol.name`,
 * `space.D`. A path must end at a value of the scenario schema (a number, string,
 * boolean or list of numbers, or one entry of such a list); an unknown path is refused
 * with the nearest valid paths by edit distance.
 * @module
 */
import { UserError } from '../errors.ts';
import { editDistance } from '../scenario/editDistance.ts';
import { scenarioJsonSchema } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { type SchemaNode, schemaAlternatives } from '../scenario/schemaAlternatives.ts';

/** A resolved path: object keys and array indices, e.g. `['countries', 1, 'tau']`. */
export type PathSegments = (string | number)[];

let leafPatterns: Set<string> | undefined;
let objectPatterns: Set<string> | undefined;

/**
 * The scenario's value paths as patterns, array positions written `*`
 * (`countries.*.ratification.quota`), read from the scenario JSON Schema; the paths of
 * its objects (`countries.*.ratification`, what named alternatives replace) go to
 * `objectPatterns`.
 */
function scenarioLeafPatterns(): Set<string> {
  if (leafPatterns) return leafPatterns;
  const out = new Set<string>();
  const objects = new Set<string>();
  const walk = (node: SchemaNode, path: string[]) => {
    for (const variant of schemaAlternatives(node)) {
      if (variant.properties) {
        if (path.length > 0) objects.add(path.join('.'));
        for (const [key, child] of Object.entries(variant.properties)) walk(child, [...path, key]);
      } else if (variant.items && schemaAlternatives(variant.items).some((v) => v.properties)) {
        walk(variant.items, [...path, '*']);
      } else if (path.length > 0) {
        out.add(path.join('.'));
        if (variant.items) out.add([...path, '*'].join('.'));
      }
    }
  };
  walk(scenarioJsonSchema() as SchemaNode, []);
  leafPatterns = out;
  objectPatterns = objects;
  return out;
}

/**
 * How many of the scenario's values end with the field `field` (`quota`: 2, the single
 * chamber's and each listed chamber's; `sigmaForeign`: 1): a field named once can stand for
 * its path in a label.
 */
export function fieldOccurrences(field: string): number {
  let n = 0;
  for (const pattern of scenarioLeafPatterns()) if (pattern.split('.').at(-1) === field) n++;
  return n;
}

/**
 * Every valid parameter path of a scenario as a user writes it: countries by name,
 * other list entries as `[0]` (e.g. `countries.A.ratification.chambers[0].quota`).
 */
export function scenarioParameterPaths(scenario: Scenario): string[] {
  const names = scenario.countries.map((c) => c.name);
  const paths: string[] = [];
  for (const pattern of scenarioLeafPatterns()) {
    const written = pattern.replace(/\.\*/g, '[0]');
    if (pattern.startsWith('countries.*')) {
      for (const name of names)
        paths.push(`countries.${name}${written.slice('countries[0]'.length)}`);
    } else paths.push(written);
  }
  return paths;
}

/**
 * The `count` valid paths nearest to `path` by edit distance (ties in schema order).
 *
 * @example
 * nearestParameterPaths('countries.B.ratification.qouta', scenario, 1);
 * // ['countries.B.ratification.quota'] (distance 2)
 */
export function nearestParameterPaths(path: string, scenario: Scenario, count = 5): string[] {
  return scenarioParameterPaths(scenario)
    .map((p, order) => ({ p, order, d: editDistance(path, p) }))
    .sort((x, y) => x.d - y.d || x.order - y.order)
    .slice(0, count)
    .map((x) => x.p);
}

/** Splits `a.b[1].c` into `['a', 'b', '1', 'c']`. */
function splitPath(path: string): string[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((s) => s !== '');
}

/**
 * Resolves a parameter path against a validated scenario: a country segment becomes its
 * position (by name or number), other numeric segments list positions.
 *
 * @param target `object` for a parameter with named alternatives (the path ends at an object)
 * @throws UserError when the path is not a value (or object) of the scenario, listing the nearest valid paths
 * @example
 * resolveParameterPath('countries.B.ratification.quota', scenario);
 * // ['countries', 1, 'ratification', 'quota'] when B is the second country
 */
export function resolveParameterPath(
  path: string,
  scenario: Scenario,
  target: 'value' | 'object' = 'value',
): PathSegments {
  const parts = splitPath(path);
  const segments: PathSegments = [];
  const pattern: string[] = [];
  let valid = parts.length > 0;
  for (let i = 0; i < parts.length && valid; i++) {
    const part = parts[i]!;
    if (i === 1 && parts[0] === 'countries') {
      const byName = scenario.countries.findIndex((c) => c.name === part);
      const index = byName >= 0 ? byName : /^\d+$/.test(part) ? Number(part) : -1;
      valid = index >= 0 && index < scenario.countries.length;
      segments.push(index);
      pattern.push('*');
    } else if (/^\d+$/.test(part)) {
      segments.push(Number(part));
      pattern.push('*');
    } else {
      segments.push(part);
      pattern.push(part);
    }
  }
  const leaves = scenarioLeafPatterns();
  const known = target === 'value' ? leaves : objectPatterns!;
  if (valid && known.has(pattern.join('.'))) return segments;
  if (target === 'object') {
    throw new UserError(
      `parameter path '${path}': alternatives replace an object of the scenario (such as countries.${scenario.countries[1]!.name}.ratification or protocol), and this path is ${valid && leaves.has(pattern.join('.')) ? 'a single value: give it values instead of alternatives' : 'not an object of the scenario'}`,
    );
  }
  const near = nearestParameterPaths(path, scenario);
  throw new UserError(
    `parameter path '${path}' is not a value of the scenario. Nearest valid paths:\n  ${near.join('\n  ')}\n(countries may be named or numbered: countries.${scenario.countries[1]!.name}.tau or countries[1].tau)`,
  );
}

/**
 * Returns a copy of `target` with the value at `segments` replaced (objects and lists on
 * the way are copied, missing objects created), leaving `target` untouched.
 *
 * @example
 * withParameter({ a: { b: 1 } }, ['a', 'b'], 2); // { a: { b: 2 } }
 */
export function withParameter<T>(target: T, segments: PathSegments, value: unknown): T {
  if (segments.length === 0) return value as T;
  const [head, ...rest] = segments as [string | number, ...PathSegments];
  const node = target as Record<string | number, unknown> | unknown[] | undefined;
  const copy = (
    Array.isArray(node)
      ? [...node]
      : typeof node === 'object' && node !== null
        ? { ...node }
        : typeof head === 'number'
          ? []
          : {}
  ) as Record<string | number, unknown>;
  copy[head] = withParameter(copy[head], rest, value);
  return copy as T;
}
