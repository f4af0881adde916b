import { cochranArmitage } from './cochranArmitage.ts';
import { logisticRegression } from './logisticRegression.ts';
import { mcnemar } from './mcnemar.ts';
import { welchT } from './welchT.ts';

/** z for two-sided 95% intervals. */
const Z_95 = 1.959963984540054;

/** The tests a hypothesis may name. */
export type HypothesisTestName = 'logistic' | 'trend' | 'mcnemar' | 'welch';

/**
 * The evidence a test reads, already pooled per level of the parameter:
 * - `binary`: successes and trials of a rate at each level `x` (logistic, trend, welch);
 * - `mean`: a metric's running sums (count, sum, sum of squares) at each level `x` (welch);
 * - `paired`: under common random numbers, the replications whose outcome differs between
 *   the lowest and the highest level: `up` succeeded only at the highest, `down` only at the
 *   lowest, out of `pairs` matched replications (mcnemar).
 */
export type HypothesisEvidence =
  | { kind: 'binary'; x: number[]; successes: number[]; trials: number[] }
  | { kind: 'mean'; x: number[]; n: number[]; sum: number[]; sumOfSquares: number[] }
  | { kind: 'paired'; up: number; down: number; pairs: number };

/** What a test says: the estimate (its sign is the observed direction), a 95% interval, a p-value. */
export interface HypothesisTestResult {
  test: HypothesisTestName;
  /** What the estimate measures, e.g. 'log odds ratio per unit'. */
  estimand: string;
  estimate: number;
  lo: number;
  hi: number;
  /** Two-sided p-value for no effect. */
  p: number;
}

/** The lowest and highest levels with data, by x. */
function extremes(x: number[], weight: number[]) {
  let low = -1;
  let high = -1;
  for (let i = 0; i < x.length; i++) {
    if (!(weight[i]! > 0)) continue;
    if (low < 0 || x[i]! < x[low]!) low = i;
    if (high < 0 || x[i]! > x[high]!) high = i;
  }
  if (low < 0 || x[low] === x[high!]) {
    throw new RangeError('the parameter must take at least two levels with data to compare.');
  }
  return { low, high };
}

/**
 * Runs one test on pooled evidence. Estimates and intervals:
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
 *   `Var(d) = ((up + down) / pairs - d^2) / pairs` (Agresti 2002, section 10.1.1), McNemar p;
 * - `welch` ({@link welchT}): the difference of means (or rates, as means of 0/1), highest minus
 *   lowest level, with Welch's interval and p.
 *
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
): HypothesisTestResult {
  if (test === 'mcnemar') {
    if (evidence.kind !== 'paired') {
      throw new RangeError('mcnemar needs paired outcomes (common random numbers).');
    }
    const { up, down, pairs } = evidence;
    const d = (up - down) / pairs;
    const se = Math.sqrt(Math.max(0, (up + down) / pairs - d * d) / pairs);
    return {
      test,
      estimand: 'paired difference in rate, highest - lowest level',
      estimate: d,
      lo: d - Z_95 * se,
      hi: d + Z_95 * se,
      p: mcnemar(up, down).p,
    };
  }
  if (evidence.kind === 'paired') {
    throw new RangeError(`${test} needs evidence pooled per level, not paired outcomes.`);
  }
  if (test === 'welch') return welchDifference(evidence);
  if (evidence.kind !== 'binary') {
    throw new RangeError(`${test} tests a rate; for a mean use welch.`);
  }
  const { x, successes, trials } = evidence;
  if (test === 'logistic') {
    const fit = logisticRegression(x, successes, trials);
    return {
      test,
      estimand: 'log odds ratio per unit',
      estimate: fit.slope,
      lo: fit.slope - Z_95 * fit.slopeSE,
      hi: fit.slope + Z_95 * fit.slopeSE,
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
    estimand: 'change in rate per unit',
    estimate: trend.slope,
    lo: trend.slope - Z_95 * se,
    hi: trend.slope + Z_95 * se,
    p: trend.pTwoSided,
  };
}

/** Welch's t between the lowest and highest levels, for a rate (0/1 means) or a metric. */
function welchDifference(
  evidence: Exclude<HypothesisEvidence, { kind: 'paired' }>,
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
  const { low, high } = extremes(evidence.x, counts);
  const a = group(high);
  const b = group(low);
  const t = welchT(a.n, a.mean, a.variance, b.n, b.mean, b.variance);
  return {
    test: 'welch',
    estimand: `difference in ${evidence.kind === 'binary' ? 'rate' : 'mean'}, highest - lowest level`,
    estimate: t.difference,
    lo: t.lo,
    hi: t.hi,
    p: t.p,
  };
}
