import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByKey } from '../../src/model/sortByKey.ts';

describe('sortByKey', () => {
  it('sorts the doc example and carries the tags', () => {
    const key = Float64Array.of(0.7, 0.1, 0.4);
    const tag = Int32Array.of(0, 1, 2);
    sortByKey(key, tag, 3, 0, 1);
    expect(Array.from(key)).toEqual([0.1, 0.4, 0.7]);
    expect(Array.from(tag)).toEqual([1, 2, 0]);
  });

  it('agrees with a reference sort, with many ties and clustered keys', () => {
    const keys = fc.oneof(
      fc.double({ min: -1, max: 1, noNaN: true }).map((x) => x + 0), // no -0
      fc.constantFrom(-1, 0, 0.5, 1),
      fc.double({ min: 0.1, max: 0.1000001, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(keys, { maxLength: 300 }), (values) => {
        const key = Float64Array.from(values);
        const tag = Int32Array.from(values, (_, i) => i);
        sortByKey(key, tag, values.length, -1, 1);
        expect(Array.from(key)).toEqual([...values].sort((a, b) => a - b));
        for (let i = 0; i < values.length; i++) expect(values[tag[i]!]).toBe(key[i]);
        expect(new Set(tag).size).toBe(values.length);
      }),
    );
  });
});
