import { describe, expect, it } from 'vitest';
import { mcnemar } from '../../src/analysis/mcnemar.ts';

// Agresti, An Introduction to Categorical Data Analysis (2nd ed., 2007), section 8.1: approval
// of the President's performance in two surveys of the same 1600 people (794, 150, 86, 570);
// the same counts are the Prime Minister's rating in Agresti, Categorical Data Analysis (2nd
// ed., 2002), section 10.1. Discordant counts 150 and 86: |z| = 64 / sqrt(236) = 4.17
// (the sign depends on which discordant cell comes first), P < 0.001 two-sided.
describe('mcnemar', () => {
  it("reproduces Agresti's presidential approval example", () => {
    const result = mcnemar(150, 86);
    expect(result.method).toBe('chi-square');
    expect(result.z).toBeCloseTo(4.17, 2);
    expect(result.chiSquare).toBeCloseTo(64 ** 2 / 236, 12);
    expect(result.p).toBeLessThan(0.001);
    // P(|Z| >= 4.166) = 3.10e-5
    expect(result.p).toBeCloseTo(3.1e-5, 6);
  });

  it('applies the continuity correction (|b - c| - 1)^2 / (b + c) on request', () => {
    expect(mcnemar(150, 86, { continuity: true }).chiSquare).toBeCloseTo(63 ** 2 / 236, 12);
    expect(mcnemar(3, 3, { continuity: true, exact: false }).chiSquare).toBe(0);
  });

  it('uses the exact binomial p below 25 discordant pairs: 1 vs 9 gives 2 * 11 / 1024', () => {
    const result = mcnemar(1, 9);
    expect(result.method).toBe('exact');
    expect(result.p).toBeCloseTo(22 / 1024, 14);
    expect(result.z).toBeCloseTo(-8 / Math.sqrt(10), 14);
    // 12 vs 12 is balanced: 2 P(X <= 12) > 1 is capped at 1
    expect(mcnemar(12, 12).p).toBe(1);
    // at 25 pairs the chi-square form takes over unless exact is forced
    expect(mcnemar(5, 20).method).toBe('chi-square');
    expect(mcnemar(5, 20, { exact: true }).p).toBeCloseTo(
      (2 * (1 + 25 + 300 + 2300 + 12650 + 53130)) / 2 ** 25,
      14,
    );
  });

  it('gives p = 1 with no discordant pairs and rejects non-counts', () => {
    expect(mcnemar(0, 0)).toMatchObject({ z: 0, chiSquare: 0, p: 1 });
    expect(() => mcnemar(2.5, 3)).toThrow(
      /b must be a whole number of discordant pairs >= 0; got b = 2.5/,
    );
    expect(() => mcnemar(2, -3)).toThrow(/c must be a whole number/);
  });
});
