import type { Profile } from '../model/profile.ts';

/**
 * Reverberation (Putnam 1988; MODEL.md section 4): after a foreign offer `x`, each
 * constituent of the receiving country moves toward it by a share `eta` of the distance,
 * `v_ij += eta (x - v_ij)` (divide form: its reservation toward the share the offer gives
 * its country, `c_ij += eta (share_i(x) - c_ij)`), except the nationalists, who move away by
 * the same amount (backlash).
 *
 * @param p the receiving country's profile, changed in place
 * @param x the offer (`D` coordinates)
 * @param eta the share `eta_i` in `[0, 1]`
 * @param nationalist one flag per constituent (1 = nationalist), or null for none
 * @returns `p`
 * @example
 * // ideal point 0.2, offer 0.6, eta = 0.25: 0.2 + 0.25 * 0.4 = 0.3 (a nationalist: 0.1)
 * reverberate(p, Float64Array.of(0.6), 0.25, null);
 */
export function reverberate(
  p: Profile,
  x: Float64Array,
  eta: number,
  nationalist: Uint8Array | null,
): Profile {
  const M = p.M;
  if (p.form === 'divide') {
    const share = p.side === 0 ? x[0]! : 1 - x[0]!;
    const r = p.reservation;
    for (let j = 0; j < M; j++) {
      const step = eta * (share - r[j]!);
      r[j]! += nationalist !== null && nationalist[j] === 1 ? -step : step;
    }
    return p;
  }
  const { D, ideal } = p;
  for (let j = 0; j < M; j++) {
    const sign = nationalist !== null && nationalist[j] === 1 ? -1 : 1;
    for (let d = 0; d < D; d++) {
      const v = ideal[j * D + d]!;
      ideal[j * D + d] = v + sign * eta * (x[d]! - v);
    }
  }
  return p;
}
