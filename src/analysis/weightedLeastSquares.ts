import { symmetricInverse } from './symmetricInverse.ts';

/** A linear regression fitted from per-group sums, with HC3 standard errors. */
export interface LeastSquaresFit {
  /** Coefficients, in the order of the design's columns. */
  coefficients: Float64Array;
  /** Heteroskedasticity-robust (HC3) standard errors. */
  standardErrors: Float64Array;
  /** Residual degrees of freedom: observations minus coefficients. */
  residualDf: number;
  /** Observations (the sum of the group sizes). */
  observations: number;
}

/**
 * Ordinary least squares of individual observations `y_gi = x_g^T beta + e_gi`, where every
 * observation of group g shares the predictors `x_g`, computed from each group's count `n_g`,
 * sum `S_g` and sum of squares `Q_g` alone (what a cell of a sweep keeps). It equals weighted
 * least squares of the group means on `x_g` with weights `n_g`:
 *
 * `beta = (X^T N X)^-1 X^T S`, `N = diag(n_g)`.
 *
 * Standard errors are MacKinnon and White's (1985) HC3, `V = B (sum_g x_g x_g^T R_g /
 * (1 - h_g)^2) B` with `B = (X^T N X)^-1`, the leverage of each observation of group g
 * `h_g = x_g^T B x_g`, and the group's residual sum of squares
 * `R_g = sum_i (y_gi - x_g^T beta)^2 = (Q_g - S_g^2 / n_g) + n_g (S_g / n_g - x_g^T beta)^2`:
 * exactly what R's `sandwich::vcovHC(lm(y ~ ...), type = "HC3")` gives on the individual rows.
 *
 * @param rows the design, one row per group (all of the same length)
 * @param n observations per group (groups with none are ignored)
 * @param sum the sum of the observations per group
 * @param sumOfSquares the sum of their squares per group
 * @throws RangeError when the columns are collinear among groups with observations
 * @example
 * // two groups: {1, 3} at x = 0, {4, 6} at x = 1: beta = (2, 3), every residual +-1,
 * // h = 1/2, so V = B diag(...) B with R_g / (1 - h)^2 = 8
 * weightedLeastSquares([[1, 0], [1, 1]], [2, 2], [4, 10], [10, 52]);
 */
export function weightedLeastSquares(
  rows: readonly ArrayLike<number>[],
  n: ArrayLike<number>,
  sum: ArrayLike<number>,
  sumOfSquares: ArrayLike<number>,
): LeastSquaresFit {
  const p = rows[0]?.length ?? 0;
  const crossProducts = new Float64Array(p * p);
  const moment = new Float64Array(p);
  let observations = 0;
  for (let g = 0; g < rows.length; g++) {
    const count = n[g]!;
    if (!(count > 0)) continue;
    observations += count;
    const row = rows[g]!;
    for (let a = 0; a < p; a++) {
      moment[a]! += row[a]! * sum[g]!;
      for (let b = 0; b < p; b++) crossProducts[a * p + b]! += count * row[a]! * row[b]!;
    }
  }
  if (observations === 0) throw new RangeError('no cell has any observations to fit.');
  const { inverse: bread, aliased } = symmetricInverse(crossProducts, p);
  const collinear = aliased.indexOf(true);
  if (collinear >= 0) {
    throw new RangeError(
      `column ${collinear} is a linear combination of the columns before it in these cells.`,
    );
  }
  const beta = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) beta[a]! += bread[a * p + b]! * moment[b]!;
  }
  const meat = new Float64Array(p * p);
  for (let g = 0; g < rows.length; g++) {
    const count = n[g]!;
    if (!(count > 0)) continue;
    const row = rows[g]!;
    let fitted = 0;
    let leverage = 0;
    for (let a = 0; a < p; a++) {
      fitted += row[a]! * beta[a]!;
      for (let b = 0; b < p; b++) leverage += row[a]! * bread[a * p + b]! * row[b]!;
    }
    const mean = sum[g]! / count;
    const within = Math.max(0, sumOfSquares[g]! - sum[g]! * mean);
    const residuals = within + count * (mean - fitted) * (mean - fitted);
    const weight = residuals / ((1 - leverage) * (1 - leverage));
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) meat[a * p + b]! += weight * row[a]! * row[b]!;
    }
  }
  const standardErrors = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    let variance = 0;
    for (let k = 0; k < p; k++) {
      for (let l = 0; l < p; l++)
        variance += bread[a * p + k]! * meat[k * p + l]! * bread[l * p + a]!;
    }
    standardErrors[a] = Math.sqrt(variance);
  }
  return { coefficients: beta, standardErrors, residualDf: observations - p, observations };
}
