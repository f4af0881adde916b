/**
 * The one-dimensional expected vote and win-set over the constituents ranked by ideal point
 * (MODEL.md section 2), for the common case: one chamber of every constituent, no parties,
 * `lambda = 1`, no kappa, good will or payments, integer weights, positive saliences (they may
 * differ: interest groups). Constituent `j` then accepts `x` iff `|x - v_j| <= |q - v_j|`: its acceptance interval is `[q, 2 v_j - q]` (or
 * `[2 v_j - q, q]`), every interval holds `q`, and the yes weight falls off monotonically on
 * either side of `q`. So a vote needs only the cut where the ranked constituents switch
 * (binary search), and the win-set only two weighted ranks: no events, sort or sweep.
 * Integer weights make every sum exact in any order, so the results are those of
 * `chamberYesShares` and `winSet`'s sweep bit for bit; where a condition fails the callers
 * take the general path.
 * @module
 */

import { spatialMargin } from './margin.ts';
import type { Profile } from './profile.ts';
import { chamberPasses } from './vote.ts';

/**
 * A country's constituents ranked for the ranked vote: `order` as {@link rankWeights} last
 * read it, whether the weights and saliences allow the ranked vote (`exact`), the weights'
 * running sums in that order, and the smallest and largest salience (for the overflow bounds).
 */
export interface Ranking {
  order: Int32Array | null;
  exact: boolean;
  /** `prefix[t]`: the weight of the first `t` ranked constituents (grown as needed). */
  prefix: Float64Array;
  salienceMin: number;
  salienceMax: number;
}

/**
 * An empty ranking; {@link rankWeights} fills it.
 *
 * @returns a ranking with no order
 * @example
 * const ranking = createRanking();
 */
export function createRanking(): Ranking {
  return { order: null, exact: false, prefix: new Float64Array(0), salienceMin: 0, salienceMax: 0 };
}

/**
 * The rankings of one game, one per order array (a country's constituents as drawn), so
 * that its truth and every belief shifted from it reuse one pass over the weights. Owned by
 * the caller's scratch; {@link clearRankings} at the start of every game, unless every game
 * ranks the same weights, kappa, saliences and chambers (constant weights: then a ranking's
 * sums do not depend on the order, and it lasts from game to game).
 */
export interface Rankings {
  list: Ranking[];
  count: number;
}

/**
 * No rankings yet.
 *
 * @returns an empty list
 * @example
 * const rankings = createRankings();
 */
export function createRankings(): Rankings {
  return { list: [], count: 0 };
}

/**
 * Forgets every ranking (their arrays are kept for the next game).
 *
 * @param rankings the game's rankings
 * @example
 * clearRankings(rankings); // at the start of a game
 */
export function clearRankings(rankings: Rankings) {
  rankings.count = 0;
}

/**
 * Half-width of the window around the midpoint `(q + x) / 2` whose constituents are voted
 * one by one, per unit of `|x - q|`. The computed margin `fl(s (q - v)^2) - fl(s (x - v)^2)`
 * errs by at most about `4.5e-16` of `T = s ((q - v)^2 + (x - v)^2)`, and `indifferent` takes
 * margins down to `-1e-12 T` for 0 (yes). On `x`'s side of the midpoint the exact margin is
 * `>= 0`, so the vote is yes; on `q`'s side, at a distance `d`, the exact margin is
 * `-2 s |x - q| d` and `T = s (2 d^2 + (x - q)^2 / 2)`, so the vote is no as soon as
 * `d > 1.001e-12 |x - q| / 2`, while `d <= 5e11 |x - q|` ({@link MAX_SPREAD}). `1e-11`
 * leaves a factor of 20.
 */
const WINDOW = 1e-11;
/** Extra half-width per unit of `|q| + |x|`: the rounding of the midpoint itself. */
const MIDPOINT_ROUNDING = 1e-15;
/** Ideal points farther from the midpoint than this many `|x - q|`: the vote goes over all. */
const MAX_SPREAD = 1e11;
/** Weights summed exactly in any order: integers whose total stays below `2^53`. */
const MAX_EXACT_TOTAL = 2 ** 53;

