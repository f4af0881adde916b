import { UserError } from '../../errors.ts';
import type { DesignTable, VariedParameter } from './types.ts';
import { parameterField } from './validate.ts';

/**
 * The full factorial design: every combination of the parameters' `values`, the last
 * parameter varying fastest (like nested loops, or an odometer). Its size is the
 * product of the numbers of values.
 *
 * @param parameters checked parameters, each with `values`
 * @returns the cells' table (each column a parameter's levels), indexed 0..size-1
 * @throws UserError when a parameter has no `values`
 * @example
 * gridDesign([{ path: 'a', values: [1, 2] }, { path: 'b', values: ['x', 'y', 'z'] }]);
 * // 6 cells: {a: 1, b: 'x'}, {a: 1, b: 'y'}, {a: 1, b: 'z'}, {a: 2, b: 'x'}, ...
 */
export function gridDesign(parameters: readonly VariedParameter[]): DesignTable {
  parameters.forEach((parameter, i) => {
    if (parameter.values === undefined) {
      throw new UserError(
        `${parameterField(i, parameter, 'values')}: a grid design needs a list of values for every parameter, got none (a range alone suits 'random', 'lhs' or 'sobol')`,
      );
    }
  });
  const levels = parameters.map((parameter) => parameter.values!);
  const size = levels.reduce((product, values) => product * values.length, 1);
  // cell index = sum of digit_p * (product of the later parameters' level counts)
  let stride = size;
  const columns = levels.map((values) => {
    stride /= values.length;
    const digits = new Float64Array(size);
    for (let index = 0; index < size; index++) {
      digits[index] = Math.floor(index / stride) % values.length;
    }
    return { values: digits, levels: values };
  });
  return { size, paths: parameters.map((p) => p.path), columns };
}
