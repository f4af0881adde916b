import { normalTwoSidedP } from './normalTwoSidedP.ts';
import { symmetricInverse } from './symmetricInverse.ts';

/** Newton stops when every coefficient step is below this, relative to 1 + |coefficient|. */
const TOLERANCE = 1e-10;
const MAX_ITERATIONS = 200;
/** Most halvings of one Newton step while it fails to raise the log-likelihood. */
const MAX_HALVINGS = 50;
/** A linear predictor beyond this (fitted probability within 1e-11 of 0 or 1) fits its cell exactly. */
const BOUNDARY_ETA = 25;

/** Fit of `logit P(success) = x^T beta`, grouped binomial. */
export interface MultipleLogisticFit {
  /** Coefficients, in the order of the design's columns. */
  coefficients: Float64Array;
  /** Standard errors from the inverse Fisher information (Infinity for an aliased column). */
  standardErrors: Float64Array;
  /**
   * Columns left out at the estimate: under separation, those whose cells Newton has fitted
   * at probability 0 or 1 (their coefficients run off to infinity).
   */
  aliased: boolean[];
  /** Cells fitted at probability 0 or 1 (every run alike, |eta| > 25): the data are separated. */
  boundaryCells: number;
  /**
   * Columns whose estimate is not determined by the cells off the boundary: under separation
   * they run off to infinity with the separating combination (the aliased ones and any other
   * column in that combination), so their Wald statistics mean nothing.
   */
  diverged: boolean[];
  /** Pearson's statistic `sum (y - n p)^2 / (n p (1 - p))` over groups off the boundary. */
  pearson: number;
  /** Every trial had the same outcome: no coefficient can be estimated. */
  allAlike: boolean;
  iterations: number;
  /** Residual deviance `2 sum [y log(y / mu) + (n - y) log((n - y) / (n - mu))]`. */
  deviance: number;
  /** Groups with trials minus estimated coefficients: the deviance's degrees of freedom. */
  residualDf: number;
  /**
   * The residual degrees of freedom the cells off the boundary carry: their number minus the
   * rank of the design over them. A cell fitted at 0 or 1 has no residual, so under separation
   * this, not {@link residualDf}, is the denominator of the dispersion and the t test's df.
   */
  interiorDf: number;
}

/** Linear predictor of group `i`. */
function eta(row: ArrayLike<number>, beta: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < beta.length; k++) sum += row[k]! * beta[k]!;
  return sum;
}

/** `log(1 + e^u)`, computed without overflow. */
function softplus(u: number): number {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}

/** Binomial log-likelihood without the binomial coefficients. */
function logLikelihood(
  rows: readonly ArrayLike<number>[],
  successes: ArrayLike<number>,
  trials: ArrayLike<number>,
  beta: Float64Array,
): number {
  let sum = 0;
  for (let i = 0; i < rows.length; i++) {
    const n = trials[i]!;
    if (n === 0) continue;
    const e = eta(rows[i]!, beta);
    sum -= successes[i]! * softplus(-e) + (n - successes[i]!) * softplus(e);
  }
  return sum;
}

/** Score `X^T (y - n p)` and information `X^T diag(n p (1 - p)) X` at beta. */
function scoreAndInformation(
  rows: readonly ArrayLike<number>[],
  successes: ArrayLike<number>,
  trials: ArrayLike<number>,
  beta: Float64Array,
) {
  const p = beta.length;
  const score = new Float64Array(p);
  const information = new Float64Array(p * p);
  for (let i = 0; i < rows.length; i++) {
    const n = trials[i]!;
    if (n === 0) continue;
    const row = rows[i]!;
    const e = eta(row, beta);
    const probability = 1 / (1 + Math.exp(-e));
    const residual = successes[i]! - n * probability;
    const weight = n * probability * (1 - probability);
    for (let a = 0; a < p; a++) {
      score[a]! += row[a]! * residual;
      for (let b = 0; b <= a; b++) information[a * p + b]! += weight * row[a]! * row[b]!;
    }
  }
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < a; b++) information[b * p + a] = information[a * p + b]!;
  }
  return { score, information };
}

/**
 * Columns `j` whose unit vector `e_j` is outside the row space of the design's interior cells,
 * given their cross-product matrix `M = X^T N X` and its generalised inverse `M^-`
 * ({@link symmetricInverse}): `M M^- e_j != e_j`. Every direction in which the coefficients can run off
 * while the interior cells' fit stays put lies in the null space of those rows, so these are the
 * only columns a separating combination can carry to infinity.
 */
