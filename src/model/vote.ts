/**
 * The Level II vote (MODEL.md section 2): sincere votes from the margins, party lines,
 * discipline, voter noise, and each chamber's tally against its quota.
 * @module
 */

import { indifferent, margin, type Point, spatialMargin } from './margin.ts';
import type { Profile } from './profile.ts';
import type { Rng } from './random.ts';

/** How a vote is cast. */
export interface VoteOptions {
  /** Underselling factor `lambda` in `(0, 1]` applied to every margin (default 1). */
  lambda?: number;
  /** Side payments `pi_ij`, one per constituent (default none). */
  payments?: Float64Array | null;
  /**
   * A uniform source for a noisy vote: each constituent votes yes with probability
   * `1 / (1 + exp(-Delta' / tau))` (sincerely, `Delta' >= 0` when `tau = 0`) and a party
   * member votes its party's line instead with probability `d`. Null or absent: the
   * expected vote, no noise and each party member's yes weight `d line + (1 - d) sincere`.
   */
  rng?: Rng | null;
}

/**
 * Whether a chamber passes with yes share `share`: `share >= theta` and `share > 1/2`, so a
 * tie never passes (MODEL.md section 2). Shares are sums of weights divided by a sum, so with
 * non-integer weights an exact tie can come out as `0.5000000000000001` and unanimity as
 * `0.9999999999999998`; both comparisons therefore allow a relative {@link SHARE_TOLERANCE},
 * far below any real difference of shares (one member in a trillion).
 *
 * @param share yes weight over the chamber's weight
 * @param quota `theta`
 * @returns true when the chamber passes
 * @example
 * chamberPasses(2 / 3, 2 / 3); // true
 * chamberPasses(0.5, 0.5); // false: a tie fails
 */
export function chamberPasses(share: number, quota: number): boolean {
  return share >= quota * (1 - SHARE_TOLERANCE) && share > 0.5 * (1 + SHARE_TOLERANCE);
}

/** Relative tolerance of {@link chamberPasses}: rounding of weight sums never decides a vote. */
export const SHARE_TOLERANCE = 1e-12;

/** Scratch arrays of a vote, owned by the caller and grown as profiles need. */
export interface VoteScratch {
  margins: Float64Array;
  sincere: Uint8Array;
  votes: Uint8Array;
  partyYes: Float64Array;
  partyTotal: Float64Array;
  /** Chamber shares of {@link ratifies}. */
  shares: Float64Array;
}

/**
 * Empty scratch for {@link chamberYesShares} and {@link ratifies}; it grows on first use.
 *
 * @returns scratch arrays of length 0
 * @example
 * const scratch = createVoteScratch(); // pass it to every vote of a game
 */
export function createVoteScratch(): VoteScratch {
  return {
    margins: new Float64Array(0),
    sincere: new Uint8Array(0),
    votes: new Uint8Array(0),
    partyYes: new Float64Array(0),
    partyTotal: new Float64Array(0),
    shares: new Float64Array(0),
  };
}

/** Sizes the scratch arrays for `M` constituents, `P` parties and `H` chambers. */
function reserve(s: VoteScratch, M: number, P: number, H: number) {
  if (s.margins.length < M) {
    s.margins = new Float64Array(Math.max(M, 2 * s.margins.length));
    s.sincere = new Uint8Array(s.margins.length);
    s.votes = new Uint8Array(s.margins.length);
  }
  if (s.partyYes.length < P) {
    s.partyYes = new Float64Array(P);
    s.partyTotal = new Float64Array(P);
  }
  if (s.shares.length < H) s.shares = new Float64Array(H);
}

/**
 * Fills `margins[0, M)` with every constituent's `Delta'_ij(x)`, exactly as {@link margin}
 * computes it (the same operations in the same order), in one loop per game form.
 */
