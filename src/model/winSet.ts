/**
 * The exact one-dimensional win-set `W_i` (MODEL.md section 2): a sweep over the breakpoints
 * of the constituents' acceptance intervals.
 * @module
 */

import { type Intervals, pushInterval } from './intervals.ts';
import { undersoldStake } from './margin.ts';
import type { Profile } from './profile.ts';
import {
  createRankings,
  type Ranking,
  type Rankings,
  rankedShare,
  rankedWinSet,
  rankingFor,
} from './rankedVote.ts';
import { createSortScratch, type SortScratch, sortByKey } from './sortByKey.ts';
import { chamberPasses, createVoteScratch, ratifies, type VoteScratch } from './vote.ts';

export {
  copyIntervals,
  createIntervals,
  type Intervals,
  intersectIntervals,
  intervalsContain,
  intervalsSize,
  nearestPoint,
  pushInterval,
} from './intervals.ts';

/** Margins under which a win-set is computed (the expected vote: no noise). */
export interface WinSetOptions {
  /** Underselling factor `lambda` in `(0, 1]` (default 1). */
  lambda?: number;
  /** Side payments `pi_ij`, one per constituent (default none). */
  payments?: Float64Array | null;
  /**
   * The constituents in ascending order of ideal point (divide form: of reservation), if
   * known. A hint for speed only: in the common case (`rankedVote.ts`: one chamber, no
   * parties, `lambda = 1`, no kappa, good will or payments, integer weights) the win-set and
   * the votes on its ends then come from the ranks, without events; otherwise the ends are
   * written in that order, which with equal radii is already sorted, and sorted (or
   * reversed) ends skip the sort. Any order gives the same win-set.
   */
  order?: Int32Array | null;
  /**
   * True when the caller knows that the ideal points ascend along `order` (the truth as
   * ranked when drawn, or a belief shifted from it by one number): the ranked path then skips
   * checking it. A promise, not a hint: with an `order` that does not rank the ideal points
   * the win-set is wrong.
   */
  ascending?: boolean;
}

/**
 * Scratch arrays of {@link winSet}, owned by the caller (a game keeps one for all its
 * win-sets) and grown, never shrunk, as profiles need.
 */
export interface WinSetScratch {
  /** Positions of the inner events (strictly inside the box). */
  eventAt: Float64Array;
  /** Their tags: `2 j` (constituent `j` enters) or `2 j + 1` (leaves after). */
  eventTag: Int32Array;
  /** Tags of events at the box's ends: those at `lo` from the front, those at `hi` from the back. */
  endTag: Int32Array;
  /** How many events {@link acceptanceEvents} put at `lo` and at `hi`. */
  atLo: number;
  atHi: number;
  /**
   * Whether every margin at the reversion `q` is exactly 0 (spatial form, `lambda = 1`, no
   * good will, and every `kappa_ij` and payment 0, every loss finite), as
   * {@link acceptanceEvents} found: the vote at `q` is then all yes ({@link closeEnds}).
   */
  zeroAtQ: boolean;
  chamberWeight: Float64Array;
  state: Float64Array;
  chamberTotal: Float64Array;
  partyTotal: Float64Array;
  lineWeight: Float64Array;
  sort: SortScratch;
  /** The vote that checks the win-set's ends ({@link closeEnds}). */
  vote: VoteScratch;
  /**
   * The rankings of the current game by order array (`rankedVote.ts`): a profile passed
   * with a country's `order` must have the weights, kappa, saliences and chambers of the
   * first one ranked with it (its truth; a belief copied from it). Cleared at the start of each game
   * (`clearRankings`).
   */
  rankings: Rankings;
  /** The ranking the current win-set came from, its ends voted by rank; else null. */
  ranked: Ranking | null;
}

/**
 * Empty scratch for {@link winSet}; it grows on first use.
 *
 * @returns scratch arrays of length 0
 * @example
 * const scratch = createWinSetScratch(); // pass it to every winSet call of a game
 */
