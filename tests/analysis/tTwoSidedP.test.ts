import { describe, expect, it } from 'vitest';
import { tTwoSidedP } from '../../src/analysis/tTwoSidedP.ts';

// Closed forms: df = 1 (Cauchy) P(|T| >= t) = 1 - (2 / pi) atan(t); df = 2:
// P(|T| >= t) = 1 - t / sqrt(2 + t^2). Published: R's t.test on the sleep data, group 1
// (Student 1908): t = 1.3257, df = 9, p-value = 0.2176.
describe('tTwoSidedP', () => {
  it('matches the closed forms for df = 1 and df = 2', () => {
    for (const t of [0.5, 1, 3, 40]) {
      expect(tTwoSidedP(t, 1)).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(t), 14);
      expect(tTwoSidedP(-t, 2)).toBeCloseTo(1 - t / Math.sqrt(2 + t * t), 14);
    }
  });

  it('reproduces a published p-value (sleep data, group 1: t = 1.3257, df = 9, p = 0.2176)', () => {
    const t = 0.75 / (1.78901 / Math.sqrt(10));
    expect(tTwoSidedP(t, 9)).toBeCloseTo(0.2176, 4);
  });

  it('keeps relative accuracy for tiny p: df = 2, t = 1e4 gives 1 - 1 / sqrt(1 + 2e-8)', () => {
    // 1 - t / sqrt(2 + t^2) = 1 - (1 + 2 / t^2)^(-1/2) ~ 1 / t^2 - 1.5 / t^4
    expect(tTwoSidedP(1e4, 2) / (1e-8 - 1.5e-16)).toBeCloseTo(1, 10);
  });

  it('is 1 at t = 0, 0 at infinity, and rejects bad df', () => {
    expect(tTwoSidedP(0, 5)).toBe(1);
    expect(tTwoSidedP(Number.POSITIVE_INFINITY, 5)).toBe(0);
    expect(() => tTwoSidedP(1, 0)).toThrow(/positive and finite; got df = 0/);
  });
});
