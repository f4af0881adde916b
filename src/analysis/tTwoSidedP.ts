import { regularizedIncompleteBeta } from './regularizedIncompleteBeta.ts';

/**
 * Two-sided p-value `P(|T| >= |t|)` for Student's t with `df` degrees of freedom:
 * `I_(df / (df + t^2))(df / 2, 1 / 2)` (Abramowitz and Stegun 26.7.1 with 26.5.27). Computed
 * directly from the incomplete beta, not as `1 - cdf`, so small p-values keep their relative
 * accuracy; for small |t| the complement `1 - I_(t^2 / (df + t^2))(1/2, df / 2)` is used, so
 * p near 1 stays accurate too.
 *
 * @param t the t statistic (either sign; +-Infinity gives 0)
 * @param df degrees of freedom, > 0 (need not be an integer, e.g. Welch-Satterthwaite)
 * @returns P(|T| >= |t|), in [0, 1]
 * @throws RangeError when df is not positive and finite
 * @example
 * tTwoSidedP(1, 1); // => 0.5 (the Cauchy case: P(|T| >= 1) = 1 - 2 atan(1) / pi)
 */
export function tTwoSidedP(t: number, df: number): number {
  if (!(df > 0 && Number.isFinite(df))) {
    throw new RangeError(
      `tTwoSidedP: degrees of freedom must be positive and finite; got df = ${df}.`,
    );
  }
  if (Number.isNaN(t)) return Number.NaN;
  const tSquared = t * t;
  const a = df / 2;
  const x = df / (df + tSquared);
  // Where I_x(a, 1/2) would switch to its complement (large x, i.e. small |t|), use
  // 1 - I_(1-x)(1/2, a) with 1 - x = t^2 / (df + t^2) computed without cancellation.
  if (x < (a + 1) / (a + 2.5)) return regularizedIncompleteBeta(x, a, 0.5);
  return 1 - regularizedIncompleteBeta(tSquared / (df + tSquared), 0.5, a);
}
