/**
 * Win-set sizes `|W_i|` and overlaps (MODEL.md section 2): exact in one dimension, by a fixed
 * Sobol point set when `D > 1`.
 * @module
 */

import { createIntervals, type Intervals, intersectIntervals, intervalsSize } from './intervals.ts';
import type { Point } from './margin.ts';
import type { Profile } from './profile.ts';
import { sobolPoints } from './sobol.ts';
import { createVoteScratch, ratifies, type VoteScratch } from './vote.ts';
import { createWinSetScratch, type WinSetOptions, type WinSetScratch, winSet } from './winSet.ts';

/** Options of a size: the margins, and how many Sobol points estimate it when `D > 1`. */
export interface WinSetSizeOptions extends WinSetOptions {
  /** Size of the Sobol point set when `D > 1` (default 4096 = 2^12, a full net). */
  points?: number;
}

/** The default number of Sobol points of a size estimate when `D > 1`. */
export const DEFAULT_SIZE_POINTS = 4096;

/**
 * What a size needs besides its inputs, owned by the caller: the Sobol point set when `D > 1`
 * (computed once, for one `(n, D)`), a point, and the scratch of the votes and win-sets.
 */
export interface SizeScratch {
  /** `n * D` Sobol points in `[0, 1)^D` (empty in one dimension). */
  unit: Float64Array;
  /** `n`, the number of points in `unit`. */
  n: number;
  point: Float64Array;
  vote: VoteScratch;
  winSet: WinSetScratch;
  /** Two unions for the running intersection, and one for the next win-set. */
  overlap: [Intervals, Intervals];
  next: Intervals;
}

/**
 * Scratch for {@link winSetSize} and {@link overlapSize} in `D` dimensions with `n` Sobol
 * points (the point set is computed here, once).
 *
 * @param D the dimension
 * @param n the number of Sobol points when `D > 1`
 * @returns the scratch
 * @example
 * const scratch = createSizeScratch(2); // 4096 Sobol points in the unit square
 */
export function createSizeScratch(D: number, n = DEFAULT_SIZE_POINTS): SizeScratch {
  return {
    unit: D > 1 ? sobolPoints(n, D) : new Float64Array(0),
    n,
    point: new Float64Array(D),
    vote: createVoteScratch(),
    winSet: createWinSetScratch(),
    overlap: [createIntervals(8), createIntervals(8)],
    next: createIntervals(8),
  };
}

/** The scratch a call was given when it fits `D` and `options.points`, else a fresh one. */
function fitting(
  scratch: SizeScratch | undefined,
  D: number,
  options: WinSetSizeOptions,
): SizeScratch {
  const n = options.points ?? DEFAULT_SIZE_POINTS;
  if (scratch !== undefined && scratch.point.length === D && (D === 1 || scratch.n === n)) {
    return scratch;
  }
  return createSizeScratch(D, n);
}

/**
 * Whether `x` is in the win-set `W_i`: {@link ratifies} with the expected vote (no noise).
 *
 * @param p the country's profile
 * @param x the agreement
 * @param options underselling `lambda`, side payments
 * @returns true when `x` is in `W_i`
 * @example
 * // ideal points 0.1, 0.3, 0.7, q = 0, majority: W = [0, 0.6]
 * winSetContains(p, 0.6, {}); // true
 */
export function winSetContains(
  p: Profile,
  x: Point,
  options: WinSetOptions = {},
  scratch?: VoteScratch,
): boolean {
  return ratifies(p, x, options, scratch);
}

/**
 * The size `|W_i|`, the measure of the win-set inside the box `[lo, hi]^D`. In one dimension
 * it is exact (the total length of {@link winSet}); when `D > 1` it is
 * `(hi - lo)^D` times the share of the first `n` Sobol points (scaled to the box) that lie in
 * `W_i`, the same fixed point set for every profile, so sizes compare without sampling noise
 * between them.
 *
 * @param p the country's profile
 * @param box `[lo, hi]` in every dimension
 * @param options underselling, side payments, `points` (default 4096)
 * @param scratch reusable scratch ({@link createSizeScratch}); a fresh one when absent
 * @returns the length, area or volume of `W_i`
 * @example
 * // ideal points 0.1, 0.3, 0.7, q = 0, majority: W = [0, 0.6]
 * winSetSize(p, [0, 1]); // 0.6
 */
export function winSetSize(
  p: Profile,
  box: readonly [number, number],
  options: WinSetSizeOptions = {},
  scratch?: SizeScratch,
): number {
  return overlapSize([p], box, options, scratch);
}

/**
 * The measure of the overlap of several countries' win-sets, `|W_1 ∩ ... ∩ W_N|`, inside the
 * box: exact in one dimension (intersection of the unions of intervals); when `D > 1`,
 * `(hi - lo)^D` times the share of the same Sobol points as {@link winSetSize} that every
 * country ratifies.
 *
 * @param profiles the countries' profiles (same `D`)
 * @param box `[lo, hi]` in every dimension
 * @param options one for every country, or one per country
 * @param scratch reusable scratch ({@link createSizeScratch}); a fresh one when absent
 * @returns the size of the overlap (0 when the win-sets do not overlap)
 * @example
 * // divide form, one constituent each, c_A = 0.2, c_B = 0.3:
 * // W_A = [0.2, 1], W_B = [0, 0.7]
 * overlapSize([a, b], [0, 1]); // 0.5
 */
export function overlapSize(
  profiles: readonly Profile[],
  box: readonly [number, number],
  options: WinSetSizeOptions | readonly WinSetSizeOptions[] = {},
  scratch?: SizeScratch,
): number {
  const optionsOf = (i: number) =>
    Array.isArray(options) ? options[i]! : (options as WinSetSizeOptions);
  const D = profiles[0]!.D;
  const [lo, hi] = box;
  const s = fitting(scratch, D, optionsOf(0));
  if (D === 1) {
    let current = winSet(profiles[0]!, box, optionsOf(0), s.overlap[0], s.winSet);
    for (let i = 1; i < profiles.length && current.count > 0; i++) {
      winSet(profiles[i]!, box, optionsOf(i), s.next, s.winSet);
      current = intersectIntervals(current, s.next, s.overlap[i % 2]!);
    }
    return intervalsSize(current);
  }
  const { unit, n, point } = s;
  let inside = 0;
  for (let t = 0; t < n; t++) {
    for (let d = 0; d < D; d++) point[d] = lo + (hi - lo) * unit[t * D + d]!;
    let all = true;
    for (let i = 0; i < profiles.length && all; i++)
      all = winSetContains(profiles[i]!, point, optionsOf(i), s.vote);
    if (all) inside++;
  }
  return ((hi - lo) ** D * inside) / n;
}
