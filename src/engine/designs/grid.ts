import { UserError } from '../../errors.ts';
import type { CellValue } from '../seeds.ts';
import type { Cell, VariedParameter } from './types.ts';
import { parameterField } from './validate.ts';

/**
 * The full factorial design: every combination of the parameters' `values`, the last
 * parameter varying fastest (like nested loops, or an odometer). Its size is the
 * product of the numbers of values.
 *
 * @param parameters checked parameters, each with `values`
 * @returns the cells, indexed 0..size-1
 * @throws UserError when a parameter has no `values`
 * @example
 * gridCells([{ path: 'a', values: [1, 2] }, { path: 'b', values: ['x', 'y', 'z'] }]);
 * // 6 cells: {a: 1, b: 'x'}, {a: 1, b: 'y'}, {a: 1, b: 'z'}, {a: 2, b: 'x'}, ...
 */
export function gridCells(parameters: readonly VariedParameter[]): Cell[] {
  parameters.forEach((parameter, i) => {
    if (parameter.values === undefined) {
      throw new UserError(
        `${parameterField(i, parameter, 'values')}: a grid design needs a list of values for every parameter, got none (a range alone suits 'random', 'lhs' or 'sobol')`,
      );
    }
  });
  const levels = parameters.map((parameter) => parameter.values!);
  const size = levels.reduce((product, values) => product * values.length, 1);
  const digits = new Int32Array(parameters.length);
  const cells: Cell[] = [];
  for (let index = 0; index < size; index++) {
    const values: Record<string, CellValue> = {};
    for (let p = 0; p < parameters.length; p++)
      values[parameters[p]!.path] = levels[p]![digits[p]!]!;
    cells.push({ index, values });
    for (let p = parameters.length - 1; p >= 0; p--) {
      if (++digits[p]! < levels[p]!.length) break;
      digits[p] = 0;
    }
  }
  return cells;
}
