import type { HypothesisTestName } from '../engine/checkHypotheses.ts';
import { cochranArmitage } from './cochranArmitage.ts';
import { logisticRegression } from './logisticRegression.ts';
import { mcnemar } from './mcnemar.ts';
import { logisticScoreTest, multipleLogisticRegression } from './multipleLogisticRegression.ts';
import type { RegressionDesign } from './regressionDesign.ts';
import { tQuantile } from './tQuantile.ts';
import { tTwoSidedP } from './tTwoSidedP.ts';
import { weightedLeastSquares } from './weightedLeastSquares.ts';
import { welchT } from './welchT.ts';

export type { HypothesisTestName } from '../engine/checkHypotheses.ts';

/** z for two-sided 95% intervals. */
const Z_95 = 1.959963984540054;

/** A rate's successes and trials, or a metric's running sums, one entry per level or cell. */
export type Response =
  | { kind: 'binary'; successes: number[]; trials: number[] }
  | { kind: 'mean'; n: number[]; sum: number[]; sumOfSquares: number[] };

/**
 * The evidence a test reads:
 * - `binary`: successes and trials of a rate pooled at each level `x` (logistic, trend, welch);
 * - `mean`: a metric's running sums (count, sum, sum of squares) pooled at each level `x` (welch);
 * - `paired`: under common random numbers, the replications whose outcome differs between
 *   the lowest and the highest level: `up` succeeded only at the highest, `down` only at the
 *   lowest, out of `pairs` matched replications, among `levels` levels (mcnemar);
 * - `regression`: every cell's row of a {@link RegressionDesign} and its response, with the
 *   column whose coefficient is read (regression).
 */
export type HypothesisEvidence =
  | { kind: 'binary'; x: number[]; successes: number[]; trials: number[] }
  | { kind: 'mean'; x: number[]; n: number[]; sum: number[]; sumOfSquares: number[] }
  | { kind: 'paired'; up: number; down: number; pairs: number; levels?: number }
  | { kind: 'regression'; design: RegressionDesign; column: number; response: Response };

/** What the estimate is about, for the words of its sign convention. */
export interface EstimateWords {
  /** The outcome or metric, e.g. `agreement`. */
  outcome: string;
  /** The parameter, e.g. `B's ratification.quota θ`. */
  on: string;
}

/** What a test says: the estimate (its sign is the observed direction), a 95% interval, a p-value. */
export interface HypothesisTestResult {
  test: HypothesisTestName;
  /** What was compared, e.g. 'highest vs lowest of 5 levels'. */
  compared: string;
  /** What the estimate measures and its sign convention, in words. */
  estimand: string;
  estimate: number;
  lo: number;
  hi: number;
  /** Two-sided p-value for no effect. */
  p: number;
}

/** The lowest and highest levels with data, by x, and how many levels have data. */
function extremes(x: number[], weight: number[]) {
  let low = -1;
  let high = -1;
  const levels = new Set<number>();
  for (let i = 0; i < x.length; i++) {
    if (!(weight[i]! > 0)) continue;
    levels.add(x[i]!);
    if (low < 0 || x[i]! < x[low]!) low = i;
    if (high < 0 || x[i]! > x[high]!) high = i;
  }
  if (low < 0 || x[low] === x[high!]) {
    throw new RangeError('the parameter must take at least two levels with data to compare.');
  }
  return { low, high, levels: levels.size };
}