function undetermined(interior: Float64Array, inverse: Float64Array, p: number): boolean[] {
  return Array.from({ length: p }, (_, j) => {
    for (let a = 0; a < p; a++) {
      let projected = 0;
      for (let b = 0; b < p; b++) projected += interior[a * p + b]! * inverse[b * p + j]!;
      if (Math.abs(projected - (a === j ? 1 : 0)) > 1e-8) return true;
    }
    return false;
  });
}

/**
 * Grouped binomial logistic regression on several predictors, `logit(y_i / n_i) ~ x_i^T beta`
 * (the first column of the design is usually the intercept, 1), fitted by Newton-Raphson,
 * which for the logit link is iteratively reweighted least squares (McCullagh and Nelder 1989,
 * section 4.4): each step solves `I(beta) delta = U(beta)` with `U = X^T (y - n p)` and
 * `I = X^T diag(n p (1 - p)) X`, halving a step that fails to raise the log-likelihood.
 * Standard errors come from `I^-1` at the estimate, as R's `glm(cbind(y, n - y) ~ ...,
 * family = binomial)` reports them. Groups with no trials are ignored.
 *
 * Separation (Albert and Anderson 1984): when a combination of the predictors splits some
 * cells' successes from their failures, those cells are fitted ever closer to probability 0
 * or 1 and the coefficients behind them run off to infinity; their weights vanish, their
 * columns become aliased ({@link symmetricInverse}) and Newton goes on with the others.
 * `boundaryCells` counts the cells fitted so. Only the last column of a separating combination
 * becomes aliased (its standard error is infinite); `diverged` marks every column the
 * combination carries, those not determined by the cells off the boundary, whose estimates and
 * standard errors mean nothing: test one of them with {@link logisticScoreTest}.
 * `pearson` (Pearson's chi-squared over the cells off the boundary) gives the quasi-binomial
 * dispersion `pearson / residualDf` (McCullagh and Nelder 1989, section 4.5).
 *
 * @param rows the design, one row per group (all of the same length)
 * @param successes successes per group, in [0, trials]
 * @param trials trials per group, >= 0
 * @returns the fit
 * @throws RangeError when a column is a linear combination of others among groups with trials
 * (its index is in the message), or no group has trials
 * @example
 * // 1/4 at x = 0 and 3/4 at x = 1: intercept -ln 3, slope 2 ln 3, SE(slope) = sqrt(8/3)
 * multipleLogisticRegression([[1, 0], [1, 1]], [1, 3], [4, 4]);
 */
export function multipleLogisticRegression(
  rows: readonly ArrayLike<number>[],
  successes: ArrayLike<number>,
  trials: ArrayLike<number>,
): MultipleLogisticFit {
  const p = rows[0]?.length ?? 0;
  let totalTrials = 0;
  let totalSuccesses = 0;
  let groups = 0;
  for (let i = 0; i < rows.length; i++) {
    totalTrials += trials[i]!;
    totalSuccesses += successes[i]!;
    if (trials[i]! > 0) groups++;
  }
  if (!(totalTrials > 0)) throw new RangeError('no cell has any runs to fit.');
  const beta = new Float64Array(p);
  const allAlike = totalSuccesses === 0 || totalSuccesses === totalTrials;
  // Start at the pooled log odds (clamped when every trial had the same outcome).
  const pooled = Math.min(Math.max(totalSuccesses / totalTrials, 1e-6), 1 - 1e-6);
  beta[0] = Math.log(pooled / (1 - pooled));
  const start = symmetricInverse(scoreAndInformation(rows, successes, trials, beta).information, p);
  const collinear = start.aliased.indexOf(true);
  if (collinear >= 0) {
    throw new RangeError(
      `column ${collinear} is a linear combination of the columns before it in these cells.`,
    );
  }
  if (allAlike) {
    return {
      coefficients: beta.fill(Number.NaN),
      standardErrors: new Float64Array(p).fill(Number.POSITIVE_INFINITY),
      aliased: start.aliased.map(() => true),
      boundaryCells: groups,
      diverged: start.aliased.map(() => true),
      pearson: 0,
      allAlike,
      iterations: 0,
      deviance: 0,
      residualDf: groups,
      interiorDf: 0,
    };
  }
  let current = logLikelihood(rows, successes, trials, beta);
  let iterations = 0;
  let converged = false;
  while (iterations < MAX_ITERATIONS && !converged) {
    iterations++;
    const { score, information } = scoreAndInformation(rows, successes, trials, beta);
    const { inverse } = symmetricInverse(information, p);
    const step = new Float64Array(p);
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) step[a]! += inverse[a * p + b]! * score[b]!;
    }
    const candidate = new Float64Array(p);
    let value = Number.NEGATIVE_INFINITY;
    for (let halving = 0; halving <= MAX_HALVINGS; halving++) {
      for (let a = 0; a < p; a++) candidate[a] = beta[a]! + step[a]!;
      value = logLikelihood(rows, successes, trials, candidate);
      if (value >= current) break;
      for (let a = 0; a < p; a++) step[a]! /= 2;
    }
    converged = true;
    for (let a = 0; a < p; a++) {
      if (Math.abs(step[a]!) > TOLERANCE * (1 + Math.abs(candidate[a]!))) converged = false;
    }
    beta.set(candidate);
    current = value;
  }
  const { information } = scoreAndInformation(rows, successes, trials, beta);
  const { inverse, aliased } = symmetricInverse(information, p);
  const standardErrors = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    standardErrors[a] = aliased[a] ? Number.POSITIVE_INFINITY : Math.sqrt(inverse[a * p + a]!);
  }
  let deviance = 0;
  let pearson = 0;
  let boundaryCells = 0;
  let interiorCells = 0;
  const interior = new Float64Array(p * p);
  for (let i = 0; i < rows.length; i++) {
    const n = trials[i]!;
    if (n === 0) continue;
    const y = successes[i]!;
    const row = rows[i]!;
    const e = eta(row, beta);
    const mu = n / (1 + Math.exp(-e));
    if (y > 0) deviance += 2 * y * Math.log(y / mu);
    if (y < n) deviance += 2 * (n - y) * Math.log((n - y) / (n - mu));
    if (Math.abs(e) > BOUNDARY_ETA && (y === 0 || y === n)) {
      boundaryCells++;
      continue;
    }
    pearson += (y - mu) ** 2 / ((mu * (n - mu)) / n);
    interiorCells++;
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) interior[a * p + b]! += n * row[a]! * row[b]!;
    }
  }
  const inner = symmetricInverse(interior, p);
  return {
    coefficients: beta,
    standardErrors,
    aliased,
    boundaryCells,
    diverged: boundaryCells > 0 ? undetermined(interior, inner.inverse, p) : aliased,
    pearson,
    allAlike,
    iterations,
    deviance,
    residualDf: groups - aliased.filter((a) => !a).length,
    interiorDf: interiorCells - inner.aliased.filter((a) => !a).length,
  };
}

