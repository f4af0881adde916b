import { UserError } from '../../errors.ts';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from '../../model/sobol.ts';
import { unitColumn } from './table.ts';
import type { DesignTable, VariedParameter } from './types.ts';
import { parameterField } from './validate.ts';

/** The most parameters a Saltelli design varies: its base points use 2k Sobol dimensions. */
export const SALTELLI_MAX_PARAMETERS = Math.floor(SOBOL_MAX_DIMENSIONS / 2);

/** What a Saltelli cell is: a row of A, of B, or of A_B^(i) (A with column i from B). */
export type SaltelliRole = { matrix: 'A' } | { matrix: 'B' } | { matrix: 'AB'; parameter: number };

/**
 * The role of cell `index` in a Saltelli design of `k` parameters: cells come in blocks of
 * `k + 2` per base point `j`, in the order A_j, A_B^(1)_j, ..., A_B^(k)_j, B_j (the order of
 * SALib's `saltelli.sample` without second-order rows).
 *
 * @example
 * saltelliRole(5, 2); // { point: 1, role: { matrix: 'AB', parameter: 0 } }
 */
export function saltelliRole(index: number, k: number): { point: number; role: SaltelliRole } {
  const point = Math.floor(index / (k + 2));
  const slot = index - point * (k + 2);
  if (slot === 0) return { point, role: { matrix: 'A' } };
  if (slot === k + 1) return { point, role: { matrix: 'B' } };
  return { point, role: { matrix: 'AB', parameter: slot - 1 } };
}

/**
 * Saltelli's design for first-order and total Sobol indices (Saltelli et al. 2010,
 * "Variance based sensitivity analysis of model output", Comput. Phys. Commun. 181,
 * 259-270, section 3): N points of the 2k-dimensional Sobol sequence give the base
 * matrices, A its first k coordinates and B its last k; A_B^(i) is A with column i taken
 * from B. Each base point j contributes `k + 2` cells (A_j, A_B^(1)_j, ..., A_B^(k)_j, B_j;
 * see {@link saltelliRole}), `N (k + 2)` cells in all. Coordinates are mapped to each
 * parameter's range by {@link parameterAt}.
 *
 * The points are digitally shifted (Owen 1995's simplest randomisation: each coordinate's
 * 32 bits XOR one random 32-bit word per dimension, drawn from `random`): the shift keeps
 * the (t, m, s)-net balance of the first 2^m points, and it keeps A_B^(i)_j apart from
 * A_j. Unshifted, the first N points have coordinates on a grid of 2N values, so
 * A_ji = B_ji (and the cell would repeat) for about one cell in 2N per parameter.
 *
 * Only continuous parameters qualify (a `range`, not `integer`): with discrete levels,
 * A_B^(i)_j would repeat A_j whenever both draw the same level, and every cell must be
 * distinct.
 *
 * @param parameters checked parameters, each with a `range`; at most {@link SALTELLI_MAX_PARAMETERS}
 * @param baseCells N, the number of base points (a positive integer; best a power of 2)
 * @param random a uniform generator on [0, 1) for the shift, e.g. `seedrandom.alea(designSeed(master))`
 * @returns the table of the N (k + 2) cells
 * @throws UserError naming a parameter without a range or with integer values, or too many parameters
 * @example
 * saltelliDesign([{ path: 'a', range: [0, 1] }, { path: 'b', range: [0, 1] }], 1, () => 0);
 * // no shift: A_0 = (0, 0), B_0 = (0, 0), four equal cells (so a real shift is needed)
 */
export function saltelliDesign(
  parameters: readonly VariedParameter[],
  baseCells: number,
  random: () => number,
): DesignTable {
  const k = parameters.length;
  if (k === 0) {
    throw new UserError('parameters: a saltelli design needs at least one varied parameter');
  }
  if (k > SALTELLI_MAX_PARAMETERS) {
    throw new UserError(
      `parameters: a saltelli design varies at most ${SALTELLI_MAX_PARAMETERS} parameters (2k Sobol dimensions), got ${k}`,
    );
  }
  parameters.forEach((parameter, i) => {
    if (parameter.range === undefined || parameter.integer) {
      throw new UserError(
        `${parameterField(i, parameter, parameter.range === undefined ? 'range' : 'integer')}: a saltelli design samples continuous parameters only (a 'range', not 'integer' or 'values'): with discrete levels A_B^(i) would repeat cells of A`,
      );
    }
  });
  const dims = 2 * k;
  const shift = Uint32Array.from({ length: dims }, () => Math.floor(random() * 2 ** 32));
  const points = sobolPoints(baseCells, dims);
  for (let n = 0; n < points.length; n++) {
    points[n] = ((points[n]! * 2 ** 32) ^ shift[n % dims]!) >>> 0;
    points[n]! *= 2 ** -32;
  }
  const size = baseCells * (k + 2);
  const columns = parameters.map((parameter, i) => {
    const { column, set } = unitColumn(parameter, size);
    for (let j = 0; j < baseCells; j++) {
      for (let slot = 0; slot < k + 2; slot++) {
        const { role } = saltelliRole(slot, k);
        const fromB = role.matrix === 'B' || (role.matrix === 'AB' && role.parameter === i);
        set(j * (k + 2) + slot, points[j * dims + (fromB ? k + i : i)]!);
      }
    }
    return column;
  });
  return { size, paths: parameters.map((p) => p.path), columns };
}
