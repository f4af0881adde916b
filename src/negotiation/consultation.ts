/**
 * Prior consultation (docs/MODEL.md section 9.2; Putnam 1988: chief negotiators consult their
 * constituents before the talks, and "expectations of rejection at Level II may abort
 * negotiations at Level I").
 *
 * Before Level I a negotiator `i` with `poll = n_i > 0` polls `n_i` of his own constituents,
 * drawn uniformly with replacement from the run's `consultation/<name>` stream. In each
 * dimension `d` the poll's mean ideal point (divide form: reservation) misses the population
 * mean `mu_d` by `e_d`; the spread of ideal points is `s_d^2` (the population variance). His
 * estimate of his own country (particles shifted from the truth by `delta ~ N(0, sigma_own^2)`)
 * is combined with the poll by precision: each own particle's shift becomes
 * `w_d delta + (1 - w_d) e_d`, `w_d = (s_d^2 / n) / (s_d^2 / n + sigma_own^2)`. For one particle
 * the shift then has variance `w^2 sigma^2 + (1 - w)^2 s^2 / n = sigma^2 s^2 / (s^2 + n sigma^2)`:
 * own uncertainty shrinks as the poll grows (to 0 as `n -> infinity`). The consultation takes
 * `delay_i` rounds: Level I opens after the longest one.
 * @module
 */

import type { GameState } from './state.ts';

/**
 * Every consulting negotiator polls his own Level II: fills the state's poll weights `w` and
 * errors `e` (see the module comment). Run after the Level II is drawn, before the beliefs.
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
    const divide = p.form === 'divide';
    const dims = divide ? 1 : D;
    const error = poll.error.subarray(i * D, i * D + dims);
    const weight = poll.weight.subarray(i * D, i * D + dims);
    const sigma = parties.sigmaOwn[i]!;
    weight.fill(1);
    error.fill(0);
    if (sigma === 0) continue;
    const value = (j: number, d: number) => (divide ? p.reservation[j]! : p.ideal[j * D + d]!);
    const rng = s.streams.consultation[i]!;
    for (let t = 0; t < n; t++) {
      const j = Math.min(p.M - 1, Math.floor(rng.uniform() * p.M));
      for (let d = 0; d < dims; d++) error[d]! += value(j, d);
    }
    for (let d = 0; d < dims; d++) {
      let mean = 0;
      for (let j = 0; j < p.M; j++) mean += value(j, d);
      mean /= p.M;
      let variance = 0;
      for (let j = 0; j < p.M; j++) variance += (value(j, d) - mean) ** 2;
      variance /= p.M;
      error[d] = error[d]! / n - mean;
      weight[d] = variance / n / (variance / n + sigma ** 2);
    }
    s.trace?.push({
      type: 'consultation',
      negotiator: i,
      poll: n,
      error: Array.from(error),
      weight: Array.from(weight),
    });
  }
  return opens;
}

/**
 * Corrects a freshly drawn shift of negotiator `i`'s particle of his own country by his poll:
 * `shift_d = w_d shift_d + (1 - w_d) e_d`. Does nothing when he did not consult.
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
  const { error, weight } = s.poll;
  for (let d = 0; d < dims; d++) {
    const w = weight[i * s.D + d]!;
    shift[d] = w * shift[d]! + (1 - w) * error[i * s.D + d]!;
  }
}