/**
 * Runs one test on the evidence. Estimates and intervals:
 *
 * - `logistic` ({@link logisticRegression}): the slope `b` of `logit P = a + b x` (log odds
 *   ratio per unit of x), `b +- 1.96 SE(b)`, Wald p (score p under separation, with an infinite
 *   interval);
 * - `trend` ({@link cochranArmitage}): the trial-weighted least-squares slope of the rates on x
 *   (`b = sum (x_i - xbar) y_i / S`, `S = sum n_i (x_i - xbar)^2`), interval
 *   `b +- 1.96 sqrt(sum (x_i - xbar)^2 n_i p_i (1 - p_i)) / S` (its variance with each level's
 *   own rate), Cochran-Armitage p;
 * - `mcnemar` ({@link mcnemar}): the paired difference in rates, highest minus lowest level,
 *   `d = (up - down) / pairs`, Wald interval with
 *   `Var(d) = ((up + down) / pairs - d^2) / pairs` (Agresti 2002, section 10.1.1) clipped to
 *   `[-1, 1]`, McNemar p;
 * - `welch` ({@link welchT}): the difference of means (or rates, as means of 0/1), highest minus
 *   lowest level, with Welch's interval and p;
 * - `regression`: the coefficient of one column of a multi-factor model over cells: for a rate,
 *   grouped logistic regression ({@link multipleLogisticRegression}) with quasi-binomial
 *   standard errors, `SE = SE_glm sqrt(phi)`, `phi = max(1, Pearson chi^2 / (G - p))` over G
 *   cells and p terms, t interval and p on `G - p` degrees of freedom (every run of a cell
 *   shares the cell's departure from the fitted surface, so the cells, not the runs, are the
 *   units of evidence); when separation carries the column to infinity, Rao's score test
 *   ({@link logisticScoreTest}, its z divided by `sqrt(phi)`), with an infinite estimate in the
 *   score's direction. For a mean, least squares of the runs from the cells' sums
 *   ({@link weightedLeastSquares}) with standard errors cluster-robust by cell (CR3), t interval
 *   and p on `G - p` degrees of freedom.
 *
 * @param words the outcome and parameter, for the estimand's words
 * @throws RangeError when the evidence does not fit the test or lacks two levels
 * @example
 * // rates 0.2 and 0.4 at x = 0 and 1, 100 trials each: slope 0.2,
 * // SE = sqrt(0.25 * 100 * 0.16 + 0.25 * 100 * 0.24) / 50 = 0.0632
 * hypothesisTest('trend', { kind: 'binary', x: [0, 1], successes: [20, 40], trials: [100, 100] });
 * // => { estimate: 0.2, lo: 0.0760, hi: 0.3240, p: 0.00203, ... }
 */
export function hypothesisTest(
  test: HypothesisTestName,
  evidence: HypothesisEvidence,
  words: EstimateWords = { outcome: 'the outcome', on: 'the parameter' },
): HypothesisTestResult {
  const { outcome, on } = words;
  if (test === 'regression') {
    if (evidence.kind !== 'regression') {
      throw new RangeError('regression needs the cells and their design, not pooled levels.');
    }
    return regression(evidence, words);
  }
  if (evidence.kind === 'regression') {
    throw new RangeError(`${test} needs evidence pooled per level, not a regression design.`);
  }
  if (test === 'mcnemar') {
    if (evidence.kind !== 'paired') {
      throw new RangeError('mcnemar needs paired outcomes (common random numbers).');
    }
    const { up, down, pairs } = evidence;
    const d = (up - down) / pairs;
    const se = Math.sqrt(Math.max(0, (up + down) / pairs - d * d) / pairs);
    const of = evidence.levels ? ` of ${evidence.levels} levels` : '';
    return {
      test,
      compared: `paired runs, highest vs lowest${of} (${pairs} pairs)`,
      estimand: `difference in the rate of ${outcome}, highest minus lowest level of ${on}, paired by replication (positive: higher at the highest)`,
      estimate: d,
      // a difference of two rates lies in [-1, 1]; the Wald interval may reach past it
      lo: Math.max(-1, d - Z_95 * se),
      hi: Math.min(1, d + Z_95 * se),
      p: mcnemar(up, down).p,
    };
  }
  if (evidence.kind === 'paired') {
    throw new RangeError(`${test} needs evidence pooled per level, not paired outcomes.`);
  }
  if (test === 'welch') return welchDifference(evidence, words);
  if (evidence.kind !== 'binary') {
    throw new RangeError(`${test} tests a rate; for a mean use welch.`);
  }
  const { x, successes, trials } = evidence;
  const { levels } = extremes(x, trials);
  if (test === 'logistic') {
    const fit = logisticRegression(x, successes, trials);
    return {
      test,
      compared: `slope over ${levels} levels${separation(fit)}`,
      estimand: `log odds ratio of ${outcome} per unit of ${on} (positive: ${outcome} rises with it)`,
      estimate: fit.slope,
      // separated: the likelihood has no finite maximum, so no Wald interval either
      lo: fit.separated ? Number.NEGATIVE_INFINITY : fit.slope - Z_95 * fit.slopeSE,
      hi: fit.separated ? Number.POSITIVE_INFINITY : fit.slope + Z_95 * fit.slopeSE,
      p: fit.p,
    };
  }
  const trend = cochranArmitage(x, successes, trials);
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < x.length; i++) {
    total += trials[i]!;
    weighted += trials[i]! * x[i]!;
  }
  const meanX = weighted / total;
  let spread = 0;
  let variance = 0;
  for (let i = 0; i < x.length; i++) {
    const n = trials[i]!;
    if (n === 0) continue;
    const deviation = x[i]! - meanX;
    const rate = successes[i]! / n;
    spread += n * deviation * deviation;
    variance += deviation * deviation * n * rate * (1 - rate);
  }
  const se = Math.sqrt(variance) / spread;
  return {
    test,
    compared: `linear trend over ${levels} levels`,
    estimand: `change in the rate of ${outcome} per unit of ${on} (positive: ${outcome} rises with it)`,
    estimate: trend.slope,
    lo: trend.slope - Z_95 * se,
    hi: trend.slope + Z_95 * se,
    p: trend.pTwoSided,
  };
}

