/**
 * Win-set sizes `|W_i|` and overlaps (MODEL.md section 2): exact in one dimension, by a fixed
 * Sobol point set when `D > 1`.
 * @module
 */

import { createIntervals, intersectIntervals, intervalsSize } from './intervals.ts';
import type { Point } from './margin.ts';
import type { Profile } from './profile.ts';
import { sobolPoints } from './sobol.ts';
import { ratifies } from './vote.ts';
import { type WinSetOptions, winSet } from './winSet.ts';

/** Options of a size: the margins, and how many Sobol points estimate it when `D > 1`. */
export interface WinSetSizeOptions extends WinSetOptions {
  /** Size of the Sobol point set when `D > 1` (default 4096 = 2^12, a full net). */
  points?: number;
}

/** The default number of Sobol points of a size estimate when `D > 1`. */
export const DEFAULT_SIZE_POINTS = 4096;

const pointSets = new Map<string, Float64Array>();

/** The first `n` Sobol points in `[0, 1)^D`, computed once per `(n, D)`. */
function unitPoints(n: number, D: number): Float64Array {
  const key = `${n}x${D}`;
  let set = pointSets.get(key);
  if (set === undefined) {
    set = sobolPoints(n, D);
    pointSets.set(key, set);
  }
  return set;
}

const coordinates = new Float64Array(64);

/** Point `t` of the Sobol set scaled to the box `[lo, hi]^D`, written into `coordinates`. */
function boxPoint(unit: Float64Array, t: number, D: number, lo: number, hi: number) {
  for (let d = 0; d < D; d++) coordinates[d] = lo + (hi - lo) * unit[t * D + d]!;
  return coordinates;
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
export function winSetContains(p: Profile, x: Point, options: WinSetOptions = {}): boolean {
  return ratifies(p, x, options);
}

const scratch = createIntervals(64);
const overlap = [createIntervals(64), createIntervals(64)];

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
 * @returns the length, area or volume of `W_i`
 * @example
 * // ideal points 0.1, 0.3, 0.7, q = 0, majority: W = [0, 0.6]
 * winSetSize(p, [0, 1]); // 0.6
 */
export function winSetSize(
  p: Profile,
  box: readonly [number, number],
  options: WinSetSizeOptions = {},
): number {
  if (p.D === 1) return intervalsSize(winSet(p, box, options, scratch));
  return overlapSize([p], box, options);
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
): number {
  const optionsOf = (i: number) =>
    Array.isArray(options) ? options[i]! : (options as WinSetSizeOptions);
  const D = profiles[0]!.D;
  const [lo, hi] = box;
  if (D === 1) {
    let current = winSet(profiles[0]!, box, optionsOf(0), overlap[0]!);
    for (let i = 1; i < profiles.length && current.count > 0; i++) {
      winSet(profiles[i]!, box, optionsOf(i), scratch);
      current = intersectIntervals(current, scratch, overlap[i % 2]!);
    }
    return intervalsSize(current);
  }
  const n = optionsOf(0).points ?? DEFAULT_SIZE_POINTS;
  const unit = unitPoints(n, D);
  let inside = 0;
  for (let t = 0; t < n; t++) {
    const x = boxPoint(unit, t, D, lo, hi);
    let all = true;
    for (let i = 0; i < profiles.length && all; i++)
      all = winSetContains(profiles[i]!, x, optionsOf(i));
    if (all) inside++;
  }
  return ((hi - lo) ** D * inside) / n;
}