export function createWinSetScratch(): WinSetScratch {
  return {
    eventAt: new Float64Array(0),
    eventTag: new Int32Array(0),
    endTag: new Int32Array(0),
    atLo: 0,
    atHi: 0,
    zeroAtQ: false,
    chamberWeight: new Float64Array(0),
    state: new Float64Array(0),
    chamberTotal: new Float64Array(0),
    partyTotal: new Float64Array(0),
    lineWeight: new Float64Array(0),
    sort: createSortScratch(),
    vote: createVoteScratch(),
    rankings: createRankings(),
    ranked: null,
  };
}

function reserve(s: WinSetScratch, M: number, H: number, P: number) {
  if (s.eventAt.length < 2 * M) {
    s.eventAt = new Float64Array(Math.max(2 * M, 2 * s.eventAt.length));
    s.eventTag = new Int32Array(s.eventAt.length);
    s.endTag = new Int32Array(s.eventAt.length);
  }
  if (s.chamberWeight.length < M * H)
    s.chamberWeight = new Float64Array(Math.max(M * H, 2 * s.chamberWeight.length));
  if (s.state.length < 2 * H + P) s.state = new Float64Array(2 * H + P);
  if (s.chamberTotal.length < H) s.chamberTotal = new Float64Array(H);
  if (s.partyTotal.length < P) s.partyTotal = new Float64Array(P);
  if (s.lineWeight.length < H * P) s.lineWeight = new Float64Array(H * P);
}

/**
 * Writes the two ends of each constituent's acceptance interval `{x : Delta'_ij(x) >= 0}`,
 * clipped to the box, as events: position in `eventAt`, tag `2 j` (enters) or `2 j + 1`
 * (leaves after). Constituents that accept nothing inside the box write none. Events at a
 * box end (often most: every interval starting at `q = lo`, every one clipped) need no
 * sorting: their tags go to `s.endTag` (counts `s.atLo`, `s.atHi`); the others to `s.eventAt`.
 * Spatial: `v +- sqrt(R / s)` with `R = U_lambda(s (q - v)^2 + kappa) + g + pi` when `R >= 0`
 * (`U_lambda` the undersold stake, see `undersoldStake`)
 * (with `s = 0`, the whole line or nothing); when `lambda = 1` and `kappa + g + pi = 0`, the
 * interval is written as `[q, 2v - q]` so that `q` is an exact end. Divide: with
 * `t = (c - g - pi) / lambda`, the half-line `x >= t` (side 0) or `x <= 1 - t` (side 1).
 * @returns the number of events
 */
function acceptanceEvents(
  s: WinSetScratch,
  p: Profile,
  lo: number,
  hi: number,
  lambda: number,
  pay: Float64Array | null,
  order: Int32Array | null,
): number {
  const g = p.goodWill;
  const q = p.reversion[0]!;
  const { M, ideal, kappa, reservation, salience: sal } = p;
  const divide = p.form === 'divide';
  const side = p.side;
  const { eventAt, eventTag, endTag } = s;
  const top = endTag.length - 1;
  let n = 0;
  let atLo = 0;
  let atHi = 0;
  let zeroAtQ = !divide && lambda === 1 && g === 0;
  for (let t = 0; t < M; t++) {
    const j = order === null ? t : order[t]!;
    const extra = pay === null ? g : g + pay[j]!;
    let a: number;
    let b: number;
    if (divide) {
      const threshold = (reservation[j]! - extra) / lambda;
      a = side === 0 ? threshold : -Infinity;
      b = side === 0 ? Infinity : 1 - threshold;
    } else {
      const v = ideal[j]!;
      const k = kappa[j]!;
      const salience = sal[j]!;
      const radicand = undersoldStake(salience * (q - v) * (q - v) + k, lambda) + extra;
      if (zeroAtQ && !(k === 0 && extra === 0 && Number.isFinite(radicand))) zeroAtQ = false;
      if (radicand < 0) continue;
      if (salience === 0) {
        a = -Infinity;
        b = Infinity;
      } else if (lambda === 1 && k + extra === 0) {
        a = Math.min(q, 2 * v - q);
        b = Math.max(q, 2 * v - q);
      } else {
        const r = Math.sqrt(radicand / salience);
        a = v - r;
        b = v + r;
      }
    }
    a = Math.max(a, lo);
    b = Math.min(b, hi);
    if (a > b) continue;
    // an event at a box end needs no sorting: its tag goes to endTag
    if (a === lo) endTag[atLo++] = 2 * j;
    else if (a === hi) endTag[top - atHi++] = 2 * j;
    else {
      eventAt[n] = a;
      eventTag[n++] = 2 * j;
    }
    if (b === lo) endTag[atLo++] = 2 * j + 1;
    else if (b === hi) endTag[top - atHi++] = 2 * j + 1;
    else {
      eventAt[n] = b;
      eventTag[n++] = 2 * j + 1;
    }
  }
  s.atLo = atLo;
  s.atHi = atHi;
  s.zeroAtQ = zeroAtQ;
  return n;
}

