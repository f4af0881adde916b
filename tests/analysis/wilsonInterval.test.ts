import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/analysis/wilsonInterval.ts';

// Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of
// seven methods", Statistics in Medicine 17: 857-872, worked examples, method 3 (Wilson score):
// 81/263 -> 0.2553-0.3662; 15/148 -> 0.0624-0.1605; 0/20 -> 0-0.1611; 1/29 -> 0.0061-0.1718.
describe('wilsonInterval', () => {
  it("reproduces Newcombe's (1998) Wilson intervals", () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [successes, n, lo, hi] of cases) {
      const [computedLo, computedHi] = wilsonInterval(successes, n);
      expect(computedLo).toBeCloseTo(lo, 4);
      expect(computedHi).toBeCloseTo(hi, 4);
    }
  });

  it('has closed-form ends at 0 and n successes: [0, z^2 / (n + z^2)] and its mirror', () => {
    const z = 1.959963984540054;
    expect(wilsonInterval(0, 20)).toEqual([0, expect.closeTo((z * z) / (20 + z * z), 15)]);
    expect(wilsonInterval(20, 20)).toEqual([expect.closeTo(20 / (20 + z * z), 15), 1]);
  });

  it('ends exactly at 0 with no successes and at 1 with n, for every n up to 1000', () => {
    // The old centre-minus-half-width form gave lo = 5.6e-17 at 0/3 and hi < 1 at 613 such n.
    for (let n = 1; n <= 1000; n++) {
      expect(wilsonInterval(0, n)[0]).toBe(0);
      expect(wilsonInterval(n, n)[1]).toBe(1);
    }
  });

  it('holds lo <= x / n <= hi and mirrors: [lo, hi](n - x) = [1 - hi, 1 - lo](x)', () => {
    for (let n = 1; n <= 60; n++) {
      for (let x = 0; x <= n; x++) {
        const [lo, hi] = wilsonInterval(x, n);
        expect(lo).toBeLessThanOrEqual(x / n);
        expect(hi).toBeGreaterThanOrEqual(x / n);
        const [mirrorLo, mirrorHi] = wilsonInterval(n - x, n);
        expect(mirrorLo).toBeCloseTo(1 - hi, 15);
        expect(mirrorHi).toBeCloseTo(1 - lo, 15);
      }
    }
  });

  it('is centred on (x + z^2 / 2) / (n + z^2) and narrows with a smaller z', () => {
    const [lo, hi] = wilsonInterval(3, 10, 1);
    expect((lo + hi) / 2).toBeCloseTo(3.5 / 11, 15);
    expect(wilsonInterval(5, 10, 0)).toEqual([0.5, 0.5]);
  });

  it('returns [0, 1] with no trials and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    expect(() => wilsonInterval(5, 3)).toThrow(
      /successes must be in \[0, n\]; got successes = 5, n = 3/,
    );
    expect(() => wilsonInterval(1, -2)).toThrow(/n must be a finite number >= 0; got n = -2/);
    expect(() => wilsonInterval(1, 2, -1)).toThrow(/z must be a finite number >= 0/);
  });
});
