import type { CellValue } from '../seeds.ts';
import type { VariedParameter } from './types.ts';

/**
 * The value of a varied parameter at the unit coordinate `u` in [0, 1).
 *
 * With a `range [lo, hi]`: `lo + u (hi - lo)` on a linear scale, `lo (hi / lo)^u` on a
 * log scale; an integer parameter uses `[lo - 1/2, hi + 1/2]` instead and rounds (half
 * up), clamped to `[lo, hi]`. Without a range: `values[floor(u n)]` of its `n` values.
 *
 * @param parameter a checked parameter with a `range` or non-empty `values`
 * @param u a coordinate in [0, 1)
 * @returns the parameter's value
 * @example
 * parameterAt({ path: 'q', range: [0, 2] }, 0.25); // 0.5
 * parameterAt({ path: 'n', range: [1, 100], scale: 'log' }, 0.5); // 10
 * parameterAt({ path: 'k', range: [1, 4], integer: true }, 0.3); // round(0.5 + 0.3 * 4) = 2
 */
export function parameterAt(parameter: VariedParameter, u: number): CellValue {
  const { range, values } = parameter;
  if (range === undefined) {
    const levels = values!;
    return levels[Math.min(levels.length - 1, Math.floor(u * levels.length))]!;
  }
  const [lo, hi] = range;
  const widen = parameter.integer ? 0.5 : 0;
  const a = lo - widen;
  const b = hi + widen;
  const x = parameter.scale === 'log' ? a * (b / a) ** u : a + u * (b - a);
  return parameter.integer ? Math.min(hi, Math.max(lo, Math.round(x))) : x;
}
