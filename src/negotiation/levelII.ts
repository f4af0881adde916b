/**
 * Level II as drawn for one run (docs/MODEL.md sections 1-2, "Random streams"): every
 * country's constituents from its stream `levelII/<name>`, its nationalists from
 * `reverberation/<name>`, its median constituent, its true win-set and the overlap. The
 * game starts from it, and `twolevel winset` prints it, so both realise the same Level II
 * for the same run seed.
 * @module
 */

import {
  createMedianScratch,
  drawProfile,
  type MedianScratch,
  medianConstituent,
  type Profile,
  rankedMedian,
} from '../model/profile.ts';
import { clearRankings } from '../model/rankedVote.ts';
import {
  createIntervals,
  createWinSetScratch,
  type Intervals,
  intersectIntervals,
  intervalsSize,
  type WinSetOptions,
  type WinSetScratch,
  winSet,
} from '../model/winSet.ts';
import {
  createSizeScratch,
  overlapSize,
  type SizeScratch,
  winSetSize,
} from '../model/winSetSize.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunStreams } from './streams.ts';

/** One run's Level II and what is measured on it as drawn (before any offer). */
export interface LevelII {
  /** Per country, its true profile (moved later by reverberation and drift). */
  truth: Profile[];
  /** Per country with `beta > 0`, 1 for each nationalist constituent; else null. */
  nationalist: (Uint8Array | null)[];
  /** `N * D`: each country's median constituent as drawn (divide form: 1 number each). */
  median: Float64Array;
  /**
   * `N * D`: each country's median constituent's salience, the weighted mean of its
   * constituents' saliences `s_ijd` per dimension (with interest groups they differ; see
   * {@link meanSalience}).
   */
  salience: Float64Array;
  /**
   * 1-D: per country, its constituents in ascending order of ideal point (divide form: of
   * reservation) as drawn, ties by index; a belief shifted from the truth keeps it. Passed
   * to `winSet` as a hint (see `WinSetOptions.order`).
   */
  order: Int32Array[];
  /**
   * 1-D: per country, 1 while its truth's ideal points, and those of every belief shifted
   * from it, are known to ascend along `order`: as drawn, or all moved by one shift (drift),
   * which rounding keeps in order; 0 once reverberation moved them (some toward the offer,
   * nationalists away).
   */
  ranked: Uint8Array;
  /** 1-D: each country's true win-set `W_i` as drawn. */
  winSets: Intervals[];
  /** 1-D: the overlap of every true win-set (one of `overlapBuffers`). */
  overlap: Intervals;
  /** Per country, `|W_i|`. */
  winSetSize: Float64Array;
  /** `|W_1 ∩ ... ∩ W_N|`. */
  overlapSize: number;
  readonly overlapBuffers: [Intervals, Intervals];
  readonly winSetScratch: WinSetScratch;
  readonly medianScratch: MedianScratch;
  readonly sizeScratch: SizeScratch;
  readonly point: Float64Array;
  /** The options of the true win-sets (their `order` set per country). */
  readonly winSetOptions: WinSetOptions;
  /** The scenario's box `[lo, hi]` (the space of agreements). */
  readonly box: readonly [number, number];
  /**
   * Whether the rankings last from run to run: every country's weights and kappa are
   * constant. A ranking's running sums of equal weights do not depend on the order, and what
   * else it depends on (M, chambers, parties, good will, the saliences, interest groups' sizes)
   * is fixed by the scenario, so a ranking made in one run is the one the next would make.
   */
  readonly sameRankings: boolean;
}

/**
 * Allocates a scenario's Level II once; {@link drawLevelII} fills it for each run.
 *
 * @param scenario a validated scenario
 * @returns an empty Level II
 * @example
 * const levelII = createLevelII(parseScenario({}));
 */
export function createLevelII(scenario: Scenario): LevelII {
  const N = scenario.countries.length;
  const D = scenario.space.D;
  const overlapBuffers: [Intervals, Intervals] = [createIntervals(8), createIntervals(8)];
  return {
    truth: new Array<Profile>(N),
    nationalist: scenario.countries.map((c) =>
      c.reverberation.beta > 0 ? new Uint8Array(c.constituents.count) : null,
    ),
    median: new Float64Array(N * D),
    salience: new Float64Array(N * D),
    order: scenario.countries.map((c) => new Int32Array(D === 1 ? c.constituents.count : 0)),
    ranked: new Uint8Array(N),
    winSets: Array.from({ length: N }, () => createIntervals(8)),
    overlap: overlapBuffers[0],
    winSetSize: new Float64Array(N),
    overlapSize: 0,
    overlapBuffers,
    winSetScratch: createWinSetScratch(),
    medianScratch: createMedianScratch(),
    sizeScratch: createSizeScratch(D),
    point: new Float64Array(D),
    // the options of the true win-sets as drawn (see drawLevelII), whose order is just ranked
    winSetOptions: { order: null, ascending: true },
    box: [scenario.space.lo, scenario.space.hi],
    sameRankings: scenario.countries.every(
      (c) => c.constituents.weights.kind === 'constant' && c.constituents.kappa.kind === 'constant',
    ),
  };
}