/** The checks of {@link stillRanked} that take no pass over the constituents. */
function shapeFits(p: Profile): boolean {
  return (
    p.form === 'spatial' &&
    p.D === 1 &&
    p.parties === 0 &&
    p.chambers.length === 1 &&
    p.goodWill === 0 &&
    p.M > 0
  );
}

/**
 * Whether every squared distance among ideal points in `[low, high]` and `q`, times the
 * largest salience, is far from overflow.
 */
function spanFits(p: Profile, low: number, high: number, ranking: Ranking): boolean {
  const span = 2 * Math.max(Math.abs(low), Math.abs(high), Math.abs(p.reversion[0]!));
  return ranking.salienceMax * span * span < 1e300;
}

/**
 * Ranks `p`'s weights along `order` for the ranked vote: checks that the profile is
 * one-dimensional and spatial without parties or good will, every salience finite and
 * positive, one chamber of every constituent in index order, every `kappa_ij` 0 and weights
 * that are non-negative integers with a positive total below `2^53` (so their sums are
 * exact in any order), and fills the running sums (`ranking.exact` says whether all held).
 * The same pass makes {@link stillRanked}'s check of the ideal points, which move (beliefs,
 * reverberation, drift) while the weights stay, so later uses check only them.
 *
 * @param p the profile
 * @param order a permutation of its constituents, meant to rank them by ideal point
 * @param ranking overwritten: `order`, `exact` and the running weights
 * @returns true when the ranked vote applies to `p` now (`exact`, and `stillRanked`)
 * @example
 * rankWeights(p, Int32Array.of(2, 0, 1), ranking); // ranking.prefix = [0, w_2, w_2 + w_0, ...]
 */
export function rankWeights(p: Profile, order: Int32Array, ranking: Ranking): boolean {
  const { M, ideal: v, kappa, weight: w, salience } = p;
  ranking.order = order;
  ranking.exact = false;
  if (!shapeFits(p) || order.length !== M) return false;
  const members = p.chambers[0]!.members;
  if (members.length !== M) return false;
  if (ranking.prefix.length < M + 1) ranking.prefix = new Float64Array(Math.max(M + 1, 64));
  const prefix = ranking.prefix;
  prefix[0] = 0;
  let ascending = true;
  let previous = Number.NEGATIVE_INFINITY;
  let salienceMin = Number.POSITIVE_INFINITY;
  let salienceMax = 0;
  for (let t = 0; t < M; t++) {
    const j = order[t]!;
    const wj = w[j]!;
    const sj = salience[j]!;
    if (members[t] !== t || kappa[j] !== 0 || !(wj >= 0 && Number.isInteger(wj))) return false;
    if (!(sj > 0 && sj < Number.POSITIVE_INFINITY)) return false;
    if (sj < salienceMin) salienceMin = sj;
    if (sj > salienceMax) salienceMax = sj;
    prefix[t + 1] = prefix[t]! + wj;
    const vj = v[j]!;
    if (!(vj >= previous)) ascending = false;
    previous = vj;
  }
  const total = prefix[M]!;
  ranking.salienceMin = salienceMin;
  ranking.salienceMax = salienceMax;
  ranking.exact = total > 0 && total < MAX_EXACT_TOTAL;
  return ranking.exact && ascending && spanFits(p, v[order[0]!]!, previous, ranking);
}