/**
 * What a one-parameter logistic fit says about separation, for the label: every run alike
 * (the intercept infinite, the slope 0: no evidence), or the levels separated by `x` (slope
 * infinite, intercept undefined: the score test's p, Cochran-Armitage's z).
 */
function separation(fit: ReturnType<typeof logisticRegression>): string {
  if (!fit.separated) return '';
  return Number.isNaN(fit.intercept)
    ? ' (separated: score test)'
    : ' (every run alike: no evidence)';
}

/** Welch's t between the lowest and highest levels, for a rate (0/1 means) or a metric. */
function welchDifference(
  evidence: Extract<HypothesisEvidence, { kind: 'binary' | 'mean' }>,
  { outcome, on }: EstimateWords,
): HypothesisTestResult {
  const group = (i: number) => {
    if (evidence.kind === 'binary') {
      const n = evidence.trials[i]!;
      const rate = evidence.successes[i]! / n;
      return { n, mean: rate, variance: (n * rate * (1 - rate)) / (n - 1) };
    }
    const n = evidence.n[i]!;
    const mean = evidence.sum[i]! / n;
    const variance = Math.max(0, (evidence.sumOfSquares[i]! - evidence.sum[i]! * mean) / (n - 1));
    return { n, mean, variance };
  };
  const counts = evidence.kind === 'binary' ? evidence.trials : evidence.n;
  const { low, high, levels } = extremes(evidence.x, counts);
  const a = group(high);
  const b = group(low);
  const what = evidence.kind === 'binary' ? `the rate of ${outcome}` : `mean ${outcome}`;
  const estimand = `difference in ${what}, highest minus lowest level of ${on} (positive: higher at the highest)`;
  if (a.n < 2 || b.n < 2) {
    // a level with fewer than two observations has no sample variance: no test, inconclusive
    return {
      test: 'welch',
      compared: `highest vs lowest of ${levels} levels (${Math.min(a.n, b.n)} observation(s) at one: no test)`,
      estimand,
      estimate: a.n > 0 && b.n > 0 ? a.mean - b.mean : Number.NaN,
      lo: Number.NEGATIVE_INFINITY,
      hi: Number.POSITIVE_INFINITY,
      p: 1,
    };
  }
  const t = welchT(a.n, a.mean, a.variance, b.n, b.mean, b.variance);
  return {
    test: 'welch',
    compared: `highest vs lowest of ${levels} levels`,
    estimand,
    estimate: t.difference,
    lo: t.lo,
    hi: t.hi,
    p: t.p,
  };
}

/** The coefficient of one column of a multi-factor regression over cells. */
function regression(
  evidence: Extract<HypothesisEvidence, { kind: 'regression' }>,
  { outcome, on }: EstimateWords,
): HypothesisTestResult {
  const { design, column, response } = evidence;
  try {
    return regressionFit(design, column, response, { outcome, on });
  } catch (error) {
    const match = /^column (\d+) is a linear combination/.exec((error as Error).message);
    if (!match) throw error;
    throw new RangeError(
      `the term '${design.names[Number(match[1])]}' is a linear combination of the terms before it (${design.names.slice(0, Number(match[1])).join(', ')}) in these cells, so the design cannot separate their effects; leave out the interaction or the parameter.`,
    );
  }
}

