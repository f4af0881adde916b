/**
 * State strength (docs/MODEL.md section 9.1; Putnam 1988, "the stronger a state is in terms of
 * its autonomy from domestic pressures, the weaker its relative bargaining position"): an
 * executive's autonomy `a_k` in `[0, 1]` weighs his own acceptance against his Level II's vote.
 * In ratification, with probability `a_k` (a draw from the run's `executive` stream) the
 * executive decides alone, ratifying iff his gain is at least his reservation `phi_k`;
 * otherwise his Level II votes as usual, so the believed probability that `k` ratifies
 * candidate `c` is `a_k P(executive accepts c) + (1 - a_k) P(Level II passes c)`. `a_k = 0` (the default)
 * draws nothing and changes no number. Negotiators know every executive's autonomy and
 * reservation; what they believe of his ideal point is said at {@link weighExecutive}.
 * @module
 */

import { medianConstituent } from '../model/profile.ts';
import type { GameState } from './state.ts';

/**
 * Whether negotiator `k`, as executive, accepts `x`: his gain `|q_k - v^N_k|^2 - |x - v^N_k|^2`
 * (divide form: his country's share of `x`) is at least `phi_k`, computed as `table.gain` is.
 *
 * @param s the game state, negotiators placed
 * @param k the country
 * @param x the agreement (`D` coordinates)
 * @returns true when he accepts
 * @example
 * executiveAccepts(state, 1, record.agreement); // B's executive's own veto passed
 */
export function executiveAccepts(s: GameState, k: number, x: Float64Array): boolean {
  const { D } = s;
  if (s.scenario.form === 'divide') {
    return (k === 0 ? x[0]! : 1 - x[0]!) >= s.parties.reservation[k]!;
  }
  let loss = 0;
  for (let d = 0; d < D; d++) loss += (x[d]! - s.negotiatorIdeal[k * D + d]!) ** 2;
  return s.noAgreementLoss[k]! - loss >= s.parties.reservation[k]!;
}

/**
 * Turns negotiator `i`'s believed Level II passing probabilities for country `k` (the row
 * `believed[i * N + k]`, `P_r(c)`) into believed ratification probabilities
 * `a_k P_n(c) + (1 - a_k) P_r(c)`, where `P_n(c)` is his believed probability that `k`'s
 * executive accepts `c`: exact for his own country, for a foreign negotiator whose ideal
 * point the scenario fixes, and in the divide form (where every negotiator wants the whole
 * stake); for a foreign negotiator who is his country's median constituent (the default), the
 * share of `i`'s particles of `k` whose median constituent gains at least `phi_k` from `c`, so
 * an executive is as uncertain to him as the Level II he comes from.
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
  const { N, D, table, beliefs, scratch } = s;
  const { count, candidates } = table;
  const row = table.believed[i * N + k]!;
  const phi = s.parties.reservation[k]!;
  const known =
    i === k ||
    s.scenario.form === 'divide' ||
    s.scenario.countries[k]!.negotiator.ideal !== undefined;
  if (known) {
    const gain = table.gain[k]!;
    for (let c = 0; c < count; c++) row[c] = a * (gain[c]! >= phi ? 1 : 0) + (1 - a) * row[c]!;
    return;
  }
  if (scratch.executive.accepted.length < count) {
    scratch.executive.accepted = new Float64Array(table.candidates.length);
  }
  const accepted = scratch.executive.accepted;
  accepted.fill(0, 0, count);
  const b = i * N + k;
  const active = beliefs.active[b]!;
  const q = s.levelII.truth[k]!.reversion;
  const m = scratch.median;
  for (let p = 0; p < active; p++) {
    medianConstituent(beliefs.particles[b]![p]!, m, scratch.medianScratch);
    let noAgreementLoss = 0;
    for (let d = 0; d < D; d++) noAgreementLoss += (q[d]! - m[d]!) ** 2;
    for (let c = 0; c < count; c++) {
      let loss = 0;
      for (let d = 0; d < D; d++) loss += (candidates[c * D + d]! - m[d]!) ** 2;
      if (noAgreementLoss - loss >= phi) accepted[c]! += 1;
    }
  }
  for (let c = 0; c < count; c++) row[c] = a * (accepted[c]! / active) + (1 - a) * row[c]!;
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