/**
 * Whether `ranking` (made by {@link rankWeights} from a profile with the same weights,
 * kappa, saliences and chambers as `p`: the same country's truth, or a belief copied from
 * it) still ranks `p`: its shape fits, its ideal points ascend along the order, and every squared
 * distance among them and `q` is far from overflow. One pass over the ideal points, unless
 * the caller knows that they ascend (`ascending`: the truth as ranked when drawn, or a copy
 * of it shifted by one number, since rounding `v + delta` keeps the order).
 *
 * @param p the profile
 * @param ranking a ranking
 * @param ascending true when the caller knows the ideal points ascend along the order
 * @returns true when {@link rankedShare} and {@link rankedWinSet} apply to `p`
 * @example
 * stillRanked(truth, ranking); // false once reverberation reordered the ideal points
 */
export function stillRanked(p: Profile, ranking: Ranking, ascending = false): boolean {
  const order = ranking.order;
  if (order === null || !ranking.exact || !shapeFits(p) || order.length !== p.M) return false;
  const v = p.ideal;
  const last = v[order[order.length - 1]!]!;
  if (!ascending) {
    let previous = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < order.length; t++) {
      const vj = v[order[t]!]!;
      if (!(vj >= previous)) return false;
      previous = vj;
    }
  }
  return spanFits(p, v[order[0]!]!, last, ranking);
}

/**
 * The ranking of `p` along `order`: the one made for `order` earlier (in this game, or in an
 * earlier one when the caller keeps its rankings: see {@link Rankings}) when there is one (the
 * caller vouches that `p` has the weights, kappa, saliences and chambers of the profile it was
 * made from), else a new one ({@link rankWeights}); null when the ranked vote does not apply
 * ({@link stillRanked}).
 *
 * @param rankings the game's rankings
 * @param p the profile
 * @param order its constituents as ranked when drawn
 * @param ascending true when the caller knows `p`'s ideal points ascend along `order`
 * @returns the ranking, or null
 * @example
 * rankingFor(rankings, truth, levelII.order[k]); // null: the vote goes over every constituent
 */
export function rankingFor(
  rankings: Rankings,
  p: Profile,
  order: Int32Array,
  ascending = false,
): Ranking | null {
  const { list } = rankings;
  let t = 0;
  while (t < rankings.count && list[t]!.order !== order) t++;
  if (t < rankings.count) return stillRanked(p, list[t]!, ascending) ? list[t]! : null;
  if (t === list.length) list.push(createRanking());
  rankings.count++;
  return rankWeights(p, order, list[t]!) ? list[t]! : null;
}

