import { complementaryErrorFunction } from './complementaryErrorFunction.ts';

/**
 * One-sided p-value `P(Z >= z)` for a standard normal Z: `erfc(z / sqrt(2)) / 2`, accurate in
 * relative terms far into the tail (see {@link complementaryErrorFunction}).
 *
 * Use it for a directional test whose statistic is large when the effect is positive; the
 * opposite direction is `normalUpperTailP(-z)`.
 *
 * @param z a standard normal test statistic
 * @returns P(Z >= z)
 * @example
 * normalUpperTailP(1.959963984540054); // => 0.025 (to 1e-15)
 */
export function normalUpperTailP(z: number): number {
  return 0.5 * complementaryErrorFunction(z / Math.SQRT2);
}
