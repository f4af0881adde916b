/**
 * State strength (docs/MODEL.md section 9.1; Putnam 1988, "the stronger a state is in terms of
 * its autonomy from domestic pressures, the weaker its relative bargaining position"): an
 * executive's autonomy `a_k` in `[0, 1]` weighs his own acceptance against his Level II's vote.
 * In ratification, with probability `a_k` (a draw from the run's `executive` stream) the
 * executive decides alone, ratifying iff his gain (his policy gain plus any motives,
 * `motives.ts`, and consultation stake, `consultation.ts`) is at least his reservation `phi_k`;
 * otherwise his Level II votes as usual, so the believed probability that `k` ratifies
 * candidate `c` is `a_k P(executive accepts c) + (1 - a_k) P(Level II passes c)`. `a_k = 0` (the default)
 * draws nothing and changes no number. Negotiators know every executive's autonomy and
 * reservation (and the weights of his motives); what they believe of his ideal point and his
 * motives is said at {@link weighExecutive}.
 * @module
 */

import { medianConstituent } from '../model/profile.ts';
import { candidatePoint } from './candidates.ts';
import { hasMotives, motivesOn } from './motives.ts';
import type { GameState } from './state.ts';

/**
 * Whether negotiator `k`, as executive, accepts `x`: his gain `|q_k - v^N_k|^2 - |x - v^N_k|^2`
 * (divide form: his country's share of `x`), plus his motives on his own particles now and, at
 * ratification, his consultation stake `chi_k` when he has them, is at least `phi_k`, as
 * `table.gain` counts it. In the horizon's votes (`period > 0`) the agreement is already
 * ratified and his standing saved: reneging no longer costs `chi_k`, so it is not counted.
 *
 * @param s the game state, negotiators placed
 * @param k the country
 * @param x the agreement (`D` coordinates)
 * @param period 0 for ratification, `h` for period `h` of the horizon
 * @returns true when he accepts
 * @example
 * executiveAccepts(state, 1, record.agreement, 0); // B's executive's own veto passed
 */
export function executiveAccepts(
  s: GameState,
  k: number,
  x: Float64Array,
  period: number,
): boolean {
  const { D } = s;
  let gain: number;
  if (s.scenario.form === 'divide') {
    gain = k === 0 ? x[0]! : 1 - x[0]!;
  } else {
    let loss = 0;
    for (let d = 0; d < D; d++) loss += (x[d]! - s.negotiatorIdeal[k * D + d]!) ** 2;
    gain = s.noAgreementLoss[k]! - loss;
  }
  if (motivated(s, k)) {
    gain += ownMotives(s, k, x) + (period === 0 ? s.parties.consultationCost[k]! : 0);
  }
  return gain >= s.parties.reservation[k]!;
}

/** Whether executive `k`'s acceptance weighs more than his policy gain (motives, a stake). */
function motivated(s: GameState, k: number): boolean {
  return hasMotives(s, k) || s.parties.consultationCost[k]! > 0;
}

/** Negotiator `k`'s motives at `x` on his own particles of his country, now (`motives.ts`). */
function ownMotives(s: GameState, k: number, x: Float64Array): number {
  const { N, D, beliefs, scratch } = s;
  const b = k * N + k;
  const active = beliefs.active[b]!;
  const balance = s.parties.balance[k]! > 0;
  let sum = 0;
  for (let p = 0; p < active; p++) {
    const particle = beliefs.particles[b]![p]!;
    if (balance) medianConstituent(particle, scratch.median, scratch.medianScratch);
    sum += motivesOn(s, k, particle, scratch.median, s.negotiatorIdeal, k * D, x);
  }
  return sum / active;
}

/**
 * Turns negotiator `i`'s believed Level II passing probabilities for country `k` (the row
 * `believed[i * N + k]`, `P_r(c)`) into believed ratification probabilities
 * `a_k P_n(c) + (1 - a_k) P_r(c)`, where `P_n(c)` is his believed probability that `k`'s
 * executive accepts `c`: exact for his own country, for a foreign negotiator whose ideal
 * point the scenario fixes, and in the divide form (where every negotiator wants the whole
 * stake); for a foreign negotiator who is his country's median constituent (the default), the
 * share of `i`'s particles of `k` whose median constituent gains at least `phi_k` from `c`, so
 * an executive is as uncertain to him as the Level II he comes from. A foreign executive with
 * motives or a consultation stake is read off `i`'s particles of `k` (see
 * `weighByParticles`).
 *
 * @param s the game state, its candidate gains measured
 * @param i the negotiator
 * @param k the country
 * @example
 * weighExecutive(state, 0, 1); // A's beliefs about B count B's executive
 */
