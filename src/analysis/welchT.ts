import { tQuantile } from './tQuantile.ts';
import { tTwoSidedP } from './tTwoSidedP.ts';

/** Result of Welch's t test. */
export interface WelchTest {
  /** `t = (mean1 - mean2) / se`. */
  t: number;
  /** Welch-Satterthwaite degrees of freedom. */
  df: number;
  /** Two-sided p-value, P(|T_df| >= |t|). */
  p: number;
  /** `mean1 - mean2`. */
  difference: number;
  /** Standard error of the difference, `sqrt(var1 / n1 + var2 / n2)`. */
  se: number;
  /** Lower limit of the confidence interval for the difference. */
  lo: number;
  /** Upper limit of the confidence interval for the difference. */
  hi: number;
}

/**
 * Welch's unequal-variance t test (Welch 1947, Biometrika 34: 28-35; Satterthwaite 1946) from
 * each group's size, mean and sample variance (divisor n - 1), as kept per cell:
 *
 * `se^2 = v1 / n1 + v2 / n2`, `t = (m1 - m2) / se`,
 * `df = se^4 / ((v1 / n1)^2 / (n1 - 1) + (v2 / n2)^2 / (n2 - 1))`,
 * `p = P(|T_df| >= |t|)`, interval `m1 - m2 +- t_((1 + level) / 2, df) se`.
 *
 * When both variances are 0 the difference is known exactly: t is 0 (p = 1) if the means are
 * equal and +-Infinity (p = 0) otherwise, df falls back to n1 + n2 - 2, and the interval has
 * zero width.
 *
 * @param n1 size of group 1, a whole number >= 2
 * @param mean1 mean of group 1
 * @param var1 sample variance of group 1, >= 0
 * @param n2 size of group 2, a whole number >= 2
 * @param mean2 mean of group 2
 * @param var2 sample variance of group 2, >= 0
 * @param level confidence level of the interval, in (0, 1)
 * @returns t, df, p, the difference, its standard error and interval
 * @throws RangeError when a size is not a whole number >= 2, a variance is negative or not finite, a mean is not finite, or level is outside (0, 1)
 * @example
 * // equal sizes and variances: n = 10, v = 2 -> se = sqrt(0.4), df = 18, t = 1 / sqrt(0.4)
 * welchT(10, 1, 2, 10, 0, 2); // => { t: 1.5811, df: 18, p: 0.1313, ... }
 */
export function welchT(
  n1: number,
  mean1: number,
  var1: number,
  n2: number,
  mean2: number,
  var2: number,
  level = 0.95,
): WelchTest {
  checkGroup(1, n1, mean1, var1);
  checkGroup(2, n2, mean2, var2);
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`welchT: level must be in (0, 1), e.g. 0.95; got level = ${level}.`);
  }
  const share1 = var1 / n1;
  const share2 = var2 / n2;
  const varianceOfDifference = share1 + share2;
  const se = Math.sqrt(varianceOfDifference);
  const difference = mean1 - mean2;
  if (varianceOfDifference === 0) {
    const t = difference === 0 ? 0 : Math.sign(difference) * Number.POSITIVE_INFINITY;
    return {
      t,
      df: n1 + n2 - 2,
      p: difference === 0 ? 1 : 0,
      difference,
      se,
      lo: difference,
      hi: difference,
    };
  }
  const df =
    (varianceOfDifference * varianceOfDifference) /
    ((share1 * share1) / (n1 - 1) + (share2 * share2) / (n2 - 1));
  const t = difference / se;
  const halfWidth = tQuantile((1 + level) / 2, df) * se;
  return {
    t,
    df,
    p: tTwoSidedP(t, df),
    difference,
    se,
    lo: difference - halfWidth,
    hi: difference + halfWidth,
  };
}

/** Checks one group's summary statistics, naming the group in the error. */
function checkGroup(group: 1 | 2, n: number, mean: number, variance: number): void {
  if (!(Number.isInteger(n) && n >= 2)) {
    throw new RangeError(
      `welchT: n${group} must be a whole number >= 2 (a sample variance needs two observations); got n${group} = ${n}.`,
    );
  }
  if (!Number.isFinite(mean)) {
    throw new RangeError(`welchT: mean${group} must be a finite number; got ${mean}.`);
  }
  if (!(variance >= 0 && Number.isFinite(variance))) {
    throw new RangeError(
      `welchT: var${group} must be a finite sample variance >= 0; got ${variance}.`,
    );
  }
}
