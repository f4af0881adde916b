import { UserError } from '../../errors.ts';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from '../../model/sobol.ts';
import { unitColumn } from './table.ts';
import type { DesignTable, VariedParameter } from './types.ts';

/**
 * The Sobol design: cell `i` is point `skip + i` of the Sobol sequence with one
 * dimension per parameter (in parameter order), each coordinate mapped to its
 * parameter's range or values. Deterministic: needs no seed. The first 2^k points
 * (skip 0) put exactly one point in each of 2^k equal strata of every parameter.
 *
 * @param parameters checked parameters, each with a `range` or `values`; at most 32
 * @param cells number of cells, a positive integer
 * @param skip index of the first Sobol point used, an integer >= 0
 * @returns the cells' table, indexed 0..cells-1
 * @throws UserError when there are more parameters than Sobol dimensions
 * @example
 * sobolDesign([{ path: 'q', range: [0, 2] }, { path: 'r', range: [0, 4] }], 4, 0);
 * // q: 0, 1, 1.5, 0.5; r: 0, 2, 1, 3
 */
export function sobolDesign(
  parameters: readonly VariedParameter[],
  cells: number,
  skip: number,
): DesignTable {
  const dims = parameters.length;
  if (dims > SOBOL_MAX_DIMENSIONS) {
    throw new UserError(
      `parameters: a sobol design varies at most ${SOBOL_MAX_DIMENSIONS} parameters, got ${dims} (use 'lhs' or 'random' for more)`,
    );
  }
  const points = dims > 0 ? sobolPoints(cells, dims, skip) : new Float64Array(0);
  const columns = parameters.map((parameter, d) => {
    const { column, set } = unitColumn(parameter, cells);
    for (let i = 0; i < cells; i++) set(i, points[i * dims + d]!);
    return column;
  });
  return { size: cells, paths: parameters.map((p) => p.path), columns };
}
