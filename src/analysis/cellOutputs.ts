import { RATE_NAMES, type RunLayout, SUMMARY_RATES, summaryMetrics } from '../engine/columns.ts';
import { didYouMean } from '../engine/didYouMean.ts';
import { UserError } from '../errors.ts';
import type { Results } from './readResults.ts';

/** One output estimated in every cell: a rate or a metric's mean. */
export interface CellOutput {
  name: string;
  kind: 'rate' | 'mean';
  /** The estimate per cell, by cell index: successes / trials, or sum / n (NaN when no trials). */
  value: Float64Array;
  /**
   * The estimate's sampling variance per cell: `p (1 - p) / (n - 1)` for a rate (unbiased for
   * `p (1 - p) / n`), `s^2 / n` for a mean; NaN when n < 2.
   */
  noise: Float64Array;
  /** Trials (a rate) or runs counted (a mean) per cell. */
  n: Float64Array;
  /** Successes per cell (a rate); the sums (a mean). */
  total: Float64Array;
  /** The sums of squares per cell (a mean; NaN for a rate). */
  sumsq: Float64Array;
}

/** The outputs a cell estimates: the rates of `SUMMARY_RATES`, then the means of `summaryMetrics`. */
export function outputNames(layout: RunLayout): string[] {
  return [...RATE_NAMES, ...summaryMetrics(layout)];
}

/**
 * Checks an output name given on the command line.
 *
 * @throws UserError naming the flag, the valid names and the nearest one
 */
export function checkOutputName(name: string, layout: RunLayout, flag = '--outcome'): string {
  const valid = outputNames(layout);
  if (!valid.includes(name)) {
    throw new UserError(
      `${flag}: '${name}' is not an outcome rate or metric of this sweep; valid: ${valid.join(', ')}.${didYouMean(name, valid)}`,
    );
  }
  return name;
}

/**
 * One output of every cell of a results folder, from the per-cell counts and sums of
 * `cells.arrow` (a rate: successes / trials of {@link SUMMARY_RATES}; a metric: `sum / n`),
 * placed by the `cell` column, with each estimate's sampling variance.
 *
 * @param results the results folder
 * @param name a rate (`agreement`, ..., `ratification_failure`) or a metric of `summaryMetrics`
 * @throws UserError when the name is neither
 */
export function cellOutput(results: Results, name: string): CellOutput {
  checkOutputName(name, results.manifest.layout);
  const cells = results.cells;
  const count = results.manifest.cells.length;
  const index = cells.array('cell') as ArrayLike<number>;
  const rate = SUMMARY_RATES.find((r) => r.name === name);
  const [a, b, c] = rate
    ? [rate.successes, rate.trials, undefined]
    : [`sum_${name}`, `n_${name}`, `sumsq_${name}`];
  const top = cells.array(a) as ArrayLike<number>;
  const trials = cells.array(b) as ArrayLike<number>;
  const squares = c === undefined ? undefined : (cells.array(c) as ArrayLike<number>);
  const out: CellOutput = {
    name,
    kind: rate ? 'rate' : 'mean',
    value: new Float64Array(count).fill(Number.NaN),
    noise: new Float64Array(count).fill(Number.NaN),
    n: new Float64Array(count),
    total: new Float64Array(count),
    sumsq: new Float64Array(count).fill(Number.NaN),
  };
  for (let row = 0; row < index.length; row++) {
    const cell = index[row]!;
    const n = trials[row]!;
    const x = top[row]!;
    out.n[cell] = n;
    out.total[cell] = x;
    if (squares) out.sumsq[cell] = squares[row]!;
    if (n === 0) continue;
    const estimate = x / n;
    out.value[cell] = estimate;
    if (n < 2) continue;
    const variance = squares
      ? Math.max(0, (squares[row]! - x * estimate) / (n - 1))
      : estimate * (1 - estimate) * (n / (n - 1));
    out.noise[cell] = variance / n;
  }
  return out;
}
