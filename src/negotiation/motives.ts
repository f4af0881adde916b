/**
 * Negotiators' motives beyond their own ideal point (docs/MODEL.md section 9.5; Putnam 1988:
 * a chief negotiator's motives include enhancing his standing in the Level II game, and
 * shifting the balance of power at Level II in favour of domestic policies he prefers).
 *
 * **Standing.** With a standing weight `omega_i > 0` (`negotiator.motives.standing`),
 * negotiator `i`'s utility of agreement `x` over no agreement adds `omega_i` times his believed
 * domestic standing at `x`: the weighted share of his constituents who gain from it,
 * `S_i(x) = mean over his own particles of sum_j w_j [Delta_ij(x) > 0] / sum_j w_j`
 * (the sincere margin of section 1 with good will, no payments: those who prefer `x` to no
 * agreement). At no agreement nobody gains, so `S_i` counts only for agreements.
 *
 * **Balance.** With a balance weight `mu_i > 0` (`negotiator.motives.balance`) it adds
 * `mu_i B_i(x)`, how much nearer his ideal point `v^N_i` the agreement pulls his Level II's
 * median: a ratified agreement reverberates at home as a foreign offer does (section 4, his
 * country's `eta_i`), every constituent moving to `v + eta_i (x - v)`, a monotone map that takes
 * the (weighted, coordinate-wise) median `m` to `m + eta_i (x - m)`, so
 * `B_i(x) = mean over his own particles of |m - v^N_i|^2 - |m + eta_i (x - m) - v^N_i|^2`
 * (nationalists, who move away, are not counted: he expects the pull of the majority). At no
 * agreement nothing moves, `B_i = 0`; at `x = m` neither. His best agreement moves past his ideal
 * point, away from his median: alone, `-(x - v)^2 + mu B(x)` peaks at
 * `x = v + mu eta (1 - eta) (v - m) / (1 + mu eta^2)` in one dimension.
 *
 * Both are measured on his particles at the opening of each session, and they enter every
 * decision through `table.gain` (his offers, answers and veto `phi_i`); the record's
 * `negotiator_gain` stays the policy gain, so terms remain comparable. `omega_i = mu_i = 0`
 * (the default) changes no number.
 * @module
 */

import { margin } from '../model/margin.ts';
import { medianConstituent, type Profile } from '../model/profile.ts';
import { candidatePoint } from './candidates.ts';
import type { GameState } from './state.ts';

/** The weighted share of a profile's constituents who gain from `x` (`Delta_j(x) > 0`). */
function gainerShare(particle: Profile, x: Float64Array): number {
  let total = 0;
  let gainers = 0;
  for (let j = 0; j < particle.M; j++) {
    const w = particle.weight[j]!;
    total += w;
    if (margin(particle, j, x) > 0) gainers += w;
  }
  return gainers / total;
}

/** Adds `omega_i S_i(c)` to negotiator `i`'s gain at every candidate. */
function addStanding(s: GameState, i: number) {
  const omega = s.parties.standing[i]!;
  if (omega === 0) return;
  const { N, table, beliefs } = s;
  const b = i * N + i;
  const active = beliefs.active[b]!;
  const gain = table.gain[i]!;
  for (let c = 0; c < table.count; c++) {
    const x = candidatePoint(s, c);
    let share = 0;
    for (let p = 0; p < active; p++) share += gainerShare(beliefs.particles[b]![p]!, x);
    gain[c]! += omega * (share / active);
  }
}

/**
 * Adds `mu_i B_i(c)` to negotiator `i`'s gain at every candidate, particle by particle (each
 * particle's median found once, in `scratch.median`).
 */
function addBalance(s: GameState, i: number) {
  const mu = s.parties.balance[i]!;
  if (mu === 0) return;
  const { N, D, table, beliefs, scratch } = s;
  const eta = s.parties.eta[i]!;
  const b = i * N + i;
  const active = beliefs.active[b]!;
  const gain = table.gain[i]!;
  const m = scratch.median;
  for (let p = 0; p < active; p++) {
    medianConstituent(beliefs.particles[b]![p]!, m, scratch.medianScratch);
    let before = 0;
    for (let d = 0; d < D; d++) before += (m[d]! - s.negotiatorIdeal[i * D + d]!) ** 2;
    for (let c = 0; c < table.count; c++) {
      let after = 0;
      for (let d = 0; d < D; d++) {
        const moved = m[d]! + eta * (table.candidates[c * D + d]! - m[d]!);
        after += (moved - s.negotiatorIdeal[i * D + d]!) ** 2;
      }
      gain[c]! += (mu * (before - after)) / active;
    }
  }
}

/**
 * Negotiator `k`'s motives at `x` as one particle of his country shows them, for an
 * autonomous executive's acceptance (`autonomy.ts`): `omega_k` times the particle's share of
 * gainers plus `mu_k (|m - v|^2 - |m + eta_k (x - m) - v|^2)`, with `m` the particle's median
 * and `v` the ideal point ascribed to him.
 *
 * @param s the game state
 * @param k the negotiator whose motives are weighed
 * @param particle a profile of his country (his own particle, or a foreign negotiator's)
 * @param m the particle's median constituent (`D`; read only when `mu_k > 0`)
 * @param v the ideal point ascribed to him (`D`, read from `offset`)
 * @param offset where `v` starts
 * @param x the agreement (`D`)
 * @returns the motives' value, 0 without motives
 * @example
 * motivesOn(state, 1, particle, median, state.negotiatorIdeal, 1 * D, x);
 */
export function motivesOn(
  s: GameState,
  k: number,
  particle: Profile,
  m: Float64Array,
  v: Float64Array,
  offset: number,
  x: Float64Array,
): number {
  const omega = s.parties.standing[k]!;
  const mu = s.parties.balance[k]!;
  let value = 0;
  if (omega > 0) value += omega * gainerShare(particle, x);
  if (mu > 0) {
    const eta = s.parties.eta[k]!;
    let before = 0;
    let after = 0;
    for (let d = 0; d < s.D; d++) {
      before += (m[d]! - v[offset + d]!) ** 2;
      after += (m[d]! + eta * (x[d]! - m[d]!) - v[offset + d]!) ** 2;
    }
    value += mu * (before - after);
  }
  return value;
}

/**
 * Whether negotiator `k` has motives beyond policy (standing or balance).
 *
 * @param s the game state
 * @param k the negotiator
 * @returns true when `omega_k > 0` or `mu_k > 0`
 * @example
 * hasMotives(state, 1); // false by default
 */
export function hasMotives(s: GameState, k: number): boolean {
  return s.parties.standing[k]! > 0 || s.parties.balance[k]! > 0;
}

/**
 * Adds negotiator `i`'s motives beyond policy to his gain at every candidate
 * (`table.gain[i]`): `omega_i S_i(c) + mu_i B_i(c)` (see the module comment).
 *
 * @param s the game state, its candidates built, the policy gains measured and his particles drawn
 * @param i the negotiator
 * @example
 * addMotives(state, 1); // B's negotiator now values popular agreements and a friendlier median
 */
export function addMotives(s: GameState, i: number) {
  addStanding(s, i);
  addBalance(s, i);
}