/**
 * Sorts the `inner` events: nothing to do when they are ascending already, reversed in place
 * when descending, else {@link sortByKey}. The same pass refuses a non-finite event: a NaN
 * breakpoint (a non-finite draw) would never equal itself and stall the sweep.
 */
function sortInner(s: WinSetScratch, inner: number, lo: number, hi: number) {
  const at = s.eventAt;
  let ascending = true;
  let descending = true;
  for (let t = 0; t < inner; t++) {
    const x = at[t]!;
    if (!Number.isFinite(x)) {
      throw new RangeError(
        `winSet: constituent ${s.eventTag[t]! >> 1} accepts up to a non-finite point (${x}); its ideal point, reservation or margin is not a finite number`,
      );
    }
    if (t === 0) continue;
    if (x < at[t - 1]!) ascending = false;
    else if (x > at[t - 1]!) descending = false;
  }
  if (ascending) return;
  if (!descending) {
    sortByKey(at, s.eventTag, inner, lo, hi, s.sort);
    return;
  }
  const tags = s.eventTag;
  for (let a = 0, b = inner - 1; a < b; a++, b--) {
    const x = at[a]!;
    at[a] = at[b]!;
    at[b] = x;
    const tag = tags[a]!;
    tags[a] = tags[b]!;
    tags[b] = tag;
  }
}

/**
 * All the events in ascending order (ties in any order): the `atLo` events at `lo`, the
 * `inner` ones sorted ({@link sortInner}), the `atHi` events at `hi`.
 * @returns the number of events
 */
function sortEvents(s: WinSetScratch, inner: number, lo: number, hi: number): number {
  const { eventAt, eventTag, endTag, atLo, atHi } = s;
  sortInner(s, inner, lo, hi);
  if (atLo > 0) {
    eventAt.copyWithin(atLo, 0, inner);
    eventTag.copyWithin(atLo, 0, inner);
    eventAt.fill(lo, 0, atLo);
    for (let t = 0; t < atLo; t++) eventTag[t] = endTag[t]!;
  }
  const n = atLo + inner + atHi;
  for (let t = 0; t < atHi; t++) {
    eventAt[n - 1 - t] = hi;
    eventTag[n - 1 - t] = endTag[endTag.length - 1 - t]!;
  }
  return n;
}

/**
 * Per call, the weights the sweep adds: `chamberWeight[j H + h]` is `w_j` times the number of
 * times `j` sits in chamber `h`; chamber and party totals; `lineWeight[h P + k]`, the weight
 * of party `k` in chamber `h`.
 */
function tallyWeights(s: WinSetScratch, p: Profile, H: number, P: number) {
  const { M, party, weight: w } = p;
  const { chamberWeight, chamberTotal, partyTotal, lineWeight } = s;
  chamberWeight.fill(0, 0, M * H);
  chamberTotal.fill(0, 0, H);
  partyTotal.fill(0, 0, P);
  lineWeight.fill(0, 0, H * P);
  for (let j = 0; j < M; j++) if (party[j]! >= 0) partyTotal[party[j]!] += w[j]!;
  for (let h = 0; h < H; h++) {
    const members = p.chambers[h]!.members;
    for (let t = 0; t < members.length; t++) {
      const j = members[t]!;
      chamberWeight[j * H + h] += w[j]!;
      chamberTotal[h] += w[j]!;
      if (party[j]! >= 0) lineWeight[h * P + party[j]!] += w[j]!;
    }
  }
}