function fillMargins(
  margins: Float64Array,
  p: Profile,
  x: Point,
  lambda: number,
  payments: Float64Array | null,
) {
  const { M, D, goodWill: g } = p;
  if (p.form === 'divide') {
    const x0 = typeof x === 'number' ? x : x[0]!;
    const share = p.side === 0 ? x0 : 1 - x0;
    const c = p.reservation;
    for (let j = 0; j < M; j++) {
      const pay = payments === null ? 0 : payments[j]!;
      const m = lambda * share - c[j]! + g + pay;
      margins[j] = indifferent(m, lambda * share + c[j]! + Math.abs(g) + Math.abs(pay));
    }
    return;
  }
  if (D !== 1) {
    for (let j = 0; j < M; j++)
      margins[j] = margin(p, j, x, lambda, payments === null ? 0 : payments[j]!);
    return;
  }
  const { ideal: v, kappa, salience: s } = p;
  const q = p.reversion[0]!;
  const x0 = typeof x === 'number' ? x : x[0]!;
  for (let j = 0; j < M; j++) {
    const pay = payments === null ? 0 : payments[j]!;
    margins[j] = spatialMargin(q, v[j]!, x0, s[j]!, kappa[j]!, lambda, g, pay);
  }
}

/**
 * The expected vote without parties: each chamber's sincere yes weight over its weight (the
 * general tally's `A + (1 - d) 0 + d 0 = A`), from `margins`.
 */
function sincereShares(margins: Float64Array, p: Profile, out: Float64Array): Float64Array {
  const w = p.weight;
  for (let h = 0; h < p.chambers.length; h++) {
    const members = p.chambers[h]!.members;
    let total = 0;
    let a = 0;
    for (let t = 0; t < members.length; t++) {
      const j = members[t]!;
      total += w[j]!;
      if (margins[j]! >= 0) a += w[j]!;
    }
    out[h] = a / total;
  }
  return out;
}

/**
 * The expected vote of one chamber without parties in the spatial form with `D = 1`, the
 * common case, in one pass: each member's margin ({@link spatialMargin}, as
 * {@link fillMargins} writes it) and the weights summed in member order as
 * {@link sincereShares} sums them, without the margins array.
 */
function spatialShare(
  p: Profile,
  x0: number,
  lambda: number,
  payments: Float64Array | null,
  members: Int32Array,
): number {
  const { ideal: v, kappa, weight: w, goodWill: g, salience: s } = p;
  const q = p.reversion[0]!;
  let total = 0;
  let a = 0;
  for (let t = 0; t < members.length; t++) {
    const j = members[t]!;
    const pay = payments === null ? 0 : payments[j]!;
    total += w[j]!;
    if (spatialMargin(q, v[j]!, x0, s[j]!, kappa[j]!, lambda, g, pay) >= 0) a += w[j]!;
  }
  return a / total;
}

/**
 * Each chamber's yes share of its weight when the country votes on `x`.
 * Sincere vote: yes iff `Delta'_ij(x) >= 0` (an indifferent constituent votes yes).
 * Party line: yes iff the party's sincere yes weight is more than half its weight (over all
 * its members in the country, from the sincere votes without noise).
 * Expected vote (no rng): a chamber's yes weight is `A + (1 - d) B + d C`, with `A` the
 * sincere yes weight of members without a party, `B` that of party members and `C` the
 * weight of party members whose line is yes. Noisy vote (rng): every constituent casts one
 * 0/1 vote, drawn in index order (one uniform for the line when `d > 0` and it has a party,
 * then one for the sincere vote when `tau > 0`), counted in every chamber it sits in.
 *
 * @param p the country's profile
 * @param x the agreement
 * @param options underselling, payments, noise
 * @param out one number per chamber
 * @param scratch reusable arrays ({@link createVoteScratch}); a fresh one when absent
 * @returns `out`
 * @example
 * // five members, party 0 = {0, 1, 2}; sincere yes: 0 and 1; d = 1/2:
 * // A = 0, B = 2, C = 3, so (0 + 0.5 * 2 + 0.5 * 3) / 5 = 0.5
 * chamberYesShares(p, x, {}, new Float64Array(1)); // [0.5]
 */