/** The first rank `t` in `[0, M)` with `v[order[t]] >= y` (`M` when none). */
function firstAtLeast(v: Float64Array, order: Int32Array, M: number, y: number): number {
  let lo = 0;
  let hi = M;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v[order[mid]!]! >= y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first rank `t` in `[0, M)` with `v[order[t]] > y` (`M` when none). */
function firstAbove(v: Float64Array, order: Int32Array, M: number, y: number): number {
  let lo = 0;
  let hi = M;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v[order[mid]!]! > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The yes share of the expected vote on `x` (`lambda = 1`, no payments) by the cut over the
 * ranked constituents: everyone past the window around the midpoint `(q + x) / 2` on `x`'s
 * side votes yes, everyone past it on `q`'s side no, and the constituents inside it (usually
 * one or none) are voted with `spatialMargin` as `chamberYesShares` votes them. Returns -1
 * (vote over every constituent) when `x` is so close to `q`, or the ideal points so spread,
 * that the window's bound does not hold.
 *
 * @param p the profile, {@link stillRanked} true for it with `ranking`
 * @param x the agreement
 * @param ranking its ranking
 * @returns the share `chamberYesShares` computes, or -1
 * @example
 * // ideal points 0.1, 0.3, 0.7, q = 0: x = 0.6 cuts at 0.3 (indifferent: yes)
 * rankedShare(p, 0.6, ranking); // 2 / 3
 */
export function rankedShare(p: Profile, x: number, ranking: Ranking): number {
  const { M, ideal: v, kappa, weight: w, salience } = p;
  const q = p.reversion[0]!;
  const order = ranking.order!;
  const prefix = ranking.prefix;
  const total = prefix[M]!;
  const delta = x - q;
  // at q itself every margin is exactly 0: all vote yes
  if (delta === 0) return total / total;
  const low = v[order[0]!]!;
  const high = v[order[M - 1]!]!;
  const mid = (q + x) / 2;
  const reach = Math.max(high - mid, mid - low);
  const bound = 2 * Math.max(Math.abs(low), Math.abs(high), Math.abs(q), Math.abs(x));
  if (!(ranking.salienceMin * delta * delta >= 1e-280)) return -1;
  if (!(ranking.salienceMax * bound * bound < 1e300)) return -1;
  if (!(reach <= MAX_SPREAD * Math.abs(delta))) return -1;
  const width = WINDOW * Math.abs(delta) + MIDPOINT_ROUNDING * (Math.abs(q) + Math.abs(x));
  const from = firstAtLeast(v, order, M, mid - width);
  const to = firstAbove(v, order, M, mid + width);
  let yes = delta > 0 ? total - prefix[to]! : prefix[from]!;
  for (let t = from; t < to; t++) {
    const j = order[t]!;
    if (spatialMargin(q, v[j]!, x, salience[j]!, kappa[j]!, 1, 0, 0) >= 0) yes += w[j]!;
  }
  return yes / total;
}

/**
 * The win-set before its ends are checked, as `winSet`'s sweep finds it (`lambda = 1`, no
 * payments): constituent `j`'s interval is `[max(min(q, 2 v_j - q), lo), min(max(q,
 * 2 v_j - q), hi)]`, each holds `q`, and both ends are non-decreasing in rank. Right of `q`
 * the yes weight at the right end of rank `t` is the weight of ranks `>= t` with that end,
 * so the win-set reaches the right end of the last rank `t` whose weight of ranks `>= t`
 * passes; left of `q`, the left end of the first rank whose weight of ranks `<= t` passes.
 * Writes the one interval into `out`. False (nothing written) when `q` is outside the box.
 *
 * @param p the profile, {@link stillRanked} true for it with `ranking`
 * @param lo the box's lower end
 * @param hi its upper end
 * @param ranking its ranking
 * @param out the union to overwrite
 * @returns true when `out` holds the win-set's interval
 * @example
 * // ideal points 0.1, 0.3, 0.7, q = 0, majority: [0, 2 * 0.3 - 0]
 * rankedWinSet(p, 0, 1, ranking, out); // out = [0, 0.6]
 */
export function rankedWinSet(
  p: Profile,
  lo: number,
  hi: number,
  ranking: Ranking,
  out: { lo: Float64Array; hi: Float64Array; count: number },
): boolean {
  const { M, ideal: v } = p;
  const q = p.reversion[0]!;
  if (!(lo <= q && q <= hi)) return false;
  const order = ranking.order!;
  const prefix = ranking.prefix;
  const total = prefix[M]!;
  const quota = p.chambers[0]!.quota;
  // the last rank whose weight of ranks >= it passes (rank 0: everyone, which passes)
  let a = 0;
  let b = M - 1;
  while (a < b) {
    const t = (a + b + 1) >>> 1;
    if (chamberPasses((total - prefix[t]!) / total, quota)) a = t;
    else b = t - 1;
  }
  const right = Math.min(Math.max(q, 2 * v[order[a]!]! - q), hi);
  // the first rank whose weight of ranks <= it passes (rank M - 1: everyone)
  a = 0;
  b = M - 1;
  while (a < b) {
    const t = (a + b) >>> 1;
    if (chamberPasses(prefix[t + 1]! / total, quota)) b = t;
    else a = t + 1;
  }
  const left = Math.max(Math.min(q, 2 * v[order[a]!]! - q), lo);
  // an end at the box's end is the box's own number, as the sweep writes it
  out.lo[0] = left === lo ? lo : left;
  out.hi[0] = right === hi ? hi : right;
  out.count = 1;
  return true;
}