/**
 * Draws a run's Level II into `levelII`: country `k`'s constituents from stream
 * `levelII/<name>` (`drawProfile`), its nationalists (each with probability `beta_k`, in
 * index order) from `reverberation/<name>`, its median constituent (1-D: by one sort, whose
 * order the win-sets reuse) with its mean salience, and the true win-sets
 * (`lambda = 1`, no payments) with their sizes and overlap (1-D exactly, else by the Sobol
 * point set).
 *
 * @param levelII the scenario's Level II (from {@link createLevelII}), overwritten
 * @param scenario the same scenario
 * @param streams the run's streams, started (`RunStreams.start(seed)`)
 * @returns `levelII`
 * @example
 * drawLevelII(levelII, scenario, runStreams(scenario).start('7')).winSetSize; // run '7'
 */
export function drawLevelII(levelII: LevelII, scenario: Scenario, streams: RunStreams): LevelII {
  const N = scenario.countries.length;
  const { D } = scenario.space;
  const { truth, box } = levelII;
  // drawn weights or kappa void the last run's rankings (constant ones leave them true)
  if (!levelII.sameRankings) clearRankings(levelII.winSetScratch.rankings);
  for (let k = 0; k < N; k++) {
    // the truth is drawn only here, and only its ideal points (reservations) move in a run
    truth[k] = drawProfile(scenario, k, streams.levelII[k]!, truth[k], truth[k] !== undefined);
    const mask = levelII.nationalist[k];
    if (mask) {
      const rng = streams.reverberation[k]!;
      const beta = scenario.countries[k]!.reverberation.beta;
      for (let j = 0; j < mask.length; j++) mask[j] = rng.uniform() < beta ? 1 : 0;
    }
    // without interest groups every constituent has the country's salience, which is the mean
    if (scenario.countries[k]!.constituents.groups === undefined) {
      for (let d = 0; d < D; d++) levelII.salience[k * D + d] = truth[k]!.salience[d]!;
    } else meanSalience(truth[k]!, levelII.salience, k * D);
    if (D === 1) {
      // one sort gives the median and the order every win-set of this country starts from
      levelII.median[k] = rankedMedian(truth[k]!, 0, levelII.medianScratch, levelII.order[k]!);
      levelII.ranked[k] = 1;
    } else {
      medianConstituent(truth[k]!, levelII.point, levelII.medianScratch);
      levelII.median.set(levelII.point, k * D);
    }
  }
  if (D === 1) {
    let overlap = levelII.overlapBuffers[0];
    for (let k = 0; k < N; k++) {
      const options = levelII.winSetOptions;
      options.order = levelII.order[k]!;
      const w = winSet(truth[k]!, box, options, levelII.winSets[k]!, levelII.winSetScratch);
      levelII.winSetSize[k] = intervalsSize(w);
      if (k > 0) {
        const previous = k === 1 ? levelII.winSets[0]! : overlap;
        overlap = intersectIntervals(previous, w, levelII.overlapBuffers[k % 2]!);
      }
    }
    levelII.overlap = overlap;
    levelII.overlapSize = intervalsSize(overlap);
  } else {
    for (let k = 0; k < N; k++) {
      levelII.winSetSize[k] = winSetSize(truth[k]!, box, {}, levelII.sizeScratch);
    }
    levelII.overlapSize = overlapSize(truth, box, {}, levelII.sizeScratch);
  }
  return levelII;
}

/**
 * Writes the weighted mean salience of `p`'s constituents per dimension,
 * `s_d = s_0d + sum_j w_j (s_jd - s_0d) / sum_j w_j`, into `out[at .. at + D)`: the salience
 * the record's median constituent is given (MODEL.md section 9.6). Measured from constituent
 * 0's, so a country whose constituents share one salience gets exactly that number.
 *
 * @param p the profile
 * @param out where to write
 * @param at the first index written
 * @example
 * // two equal-weight constituents with saliences (1, 0.2) and (0.2, 1): s = (0.6, 0.6)
 * meanSalience(p, out, 0);
 */
export function meanSalience(p: Profile, out: Float64Array, at: number) {
  const { M, D, weight, salience } = p;
  for (let d = 0; d < D; d++) {
    const first = salience[d]!;
    let total = 0;
    let spread = 0;
    for (let j = 0; j < M; j++) {
      total += weight[j]!;
      spread += weight[j]! * (salience[j * D + d]! - first);
    }
    out[at + d] = first + spread / total;
  }
}
