/**
 * Single-issue win-sets (docs/MODEL.md section 9.6): what a country ratifies when an agreement
 * moves one issue `d` and leaves every other at the reversion `q`. On that line the losses of
 * the other issues are the same at `x` and at `q` and cancel, so constituent `j`'s margin is
 * `s_ijd (q_d - v_ijd)^2 + kappa_ij + g_i + pi_ij - s_ijd (x_d - v_ijd)^2`: the margin of a
 * one-dimensional Level II with ideal points `v_ijd`, saliences `s_ijd` and reversion `q_d`.
 * Its win-set is computed exactly, as intervals, by the one-dimensional `winSet`.
 * @module
 */

import { copyProfile, type Profile } from './profile.ts';
import {
  createIntervals,
  createWinSetScratch,
  type Intervals,
  intersectIntervals,
  winSet,
} from './winSet.ts';

/**
 * Country `p` seen on issue `d` alone: a one-dimensional profile with ideal points `v_ijd`,
 * saliences `s_ijd` and reversion `q_d`; weights, costs of no agreement, good will, noise,
 * chambers and parties as in `p` (a new profile; `p` is unchanged).
 *
 * @param p a spatial profile
 * @param d the issue, `0 <= d < D`
 * @returns the one-dimensional profile
 * @example
 * // v = (0.6, -0.1), q = (0, 0): issueProfile(p, 1).ideal = [-0.1], .reversion = [0]
 * issueProfile(p, 1);
 */
export function issueProfile(p: Profile, d: number): Profile {
  const out = copyProfile(p);
  out.D = 1;
  out.ideal = Float64Array.from({ length: p.M }, (_, j) => p.ideal[j * p.D + d]!);
  out.salience = Float64Array.from({ length: p.M }, (_, j) => p.salience[j * p.D + d]!);
  out.reversion = Float64Array.of(p.reversion[d]!);
  return out;
}

/**
 * The overlap of every country's single-issue win-set on issue `d` (the values of `x_d`, every
 * other issue at the reversion, that every country ratifies under the expected vote), as
 * intervals of `[lo, hi]`. The countries must share the reversion on the other issues (as
 * `protocol.singleIssue` requires). With `kappa = 0` and no good will every win-set holds
 * `q_d`, so an overlap of length 0 is the reversion alone: no single-issue agreement.
 *
 * @param profiles each country's spatial profile (`D > 1`)
 * @param d the issue
 * @param box `[lo, hi]` of every dimension
 * @returns the overlap's intervals (a fresh object)
 * @example
 * intervalsSize(singleIssueOverlap(levelII.truth, 0, [0, 1])); // 0: nothing on issue 0 alone
 */
export function singleIssueOverlap(
  profiles: readonly Profile[],
  d: number,
  box: readonly [number, number],
): Intervals {
  const scratch = createWinSetScratch();
  let overlap: Intervals | null = null;
  for (const p of profiles) {
    const w = winSet(issueProfile(p, d), box, {}, createIntervals(8), scratch);
    overlap = overlap === null ? w : intersectIntervals(overlap, w, createIntervals(8));
  }
  return overlap!;
}
