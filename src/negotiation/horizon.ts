/**
 * Voluntary defection over the horizon (docs/MODEL.md section 5, "Voluntary defection" in
 * the design notes): after ratification each country's mood drifts, and it reneges when its
 * Level II votes the agreement down despite the reputation bonus.
 * @module
 */

import { normal } from '../model/random.ts';
import { ratify } from './ratification.ts';
import type { GameRecord } from './record.ts';
import { shiftLevelII } from './shiftLevelII.ts';
import type { GameState } from './state.ts';

/**
 * For `h = 1..H`: every country's Level II drifts by one common `N(0, sigma_drift^2)` shift
 * per dimension (stream `drift`), then every country votes again with each margin raised by
 * its reputation bonus `rho_i` (plus its payments); the first that votes the agreement down
 * reneges, and the record says so.
 *
 * @param s the game state, its agreement ratified
 * @param record the game's record, changed when a country reneges
 * @example
 * keepOrRenege(state, record); // record.outcome may become 'voluntary_defection'
 */
export function keepOrRenege(s: GameState, record: GameRecord) {
  const { N, D, parties, levelII, scratch } = s;
  const { horizon, drift } = s.scenario.defection;
  if (horizon === 0) return;
  const rng = s.streams.drift;
  const { paid, bonus } = s.payments;
  for (let k = 0; k < N; k++) {
    for (let j = 0; j < paid[k]!.length; j++) bonus[k]![j] = paid[k]![j]! + parties.rho[k]!;
  }
  const x = record.agreement;
  for (let h = 1; h <= horizon; h++) {
    for (let k = 0; k < N; k++) {
      const dims = levelII.truth[k]!.form === 'divide' ? 1 : D;
      for (let d = 0; d < dims; d++) scratch.shift[d] = normal(rng, 0, drift);
      shiftLevelII(levelII.truth[k]!, scratch.shift);
      s.trace?.push({
        type: 'drift',
        period: h,
        country: k,
        shift: [...scratch.shift.subarray(0, dims)],
      });
    }
    const defector = ratify(s, x, h, bonus);
    if (defector >= 0) {
      record.outcome = 'voluntary_defection';
      record.defector = defector;
      record.defectionPeriod = h;
      return;
    }
  }
}
