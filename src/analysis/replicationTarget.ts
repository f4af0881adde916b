import type { ColumnTable } from 'arquero';
import { wilsonHalfWidth } from '../engine/adaptive.ts';
import { SUMMARY_RATES } from '../engine/columns.ts';
import type { Manifest } from '../engine/manifest.ts';

/**
 * A per-cell summary with adaptive replication's columns: `target_half_width`, the Wilson 95%
 * half-width of the target rate in that cell ({@link wilsonHalfWidth}), and `target_met`,
 * whether it is at most the target's `halfWidth` (false: the cell stopped at `max` runs). The
 * summary is returned as it is when the sweep's replications are fixed.
 *
 * @param summary a per-cell summary ({@link summarize} by every parameter)
 * @param manifest the sweep's manifest
 * @example
 * withReplicationTarget(summary, manifest).array('target_met'); // e.g. [true, true, false]
 */
export function withReplicationTarget(summary: ColumnTable, manifest: Manifest): ColumnTable {
  const replications = manifest.experiment.replications;
  if (typeof replications === 'number') return summary;
  const rate = SUMMARY_RATES.find((r) => r.name === replications.target.outcome)!;
  const successes = summary.array(rate.successes) as ArrayLike<number>;
  const trials = summary.array(rate.trials) as ArrayLike<number>;
  const halfWidth = Float64Array.from({ length: summary.numRows() }, (_, i) =>
    wilsonHalfWidth(successes[i]!, trials[i]!),
  );
  return summary.assign({
    target_half_width: halfWidth,
    target_met: Array.from(halfWidth, (h) => h <= replications.target.halfWidth),
  });
}