/** Whether every chamber passes in the current sweep `state` (see {@link winSet}). */
function statePasses(s: WinSetScratch, p: Profile, H: number, P: number): boolean {
  const d = p.discipline;
  const { state, partyTotal, lineWeight, chamberTotal } = s;
  for (let h = 0; h < H; h++) {
    let line = 0;
    for (let k = 0; k < P; k++) {
      if (state[2 * H + k]! > partyTotal[k]! / 2) line += lineWeight[h * P + k]!;
    }
    const yes = state[h]! + (1 - d) * state[H + h]! + d * line;
    if (!chamberPasses(yes / chamberTotal[h]!, p.chambers[h]!.quota)) return false;
  }
  return true;
}

/** The sweep of {@link winSet} over `n` sorted events, for any chambers and parties. */
function sweepChambers(
  s: WinSetScratch,
  p: Profile,
  H: number,
  P: number,
  n: number,
  out: Intervals,
) {
  s.state.fill(0, 0, 2 * H + P);
  const at = s.eventAt;
  const tags = s.eventTag;
  const votes = s.state;
  const weights = s.chamberWeight;
  const { party, weight } = p;
  let passing = false;
  let from = 0;
  while (from < n) {
    const x = at[from]!;
    let to = from;
    let entries = 0;
    for (; to < n && at[to] === x; to++) {
      const tag = tags[to]!;
      if ((tag & 1) === 1) continue;
      const j = tag >> 1;
      const k = party[j]!;
      const offset = k >= 0 ? H : 0;
      for (let h = 0; h < H; h++) votes[offset + h] += weights[j * H + h]!;
      if (k >= 0) votes[2 * H + k] += weight[j]!;
      entries++;
    }
    // The state changes only where someone enters (at x) or leaves (just after x).
    if (entries > 0) passing = statePasses(s, p, H, P);
    if (passing) pushInterval(out, x, x);
    if (entries < to - from) {
      for (let e = from; e < to; e++) {
        const tag = tags[e]!;
        if ((tag & 1) === 0) continue;
        const j = tag >> 1;
        const k = party[j]!;
        const offset = k >= 0 ? H : 0;
        for (let h = 0; h < H; h++) votes[offset + h] -= weights[j * H + h]!;
        if (k >= 0) votes[2 * H + k] -= weight[j]!;
      }
      passing = statePasses(s, p, H, P);
    }
    if (passing && to < n) pushInterval(out, x, at[to]!);
    from = to;
  }
}

/**
 * {@link tallyWeights} for one chamber without parties. When the chamber is every
 * constituent once, in index order (the default), each one's chamber weight is its weight:
 * `p.weight` itself is returned and only the total is summed (in member order, as the vote
 * sums it). Otherwise the tally's `chamberWeight`.
 */
function tallyOneChamber(s: WinSetScratch, p: Profile): Float64Array {
  const members = p.chambers[0]!.members;
  const w = p.weight;
  let everyone = members.length === p.M;
  let total = 0;
  for (let t = 0; t < members.length && everyone; t++) {
    everyone = members[t] === t;
    total += w[t]!;
  }
  if (!everyone) {
    tallyWeights(s, p, 1, 0);
    return s.chamberWeight;
  }
  s.chamberTotal[0] = total;
  return w;
}

/**
 * The sweep of {@link winSet} for one chamber without parties: the same tally as
 * {@link sweepChambers} (there `A + (1 - d) 0 + d 0 = A`), without the per-party state.
 * `weights[j]` is constituent `j`'s weight in the chamber ({@link tallyOneChamber}).
 */
