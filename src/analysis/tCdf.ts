import { tTwoSidedP } from './tTwoSidedP.ts';

/**
 * Cumulative distribution function of Student's t with `df` degrees of freedom,
 * `P(T <= t)`. By symmetry the lower tail is half the two-sided p-value,
 * `P(T <= -|t|) = I_(df / (df + t^2))(df / 2, 1 / 2) / 2`, so lower-tail values are accurate in
 * relative terms; the upper half is `1` minus that.
 *
 * @param t any real number (+-Infinity gives 1 or 0)
 * @param df degrees of freedom, > 0 (need not be an integer)
 * @returns P(T <= t), in [0, 1]
 * @throws RangeError when df is not positive and finite
 * @example
 * tCdf(0, 7); // => 0.5
 * tCdf(1, 1); // => 0.75 (Cauchy: 1/2 + atan(1) / pi)
 */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * tTwoSidedP(t, df);
  return t < 0 ? tail : 1 - tail;
}
