import { UserError } from '../errors.ts';
import { RATE_NAMES, type RateSumIndex } from './columns.ts';
import { didYouMean } from './didYouMean.ts';
import type { Experiment } from './experiment.ts';

/** z for the Wilson 95% interval. */
const Z_95 = 1.959963984540054;

/**
 * How many replications each cell gets: a fixed number (`min = max`, no target), or adaptive
 * (`replications: { min, max, target: { outcome, halfWidth } }`): batches until the Wilson 95%
 * half-width of the target rate is at most `halfWidth`, or `max` runs.
 */
export interface ReplicationRule {
  min: number;
  max: number;
  target: { outcome: string; halfWidth: number } | null;
}

/**
 * The rule of an experiment's `replications` field.
 *
 * @param source where the experiment came from, for the message
 * @throws UserError when the target is not a rate (an outcome or `ratification_failure`)
 */
export function replicationRule(
  replications: Experiment['replications'],
  source = 'experiment',
): ReplicationRule {
  if (typeof replications === 'number') {
    return { min: replications, max: replications, target: null };
  }
  const { outcome } = replications.target;
  if (!RATE_NAMES.includes(outcome)) {
    throw new UserError(
      `${source}: replications.target.outcome: '${outcome}' is not a rate; valid: ${RATE_NAMES.join(', ')}.${didYouMean(outcome, RATE_NAMES)}`,
    );
  }
  return { min: replications.min, max: replications.max, target: replications.target };
}

/**
 * Half the width of the Wilson score interval (Wilson 1927) at 95%:
 * `z sqrt(p (1 - p) / n + z^2 / (4 n^2)) / (1 + z^2 / n)`, `p = successes / n`; 0.5 when n = 0
 * (the interval is then [0, 1]).
 *
 * @example
 * wilsonHalfWidth(0, 200); // => 0.009425 (= z^2 / (2 (n + z^2)): no event in 200 runs)
 */
export function wilsonHalfWidth(successes: number, n: number): number {
  if (n === 0) return 0.5;
  const p = successes / n;
  const z2 = Z_95 * Z_95;
  return (Z_95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

/** The batches every cell runs before any decision: `ceil(min / batchSize)` (all of them when fixed). */
export function firstBatches(rule: ReplicationRule, batchSize: number): number {
  return Math.min(Math.ceil(rule.max / batchSize), Math.ceil(rule.min / batchSize));
}

/**
 * Whether a cell is decided after its first `batches` batches, from their sums added in batch
 * order (`prefix`) alone, so that the decision, and with it every result, is the same whatever
 * the number of workers, the order batches finish in, the shards and the resumes. The first
 * {@link firstBatches} batches always run (all at once); after them the cell is finished when
 * its target's Wilson 95% half-width over those batches is at most `halfWidth`, or they reach
 * `max` runs; otherwise its next batch runs (one at a time).
 *
 * @param rule the experiment's replication rule
 * @param batchSize replications per batch (the last may be shorter, at `max`)
 * @param batches how many batches, from batch 0, `prefix` adds up
 * @param prefix their sums
 * @param target where the target's successes and trials sit in a sums vector
 * @example
 * // 20 of 20 runs alike: half-width 0.0806, so a target of 0.1 is met after two batches of 10
 * isDecided({ min: 20, max: 50, target: { outcome: 'agreement', halfWidth: 0.1 } }, 10, 2, sums, index);
 */
export function isDecided(
  rule: ReplicationRule,
  batchSize: number,
  batches: number,
  prefix: Float64Array,
  target: RateSumIndex | null,
): boolean {
  if (batches < firstBatches(rule, batchSize)) return false;
  if (batches >= Math.ceil(rule.max / batchSize)) return true;
  if (rule.target === null || target === null) return false;
  const halfWidth = wilsonHalfWidth(prefix[target.successes]!, prefix[target.trials]!);
  return halfWidth <= rule.target.halfWidth;
}

/** Whether a cell's final sums meet the target (true when there is none). */
export function targetMet(rule: ReplicationRule, sums: Float64Array, target: RateSumIndex | null) {
  if (rule.target === null || target === null) return true;
  return wilsonHalfWidth(sums[target.successes]!, sums[target.trials]!) <= rule.target.halfWidth;
}

/**
 * The replications of a sweep in words: `200`, or for adaptive replications the rule and,
 * once complete, how many cells met the target and the range of their runs.
 *
 * @example
 * describeReplications({ min: 200, max: 20000, target: { outcome: 'agreement', halfWidth: 0.01 } });
 * // => 'adaptive: 200 to 20000 runs per cell, until the Wilson 95% half-width of agreement is at most 0.01'
 */
export function describeReplications(
  replications: Experiment['replications'],
  cells?: readonly { runs: number; met: boolean }[],
): string {
  if (typeof replications === 'number') return String(replications);
  const { min, max, target } = replications;
  const rule = `adaptive: ${min} to ${max} runs per cell, until the Wilson 95% half-width of ${target.outcome} is at most ${target.halfWidth}`;
  if (!cells || cells.length === 0) return rule;
  const runs = cells.map((c) => c.runs);
  const met = cells.filter((c) => c.met).length;
  return `${rule}; ${met} of ${cells.length} cells met it, runs per cell ${Math.min(...runs)} to ${Math.max(...runs)}`;
}
