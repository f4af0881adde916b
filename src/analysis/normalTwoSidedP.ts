import { complementaryErrorFunction } from './complementaryErrorFunction.ts';

/**
 * Two-sided p-value `P(|Z| >= |z|) = erfc(|z| / sqrt(2))` for a standard normal Z, accurate in
 * relative terms far into the tail (see {@link complementaryErrorFunction}). Equals the p-value
 * of a chi-square statistic `z^2` with 1 degree of freedom.
 *
 * @param z a standard normal test statistic
 * @returns P(|Z| >= |z|), in [0, 1]
 * @example
 * normalTwoSidedP(1.959963984540054); // => 0.05 (to 1e-15)
 * normalTwoSidedP(0); // => 1
 */
export function normalTwoSidedP(z: number): number {
  return complementaryErrorFunction(Math.abs(z) / Math.SQRT2);
}
