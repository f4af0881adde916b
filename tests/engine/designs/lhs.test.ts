import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { lhsDesign } from '../../../src/engine/designs/lhs.ts';
import { cellsOf } from '../../../src/engine/designs/table.ts';

/** The design's cells as objects. */
const lhsCells = (...args: Parameters<typeof lhsDesign>) => cellsOf(lhsDesign(...args));

describe('lhsCells', () => {
  for (const n of [10, 37]) {
    it(`puts exactly one of ${n} points in each of ${n} strata of every parameter`, () => {
      const cells = lhsCells(
        [
          { path: 'q', range: [0.5, 1] },
          { path: 'g', range: [-2, 3] },
          { path: 'tau', range: [0.01, 100], scale: 'log' },
        ],
        n,
        seedrandom.alea(`lhs-${n}`),
      );
      expect(cells).toHaveLength(n);
      const stratum = {
        q: (x: number) => Math.floor(((x - 0.5) / 0.5) * n),
        g: (x: number) => Math.floor(((x + 2) / 5) * n),
        tau: (x: number) => Math.floor((Math.log(x / 0.01) / Math.log(1e4)) * n),
      };
      for (const [path, toStratum] of Object.entries(stratum)) {
        const strata = cells.map((c) => toStratum(c.values[path] as number)).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
      }
    });
  }

  it('pairs strata at random: the cells are not sorted in every parameter', () => {
    const cells = lhsCells(
      [
        { path: 'a', range: [0, 1] },
        { path: 'b', range: [0, 1] },
      ],
      37,
      seedrandom.alea('pairing'),
    );
    const a = cells.map((c) => c.values.a as number);
    const b = cells.map((c) => c.values.b as number);
    expect(a.some((x, i) => i > 0 && x < a[i - 1]!)).toBe(true);
    expect(a.every((x, i) => (b[i]! - 0.5) * (x - 0.5) >= 0)).toBe(false);
  });

  it('with one cell, draws anywhere in the single stratum', () => {
    const [cell] = lhsCells([{ path: 'q', range: [2, 3] }], 1, () => 0.25);
    expect(cell).toEqual({ index: 0, values: { q: 2.25 } });
  });
});
