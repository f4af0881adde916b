import { describe, expect, it } from 'vitest';
import { normalTwoSidedP } from '../../src/analysis/normalTwoSidedP.ts';

// Standard normal table values (Abramowitz and Stegun 1964, Table 26.1): z_0.975 = 1.959963985,
// z_0.995 = 2.575829304, and P(|Z| >= 1) = 0.3173105079.
describe('normalTwoSidedP', () => {
  it('gives the textbook two-sided p-values', () => {
    expect(normalTwoSidedP(0)).toBe(1);
    expect(normalTwoSidedP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(normalTwoSidedP(-2.5758293035489)).toBeCloseTo(0.01, 13);
    expect(normalTwoSidedP(1)).toBeCloseTo(0.3173105078629141, 14);
  });

  it('stays accurate in relative terms for tiny p (z = 8: 1.2442e-15)', () => {
    // P(|Z| >= 8) = erfc(8 / sqrt 2) = 1.244192114854357e-15 (A&S 26.2.12 asymptotic series)
    expect(normalTwoSidedP(8) / 1.244192114854357e-15).toBeCloseTo(1, 8);
  });
});
