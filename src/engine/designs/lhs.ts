import { unitColumn } from './table.ts';
import type { DesignTable, VariedParameter } from './types.ts';

/**
 * Latin hypercube sampling (McKay, Beckman and Conover 1979). For each parameter, a
 * random permutation `pi` of the strata 0..n-1 (Fisher-Yates) and `n` uniforms `U_i`;
 * cell `i` sits at `u_i = (pi(i) + U_i) / n`, mapped to the parameter's range (so its
 * range, in log space on a log scale, is cut into `n` equal strata with exactly one
 * point in each). Parameters are drawn in order, each its permutation then its uniforms.
 *
 * @param parameters checked parameters, each with a `range` or `values`
 * @param cells number of cells n, a positive integer
 * @param random a uniform generator on [0, 1), e.g. `seedrandom.alea(designSeed(master))`
 * @returns the cells' table, indexed 0..n-1
 * @example
 * lhsDesign([{ path: 'q', range: [0, 1] }], 2, () => 0.5);
 * // the shuffle keeps the strata in order (j = floor(0.5 * 2) = 1): q = 0.25, then q = 0.75
 */
export function lhsDesign(
  parameters: readonly VariedParameter[],
  cells: number,
  random: () => number,
): DesignTable {
  const strata = new Int32Array(cells);
  const columns = parameters.map((parameter) => {
    const { column, set } = unitColumn(parameter, cells);
    for (let i = 0; i < cells; i++) strata[i] = i;
    for (let i = cells - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = strata[i]!;
      strata[i] = strata[j]!;
      strata[j] = t;
    }
    for (let i = 0; i < cells; i++) set(i, (strata[i]! + random()) / cells);
    return column;
  });
  return { size: cells, paths: parameters.map((p) => p.path), columns };
}
