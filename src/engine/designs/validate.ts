import { shown as shownValue, UserError } from '../../errors.ts';
import type { VariedParameter } from './types.ts';

/** A value as it appears in an error message (see {@link shownValue}); `undefined` as is. */
export function shown(value: unknown): string {
  return value === undefined ? 'undefined' : shownValue(value, 200);
}

/** Where parameter `i` is, for error messages: `parameters[1].range ('countries.B.quota')`. */
export function parameterField(i: number, parameter: VariedParameter, field: string): string {
  return `parameters[${i}]${field ? `.${field}` : ''} ('${parameter.path}')`;
}

function isCellValue(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/**
 * Checks the varied parameters a design needs, whatever its kind: each has a unique
 * non-empty `path`; `values`, when given, is a non-empty list of finite numbers, strings
 * or booleans; `range`, when given, is `[lo, hi]` with finite `lo < hi` (`lo > 0` on a
 * log scale, integer bounds for an integer parameter); at least one of the two is given.
 *
 * @throws UserError naming the parameter, the field and what would be valid
 */
export function checkParameters(parameters: readonly VariedParameter[]): void {
  if (!Array.isArray(parameters)) {
    throw new UserError(
      `parameters: expected a list of varied parameters, got ${shown(parameters)}`,
    );
  }
  const seen = new Map<string, number>();
  parameters.forEach((parameter, i) => {
    if (typeof parameter !== 'object' || parameter === null) {
      throw new UserError(
        `parameters[${i}]: expected an object with a path, got ${shown(parameter)}`,
      );
    }
    const { path, values, range, scale, integer, base } = parameter;
    if (typeof path !== 'string' || path === '') {
      throw new UserError(
        `parameters[${i}].path: expected a non-empty dotted path, got ${shown(path)}`,
      );
    }
    const first = seen.get(path);
    if (first !== undefined) {
      throw new UserError(
        `${parameterField(i, parameter, 'path')}: each path may be varied once, but parameters[${first}] varies it too`,
      );
    }
    seen.set(path, i);
    if (
      values !== undefined &&
      (!Array.isArray(values) || values.length === 0 || !values.every(isCellValue))
    ) {
      throw new UserError(
        `${parameterField(i, parameter, 'values')}: expected a non-empty list of finite numbers, strings or booleans, got ${shown(values)}`,
      );
    }
    if (scale !== undefined && scale !== 'linear' && scale !== 'log') {
      throw new UserError(
        `${parameterField(i, parameter, 'scale')}: expected 'linear' or 'log', got ${shown(scale)}`,
      );
    }
    if (integer !== undefined && typeof integer !== 'boolean') {
      throw new UserError(
        `${parameterField(i, parameter, 'integer')}: expected true or false, got ${shown(integer)}`,
      );
    }
    if (base !== undefined && !isCellValue(base)) {
      throw new UserError(
        `${parameterField(i, parameter, 'base')}: expected a finite number, a string or a boolean, got ${shown(base)}`,
      );
    }
    if (range === undefined) {
      if (values === undefined) {
        throw new UserError(
          `${parameterField(i, parameter, '')}: expected 'values' (a list of levels) or 'range' ([lo, hi]), got neither`,
        );
      }
      return;
    }
    const [lo, hi] = Array.isArray(range) ? range : [];
    if (
      !Array.isArray(range) ||
      range.length !== 2 ||
      typeof lo !== 'number' ||
      typeof hi !== 'number' ||
      !Number.isFinite(lo) ||
      !Number.isFinite(hi) ||
      lo >= hi
    ) {
      throw new UserError(
        `${parameterField(i, parameter, 'range')}: expected [lo, hi] with finite numbers lo < hi, got ${shown(range)}`,
      );
    }
    if (scale === 'log' && lo <= 0) {
      throw new UserError(
        `${parameterField(i, parameter, 'range')}: a log scale needs lo > 0, got ${shown(range)}`,
      );
    }
    if (integer && !(Number.isInteger(lo) && Number.isInteger(hi))) {
      throw new UserError(
        `${parameterField(i, parameter, 'range')}: an integer parameter needs integer bounds, got ${shown(range)}`,
      );
    }
  });
}

/**
 * Checks a design's `cells` (or another count field, such as a Saltelli design's `baseCells`).
 *
 * @throws UserError `design.cells: expected a positive integer, got 0`
 */
export function checkCellCount(cells: unknown, field = 'cells'): number {
  if (typeof cells !== 'number' || !Number.isInteger(cells) || cells < 1) {
    throw new UserError(`design.${field}: expected a positive integer, got ${shown(cells)}`);
  }
  return cells;
}