function sweepOneChamber(
  s: WinSetScratch,
  weights: Float64Array,
  quota: number,
  n: number,
  out: Intervals,
) {
  const at = s.eventAt;
  const tags = s.eventTag;
  const total = s.chamberTotal[0]!;
  let yes = 0;
  let passing = false;
  // the passing run being swept, [start, end], pushed once it ends
  let inRun = false;
  let start = 0;
  let end = 0;
  let from = 0;
  while (from < n) {
    const x = at[from]!;
    let to = from;
    let entries = 0;
    for (; to < n && at[to] === x; to++) {
      const tag = tags[to]!;
      if ((tag & 1) === 1) continue;
      yes += weights[tag >> 1]!;
      entries++;
    }
    if (entries > 0) passing = chamberPasses(yes / total, quota);
    if (passing) {
      if (!inRun) start = x;
      inRun = true;
      end = x;
    }
    if (entries < to - from) {
      for (let e = from; e < to; e++) {
        const tag = tags[e]!;
        if ((tag & 1) === 1) yes -= weights[tag >> 1]!;
      }
      passing = chamberPasses(yes / total, quota);
    }
    if (passing && to < n) {
      if (!inRun) start = x;
      inRun = true;
      end = at[to]!;
    } else if (inRun) {
      pushInterval(out, start, end);
      inRun = false;
    }
    from = to;
  }
  if (inRun) pushInterval(out, start, end);
}

/** Steps an end of a win-set inward takes at most, one double at a time ({@link closeEnds}). */
const MAX_END_STEPS = 64;

/** The double next to `x` toward `toward` (`x` itself when they are equal). */
function nextToward(x: number, toward: number): number {
  if (x === toward) return x;
  if (x === 0) return toward > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const bits = new Float64Array([x]);
  const word = new BigInt64Array(bits.buffer);
  word[0] = word[0]! + (toward > x === x > 0 ? 1n : -1n);
  return bits[0]!;
}

/**
 * Whether the expected vote ratifies the end `x` ({@link ratifies}). At the reversion itself,
 * when every margin there is exactly 0 (`s.zeroAtQ`, no parties), every member votes yes,
 * so each chamber's share is its weight over itself (the sums the vote would add, tallied by
 * {@link tallyWeights}): the same answer without the O(M) pass. A ranked win-set's ends
 * are voted by rank (`rankedShare`), the same share in O(log M).
 */
function endPasses(p: Profile, x: number, options: WinSetOptions, s: WinSetScratch): boolean {
  if (!(s.zeroAtQ && p.parties === 0 && x === p.reversion[0])) {
    const share = s.ranked === null ? -1 : rankedShare(p, x, s.ranked);
    if (share >= 0) return chamberPasses(share, p.chambers[0]!.quota);
    return ratifies(p, x, options, s.vote);
  }
  for (let h = 0; h < p.chambers.length; h++) {
    if (!chamberPasses(s.chamberTotal[h]! / s.chamberTotal[h]!, p.chambers[h]!.quota)) return false;
  }
  return true;
}

/**
 * Makes every end of `out` one the model's own vote ratifies, so the win-set is closed as
 * MODEL.md promises and a setter's best offer (an end) exists. The breakpoints come from
 * closed-form roots (`v + sqrt(R / s)`, `1 - t`) that can land a rounding error outside the
 * set where `Delta' >= 0` as the vote computes it (a margin of -2.8e-17 at 0.9 for a
 * reservation of 0.1, say); each such end moves inward one double at a time, at most
 * {@link MAX_END_STEPS} steps (one or two in practice), until {@link ratifies} passes it.
 * An interval whose ends cross is dropped. Two expected votes per interval: O(M) each, but
 * O(H) at `q` when its margins are all 0 ({@link endPasses}).
 * Sets `out.closed` when every end kept passed the vote (always, unless an end ran out of
 * steps).
 */
