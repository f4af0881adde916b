import { describe, expect, it } from 'vitest';
import { gridDesign } from '../../../src/engine/designs/grid.ts';
import { cellsOf } from '../../../src/engine/designs/table.ts';

/** The design's cells as objects. */
const gridCells = (...args: Parameters<typeof gridDesign>) => cellsOf(gridDesign(...args));

describe('gridCells', () => {
  it('is the full factorial, last parameter fastest, with the exact values', () => {
    const cells = gridCells([
      { path: 'countries.B.ratification.quota', values: [0.5, 2 / 3, 1] },
      { path: 'protocol', values: ['alternating', 'ultimatum'] },
      { path: 'crn', values: [true, false] },
    ]);
    expect(cells).toHaveLength(3 * 2 * 2);
    expect(cells.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(cells[0]!.values).toEqual({
      'countries.B.ratification.quota': 0.5,
      protocol: 'alternating',
      crn: true,
    });
    expect(cells[1]!.values.crn).toBe(false);
    expect(cells[2]!.values.protocol).toBe('ultimatum');
    expect(cells[4]!.values['countries.B.ratification.quota']).toBe(2 / 3);
    expect(cells[11]!.values).toEqual({
      'countries.B.ratification.quota': 1,
      protocol: 'ultimatum',
      crn: false,
    });
    const keys = new Set(cells.map((c) => JSON.stringify(c.values)));
    expect(keys.size).toBe(12);
  });

  it('has one empty cell when nothing is varied', () => {
    expect(gridCells([])).toEqual([{ index: 0, values: {} }]);
  });

  it('needs values for every parameter', () => {
    expect(() => gridCells([{ path: 'q', range: [0, 1] }])).toThrow(
      /^parameters\[0\]\.values \('q'\): a grid design needs a list of values/,
    );
  });
});
