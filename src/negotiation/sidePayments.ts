import { margin } from '../model/margin.ts';
import type { Profile } from '../model/profile.ts';
import { createVoteScratch, ratifies, type VoteScratch } from '../model/vote.ts';

/**
 * Reusable arrays for {@link planSidePayments}, sized for a country of `M` constituents.
 * `payments` receives the plan: the payments to add, one per constituent.
 */
export interface PaymentScratch {
  payments: Float64Array;
  deficit: Float64Array;
  order: Int32Array;
  trial: Float64Array;
  /** The planner's votes. */
  vote: VoteScratch;
}

/**
 * Arrays for {@link planSidePayments} for a country of `M` constituents.
 *
 * @param M number of constituents
 * @returns zeroed scratch arrays
 * @example
 * createPaymentScratch(3).payments; // Float64Array [0, 0, 0]
 */
export function createPaymentScratch(M: number): PaymentScratch {
  return {
    payments: new Float64Array(M),
    deficit: new Float64Array(M),
    order: new Int32Array(M),
    trial: new Float64Array(M),
    vote: createVoteScratch(),
  };
}

/** What a payment plan costs and how sure the payer is that it secures ratification. */
export interface PaymentPlan {
  /** `sum_j w_ij pi_ij` of the planned payments. */
  cost: number;
  /** Share of the payer's particles under which the country ratifies with them. */
  believed: number;
  /** How many no-voters it pays. */
  recipients: number;
}

/** A relative margin added to each deficit so a paid constituent is not left a rounding error short. */
const ROUNDING = 1e-12;

/**
 * Side payments (MODEL.md section 4): a negotiator pays no-voters of a country their deficit,
 * cheapest first, within his budget. His beliefs are particles (index-aligned imagined
 * profiles of that country): a constituent's believed margin is its mean over the particles,
 * `Delta-bar_j(x)`; the no-voters (`Delta-bar_j < 0`) are ranked by cost `w_j (-Delta-bar_j)`
 * and paid `pi_j = -Delta-bar_j` (plus `1e-12` relative, against rounding) in that order.
 * The believed probability that a prefix of that list secures ratification is the share of
 * particles that ratify with it (expected vote). The plan is the shortest prefix whose share
 * reaches `threshold` (found by bisection, the share growing with the prefix). He pays only
 * when he believes it secures ratification: nothing (cost 0) when the country already
 * ratifies without payments (`believed` is then that share) or when even the longest
 * affordable prefix falls short (`believed` is then that prefix's share, below `threshold`).
 *
 * @param particles the payer's particles of the country (`active` of them are used)
 * @param active how many particles
 * @param x the agreement
 * @param lambda underselling factor of the margins (his own country: his `lambda`)
 * @param existing payments the country's constituents already receive
 * @param budget what he can still spend
 * @param threshold `pi`
 * @param s scratch; `s.payments` receives the plan
 * @returns the plan's cost, believed share, recipients
 * @example
 * // one particle of ideal points 0.1, 0.2, 0.9 (q = 0), x = 0.5, budget 1: the cheapest
 * // no-voter is 0.2 (deficit 0.09 - 0.04 = 0.05) and paying it gives a majority
 * planSidePayments([p], 1, Float64Array.of(0.5), 1, zeros, 1, 0.5, s); // cost 0.05
 */
export function planSidePayments(
  particles: readonly Profile[],
  active: number,
  x: Float64Array,
  lambda: number,
  existing: Float64Array,
  budget: number,
  threshold: number,
  s: PaymentScratch,
): PaymentPlan {
  const first = particles[0]!;
  const M = first.M;
  const { deficit, order, trial, payments, vote } = s;
  let noVoters = 0;
  for (let j = 0; j < M; j++) {
    let mean = 0;
    for (let p = 0; p < active; p++) mean += margin(particles[p]!, j, x, lambda, existing[j]!);
    mean /= active;
    deficit[j] = mean < 0 ? -mean * (1 + ROUNDING) + ROUNDING : 0;
    if (mean < 0) order[noVoters++] = j;
  }
  const w = first.weight;
  const ranked = order.subarray(0, noVoters);
  ranked.sort((a, b) => w[a]! * deficit[a]! - w[b]! * deficit[b]! || a - b);
  let affordable = 0;
  let spent = 0;
  while (affordable < noVoters) {
    const j = ranked[affordable]!;
    if (spent + w[j]! * deficit[j]! > budget) break;
    spent += w[j]! * deficit[j]!;
    affordable++;
  }
  const options = { lambda, payments: trial };
  const share = (n: number) => {
    trial.set(existing);
    for (let t = 0; t < n; t++) trial[ranked[t]!]! += deficit[ranked[t]!]!;
    let yes = 0;
    for (let p = 0; p < active; p++) {
      if (ratifies(particles[p]!, x, options, vote)) yes++;
    }
    return yes / active;
  };
  payments.fill(0);
  const unpaid = share(0);
  if (unpaid >= threshold) return { cost: 0, believed: unpaid, recipients: 0 };
  let n = affordable;
  let believed = share(n);
  if (believed < threshold) return { cost: 0, believed, recipients: 0 };
  let a = 1;
  while (a < n) {
    const mid = (a + n) >>> 1;
    const b = share(mid);
    if (b >= threshold) {
      n = mid;
      believed = b;
    } else a = mid + 1;
  }
  let cost = 0;
  for (let t = 0; t < n; t++) {
    const j = ranked[t]!;
    payments[j] = deficit[j]!;
    cost += w[j]! * deficit[j]!;
  }
  return { cost, believed, recipients: n };
}
