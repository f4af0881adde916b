import { checkGroupedBinomial } from './checkGroupedBinomial.ts';
import { cochranArmitage } from './cochranArmitage.ts';
import { normalTwoSidedP } from './normalTwoSidedP.ts';

/** Newton stops when both coefficient steps are below this, relative to 1 + |coefficient|. */
const TOLERANCE = 1e-10;
const MAX_ITERATIONS = 100;
/** Most halvings of one Newton step while it fails to raise the log-likelihood. */
const MAX_HALVINGS = 50;
/** z for a 95% Wald interval of the odds ratio. */
const Z_95 = 1.959963984540054;

/** Fit of the grouped logistic regression `logit P(success) = intercept + slope x`. */
export interface LogisticFit {
  /** Intercept (log odds at x = 0). */
  intercept: number;
  /** Slope: change in log odds per unit of x. */
  slope: number;
  /** Standard error of the intercept, from the inverse Fisher information. */
  interceptSE: number;
  /** Standard error of the slope, from the inverse Fisher information. */
  slopeSE: number;
  /** Test statistic for slope = 0: Wald `slope / slopeSE`, or the score statistic under separation (see `test`). */
  z: number;
  /** Two-sided p-value of `z`. */
  p: number;
  /** Which test `z` and `p` come from: Wald when the fit exists, score (Cochran-Armitage) under separation. */
  test: 'wald' | 'score';
  /** Odds ratio per unit of x, `exp(slope)`. */
  oddsRatio: number;
  /** Lower 95% Wald limit of the odds ratio, `exp(slope - 1.96 slopeSE)`. */
  oddsRatioLo: number;
  /** Upper 95% Wald limit of the odds ratio, `exp(slope + 1.96 slopeSE)`. */
  oddsRatioHi: number;
  /** Newton (IRLS) iterations used; 0 under separation, where none are run. */
  iterations: number;
  /** Whether Newton met its tolerance; false under separation. */
  converged: boolean;
  /** Whether the data are separated, so the maximum likelihood estimates do not exist. */
  separated: boolean;
}

/**
 * Binomial (grouped) logistic regression of a binary outcome on one numeric predictor,
 * `logit(y_i / n_i) ~ a + b x_i`, fitted by Newton-Raphson, which for the canonical logit link
 * is iteratively reweighted least squares (McCullagh and Nelder 1989, section 4.4; Agresti,
 * Categorical Data Analysis, 2nd ed., 2002, section 5.5). Each step solves
 * `I(beta) delta = U(beta)` with score `U = sum (y_i - n_i p_i) (1, x_i)` and information
 * `I = sum n_i p_i (1 - p_i) (1, x_i)(1, x_i)^T`, on x centred at its trial-weighted mean for
 * conditioning, halving a step that fails to raise the log-likelihood. Standard errors come from
 * `I^-1` at the estimate; `z = b / SE(b)` (Wald).
 *
 * Separation is checked before fitting (Albert and Anderson 1984, Biometrika 71: 1-10): with one
 * predictor, the estimates do not exist when every success lies at x values >= every failure's
 * (or <=), including when all trials had the same outcome. Newton would then run the slope off
 * to infinity. Instead the fit returns at once with `separated: true`, `converged: false`, the
 * slope at its limit (+Infinity or -Infinity in the separating direction; 0 with the intercept
 * at +-Infinity when all outcomes agree), infinite standard errors, the odds ratio interval
 * [0, Infinity], and `z`, `p` from the score test of slope = 0 ({@link cochranArmitage}), which
 * stays valid (`test: 'score'`).
 *
 * @param x predictor value per group
 * @param successes successes per group, in [0, trials]
 * @param trials trials per group, >= 0; groups with none are ignored
 * @returns the fit; see {@link LogisticFit}
 * @throws RangeError when lengths differ, a count is invalid, or x does not vary across groups with trials
 * @example
 * // 1/4 successes at x = 0, 3/4 at x = 1: a = logit(1/4) = -ln 3, b = 2 ln 3, OR = 9,
 * // SE(b) = sqrt(1/1 + 1/3 + 1/3 + 1/1) (Woolf: the log odds ratio of a 2 x 2 table)
 * logisticRegression([0, 1], [1, 3], [4, 4]); // => { intercept: -1.0986, slope: 2.1972, slopeSE: 1.633, oddsRatio: 9, ... }
 */
