import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { designCells } from '../../../src/engine/designs/index.ts';
import { saltelliDesign, saltelliRole } from '../../../src/engine/designs/saltelli.ts';
import { cellsOf } from '../../../src/engine/designs/table.ts';
import { parseExperiment } from '../../../src/engine/experiment.ts';
import { cellKey } from '../../../src/engine/seeds.ts';

/** The design's cells as objects. */
const saltelliCells = (...args: Parameters<typeof saltelliDesign>) =>
  cellsOf(saltelliDesign(...args));

const parameters = [
  { path: 'a', range: [0, 1] as [number, number] },
  { path: 'b', range: [10, 20] as [number, number] },
  { path: 'c', range: [1, 100] as [number, number], scale: 'log' as const },
];

describe('saltelli design', () => {
  it('has N (k + 2) cells: per base point A, A_B^(1..k), B, each A_B^(i) A with column i from B', () => {
    const cells = designCells(parameters, { kind: 'saltelli', baseCells: 64 }, 3);
    expect(cells).toHaveLength(64 * 5);
    for (let j = 0; j < 64; j++) {
      const A = cells[j * 5]!.values;
      const B = cells[j * 5 + 4]!.values;
      parameters.forEach((p, i) => {
        expect(A[p.path]).not.toBe(B[p.path]);
        const AB = cells[j * 5 + 1 + i]!.values;
        for (const q of parameters) expect(AB[q.path]).toBe(q === p ? B[q.path] : A[q.path]);
      });
    }
    expect(saltelliRole(7, 3)).toEqual({ point: 1, role: { matrix: 'AB', parameter: 1 } });
    expect(saltelliRole(9, 3)).toEqual({ point: 1, role: { matrix: 'B' } });
    expect(new Set(cells.map((c) => cellKey(c.values))).size).toBe(cells.length);
  });

  it('keeps the Sobol balance: the 64 A points put one in each 1/64 of every parameter', () => {
    const cells = designCells(parameters, { kind: 'saltelli', baseCells: 64 }, 'balance');
    for (const [p, to01] of [
      ['a', (v: number) => v],
      ['b', (v: number) => (v - 10) / 10],
      ['c', (v: number) => Math.log(v) / Math.log(100)],
    ] as const) {
      for (const matrix of [0, 4]) {
        const bins = new Set(
          cells
            .filter((_, i) => i % 5 === matrix)
            .map((c) => Math.floor(to01(c.values[p] as number) * 64)),
        );
        expect(bins.size).toBe(64);
      }
    }
  });

  it('is the same for the same seed, shifted differently for another', () => {
    const one = designCells(parameters, { kind: 'saltelli', baseCells: 8 }, 1);
    expect(designCells(parameters, { kind: 'saltelli', baseCells: 8 }, 1)).toEqual(one);
    expect(designCells(parameters, { kind: 'saltelli', baseCells: 8 }, 2)).not.toEqual(one);
    // Unshifted (a generator returning 0), the first base point is the origin: every cell repeats.
    const origin = saltelliCells(parameters, 1, () => 0);
    expect(new Set(origin.map((c) => cellKey(c.values))).size).toBe(1);
    const shifted = saltelliCells(parameters, 1, seedrandom.alea('x'));
    expect(new Set(shifted.map((c) => cellKey(c.values))).size).toBe(5);
  });

  it('refuses discrete parameters, a bad baseCells, a missing seed and too many parameters', () => {
    expect(() =>
      designCells([{ path: 'q', values: [1, 2] }], { kind: 'saltelli', baseCells: 4 }, 1),
    ).toThrow(
      "parameters[0].range ('q'): a saltelli design samples continuous parameters only (a 'range', not 'integer' or 'values')",
    );
    expect(() =>
      designCells(
        [{ path: 'n', range: [1, 9], integer: true }],
        { kind: 'saltelli', baseCells: 4 },
        1,
      ),
    ).toThrow("parameters[0].integer ('n'): a saltelli design samples continuous parameters only");
    expect(() => designCells(parameters, { kind: 'saltelli', baseCells: 0 }, 1)).toThrow(
      'design.baseCells: expected a positive integer, got 0',
    );
    expect(() => designCells(parameters, { kind: 'saltelli', baseCells: 4 })).toThrow(
      "seed: a 'saltelli' design draws its cells at random",
    );
    const many = Array.from({ length: 17 }, (_, i) => ({
      path: `p${i}`,
      range: [0, 1] as [number, number],
    }));
    expect(() => designCells(many, { kind: 'saltelli', baseCells: 4 }, 1)).toThrow(
      'parameters: a saltelli design varies at most 16 parameters (2k Sobol dimensions), got 17',
    );
    expect(() =>
      designCells(parameters, { kind: 'saltelli', baseCells: 4, cells: 3 } as never, 1),
    ).toThrow("design.cells: not a field of a 'saltelli' design (its fields: kind, baseCells)");
  });

  it('is accepted by the experiment schema', () => {
    const experiment = parseExperiment({
      name: 's',
      replications: 1,
      parameters,
      design: { kind: 'saltelli', baseCells: 16 },
    });
    expect(experiment.design).toEqual({ kind: 'saltelli', baseCells: 16 });
    expect(() =>
      parseExperiment({ name: 's', replications: 1, design: { kind: 'saltelli' } }),
    ).toThrow(/design.baseCells/);
  });
});
