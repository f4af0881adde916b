import { UserError } from '../../errors.ts';
import type { CellValue } from '../seeds.ts';
import type { Cell, VariedParameter } from './types.ts';
import { parameterField } from './validate.ts';

/**
 * The one-at-a-time design: cell 0 is the base point (every parameter at its `base`),
 * then for each parameter in order, one cell per entry of its `values` with the others
 * at base. Its size is `1 + sum of the numbers of values`; a level equal to the base
 * repeats the base cell (same values, same cell key, so the same run seeds).
 *
 * @param parameters checked parameters, each with `base` and `values`
 * @returns the cells, indexed 0..size-1
 * @throws UserError when a parameter has no `base` or no `values`
 * @example
 * oatCells([{ path: 'a', base: 0, values: [1, 2] }, { path: 'b', base: 'x', values: ['y'] }]);
 * // 4 cells: {a: 0, b: 'x'}, {a: 1, b: 'x'}, {a: 2, b: 'x'}, {a: 0, b: 'y'}
 */
export function oatCells(parameters: readonly VariedParameter[]): Cell[] {
  const base: Record<string, CellValue> = {};
  parameters.forEach((parameter, i) => {
    if (parameter.base === undefined) {
      throw new UserError(
        `${parameterField(i, parameter, 'base')}: a one-at-a-time design needs a base value for every parameter, got none`,
      );
    }
    if (parameter.values === undefined) {
      throw new UserError(
        `${parameterField(i, parameter, 'values')}: a one-at-a-time design needs the list of values to try, got none`,
      );
    }
    base[parameter.path] = parameter.base;
  });
  const cells: Cell[] = [{ index: 0, values: { ...base } }];
  for (const parameter of parameters) {
    for (const value of parameter.values!) {
      cells.push({ index: cells.length, values: { ...base, [parameter.path]: value } });
    }
  }
  return cells;
}
