import type { z } from 'zod';
import { shown } from '../errors.ts';
import { editDistance } from './editDistance.ts';
import { MAX_MAGNITUDE } from './schema.ts';
import { type SchemaNode, schemaAlternatives } from './schemaAlternatives.ts';

/** Writes a config path the way a user reads it: `countries[1].constituents.count`. */
export function formatPath(path: readonly PropertyKey[], prefix = '') {
  let out = prefix;
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(top level)' : out;
}

function getIn(value: unknown, path: readonly PropertyKey[]) {
  return path.reduce<unknown>(
    (v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key],
    value,
  );
}

function variants(node: SchemaNode) {
  return node.oneOf ?? node.anyOf;
}

/** The schema nodes that may describe the value at `path`, following unions by the input. */
function nodesAt(root: SchemaNode, path: readonly PropertyKey[], input: unknown): SchemaNode[] {
  let nodes = [root];
  let value = input;
  for (const key of path) {
    const next: SchemaNode[] = [];
    for (const node of nodes.flatMap(schemaAlternatives)) {
      const kind = (value as { kind?: unknown } | undefined)?.kind;
      const tag = node.properties?.kind?.const;
      if (tag !== undefined && kind !== undefined && tag !== kind) continue;
      if (typeof key === 'number') {
        const item = node.prefixItems?.[key] ?? node.items;
        if (item) next.push(item);
      } else if (node.properties?.[key as string]) next.push(node.properties[key as string]!);
    }
    nodes = next;
    value = (value as Record<PropertyKey, unknown> | undefined)?.[key as never];
  }
  return nodes;
}

/** The object alternatives of `nodes` that `value` may be (its `kind` picks one when set). */
function objectsFor(nodes: SchemaNode[], value: unknown): SchemaNode[] {
  const kind = (value as { kind?: unknown } | undefined)?.kind;
  const all = nodes.flatMap(schemaAlternatives).filter((n) => n.properties);
  const tagged = all.filter((n) => n.properties?.kind?.const === kind);
  return kind !== undefined && tagged.length > 0 ? tagged : all;
}

/** Says in words what a schema node accepts, e.g. "a positive integer". */
export function describeNode(node: SchemaNode): string {
  const alternatives = variants(node);
  if (alternatives) {
    const kinds = alternatives.map((v) => v.properties?.kind?.const).filter((k) => k !== undefined);
    if (kinds.length === alternatives.length) {
      return `an object with kind ${kinds.map((k) => `'${k}'`).join(', ')}`;
    }
    return [...new Set(alternatives.map(describeNode))].join(' or ');
  }
  if (node.const !== undefined) return shown(node.const);
  if (node.enum) return `one of ${node.enum.map((v) => shown(v)).join(', ')}`;
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  if (type === 'integer' || type === 'number') {
    const noun = type === 'integer' ? 'n integer' : ' number';
    const { minimum: min, exclusiveMinimum: xmin, exclusiveMaximum: xmax } = node;
    const max =
      node.maximum !== undefined && node.maximum !== Number.MAX_SAFE_INTEGER
        ? node.maximum
        : undefined;
    if (type === 'integer' && min === 1 && max === undefined) return 'a positive integer';
    if (type === 'integer' && min === 0 && max === undefined) return 'a non-negative integer';
    if (min === 0 && max === MAX_MAGNITUDE) return `a finite${noun} >= 0 (at most ${max})`;
    if (min !== undefined && max !== undefined) return `a${noun} from ${min} to ${max}`;
    const bounds = [
      min !== undefined ? `>= ${min}` : xmin !== undefined ? `> ${xmin}` : '',
      max !== undefined ? `<= ${max}` : xmax !== undefined ? `< ${xmax}` : '',
    ].filter(Boolean);
    return `a${noun}${bounds.length ? ` ${bounds.join(' and ')}` : ''}`;
  }
  if (type === 'array') {
    const item = node.items ? describeNode(node.items).replace(/^an? /, '') : 'value';
    const size = node.minItems === 1 ? 'non-empty ' : '';
    const more = node.minItems && node.minItems > 1 ? ` (at least ${node.minItems})` : '';
    return `a ${size}list of ${item.replace(/\b(number|integer|string|object|value)\b/, '$1s')}${more}`;
  }
  if (type === 'object') return 'an object';
  if (type === 'string') return 'a string';
  if (type === 'boolean') return 'true or false';
  return 'a valid value';
}

function nearest(word: string, candidates: string[]) {
  const best = candidates
    .map((c) => ({ c, d: editDistance(word.toLowerCase(), c.toLowerCase()) }))
    .sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(2, word.length / 3) ? best.c : undefined;
}

/**
 * Turns a zod validation error into one line per mistake, each saying where (the config
 * path), what was wrong and what would be valid, e.g.
 * `countries[1].constituents.count: expected a positive integer, got -3`.
 * What is valid is read from the JSON Schema of the same zod schema, so the message
 * follows the schema without a second list of rules.
 */
export function describeIssues(
  error: z.ZodError,
  jsonSchema: object,
  input: unknown,
  prefix = '',
): string[] {
  return error.issues.flatMap((issue): string | string[] => {
    const where = formatPath(issue.path, prefix);
    const nodes = nodesAt(jsonSchema as SchemaNode, issue.path, input);
    const got = (issue as { input?: unknown }).input;
    if (issue.code === 'custom') return `${where}: ${issue.message}`;
    const options = (issue as { options?: unknown[] }).options;
    if (issue.code === 'invalid_union' && options) {
      const at = getIn(input, issue.path);
      const owner = getIn(input, issue.path.slice(0, -1));
      // A missing `kind` tag: name the keys that are given, to show a typo such as `knd`.
      const keys =
        issue.path.at(-1) === 'kind' &&
        at === undefined &&
        owner !== null &&
        typeof owner === 'object'
          ? Object.keys(owner)
          : [];
      const typo = keys.find((k) => nearest(k, ['kind']));
      const given = keys.length
        ? ` (keys given: ${keys.map((k) => `'${k}'`).join(', ')}${typo ? `; did you mean 'kind' for '${typo}'?` : ''})`
        : '';
      return `${where}: expected one of ${options.map((v) => shown(v)).join(', ')}, got ${shown(at)}${given}`;
    }
    if (issue.code === 'unrecognized_keys') {
      const objects = objectsFor(nodes, getIn(input, issue.path));
      const valid = [...new Set(objects.flatMap((n) => Object.keys(n.properties ?? {})))];
      return issue.keys.map((key) => {
        const guess = nearest(key, valid);
        const listed =
          valid.length > 0 ? `valid keys here: ${valid.join(', ')}` : 'no keys are valid here';
        return `${formatPath([...issue.path, key], prefix)}: unknown key${guess ? ` (did you mean '${guess}'?)` : ''}; ${listed}`;
      });
    }
    if (issue.code === 'invalid_type' && (issue as { received?: string }).received) {
      return `${where}: expected ${nodes.length ? describeNode(nodes[0]!) : issue.expected}, got ${(issue as { received?: string }).received}`;
    }
    const expected = nodes.length ? nodes.map(describeNode).join(' or ') : issue.message;
    return `${where}: expected ${expected}, got ${shown(got)}`;
  });
}
