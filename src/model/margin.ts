import type { Profile } from './profile.ts';

/**
 * A point `x` of the agreement space: `D` coordinates, or a number, which stands for the same
 * value in every dimension (so a plain number is the agreement itself when `D = 1`).
 */
export type Point = number | ArrayLike<number>;

/**
 * The acceptance margin `Delta'_ij(x)` of constituent `j` (MODEL.md sections 1 to 3): positive
 * means it prefers `x` to no agreement.
 * - spatial: `lambda (L_ij(q_i) + kappa_ij) + g_i + pi_ij - L_ij(x)`, with the quadratic
 *   loss `L_ij(x) = sum_d s_d (x_d - v_ijd)^2`;
 * - divide: `lambda share_i(x) - c_ij + g_i + pi_ij`, `share = x` for side 0, `1 - x` for
 *   side 1.
 * `lambda = 1` is the sincere margin; the underselling factor `lambda < 1` scales the
 * constituent's own stake in agreement (what no agreement costs it against `x`; its share in
 * the divide form) and so shrinks every acceptance set, while good will and side payments
 * count in full in both forms.
 *
 * @param p the country's profile
 * @param j the constituent
 * @param x the agreement
 * @param lambda the underselling factor in `(0, 1]`
 * @param payment the side payment `pi_ij`
 * @returns `Delta'_ij(x)`
 * @example
 * // spatial, v = 0.5, q = 0, kappa = 0.01, g = 0, unit salience:
 * margin(p, 0, 0.8); // (0.25 + 0.01) - 0.09 = 0.17
 */
export function margin(p: Profile, j: number, x: Point, lambda = 1, payment = 0): number {
  if (p.form === 'divide') {
    const x0 = typeof x === 'number' ? x : x[0]!;
    const share = p.side === 0 ? x0 : 1 - x0;
    return lambda * share - p.reservation[j]! + p.goodWill + payment;
  }
  const D = p.D;
  const v = p.ideal;
  const s = p.salience;
  const q = p.reversion;
  let lossQ = 0;
  let lossX = 0;
  for (let d = 0; d < D; d++) {
    const vd = v[j * D + d]!;
    const dq = q[d]! - vd;
    const dx = (typeof x === 'number' ? x : x[d]!) - vd;
    lossQ += s[d]! * dq * dq;
    lossX += s[d]! * dx * dx;
  }
  return lambda * (lossQ + p.kappa[j]!) + p.goodWill + payment - lossX;
}
