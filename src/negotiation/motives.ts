/**
 * Negotiators' motives beyond their own ideal point (docs/MODEL.md section 9.5; Putnam 1988:
 * a chief negotiator's motives include enhancing his standing in the Level II game). With a
 * standing weight `omega_i > 0` (`negotiator.motives.standing`), negotiator `i`'s utility of
 * agreement `x` over no agreement is his policy gain plus `omega_i` times his believed domestic
 * standing at `x`: the weighted share of his constituents who gain from it,
 * `S_i(x) = mean over his own particles of sum_j w_j [Delta_ij(x) > 0] / sum_j w_j`
 * (the sincere margin of section 1 with good will, no payments: those who prefer `x` to no
 * agreement). At no agreement nobody gains, so `S_i` counts only for agreements. It is measured
 * on his particles at the opening of each session, and it enters every decision through
 * `table.gain` (his offers, answers and veto `phi_i`); the record's `negotiator_gain` stays the
 * policy gain, so terms remain comparable. `omega_i = 0` (the default) changes no number.
 * @module
 */

import { margin } from '../model/margin.ts';
import { candidatePoint } from './candidates.ts';
import type { GameState } from './state.ts';

/**
 * Adds `omega_i S_i(c)` to negotiator `i`'s gain at every candidate (`table.gain[i]`).
 *
 * @param s the game state, its candidates built, the policy gains measured and his particles drawn
 * @param i the negotiator
 * @example
 * addStanding(state, 1); // B's negotiator now values popular agreements
 */
export function addStanding(s: GameState, i: number) {
  const omega = s.parties.standing[i]!;
  if (omega === 0) return;
  const { N, table, beliefs } = s;
  const b = i * N + i;
  const active = beliefs.active[b]!;
  const gain = table.gain[i]!;
  for (let c = 0; c < table.count; c++) {
    const x = candidatePoint(s, c);
    let share = 0;
    for (let p = 0; p < active; p++) {
      const particle = beliefs.particles[b]![p]!;
      let total = 0;
      let gainers = 0;
      for (let j = 0; j < particle.M; j++) {
        const w = particle.weight[j]!;
        total += w;
        if (margin(particle, j, x) > 0) gainers += w;
      }
      share += gainers / total;
    }
    gain[c]! += omega * (share / active);
  }
}
