import type { CellValue } from '../seeds.ts';
import { parameterAt } from './parameterAt.ts';
import type { Cell, VariedParameter } from './types.ts';

/**
 * Simple random sampling: `cells` independent points, each parameter uniform over its
 * range (uniform in `log x` on a log scale) or a uniform choice among its values. Draws
 * one uniform per parameter per cell, cell by cell, in parameter order.
 *
 * @param parameters checked parameters, each with a `range` or `values`
 * @param cells number of cells, a positive integer
 * @param random a uniform generator on [0, 1), e.g. `seedrandom.alea(designSeed(master))`
 * @returns the cells, indexed 0..cells-1
 * @example
 * randomCells([{ path: 'q', range: [0, 1] }], 2, () => 0.25);
 * // [{index: 0, values: {q: 0.25}}, {index: 1, values: {q: 0.25}}]
 */
export function randomCells(
  parameters: readonly VariedParameter[],
  cells: number,
  random: () => number,
): Cell[] {
  const out: Cell[] = [];
  for (let index = 0; index < cells; index++) {
    const values: Record<string, CellValue> = {};
    for (const parameter of parameters) values[parameter.path] = parameterAt(parameter, random());
    out.push({ index, values });
  }
  return out;
}
