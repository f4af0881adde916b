import type { ColumnTable } from 'arquero';
import { type RunLayout, SUMMARY_RATES, summaryMetrics } from '../engine/columns.ts';
import { arquero } from '../results/arquero.ts';
import { meanInterval } from './meanInterval.ts';
import { COUNT_COLUMNS, poolCells } from './poolCells.ts';
import { wilsonInterval } from './wilsonInterval.ts';

/**
 * Summarises a sweep per cell or per group of cells: cells sharing the values of `by` are
 * pooled ({@link poolCells}); for each group it reports `cells` and the counts
 * ({@link COUNT_COLUMNS}: runs, each outcome, tentative and ratified agreements), then
 *
 * - for each rate r of {@link SUMMARY_RATES}: `r_rate = successes / trials` and its Wilson
 *   95% interval `r_lo`, `r_hi` ({@link wilsonInterval}; Wilson 1927);
 * - for each metric m of {@link summaryMetrics}: `m_mean = sum / n` and its Student-t 95%
 *   interval `m_lo`, `m_hi` from the pooled running sums ({@link meanInterval}), NaN when
 *   fewer than two runs count (`m_n`).
 *
 * Built from the per-cell sums alone, so it is as fast for a million runs as for a hundred.
 * With `by` omitted the groups are the cells themselves (all varied parameters kept).
 *
 * @param cells the `cells.arrow` table
 * @param parameters the sweep's varied parameters
 * @param layout the sweep's countries and dimension
 * @param by parameters to keep; default all of them (one row per cell)
 * @returns one row per group, ordered by `by`
 * @example
 * // one cell of 100 runs with 50 agreements:
 * // agreement_rate 0.5, agreement_lo 0.4038, agreement_hi 0.5962 (Wilson)
 * summarize(cells, [], layout);
 */
export function summarize(
  cells: ColumnTable,
  parameters: readonly string[],
  layout: RunLayout,
  by: readonly string[] = parameters,
): ColumnTable {
  const pooled = poolCells(cells, by, parameters, layout);
  const rows = pooled.numRows();
  const columns: Record<string, ArrayLike<unknown>> = {};
  for (const name of [...by, 'cells', ...COUNT_COLUMNS]) {
    columns[name] = pooled.array(name) as ArrayLike<unknown>;
  }
  for (const rate of SUMMARY_RATES) {
    const successes = pooled.array(rate.successes) as ArrayLike<number>;
    const trials = pooled.array(rate.trials) as ArrayLike<number>;
    const value = new Float64Array(rows);
    const lo = new Float64Array(rows);
    const hi = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      const n = trials[i]!;
      value[i] = n > 0 ? successes[i]! / n : Number.NaN;
      if (n > 0) {
        [lo[i], hi[i]] = wilsonInterval(successes[i]!, n);
      } else {
        lo[i] = Number.NaN;
        hi[i] = Number.NaN;
      }
    }
    columns[`${rate.name}_rate`] = value;
    columns[`${rate.name}_lo`] = lo;
    columns[`${rate.name}_hi`] = hi;
  }
  for (const metric of summaryMetrics(layout)) {
    const n = pooled.array(`n_${metric}`) as ArrayLike<number>;
    const sum = pooled.array(`sum_${metric}`) as ArrayLike<number>;
    const sumsq = pooled.array(`sumsq_${metric}`) as ArrayLike<number>;
    const mean = new Float64Array(rows);
    const lo = new Float64Array(rows);
    const hi = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      const interval = meanInterval(n[i]!, sum[i]!, sumsq[i]!);
      mean[i] = interval.mean;
      lo[i] = interval.lo;
      hi[i] = interval.hi;
    }
    columns[`${metric}_n`] = Int32Array.from(n);
    columns[`${metric}_mean`] = mean;
    columns[`${metric}_lo`] = lo;
    columns[`${metric}_hi`] = hi;
  }
  return arquero().table(columns);
}
