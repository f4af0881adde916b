import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createSortScratch, rankValues, sortByKey } from '../../src/model/sortByKey.ts';

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

describe('rankValues', () => {
  /** The straightforward ranking: indices sorted by value, ties by index. */
  function reference(values: Float64Array, offset: number, stride: number, n: number) {
    const y = (j: number) => values[offset + j * stride]!;
    const tags = Array.from({ length: n }, (_, j) => j).sort((a, b) => y(a) - y(b) || a - b);
    return { keys: tags.map(y), tags };
  }

  it('ranks the doc example, ties by index', () => {
    const keys = new Float64Array(3);
    const tags = new Int32Array(3);
    rankValues(Float64Array.of(0.7, 0.1, 0.7), 0, 1, 3, keys, tags, createSortScratch());
    expect(Array.from(keys)).toEqual([0.1, 0.7, 0.7]);
    expect(Array.from(tags)).toEqual([1, 0, 2]);
  });

  it('agrees exactly with a stable reference sort on fixed-seed random values (normal, tied, clustered, strided)', () => {
    const rng = seedrandom.alea('rankValues');
    const scratch = createSortScratch();
    for (let trial = 0; trial < 400; trial++) {
      const n = trial % 7 === 0 ? Math.floor(rng() * 4) : 1 + Math.floor(rng() * 300);
      const stride = 1 + (trial % 3);
      const offset = trial % stride;
      const values = new Float64Array(n * stride + 1);
      const kind = trial % 4;
      for (let t = 0; t < values.length; t++) {
        const u = rng();
        // normal-like (sum of uniforms), a few levels (ties, -0 beside 0), a tight cluster
        if (kind === 0) values[t] = rng() + rng() + rng() - 1.5;
        else if (kind === 1) values[t] = [-1, -0, 0, 0.5, 1][Math.floor(u * 5)]!;
        else if (kind === 2) values[t] = 0.1 + 1e-9 * Math.floor(u * 40);
        else values[t] = u < 0.5 ? 0.3 : rng();
      }
      const keys = new Float64Array(n);
      const tags = new Int32Array(n);
      rankValues(values, offset, stride, n, keys, tags, scratch);
      const want = reference(values, offset, stride, n);
      expect(Array.from(tags)).toEqual(want.tags);
      for (let t = 0; t < n; t++) expect(Object.is(keys[t], want.keys[t])).toBe(true);
    }
  });
});
