/**
 * Prior consultation (docs/MODEL.md section 9.2; Putnam 1988: chief negotiators consult their
 * constituents before the talks, and "expectations of rejection at Level II may abort
 * negotiations at Level I").
 *
 * Before Level I a negotiator `i` with `poll = n_i > 0` polls `n_i` of his own constituents.
 * His `estimate` belief about his own country is the truth seen with a common error
 * `delta ~ N(0, sigma_own^2)` per particle and dimension; a poll of `n` constituents whose ideal
 * points (divide form: reservations) spread with population variance `s_d^2` is an independent
 * measurement of the mean with variance `s_d^2 / n`, and the precision-weighted update of a
 * normal mean leaves the error variance
 * `sigma_d'^2 = (1 / sigma^2 + n / s_d^2)^-1 = sigma^2 s_d^2 / (s_d^2 + n sigma^2)`:
 * own uncertainty shrinks as the poll grows (to 0 as `n -> infinity`). Each own particle's
 * shift is drawn as before and scaled by `sigma_d' / sigma = s_d / sqrt(s_d^2 + n sigma^2)`, so
 * no draw is added and the particles stay centred on the truth, as every `estimate` belief is.
 * (A literal poll whose realised error moved every particle would make a negotiator with
 * `K > 1` particles overconfident in a shared error: in experiments/mechanisms/1-consultation.ts
 * it raised involuntary defection; see docs/mechanisms.md.) The consultation takes `delay_i`
 * rounds: Level I opens after the longest one.
 *
 * It also puts his standing at stake (`cost = chi_i`): a negotiator who consulted his Level II
 * and brings it no ratified agreement loses `chi_i` (Putnam 1988 on the chief negotiator's
 * standing at Level II; Fearon 1994 on the audience costs of a public commitment). His
 * utility of no agreement (talks that fail, an agreement voted down, aborted talks) falls by
 * `chi_i`, so every agreement's gain over no agreement rises by `chi_i` in his decisions. A cost
 * paid whatever happens would be sunk before Level I opens and change no decision. Once the
 * agreement is ratified his standing is saved: the horizon's votes do not count `chi_i`.
 * @module
 */

import type { Profile } from '../model/profile.ts';
import type { GameState } from './state.ts';

/**
 * The population variance of dimension `d` of country profile `p`'s ideal points (divide form:
 * reservations) over `members` (a chamber's, a repeated index counting twice), or over every
 * constituent when `members` is null.
 */
function spread(p: Profile, members: Int32Array | null, d: number): number {
  const count = members === null ? p.M : members.length;
  let mean = 0;
  for (let t = 0; t < count; t++) mean += position(p, members === null ? t : members[t]!, d);
  mean /= count;
  let variance = 0;
  for (let t = 0; t < count; t++) {
    variance += (position(p, members === null ? t : members[t]!, d) - mean) ** 2;
  }
  return variance / count;
}

/** Constituent `j`'s ideal point in dimension `d` (divide form: his reservation). */
function position(p: Profile, j: number, d: number): number {
  return p.form === 'divide' ? p.reservation[j]! : p.ideal[j * p.D + d]!;
}

/**
 * Every consulting negotiator polls his own Level II: fills the state's poll scales
 * `sigma' / sigma` per dimension (see the module comment). With `hearings`, he polls `n`
 * members of each chamber `h` instead, independent measurements of the same error, so
 * `1 / sigma'^2 = 1 / sigma^2 + sum_h n / s_h^2` (`s_h^2` the chamber's variance). Run after the
 * Level II is drawn, before the beliefs.
 *
 * @param s the game state, its Level II drawn
 * @returns the round at which Level I opens: the longest consultation's delay (0 when none)
 * @example
 * state.table.round = consult(state); // then drawBeliefs(state)
 */
export function consult(s: GameState): number {
  const { N, D, parties, levelII, poll } = s;
  let opens = 0;
  for (let i = 0; i < N; i++) {
    const n = parties.poll[i]!;
    if (n === 0) continue;
    opens = Math.max(opens, parties.delay[i]!);
    const p = levelII.truth[i]!;
    const dims = p.form === 'divide' ? 1 : D;
    const sigma2 = parties.sigmaOwn[i]! ** 2;
    for (let d = 0; d < dims; d++) {
      let scale = 1;
      if (sigma2 > 0 && parties.hearings[i] === 0) {
        const variance = spread(p, null, d);
        scale = Math.sqrt(variance / (variance + n * sigma2));
      } else if (sigma2 > 0) {
        // sigma^2 / sigma'^2 = 1 + sigma^2 sum_h n / s_h^2; a chamber without spread is exact
        let ratio = 1;
        for (let h = 0; h < p.chambers.length; h++) {
          const variance = spread(p, p.chambers[h]!.members, d);
          ratio += variance === 0 ? Number.POSITIVE_INFINITY : (n * sigma2) / variance;
        }
        scale = 1 / Math.sqrt(ratio);
      }
      poll.scale[i * D + d] = scale;
    }
    s.trace?.push({
      type: 'consultation',
      negotiator: i,
      poll: n,
      scale: Array.from(poll.scale.subarray(i * D, i * D + dims)),
    });
  }
  return opens;
}

/**
 * Adds the standing negotiator `i`'s consultation puts at stake, `chi_i`, to his gain at every
 * candidate (`table.gain[i]`): failing to bring home a ratified agreement costs him `chi_i`.
 * Does nothing when `chi_i = 0`.
 *
 * @param s the game state, his policy gains measured
 * @param i the negotiator
 * @example
 * addConsultationStake(state, 0); // A's every agreement now also saves his standing
 */
export function addConsultationStake(s: GameState, i: number) {
  const chi = s.parties.consultationCost[i]!;
  if (chi === 0) return;
  const gain = s.table.gain[i]!;
  for (let c = 0; c < s.table.count; c++) gain[c]! += chi;
}

/**
 * Scales a freshly drawn shift of negotiator `i`'s particle of his own country by his poll,
 * `shift_d = (sigma_d' / sigma) shift_d`. Does nothing when he did not consult.
 *
 * @param s the game state, {@link consult} done
 * @param i the negotiator
 * @param shift the particle's shift (one entry per dimension, `dims` of them)
 * @param dims 1 in the divide form, else `D`
 * @example
 * correctByPoll(state, 0, state.scratch.shift, 1);
 */
export function correctByPoll(s: GameState, i: number, shift: Float64Array, dims: number) {
  if (s.parties.poll[i] === 0) return;
  for (let d = 0; d < dims; d++) shift[d] = s.poll.scale[i * s.D + d]! * shift[d]!;
}

/**
 * Whether some negotiator believes some candidate is ratified by every country (believed
 * probability at least `pi` for each, his own with his `lambda`; his own veto not asked).
 * Otherwise, with `protocol.abort`, talks are not opened and the game is `aborted`.
 *
 * @param s the game state, its first session's table open
 * @returns true when Level I opens
 * @example
 * if (scenario.protocol.abort && !talksOpen(state)) record.outcome = 'aborted';
 */
export function talksOpen(s: GameState): boolean {
  const { N, table } = s;
  const { threshold } = s.scenario.protocol;
  for (let i = 0; i < N; i++) {
    for (let c = 0; c < table.count; c++) {
      let everyone = true;
      for (let k = 0; k < N && everyone; k++)
        everyone = table.believed[i * N + k]![c]! >= threshold;
      if (everyone) return true;
    }
  }
  return false;
}