/** The fit behind {@link regression}. */
function regressionFit(
  design: RegressionDesign,
  column: number,
  response: Response,
  { outcome, on }: EstimateWords,
): HypothesisTestResult {
  const others = design.names.length - 2;
  const partners = design.names
    .filter((n) => n.split(':').includes(design.names[column]!))
    .flatMap((n) => n.split(':').filter((p) => p !== design.names[column]))
    .map((p) => p.split('.').at(-1));
  const atMean = partners.length > 0 ? `, ${partners.join(' and ')} at its design mean` : '';
  const terms =
    others > 0 ? `, ${others} other term${others > 1 ? 's' : ''} held fixed${atMean}` : '';
  const cells = `${design.rows.length} cells, ${design.parameters.length} parameter${design.parameters.length > 1 ? 's' : ''}`;
  const short = (term: string) =>
    term
      .split(':')
      .map((path) => path.split('.').at(-1))
      .join(' x ');
  const interactions = design.names.filter((n) => n.includes(':')).map(short);
  const withInteractions = interactions.length > 0 ? ` with ${interactions.join(', ')}` : '';
  if (response.kind === 'binary') {
    const fit = multipleLogisticRegression(design.rows, response.successes, response.trials);
    const estimand = `log odds ratio of ${outcome} per unit of ${on}${terms} (positive: ${outcome} rises with it)`;
    const compared = `quasi-binomial logistic over ${cells}${withInteractions}`;
    if (fit.allAlike) {
      return {
        test: 'regression',
        compared: `${compared} (every run alike: no evidence)`,
        estimand,
        estimate: 0,
        lo: Number.NEGATIVE_INFINITY,
        hi: Number.POSITIVE_INFINITY,
        p: 1,
      };
    }
    const cellsWithRuns = response.trials.filter((n) => n > 0).length;
    requireDegreesOfFreedom(cellsWithRuns - design.names.length, design);
    // Cells fitted at 0 or 1 carry no residual: the dispersion and the t test count only the
    // others (their number minus the design's rank over them; at least 1, conservatively).
    const df = Math.max(1, fit.interiorDf);
    const dispersion = fit.interiorDf > 0 ? Math.max(1, fit.pearson / fit.interiorDf) : 1;
    const separated =
      fit.boundaryCells > 0 ? ` (separation: ${fit.boundaryCells} cells fitted at 0 or 1)` : '';
    if (fit.diverged[column]) {
      const score = logisticScoreTest(design.rows, response.successes, response.trials, column);
      return {
        test: 'regression',
        compared: `${compared}${separated}, score test`,
        estimand,
        estimate: score.z === 0 ? 0 : Math.sign(score.z) * Number.POSITIVE_INFINITY,
        lo: Number.NEGATIVE_INFINITY,
        hi: Number.POSITIVE_INFINITY,
        p: score.z === 0 ? 1 : tTwoSidedP(score.z / Math.sqrt(dispersion), df),
      };
    }
    const b = fit.coefficients[column]!;
    const se = fit.standardErrors[column]! * Math.sqrt(dispersion);
    const half = tQuantile(0.975, df) * se;
    return {
      test: 'regression',
      compared: `${compared}${separated}`,
      estimand,
      estimate: b,
      lo: b - half,
      hi: b + half,
      p: tTwoSidedP(b / se, df),
    };
  }
  const fit = weightedLeastSquares(design.rows, response.n, response.sum);
  requireDegreesOfFreedom(fit.residualDf, design);
  const b = fit.coefficients[column]!;
  const se = fit.standardErrors[column]!;
  const half = tQuantile(0.975, fit.residualDf) * se;
  return {
    test: 'regression',
    compared: `least squares (CR3 by cell) over ${cells}${withInteractions}`,
    estimand: `change in mean ${outcome} per unit of ${on}${terms} (positive: ${outcome} rises with it)`,
    estimate: b,
    lo: b - half,
    hi: b + half,
    p: tTwoSidedP(b / se, fit.residualDf),
  };
}

/** Cell-level inference needs more cells than terms. */
function requireDegreesOfFreedom(df: number, design: RegressionDesign): void {
  if (df > 0) return;
  const terms = design.names.length;
  throw new RangeError(
    `the model has ${terms} terms (${design.names.join(', ')}) but only ${terms + df} cells with runs; inference is by cell, so it needs more cells than terms: add cells to the design or leave out an interaction.`,
  );
}
