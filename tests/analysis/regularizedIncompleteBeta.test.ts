import { describe, expect, it } from 'vitest';
import { regularizedIncompleteBeta } from '../../src/analysis/regularizedIncompleteBeta.ts';

// Closed forms: I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(2, 3) = 6x^2 - 8x^3 + 3x^4;
// I_x(1/2, 1/2) = (2 / pi) asin(sqrt x) (the arcsine law); binomial link
// P(Bin(n, p) <= k) = I_(1-p)(n - k, k + 1).
describe('regularizedIncompleteBeta', () => {
  it('matches closed forms', () => {
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 15);
    expect(regularizedIncompleteBeta(0.7, 3, 1)).toBeCloseTo(0.343, 14);
    for (const x of [0.2, 0.5, 0.9]) {
      expect(regularizedIncompleteBeta(x, 2, 3)).toBeCloseTo(
        6 * x ** 2 - 8 * x ** 3 + 3 * x ** 4,
        14,
      );
      expect(regularizedIncompleteBeta(x, 0.5, 0.5)).toBeCloseTo(
        (2 / Math.PI) * Math.asin(Math.sqrt(x)),
        14,
      );
    }
  });

  it('gives binomial tail sums: P(Bin(10, 1/2) <= 2) = 56 / 1024', () => {
    expect(regularizedIncompleteBeta(0.5, 8, 3)).toBeCloseTo(56 / 1024, 15);
  });

  it('obeys the symmetry I_x(a, b) = 1 - I_(1-x)(b, a) across the switch point', () => {
    for (const x of [0.1, 0.45, 0.55, 0.95]) {
      expect(regularizedIncompleteBeta(x, 4.5, 2.5)).toBeCloseTo(
        1 - regularizedIncompleteBeta(1 - x, 2.5, 4.5),
        14,
      );
    }
  });

  it('handles the end points and large shapes', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    // symmetric Beta(a, a) has median 1/2
    expect(regularizedIncompleteBeta(0.5, 5e5, 5e5)).toBeCloseTo(0.5, 7);
  });

  it('rejects arguments outside the domain, saying what is valid', () => {
    expect(() => regularizedIncompleteBeta(1.5, 2, 3)).toThrow(
      /x must be in \[0, 1\]; got x = 1.5/,
    );
    expect(() => regularizedIncompleteBeta(0.5, 0, 3)).toThrow(/positive and finite; got a = 0/);
  });
});
