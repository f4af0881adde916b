import { describe, expect, it } from 'vitest';
import { schemaAlternatives } from '../../src/scenario/schemaAlternatives.ts';

describe('schemaAlternatives', () => {
  it('flattens nested anyOf and oneOf in order', () => {
    const node = {
      anyOf: [{ type: 'number' }, { oneOf: [{ const: 'a' }, { anyOf: [{ const: 'b' }] }] }],
    };
    expect(schemaAlternatives(node)).toEqual([{ type: 'number' }, { const: 'a' }, { const: 'b' }]);
  });

  it('returns a node that is no union as its only alternative', () => {
    const node = { type: 'string' };
    expect(schemaAlternatives(node)).toEqual([node]);
    expect(schemaAlternatives(node)[0]).toBe(node);
  });
});
