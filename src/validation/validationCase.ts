/**
 * What `twolevel validate` checks: a closed form of the model and how the simulation
 * estimates it (MODEL.md section 2 and the benchmarks of section 4).
 * @module
 */

import seedrandom from 'seedrandom';
import { meanInterval } from '../analysis/meanInterval.ts';
import { wilsonInterval } from '../analysis/wilsonInterval.ts';
import { fromUniform, type Rng } from '../model/random.ts';

/** `z_{0.995}`: the standard normal quantile of a two-sided 99% interval. */
export const Z99 = 2.5758293035489004;

/** The outcome of one validation case. */
export interface ValidationResult {
  /** What is checked, e.g. `k-of-n quota, n = 101, k = 68: E|W|`. */
  name: string;
  /** The closed form, as a formula. */
  closedForm: string;
  /** Its value. */
  exact: number;
  /** The simulation's estimate of it. */
  estimate: number;
  /** The estimate's 99% interval (Wilson for a share, Student t for a mean). */
  interval: [number, number];
  /** Draws, profiles or games behind the estimate. */
  n: number;
  /** Whether the interval covers the exact value. */
  pass: boolean;
}

/** One check of the model against a closed form, played from its own seeded stream. */
export interface ValidationCase {
  /** A short name for `--case`. */
  id: string;
  /** Runs the check with uniforms from `rng`; may return several results (one per level). */
  run(rng: Rng): ValidationResult[];
}

/**
 * The result of a share: `matches` of `n` draws agreed with the closed form, whose exact
 * value is 1 (every draw agrees) or 0 (none does). Its 99% Wilson interval covers 1 only when
 * `matches = n` and 0 only when `matches = 0`, so a single disagreement fails the case.
 *
 * @param name what is checked
 * @param closedForm the formula
 * @param exact 1 or 0
 * @param matches draws that satisfy the property counted
 * @param n draws
 * @returns the result
 * @example
 * shareResult('w', 'f', 1, 200, 200).interval; // [0.9680..., 1]: passes
 * shareResult('w', 'f', 1, 199, 200).pass; // false (upper limit 0.9997...)
 */
export function shareResult(
  name: string,
  closedForm: string,
  exact: number,
  matches: number,
  n: number,
): ValidationResult {
  const interval = wilsonInterval(matches, n, Z99);
  return {
    name,
    closedForm,
    exact,
    estimate: matches / n,
    interval,
    n,
    pass: interval[0] <= exact && exact <= interval[1],
  };
}

/**
 * The result of a mean: `n` draws with sum `sum` and sum of squares `sumOfSquares`, against
 * the exact expectation, with the 99% Student t interval `mean +- t_{0.995, n-1} s / sqrt(n)`.
 *
 * @param name what is checked
 * @param closedForm the formula
 * @param exact the expectation
 * @param n draws
 * @param sum their sum
 * @param sumOfSquares the sum of their squares
 * @returns the result
 * @example
 * meanResult('m', 'f', 4, 3, 12, 56).interval; // 4 +- 9.925 * 2 / sqrt(3): [-7.46, 15.46]
 */
export function meanResult(
  name: string,
  closedForm: string,
  exact: number,
  n: number,
  sum: number,
  sumOfSquares: number,
): ValidationResult {
  const m = meanInterval(n, sum, sumOfSquares, 0.99);
  return {
    name,
    closedForm,
    exact,
    estimate: m.mean,
    interval: [m.lo, m.hi],
    n,
    pass: m.lo <= exact && exact <= m.hi,
  };
}

/**
 * Runs cases, each from its own stream `alea('<seed>/<id>')`, so adding or dropping a case
 * leaves the others' draws unchanged. The cases draw with `alea.double()`, 53 random bits:
 * alea's plain calls are multiples of `2^-32`, for which `1 - c` and `2m - q` are often exact
 * and rounding at the win-set's ends would go untested.
 *
 * @param cases the cases
 * @param seed the master seed
 * @returns every result, in order
 */
export function runValidation(cases: readonly ValidationCase[], seed: string): ValidationResult[] {
  return cases.flatMap((c) => {
    const alea = seedrandom.alea(`${seed}/${c.id}`);
    return c.run(fromUniform(() => alea.double()));
  });
}
