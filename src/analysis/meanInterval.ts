import { tQuantile } from './tQuantile.ts';

/** Mean, sample standard deviation and t-based confidence interval of one cell. */
export interface MeanInterval {
  /** Sample mean `sum / n`; NaN when n = 0. */
  mean: number;
  /** Sample standard deviation (divisor n - 1); NaN when n < 2. */
  sd: number;
  /** Standard error of the mean, `sd / sqrt(n)`; NaN when n < 2. */
  se: number;
  /** Lower confidence limit; NaN when n < 2. */
  lo: number;
  /** Upper confidence limit; NaN when n < 2. */
  hi: number;
}

/**
 * Mean, sample standard deviation and Student-t confidence interval from running sums, as the
 * engine keeps them per cell (count, sum and sum of squares):
 *
 * `mean = S / n`, `s^2 = max(0, (Q - S * mean) / (n - 1))`,
 * `mean +- t_((1 + level) / 2, n - 1) s / sqrt(n)`.
 *
 * The one-pass variance formula loses digits when the mean is large next to the spread, and
 * rounding can then make it slightly negative; it is clamped at 0, so a constant column gives
 * `sd = 0` and a zero-width interval instead of NaN. Where the spread is tiny next to the mean,
 * keep sums of deviations from a reference value instead (Chan, Golub and LeVeque 1983).
 * With n = 0 every field is NaN; with n = 1 only the mean is defined.
 *
 * @param n number of observations, a whole number >= 0
 * @param sum sum of the observations, S
 * @param sumOfSquares sum of the squared observations, Q
 * @param level confidence level, in (0, 1)
 * @returns mean, sd, se and the interval [lo, hi]
 * @throws RangeError when n is not a whole number >= 0 or level is outside (0, 1)
 * @example
 * // 2, 4, 6: n = 3, S = 12, Q = 56 -> mean 4, s = 2, t(0.975, 2) = 4.302653
 * meanInterval(3, 12, 56); // => { mean: 4, sd: 2, se: 1.1547, lo: -0.9683, hi: 8.9683 }
 */
export function meanInterval(
  n: number,
  sum: number,
  sumOfSquares: number,
  level = 0.95,
): MeanInterval {
  if (!(Number.isInteger(n) && n >= 0)) {
    throw new RangeError(`meanInterval: n must be a whole number >= 0; got n = ${n}.`);
  }
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`meanInterval: level must be in (0, 1), e.g. 0.95; got level = ${level}.`);
  }
  const mean = n === 0 ? Number.NaN : sum / n;
  if (n < 2) {
    return { mean, sd: Number.NaN, se: Number.NaN, lo: Number.NaN, hi: Number.NaN };
  }
  const variance = Math.max(0, (sumOfSquares - sum * mean) / (n - 1));
  const sd = Math.sqrt(variance);
  const se = sd / Math.sqrt(n);
  const halfWidth = tQuantile((1 + level) / 2, n - 1) * se;
  return { mean, sd, se, lo: mean - halfWidth, hi: mean + halfWidth };
}
