import { describe, expect, it } from 'vitest';
import {
  type Design,
  designCells,
  type VariedParameter,
} from '../../../src/engine/designs/index.ts';
import { sobolDesign } from '../../../src/engine/designs/sobol.ts';
import { cellsOf } from '../../../src/engine/designs/table.ts';

/** The design's cells as objects. */
const sobolCells = (...args: Parameters<typeof sobolDesign>) => cellsOf(sobolDesign(...args));

const parameters: VariedParameter[] = [
  { path: 'countries.B.ratification.quota', range: [0.5, 1], values: [0.5, 2 / 3, 1], base: 0.5 },
  { path: 'countries.A.kappa', range: [-0.5, 0.5], values: [-0.5, 0, 0.5], base: 0 },
];

describe('designCells', () => {
  it('dispatches on design.kind', () => {
    expect(designCells(parameters, { kind: 'grid' })).toHaveLength(9);
    expect(designCells(parameters, { kind: 'oat' })).toHaveLength(1 + 3 + 3);
    expect(designCells(parameters, { kind: 'sobol', cells: 8, skip: 1 })).toEqual(
      sobolCells(parameters, 8, 1),
    );
    expect(designCells(parameters, { kind: 'random', cells: 5 }, 1)).toHaveLength(5);
    expect(designCells(parameters, { kind: 'lhs', cells: 6 }, 1)).toHaveLength(6);
  });

  for (const kind of ['random', 'lhs'] as const) {
    it(`${kind}: the same seed gives the same cells, a different seed different cells`, () => {
      const design: Design = { kind, cells: 20 };
      const a = designCells(parameters, design, 'master');
      expect(designCells(parameters, design, 'master')).toEqual(a);
      const b = designCells(parameters, design, 'other');
      expect(b).not.toEqual(a);
      expect(
        b.every(
          (cell, i) => cell.values['countries.A.kappa'] !== a[i]!.values['countries.A.kappa'],
        ),
      ).toBe(true);
      expect(designCells(parameters, design, 7)).toEqual(designCells(parameters, design, '7'));
    });
  }

  it('uses range for random, lhs and sobol, and values for grid and oat', () => {
    const lhs = designCells(parameters, { kind: 'lhs', cells: 50 }, 's');
    expect(
      lhs.some(
        (c) => ![0.5, 2 / 3, 1].includes(c.values['countries.B.ratification.quota'] as number),
      ),
    ).toBe(true);
    const grid = designCells(parameters, { kind: 'grid' });
    expect(
      grid.every((c) =>
        [0.5, 2 / 3, 1].includes(c.values['countries.B.ratification.quota'] as number),
      ),
    ).toBe(true);
  });

  const q = (extra: Partial<VariedParameter>): VariedParameter[] => [{ path: 'q', ...extra }];
  const cases: [string, VariedParameter[], Design, string][] = [
    [
      'cells 0',
      q({ range: [0, 1] }),
      { kind: 'random', cells: 0 },
      'design.cells: expected a positive integer, got 0',
    ],
    [
      'cells 2.5',
      q({ range: [0, 1] }),
      { kind: 'lhs', cells: 2.5 },
      'design.cells: expected a positive integer, got 2.5',
    ],
    [
      'cells missing',
      q({ range: [0, 1] }),
      { kind: 'sobol' } as unknown as Design,
      'design.cells: expected a positive integer, got undefined',
    ],
    [
      'skip -1',
      q({ range: [0, 1] }),
      { kind: 'sobol', cells: 4, skip: -1 },
      'design.skip: expected an integer >= 0 with skip + cells <= 2^32, got -1',
    ],
    [
      'unknown kind',
      q({ range: [0, 1] }),
      { kind: 'factorial' } as unknown as Design,
      "design.kind: expected one of 'grid', 'random', 'lhs', 'sobol', 'saltelli', 'morris', 'oat', got \"factorial\"",
    ],
    [
      'stray field',
      q({ values: [1] }),
      { kind: 'grid', cells: 4 } as unknown as Design,
      "design.cells: not a field of a 'grid' design (its fields: kind)",
    ],
    [
      'grid without values',
      q({ range: [0, 1] }),
      { kind: 'grid' },
      "parameters[0].values ('q'): a grid design needs a list of values for every parameter, got none (a range alone suits 'random', 'lhs' or 'sobol')",
    ],
    [
      'lo >= hi',
      q({ range: [1, 1] }),
      { kind: 'lhs', cells: 3 },
      "parameters[0].range ('q'): expected [lo, hi] with finite numbers lo < hi, got [1,1]",
    ],
    [
      'log with lo <= 0',
      q({ range: [0, 1], scale: 'log' }),
      { kind: 'sobol', cells: 3 },
      "parameters[0].range ('q'): a log scale needs lo > 0, got [0,1]",
    ],
    [
      'integer bounds',
      q({ range: [0.5, 3], integer: true }),
      { kind: 'sobol', cells: 3 },
      "parameters[0].range ('q'): an integer parameter needs integer bounds, got [0.5,3]",
    ],
    [
      'oat without base',
      q({ values: [1, 2] }),
      { kind: 'oat' },
      "parameters[0].base ('q'): a one-at-a-time design needs a base value for every parameter, got none",
    ],
    [
      'neither values nor range',
      q({}),
      { kind: 'sobol', cells: 3 },
      "parameters[0] ('q'): expected 'values' (a list of levels) or 'range' ([lo, hi]), got neither",
    ],
    [
      'empty values',
      q({ values: [] }),
      { kind: 'grid' },
      "parameters[0].values ('q'): expected a non-empty list of finite numbers, strings or booleans, got []",
    ],
    [
      'bad scale',
      q({ range: [1, 2], scale: 'ln' as 'log' }),
      { kind: 'sobol', cells: 3 },
      "parameters[0].scale ('q'): expected 'linear' or 'log', got \"ln\"",
    ],
    [
      'empty path',
      [{ path: '', values: [1] }],
      { kind: 'grid' },
      'parameters[0].path: expected a non-empty dotted path, got ""',
    ],
    [
      'duplicate path',
      [
        { path: 'q', values: [1] },
        { path: 'q', values: [2] },
      ],
      { kind: 'grid' },
      "parameters[1].path ('q'): each path may be varied once, but parameters[0] varies it too",
    ],
  ];
  for (const [name, ps, design, message] of cases) {
    it(`rejects ${name} with a message naming the field`, () => {
      expect(() => designCells(ps, design, 'seed')).toThrow(message);
    });
  }

  it('needs a seed for random and lhs designs only', () => {
    expect(() => designCells(q({ range: [0, 1] }), { kind: 'random', cells: 2 })).toThrow(
      "seed: a 'random' design draws its cells at random and needs the experiment's seed",
    );
    expect(designCells(q({ range: [0, 1] }), { kind: 'sobol', cells: 2 })).toHaveLength(2);
  });
});
