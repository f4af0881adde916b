/** A JSON Schema node, as `z.toJSONSchema` writes it (the parts the scenario code reads). */
export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  prefixItems?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
}

/**
 * The alternatives a schema node allows, with nested unions (`oneOf`, or `anyOf`; zod writes
 * one or the other, never both) flattened in order; a node that is no union is its own only
 * alternative.
 *
 * @param node a JSON Schema node
 * @returns the non-union nodes the value may match
 * @example
 * schemaAlternatives({ anyOf: [{ type: 'number' }, { oneOf: [{ const: 'a' }, { const: 'b' }] }] });
 * // [{ type: 'number' }, { const: 'a' }, { const: 'b' }]
 */
export function schemaAlternatives(node: SchemaNode): SchemaNode[] {
  const variants = node.oneOf ?? node.anyOf;
  return variants ? variants.flatMap(schemaAlternatives) : [node];
}
