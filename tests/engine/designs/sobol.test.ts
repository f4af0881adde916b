import { describe, expect, it } from 'vitest';
import { sobolDesign } from '../../../src/engine/designs/sobol.ts';
import { cellsOf } from '../../../src/engine/designs/table.ts';
import { sobolPoints } from '../../../src/model/sobol.ts';

/** The design's cells as objects. */
const sobolCells = (...args: Parameters<typeof sobolDesign>) => cellsOf(sobolDesign(...args));

describe('sobolCells', () => {
  it('equals sobolPoints scaled to each range', () => {
    const parameters = [
      { path: 'q', range: [0.5, 1] as [number, number] },
      { path: 'n', range: [1, 1000] as [number, number], scale: 'log' as const },
      { path: 'g', range: [-1, 1] as [number, number] },
    ];
    const cells = sobolCells(parameters, 16, 3);
    const points = sobolPoints(16, 3, 3);
    expect(cells).toHaveLength(16);
    cells.forEach((cell, i) => {
      expect(cell.index).toBe(i);
      expect(cell.values.q).toBe(0.5 + points[i * 3]! * 0.5);
      expect(cell.values.n).toBeCloseTo(1000 ** points[i * 3 + 1]!, 9);
      expect(cell.values.g).toBe(-1 + points[i * 3 + 2]! * 2);
    });
  });

  it('gives the published first points, (0,0), (1/2,1/2), (3/4,1/4), (1/4,3/4)', () => {
    const cells = sobolCells(
      [
        { path: 'q', range: [0, 2] },
        { path: 'r', range: [0, 4] },
      ],
      4,
      0,
    );
    expect(cells.map((c) => c.values.q)).toEqual([0, 1, 1.5, 0.5]);
    expect(cells.map((c) => c.values.r)).toEqual([0, 2, 1, 3]);
  });

  it('accepts at most 32 parameters', () => {
    const many = Array.from({ length: 33 }, (_, i) => ({
      path: `p${i}`,
      range: [0, 1] as [number, number],
    }));
    expect(() => sobolCells(many, 4, 0)).toThrow(
      "parameters: a sobol design varies at most 32 parameters, got 33 (use 'lhs' or 'random' for more)",
    );
  });
});
