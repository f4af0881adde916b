import { describe, expect, it } from 'vitest';
import { oatCells } from '../../../src/engine/designs/oat.ts';

describe('oatCells', () => {
  const parameters = [
    { path: 'countries.A.kappa', base: 0, values: [-0.2, 0.2, 0.4] },
    { path: 'protocol', base: 'alternating', values: ['ultimatum', 'nash'] },
    { path: 'reopen', base: 0, values: [1] },
  ];

  it('has 1 + sum of the numbers of values cells, the others at base', () => {
    const cells = oatCells(parameters);
    expect(cells).toHaveLength(1 + 3 + 2 + 1);
    expect(cells.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const base = { 'countries.A.kappa': 0, protocol: 'alternating', reopen: 0 };
    expect(cells[0]!.values).toEqual(base);
    expect(cells[1]!.values).toEqual({ ...base, 'countries.A.kappa': -0.2 });
    expect(cells[3]!.values).toEqual({ ...base, 'countries.A.kappa': 0.4 });
    expect(cells[4]!.values).toEqual({ ...base, protocol: 'ultimatum' });
    expect(cells[5]!.values).toEqual({ ...base, protocol: 'nash' });
    expect(cells[6]!.values).toEqual({ ...base, reopen: 1 });
  });

  it('needs a base and values for every parameter', () => {
    expect(() => oatCells([{ path: 'q', values: [1] }])).toThrow(
      "parameters[0].base ('q'): a one-at-a-time design needs a base value for every parameter, got none",
    );
    expect(() => oatCells([{ path: 'q', base: 1, range: [0, 2] }])).toThrow(
      /^parameters\[0\]\.values \('q'\): a one-at-a-time design needs the list of values/,
    );
  });
});
