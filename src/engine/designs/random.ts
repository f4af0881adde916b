import { unitColumn } from './table.ts';
import type { DesignTable, VariedParameter } from './types.ts';

/**
 * Simple random sampling: `cells` independent points, each parameter uniform over its
 * range (uniform in `log x` on a log scale) or a uniform choice among its values. Draws
 * one uniform per parameter per cell, cell by cell, in parameter order.
 *
 * @param parameters checked parameters, each with a `range` or `values`
 * @param cells number of cells, a positive integer
 * @param random a uniform generator on [0, 1), e.g. `seedrandom.alea(designSeed(master))`
 * @returns the cells' table, indexed 0..cells-1
 * @example
 * randomDesign([{ path: 'q', range: [0, 1] }], 2, () => 0.25);
 * // q = 0.25 in both cells
 */
export function randomDesign(
  parameters: readonly VariedParameter[],
  cells: number,
  random: () => number,
): DesignTable {
  const columns = parameters.map((parameter) => unitColumn(parameter, cells));
  for (let i = 0; i < cells; i++) {
    for (const { set } of columns) set(i, random());
  }
  return {
    size: cells,
    paths: parameters.map((p) => p.path),
    columns: columns.map((c) => c.column),
  };
}