function closeEnds(
  p: Profile,
  options: WinSetOptions,
  out: Intervals,
  s: WinSetScratch,
): Intervals {
  let kept = 0;
  let closed = true;
  for (let t = 0; t < out.count; t++) {
    let lo = out.lo[t]!;
    let hi = out.hi[t]!;
    let step = 0;
    for (; step < MAX_END_STEPS && lo <= hi && !endPasses(p, lo, options, s); step++)
      lo = nextToward(lo, hi);
    if (step === MAX_END_STEPS) closed = false;
    step = 0;
    for (; step < MAX_END_STEPS && lo <= hi && !endPasses(p, hi, options, s); step++)
      hi = nextToward(hi, lo);
    if (step === MAX_END_STEPS) closed = false;
    if (!(lo <= hi)) continue;
    out.lo[kept] = lo;
    out.hi[kept] = hi;
    kept++;
  }
  out.count = kept;
  out.closed = closed;
  return out;
}

/**
 * The win-set `W_i` of a one-dimensional profile inside the box, exactly: the agreements
 * the country ratifies under the expected vote (no noise; a party member's yes weight is
 * `d line + (1 - d) sincere`), as a union of closed intervals.
 *
 * Each constituent accepts a closed interval (spatial: `v +- sqrt((U_lambda(L(q) + kappa) + g +
 * pi) / s)`, `U_lambda` the undersold stake when the radicand is `>= 0`; divide: a half-line). Their at most `2 M` ends,
 * clipped to the box, are sorted once; a sweep then tallies, at each breakpoint and on each
 * gap between two, every chamber's sincere yes weight of members without a party (`A`) and
 * with one (`B`), and every party's sincere yes weight (which sets its line and so `C`), and
 * keeps the points where every chamber's share `(A + (1 - d) B + d C) / W_h` is `>= theta`
 * and `> 1/2`. Ends are closed (an indifferent constituent votes yes), so a passing gap
 * passes at its ends too; isolated passing points are kept as single-point intervals.
 * Finally every end is checked with the model's own vote and moved inward by a rounding
 * error where the vote rejects it ({@link closeEnds}), so every end is ratified.
 * O(M log M) time, no allocation once the scratch arrays have grown.
 *
 * @param p a profile with `D = 1`
 * @param box `[lo, hi]`, the agreement space
 * @param options underselling `lambda`, side payments
 * @param out the union to overwrite
 * @param scratch reusable arrays ({@link createWinSetScratch}); a fresh one when absent
 * @returns `out`
 * @throws Error when `p.D > 1` (use `winSetSize` there)
 * @example
 * // ideal points 0.1, 0.3, 0.7, q = 0, kappa = 0, simple majority:
 * // the median 0.3 gives W = [q, 2m - q] = [0, 0.6]
 * winSet(p, [0, 1], {}, createIntervals()); // { lo: [0], hi: [0.6], count: 1 }
 */
export function winSet(
  p: Profile,
  box: readonly [number, number],
  options: WinSetOptions,
  out: Intervals,
  scratch: WinSetScratch = createWinSetScratch(),
): Intervals {
  if (p.D !== 1) throw new Error(`winSet is one-dimensional; this profile has D = ${p.D}`);
  const H = p.chambers.length;
  const P = p.parties;
  const [lo, hi] = box;
  reserve(scratch, p.M, H, P);
  const lambda = options.lambda ?? 1;
  const pay = options.payments ?? null;
  const order = options.order ?? null;
  const ranking =
    order !== null && lambda === 1 && pay === null
      ? rankingFor(scratch.rankings, p, order, options.ascending === true)
      : null;
  scratch.ranked = null;
  if (ranking !== null && rankedWinSet(p, lo, hi, ranking, out)) {
    // every margin at q is exactly 0 (no kappa, good will or payments), as the events would find
    scratch.zeroAtQ = true;
    scratch.chamberTotal[0] = ranking.prefix[p.M]!;
    scratch.ranked = ranking;
    return closeEnds(p, options, out, scratch);
  }
  const inner = acceptanceEvents(scratch, p, lo, hi, lambda, pay, order);
  const n = sortEvents(scratch, inner, lo, hi);
  out.count = 0;
  if (H === 1 && P === 0) {
    const weights = tallyOneChamber(scratch, p);
    sweepOneChamber(scratch, weights, p.chambers[0]!.quota, n, out);
  } else {
    tallyWeights(scratch, p, H, P);
    sweepChambers(scratch, p, H, P, n, out);
  }
  return closeEnds(p, options, out, scratch);
}
