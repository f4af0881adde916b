import type { SchemaNode } from './schemaAlternatives.ts';

/** A JSON Schema node with the fields this module reads and writes. */
interface DocumentedNode extends SchemaNode {
  description?: string;
  default?: unknown;
  additionalProperties?: DocumentedNode | boolean;
  $schema?: string;
}

function isPlain(value: unknown): boolean {
  return (
    value === null ||
    ['number', 'string', 'boolean'].includes(typeof value) ||
    (Array.isArray(value) && value.every(isPlain))
  );
}

/**
 * A copy of a JSON Schema whose descriptions end with their default, `...; default 0.5`,
 * for every node with a description and a number, string, boolean or list of them as its
 * `default` (object defaults, such as `{}` for a group of fields, are described in words),
 * so an editor's hover shows the default even where it ignores the `default` keyword.
 *
 * @example
 * describeDefaults({ properties: { q: { description: 'quota theta', default: 0.5 } } });
 * // { properties: { q: { description: 'quota theta; default 0.5', default: 0.5 } } }
 */
export function describeDefaults<T extends object>(schema: T): T {
  const walk = (node: DocumentedNode): DocumentedNode => {
    const out: DocumentedNode = { ...node };
    if (out.description !== undefined && out.default !== undefined && isPlain(out.default)) {
      out.description = `${out.description}; default ${JSON.stringify(out.default)}`;
    }
    if (node.properties) {
      out.properties = Object.fromEntries(
        Object.entries(node.properties).map(([key, child]) => [key, walk(child)]),
      );
    }
    if (node.items) out.items = walk(node.items);
    if (node.prefixItems) out.prefixItems = node.prefixItems.map(walk);
    if (node.anyOf) out.anyOf = node.anyOf.map(walk);
    if (node.oneOf) out.oneOf = node.oneOf.map(walk);
    if (typeof node.additionalProperties === 'object') {
      out.additionalProperties = walk(node.additionalProperties);
    }
    return out;
  };
  return walk(schema as DocumentedNode) as T;
}

/**
 * Every property of a JSON Schema (alternatives and list items included) that has no
 * description, as config paths (`countries[].tau`); the tests require none.
 */
export function undescribedFields(schema: object): string[] {
  const missing: string[] = [];
  const walk = (node: DocumentedNode, path: string) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const at = path === '' ? key : `${path}.${key}`;
      if ((child as DocumentedNode).description === undefined && key !== 'kind') missing.push(at);
      walk(child, at);
    }
    if (node.items) walk(node.items, `${path}[]`);
    node.prefixItems?.forEach((item) => void walk(item, `${path}[]`));
    for (const variant of node.anyOf ?? node.oneOf ?? []) walk(variant, path);
    if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${path}.*`);
  };
  walk(schema as DocumentedNode, '');
  return [...new Set(missing)];
}