export function chamberYesShares(
  p: Profile,
  x: Point,
  options: VoteOptions,
  out: Float64Array,
  scratch: VoteScratch = createVoteScratch(),
): Float64Array {
  const { M, parties: P, discipline: d, weight: w, party } = p;
  const lambda = options.lambda ?? 1;
  const payments = options.payments ?? null;
  const rng = options.rng ?? null;
  if (rng === null && P === 0 && p.chambers.length === 1 && p.form === 'spatial' && p.D === 1) {
    out[0] = spatialShare(
      p,
      typeof x === 'number' ? x : x[0]!,
      lambda,
      payments,
      p.chambers[0]!.members,
    );
    return out;
  }
  reserve(scratch, M, P, p.chambers.length);
  const { margins, sincere, votes, partyYes, partyTotal } = scratch;
  fillMargins(margins, p, x, lambda, payments);
  if (rng === null && P === 0) return sincereShares(margins, p, out);
  for (let j = 0; j < M; j++) sincere[j] = margins[j]! >= 0 ? 1 : 0;
  if (P > 0) {
    partyYes.fill(0, 0, P);
    partyTotal.fill(0, 0, P);
    for (let j = 0; j < M; j++) {
      const k = party[j]!;
      if (k < 0) continue;
      partyTotal[k] += w[j]!;
      if (sincere[j] === 1) partyYes[k] += w[j]!;
    }
  }
  if (rng !== null) {
    for (let j = 0; j < M; j++) {
      const k = party[j]!;
      if (k >= 0 && d > 0 && rng.uniform() < d)
        votes[j] = partyYes[k]! > partyTotal[k]! / 2 ? 1 : 0;
      else if (p.tau > 0)
        votes[j] = rng.uniform() < 1 / (1 + Math.exp(-margins[j]! / p.tau)) ? 1 : 0;
      else votes[j] = sincere[j]!;
    }
  }
  for (let h = 0; h < p.chambers.length; h++) {
    const members = p.chambers[h]!.members;
    let total = 0;
    let a = 0;
    let b = 0;
    let c = 0;
    for (let t = 0; t < members.length; t++) {
      const j = members[t]!;
      const wj = w[j]!;
      total += wj;
      if (rng !== null) {
        if (votes[j] === 1) a += wj;
        continue;
      }
      const k = party[j]!;
      if (k < 0) {
        if (sincere[j] === 1) a += wj;
      } else {
        if (sincere[j] === 1) b += wj;
        if (partyYes[k]! > partyTotal[k]! / 2) c += wj;
      }
    }
    out[h] = (a + (1 - d) * b + d * c) / total;
  }
  return out;
}

/**
 * Whether the country ratifies `x`: every chamber's yes share passes
 * ({@link chamberPasses}: `>= theta` and `> 1/2`). Without an rng this is the expected vote,
 * i.e. membership of the win-set `W_i`.
 *
 * @param p the country's profile
 * @param x the agreement
 * @param options underselling, payments, noise
 * @param scratch reusable arrays ({@link createVoteScratch}); a fresh one when absent
 * @returns true when every chamber passes
 * @example
 * // ideal points 0.1, 0.3, 0.7, q = 0, majority: W = [0, 0.6]
 * ratifies(p, 0.5, {}); // true
 * ratifies(p, 0.7, {}); // false
 */
export function ratifies(
  p: Profile,
  x: Point,
  options: VoteOptions = {},
  scratch: VoteScratch = createVoteScratch(),
): boolean {
  if (scratch.shares.length < p.chambers.length)
    scratch.shares = new Float64Array(p.chambers.length);
  const shares = chamberYesShares(p, x, options, scratch.shares, scratch);
  for (let h = 0; h < p.chambers.length; h++) {
    if (!chamberPasses(shares[h]!, p.chambers[h]!.quota)) return false;
  }
  return true;
}