/**
 * Rao's score test that coefficient `j` is 0 (Rao 1948; R's `anova(restricted, full, test =
 * "Rao")`): the model without column `j` is fitted, and at its estimate the full model's score
 * is `U = (0, ..., U_j, ..., 0)`, so the statistic is `z^2 = U_j^2 / (I_jj - I_j. I_..^- I_.j)`
 * (the efficient information of column j, the others' aliased columns left out); `z` carries
 * the sign of `U_j` (positive: the data pull coefficient `j` up). It needs no estimate of the
 * full model, so it stays valid when column `j` itself separates the data.
 *
 * @returns the signed z and its two-sided p; z = 0, p = 1 when every trial had the same
 * outcome (no information)
 * @example
 * // 0/4 at x = 0, 4/4 at x = 1: the slope's estimate is infinite, the score test is not
 * logisticScoreTest([[1, 0], [1, 1]], [0, 4], [4, 4], 1); // => { z: 2.828, p: 0.00468 }
 */
export function logisticScoreTest(
  rows: readonly ArrayLike<number>[],
  successes: ArrayLike<number>,
  trials: ArrayLike<number>,
  j: number,
): { z: number; p: number } {
  const p = rows[0]!.length;
  const others = rows.map((row) =>
    Float64Array.from({ length: p - 1 }, (_, k) => row[k < j ? k : k + 1]!),
  );
  const restricted = multipleLogisticRegression(others, successes, trials);
  if (restricted.allAlike) return { z: 0, p: 1 };
  const beta = new Float64Array(p);
  for (let k = 0; k < p - 1; k++) beta[k < j ? k : k + 1] = restricted.coefficients[k]!;
  const { score, information } = scoreAndInformation(rows, successes, trials, beta);
  const rest = new Float64Array((p - 1) * (p - 1));
  for (let a = 0; a < p - 1; a++) {
    for (let b = 0; b < p - 1; b++) {
      rest[a * (p - 1) + b] = information[(a < j ? a : a + 1) * p + (b < j ? b : b + 1)]!;
    }
  }
  const { inverse } = symmetricInverse(rest, p - 1);
  let efficient = information[j * p + j]!;
  for (let a = 0; a < p - 1; a++) {
    for (let b = 0; b < p - 1; b++) {
      efficient -=
        information[j * p + (a < j ? a : a + 1)]! *
        inverse[a * (p - 1) + b]! *
        information[(b < j ? b : b + 1) * p + j]!;
    }
  }
  if (!(efficient > 0)) return { z: 0, p: 1 };
  const z = score[j]! / Math.sqrt(efficient);
  return { z, p: normalTwoSidedP(z) };
}