export function weighExecutive(s: GameState, i: number, k: number) {
  const a = s.parties.autonomy[k]!;
  if (a === 0) return;
  const { N, table } = s;
  const { count } = table;
  const row = table.believed[i * N + k]!;
  const phi = s.parties.reservation[k]!;
  const known =
    i === k ||
    (!motivated(s, k) &&
      (s.scenario.form === 'divide' || s.scenario.countries[k]!.negotiator.ideal !== undefined));
  if (known) {
    const gain = table.gain[k]!;
    for (let c = 0; c < count; c++) row[c] = a * (gain[c]! >= phi ? 1 : 0) + (1 - a) * row[c]!;
    return;
  }
  weighByParticles(s, i, k);
}

/**
 * Whether country `k`'s executive decides this vote alone: a uniform draw from the run's
 * `executive` stream below `a_k`. Draws nothing when `a_k = 0`.
 *
 * @param s the game state
 * @param k the country
 * @returns true with probability `a_k`
 * @example
 * executiveDecides(state, 1); // always true when a_B = 1
 */
export function executiveDecides(s: GameState, k: number): boolean {
  const a = s.parties.autonomy[k]!;
  return a > 0 && s.streams.executive.uniform() < a;
}

/**
 * {@link weighExecutive} for a foreign executive `k` read off negotiator `i`'s particles of
 * his country. Particle `p` accepts candidate `c` when `k`'s policy gain (from his known ideal
 * point, or from the particle's median when the scenario leaves it to the median; divide form:
 * his share) plus, when he has them, `motivesOn(particle p)` and his stake `chi_k` is at least
 * `phi_k`; the row becomes `a_k (share of particles accepting c) + (1 - a_k) row`.
 */
function weighByParticles(s: GameState, i: number, k: number) {
  const { N, D, table, beliefs, scratch } = s;
  const { count, candidates } = table;
  const a = s.parties.autonomy[k]!;
  const row = table.believed[i * N + k]!;
  const phi = s.parties.reservation[k]!;
  const chi = s.parties.consultationCost[k]!;
  const motives = motivated(s, k);
  const divide = s.scenario.form === 'divide';
  const fixed = s.scenario.countries[k]!.negotiator.ideal !== undefined;
  if (scratch.executive.accepted.length < count) {
    scratch.executive.accepted = new Float64Array(table.candidates.length);
  }
  const accepted = scratch.executive.accepted;
  accepted.fill(0, 0, count);
  const b = i * N + k;
  const active = beliefs.active[b]!;
  const q = s.levelII.truth[k]!.reversion;
  const m = scratch.median;
  // his ideal point: the scenario's, or the particle's median (in scratch.median)
  const v = fixed ? s.negotiatorIdeal : m;
  const offset = fixed ? k * D : 0;
  for (let p = 0; p < active; p++) {
    const particle = beliefs.particles[b]![p]!;
    let noAgreementLoss = 0;
    if (!divide) {
      medianConstituent(particle, m, scratch.medianScratch);
      for (let d = 0; d < D; d++) noAgreementLoss += (q[d]! - v[offset + d]!) ** 2;
    }
    for (let c = 0; c < count; c++) {
      let gain: number;
      if (divide) {
        gain = k === 0 ? candidates[c]! : 1 - candidates[c]!;
      } else {
        let loss = 0;
        for (let d = 0; d < D; d++) loss += (candidates[c * D + d]! - v[offset + d]!) ** 2;
        gain = noAgreementLoss - loss;
      }
      if (motives) gain += motivesOn(s, k, particle, m, v, offset, candidatePoint(s, c)) + chi;
      if (gain >= phi) accepted[c]! += 1;
    }
  }
  for (let c = 0; c < count; c++) row[c] = a * (accepted[c]! / active) + (1 - a) * row[c]!;
}
