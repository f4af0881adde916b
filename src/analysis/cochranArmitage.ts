import { checkGroupedBinomial } from './checkGroupedBinomial.ts';
import { normalTwoSidedP } from './normalTwoSidedP.ts';
import { normalUpperTailP } from './normalUpperTailP.ts';

/** Result of the Cochran-Armitage trend test. */
export interface TrendTest {
  /** Signed statistic; positive when the success rate rises with the score. */
  z: number;
  /** `z^2`, chi-square with 1 degree of freedom under no trend. */
  chiSquare: number;
  /** Two-sided p-value, P(|Z| >= |z|). */
  pTwoSided: number;
  /** One-sided p-value against an increasing trend, P(Z >= z). */
  pIncreasing: number;
  /** One-sided p-value against a decreasing trend, P(Z <= z). */
  pDecreasing: number;
  /** Least-squares slope of the proportions on the scores, weighted by trials (change in rate per unit score). */
  slope: number;
}

/**
 * Cochran-Armitage test for a linear trend in success rates across ordered levels (Cochran
 * 1954, Armitage 1955), in the form of Agresti (Categorical Data Analysis, 2nd ed., 2002,
 * section 5.3.5). With `N = sum n_i`, `p = sum y_i / N` and the
 * trial-weighted mean score `xbar = sum n_i x_i / N`:
 *
 * `b = sum (x_i - xbar) y_i / sum n_i (x_i - xbar)^2`,
 * `z = sum (x_i - xbar) y_i / sqrt(p (1 - p) sum n_i (x_i - xbar)^2)`.
 *
 * `z^2` is the score statistic for the slope of the linear logit model, and for the linear
 * probability model. When every trial had the same outcome (p = 0 or 1) there is no evidence
 * of a trend and the result is z = 0, p = 1.
 *
 * @param scores the levels' scores x_i (e.g. the design factor's values), at least two distinct among levels with trials
 * @param successes successes y_i per level, in [0, n_i]
 * @param trials trials n_i per level, >= 0; levels with no trials are ignored
 * @returns z, chi-square, two-sided and one-sided p-values and the slope b
 * @throws RangeError when lengths differ, a count is invalid, or the scores of levels with trials do not vary
 * @example
 * // 0/10 at score 0, 10/10 at score 1: xbar = 0.5, p = 0.5, sum (x - xbar) y = 5,
 * // sum n (x - xbar)^2 = 5, so b = 1 and z = 5 / sqrt(0.25 * 5) = sqrt(20)
 * cochranArmitage([0, 1], [0, 10], [10, 10]); // => { z: 4.4721, slope: 1, ... }
 */
export function cochranArmitage(
  scores: ArrayLike<number>,
  successes: ArrayLike<number>,
  trials: ArrayLike<number>,
): TrendTest {
  checkGroupedBinomial('cochranArmitage', 'scores', scores, successes, trials);
  const levels = scores.length;
  let totalTrials = 0;
  let totalSuccesses = 0;
  let weightedScoreSum = 0;
  for (let i = 0; i < levels; i++) {
    totalTrials += trials[i]!;
    totalSuccesses += successes[i]!;
    weightedScoreSum += trials[i]! * scores[i]!;
  }
  if (totalTrials === 0) {
    throw new RangeError(
      'cochranArmitage: no level has any trials; at least two levels need trials > 0.',
    );
  }
  const meanScore = weightedScoreSum / totalTrials;
  let covariation = 0;
  let scoreSpread = 0;
  for (let i = 0; i < levels; i++) {
    const deviation = scores[i]! - meanScore;
    covariation += deviation * successes[i]!;
    scoreSpread += trials[i]! * deviation * deviation;
  }
  if (!(scoreSpread > 0)) {
    throw new RangeError(
      'cochranArmitage: the scores of levels with trials must take at least two distinct values; a trend needs two levels to compare.',
    );
  }
  const slope = covariation / scoreSpread;
  const rate = totalSuccesses / totalTrials;
  const nullVariance = rate * (1 - rate) * scoreSpread;
  const z = nullVariance > 0 ? covariation / Math.sqrt(nullVariance) : 0;
  return {
    z,
    chiSquare: z * z,
    pTwoSided: normalTwoSidedP(z),
    pIncreasing: normalUpperTailP(z),
    pDecreasing: normalUpperTailP(-z),
    slope,
  };
}
