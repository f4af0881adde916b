import { symmetricInverse } from './symmetricInverse.ts';

/** A linear regression fitted from per-group sums, with cluster-robust (CR3) standard errors. */
export interface LeastSquaresFit {
  /** Coefficients, in the order of the design's columns. */
  coefficients: Float64Array;
  /** Cluster-robust standard errors, clustered by group (CR3). */
  standardErrors: Float64Array;
  /** Degrees of freedom for inference: groups with observations minus coefficients. */
  residualDf: number;
  /** Groups with observations. */
  groups: number;
  /** Observations (the sum of the group sizes). */
  observations: number;
}

/**
 * Ordinary least squares of individual observations `y_gi = x_g^T beta + e_gi`, where every
 * observation of group g shares the predictors `x_g`, computed from each group's count `n_g`
 * and sum `S_g` alone (what a cell of a sweep keeps). It equals weighted
 * least squares of the group means on `x_g` with weights `n_g`:
 *
 * `beta = (X^T N X)^-1 X^T S`, `N = diag(n_g)`.
 *
 * Standard errors are cluster-robust by group, since every observation of a group shares the
 * group's departure from the fitted surface (with G groups only G pieces of information; runs
 * treated as independent would shrink the errors like 1 / sqrt(runs)). The jackknife-type CR3
 * variance (Bell and McCaffrey 2002; Cameron and Miller 2015, section VI.B) is
 * `V = B (sum_g x_g x_g^T (S_g - n_g x_g^T beta)^2 / (1 - n_g h_g)^2) B` with
 * `B = (X^T N X)^-1` and `h_g = x_g^T B x_g`: exact for the runs, since `(I - H_gg)^-1` applied
 * to a group's residuals, whose rows share `x_g`, scales their sum by `1 / (1 - n_g h_g)`.
 * Inference uses t on `G - p` degrees of freedom.
 *
 * @param rows the design, one row per group (all of the same length)
 * @param n observations per group (groups with none are ignored)
 * @param sum the sum of the observations per group
 * @throws RangeError when the columns are collinear among groups with observations
 * @example
 * // three cells of two runs, sums 4, 10, 12 at x = 1, 2, 3: beta = (1/3, 2), cell residual
 * // sums -2/3, 4/3, -2/3, on G - p = 1 degree of freedom
 * weightedLeastSquares([[1, 1], [1, 2], [1, 3]], [2, 2, 2], [4, 10, 12]);
 */
export function weightedLeastSquares(
  rows: readonly ArrayLike<number>[],
  n: ArrayLike<number>,
  sum: ArrayLike<number>,
): LeastSquaresFit {
  const p = rows[0]?.length ?? 0;
  const crossProducts = new Float64Array(p * p);
  const moment = new Float64Array(p);
  let observations = 0;
  let groups = 0;
  for (let g = 0; g < rows.length; g++) {
    const count = n[g]!;
    if (!(count > 0)) continue;
    observations += count;
    groups++;
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
    const residual = sum[g]! - count * fitted;
    const weight = (residual / (1 - count * leverage)) ** 2;
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
  return { coefficients: beta, standardErrors, residualDf: groups - p, groups, observations };
}
