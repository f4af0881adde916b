import type { Profile } from './profile.ts';

/**
 * A point `x` of the agreement space: `D` coordinates, or a number, which stands for the same
 * value in every dimension (so a plain number is the agreement itself when `D = 1`).
 */
export type Point = number | ArrayLike<number>;

/**
 * Relative tolerance of {@link indifferent}: a margin this close to 0, relative to the terms
 * it is summed from, is rounding, not preference (one part in a trillion).
 */
export const MARGIN_TOLERANCE = 1e-12;

/**
 * A computed margin with rounding taken for indifference: `0` when `-MARGIN_TOLERANCE *
 * scale <= m < 0`, `m` otherwise, with `scale` the sum of the absolute values of the terms
 * `m` is summed from. The win-set's ends are roots of the margin (`1 - c`, `2m - q`,
 * `v + sqrt(R / s)`), and evaluated in doubles the margin there can come out as -2.8e-17
 * (reservation 0.1 at the share `1 - 0.9`); an indifferent constituent votes yes (MODEL.md
 * section 2), so the vote ratifies every end the closed forms give and the setter's best
 * offer is that end.
 *
 * @param m the computed margin
 * @param scale the sum of the absolute values of its terms
 * @returns `m`, or 0 when it is within rounding of 0
 * @example
 * indifferent(1 - 0.9 - 0.1, 0.2); // 0 (the computed margin is -2.8e-17)
 * indifferent(-1e-6, 0.2); // -1e-6
 */
export function indifferent(m: number, scale: number): number {
  return m < 0 && m >= -MARGIN_TOLERANCE * scale ? 0 : m;
}

/**
 * A constituent's stake in agreement as an underselling negotiator counts it: the stake
 * `S = L_ij(q_i) + kappa_ij` (what no agreement costs it, before the loss at `x`) shrinks to
 * `lambda S` when it is positive and grows to `S / lambda` when it is negative (an isolationist
 * who prefers no agreement is taken to prefer it more). Either way `undersoldStake(S, lambda)
 * <= S` for `lambda` in `(0, 1]`, and smaller `lambda` gives a smaller value, so underselling
 * never enlarges an acceptance set (scaling a negative stake by `lambda` would: with good
 * will it can open a ball the sincere margin keeps shut). `lambda = 1` returns `S` exactly.
 *
 * @param stake `S = L_ij(q_i) + kappa_ij`
 * @param lambda the underselling factor in `(0, 1]`
 * @returns `lambda S` when `S >= 0`, else `S / lambda`
 * @example
 * undersoldStake(0.04, 0.5); // 0.02
 * undersoldStake(-0.01, 0.5); // -0.02
 */
export function undersoldStake(stake: number, lambda: number): number {
  return stake >= 0 ? lambda * stake : stake / lambda;
}

/**
 * The acceptance margin `Delta'_ij(x)` of constituent `j` (MODEL.md sections 1 to 3): positive
 * means it prefers `x` to no agreement.
 * - spatial: `U_lambda(L_ij(q_i) + kappa_ij) + g_i + pi_ij - L_ij(x)`, with the quadratic
 *   loss `L_ij(x) = sum_d s_ijd (x_d - v_ijd)^2` and `U_lambda` the {@link undersoldStake}
 *   (`lambda S` for a stake `S >= 0`, `S / lambda` for `S < 0`);
 * - divide: `lambda share_i(x) - c_ij + g_i + pi_ij`, `share = x` for side 0, `1 - x` for
 *   side 1 (a share is never negative).
 * `lambda = 1` is the sincere margin; the underselling factor `lambda < 1` lowers the
 * constituent's own stake in agreement and so never raises a margin: every acceptance set
 * shrinks or stays, while good will and side payments count in full in both forms.
 * A margin within rounding of 0 is returned as 0 ({@link indifferent}).
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
    const c = p.reservation[j]!;
    const m = lambda * share - c + p.goodWill + payment;
    return indifferent(m, lambda * share + c + Math.abs(p.goodWill) + Math.abs(payment));
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
    lossQ += s[j * D + d]! * dq * dq;
    lossX += s[j * D + d]! * dx * dx;
  }
  const stake = undersoldStake(lossQ + p.kappa[j]!, lambda);
  const m = stake + p.goodWill + payment - lossX;
  return indifferent(m, Math.abs(stake) + Math.abs(p.goodWill) + Math.abs(payment) + lossX);
}

/**
 * `Delta'_ij(x)` of one constituent in the spatial form with `D = 1`, exactly as
 * {@link margin} computes it (the same operations in the same order): the loop body of the
 * one-dimensional votes.
 *
 * @param q the reversion `q_i`
 * @param v the constituent's ideal point `v_ij`
 * @param x the agreement
 * @param s the salience `s_i`
 * @param kappa `kappa_ij`
 * @param lambda the underselling factor in `(0, 1]`
 * @param g the good will `g_i`
 * @param pay the side payment `pi_ij`
 * @returns `Delta'_ij(x)`
 * @example
 * spatialMargin(0, 0.5, 0.8, 1, 0.01, 1, 0, 0); // (0.25 + 0.01) - 0.09 = 0.17
 */
export function spatialMargin(
  q: number,
  v: number,
  x: number,
  s: number,
  kappa: number,
  lambda: number,
  g: number,
  pay: number,
): number {
  const dq = q - v;
  const dx = x - v;
  const stake = undersoldStake(s * dq * dq + kappa, lambda);
  const lossX = s * dx * dx;
  const m = stake + g + pay - lossX;
  return indifferent(m, Math.abs(stake) + Math.abs(g) + Math.abs(pay) + lossX);
}