export function logisticRegression(
  x: ArrayLike<number>,
  successes: ArrayLike<number>,
  trials: ArrayLike<number>,
): LogisticFit {
  checkGroupedBinomial('logisticRegression', 'x', x, successes, trials);
  const groups = x.length;
  let totalTrials = 0;
  let totalSuccesses = 0;
  let weightedXSum = 0;
  let minSuccessX = Number.POSITIVE_INFINITY;
  let maxSuccessX = Number.NEGATIVE_INFINITY;
  let minFailureX = Number.POSITIVE_INFINITY;
  let maxFailureX = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < groups; i++) {
    const n = trials[i]!;
    if (n === 0) continue;
    const y = successes[i]!;
    const xi = x[i]!;
    totalTrials += n;
    totalSuccesses += y;
    weightedXSum += n * xi;
    if (y > 0) {
      minSuccessX = Math.min(minSuccessX, xi);
      maxSuccessX = Math.max(maxSuccessX, xi);
    }
    if (y < n) {
      minFailureX = Math.min(minFailureX, xi);
      maxFailureX = Math.max(maxFailureX, xi);
    }
  }
  const minX = Math.min(minSuccessX, minFailureX);
  const maxX = Math.max(maxSuccessX, maxFailureX);
  if (!(maxX > minX)) {
    throw new RangeError(
      'logisticRegression: x must take at least two distinct values among groups with trials > 0; with one value the slope cannot be estimated.',
    );
  }
  if (totalSuccesses === 0 || totalSuccesses === totalTrials) {
    const all = totalSuccesses === 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    return separatedFit(all, 0, 0, 1);
  }
  if (maxFailureX <= minSuccessX || maxSuccessX <= minFailureX) {
    const slope = maxFailureX <= minSuccessX ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    const trend = cochranArmitage(x, successes, trials);
    return separatedFit(Number.NaN, slope, trend.z, trend.pTwoSided);
  }

  // Newton on centred x: eta_i = a + b (x_i - xbar).
  const meanX = weightedXSum / totalTrials;
  const rate = totalSuccesses / totalTrials;
  let a = Math.log(rate / (1 - rate));
  let b = 0;
  let logLikelihood = binomialLogLikelihood(a, b, meanX, x, successes, trials);
  let iterations = 0;
  let converged = false;
  while (iterations < MAX_ITERATIONS && !converged) {
    iterations++;
    const { scoreA, scoreB, infoAA, infoAB, infoBB } = scoreAndInformation(
      a,
      b,
      meanX,
      x,
      successes,
      trials,
    );
    const determinant = infoAA * infoBB - infoAB * infoAB;
    let stepA = (infoBB * scoreA - infoAB * scoreB) / determinant;
    let stepB = (infoAA * scoreB - infoAB * scoreA) / determinant;
    let candidate = binomialLogLikelihood(a + stepA, b + stepB, meanX, x, successes, trials);
    for (let halving = 0; halving < MAX_HALVINGS && !(candidate >= logLikelihood); halving++) {
      stepA /= 2;
      stepB /= 2;
      candidate = binomialLogLikelihood(a + stepA, b + stepB, meanX, x, successes, trials);
    }
    a += stepA;
    b += stepB;
    logLikelihood = candidate;
    converged =
      Math.abs(stepA) <= TOLERANCE * (1 + Math.abs(a)) &&
      Math.abs(stepB) <= TOLERANCE * (1 + Math.abs(b));
  }

  // Inverse information at the estimate.
  const { infoAA, infoAB, infoBB } = scoreAndInformation(a, b, meanX, x, successes, trials);
  const determinant = infoAA * infoBB - infoAB * infoAB;
  const varianceA = infoBB / determinant;
  const varianceB = infoAA / determinant;
  const covarianceAB = -infoAB / determinant;
  // Back to the original x: intercept = a - b xbar.
  const intercept = a - b * meanX;
  const interceptSE = Math.sqrt(varianceA + meanX * meanX * varianceB - 2 * meanX * covarianceAB);
  const slopeSE = Math.sqrt(varianceB);
  const z = b / slopeSE;
  return {
    intercept,
    slope: b,
    interceptSE,
    slopeSE,
    z,
    p: normalTwoSidedP(z),
    test: 'wald',
    oddsRatio: Math.exp(b),
    oddsRatioLo: Math.exp(b - Z_95 * slopeSE),
    oddsRatioHi: Math.exp(b + Z_95 * slopeSE),
    iterations,
    converged,
    separated: false,
  };
}

/**
 * Score `U = sum (y_i - n_i p_i) (1, x_i - meanX)` and Fisher information
 * `I = sum n_i p_i (1 - p_i) (1, x_i - meanX)(1, x_i - meanX)^T` of the centred model
 * `logit p_i = a + b (x_i - meanX)` (McCullagh and Nelder 1989, section 4.4); groups with no
 * trials add nothing.
 */
function scoreAndInformation(
  a: number,
  b: number,
  meanX: number,
  x: ArrayLike<number>,
  successes: ArrayLike<number>,
  trials: ArrayLike<number>,
) {
  let scoreA = 0;
  let scoreB = 0;
  let infoAA = 0;
  let infoAB = 0;
  let infoBB = 0;
  for (let i = 0; i < x.length; i++) {
    const n = trials[i]!;
    if (n === 0) continue;
    const xc = x[i]! - meanX;
    const p = 1 / (1 + Math.exp(-(a + b * xc)));
    const residual = successes[i]! - n * p;
    const weight = n * p * (1 - p);
    scoreA += residual;
    scoreB += residual * xc;
    infoAA += weight;
    infoAB += weight * xc;
    infoBB += weight * xc * xc;
  }
  return { scoreA, scoreB, infoAA, infoAB, infoBB };
}

/** The result for separated data: no estimates exist, so limits and the score test stand in. */
function separatedFit(intercept: number, slope: number, z: number, p: number): LogisticFit {
  return {
    intercept,
    slope,
    interceptSE: Number.POSITIVE_INFINITY,
    slopeSE: Number.POSITIVE_INFINITY,
    z,
    p,
    test: 'score',
    oddsRatio: Math.exp(slope),
    oddsRatioLo: 0,
    oddsRatioHi: Number.POSITIVE_INFINITY,
    iterations: 0,
    converged: false,
    separated: true,
  };
}

/**
 * Binomial log-likelihood (without the constant binomial coefficients) at `a + b (x - meanX)`:
 * `sum y_i log p_i + (n_i - y_i) log(1 - p_i)`, with `log p = -softplus(-eta)` and
 * `log(1 - p) = -softplus(eta)` so extreme eta neither overflows nor gives log(0).
 */
function binomialLogLikelihood(
  a: number,
  b: number,
  meanX: number,
  x: ArrayLike<number>,
  successes: ArrayLike<number>,
  trials: ArrayLike<number>,
): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const n = trials[i]!;
    if (n === 0) continue;
    const eta = a + b * (x[i]! - meanX);
    const y = successes[i]!;
    sum -= y * softplus(-eta) + (n - y) * softplus(eta);
  }
  return sum;
}

/** `log(1 + e^u)`, computed without overflow. */
function softplus(u: number): number {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}
