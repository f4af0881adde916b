import type { Profile } from '../model/profile.ts';

/**
 * Moves a whole Level II by a common shift: every ideal point `v_ij += delta` coordinate by
 * coordinate (spatial form), or every reservation `c_ij += delta[0]` (divide form). This is
 * how an `estimate` belief misreads a country (one `N(0, sigma^2)` draw per particle and
 * dimension) and how a country's mood drifts after ratification.
 *
 * @param p the profile, changed in place
 * @param delta `D` shifts (one in the divide form)
 * @returns `p`
 * @example
 * // ideal points 0.2 and 0.6, delta = [0.1]: ideal points 0.3 and 0.7
 * shiftLevelII(p, Float64Array.of(0.1));
 */
export function shiftLevelII(p: Profile, delta: Float64Array): Profile {
  if (p.form === 'divide') {
    const r = p.reservation;
    for (let j = 0; j < p.M; j++) r[j]! += delta[0]!;
    return p;
  }
  const { D, ideal } = p;
  for (let j = 0; j < p.M; j++) {
    for (let d = 0; d < D; d++) ideal[j * D + d]! += delta[d]!;
  }
  return p;
}
