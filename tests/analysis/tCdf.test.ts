import { describe, expect, it } from 'vitest';
import { tCdf } from '../../src/analysis/tCdf.ts';

// Closed form for df = 1 (Cauchy): F(t) = 1/2 + atan(t) / pi. Table values (e.g. Abramowitz
// and Stegun 1964, Table 26.10): t_(0.975, 10) = 2.228139, t_(0.95, 30) = 1.697261.
describe('tCdf', () => {
  it('matches the Cauchy closed form for df = 1', () => {
    for (const t of [-5, -1, 0, 0.3, 2]) {
      expect(tCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 14);
    }
  });

  it('gives the tabled probabilities at tabled quantiles', () => {
    expect(tCdf(2.228139, 10)).toBeCloseTo(0.975, 6);
    expect(tCdf(-2.228139, 10)).toBeCloseTo(0.025, 6);
    expect(tCdf(1.697261, 30)).toBeCloseTo(0.95, 6);
  });

  it('is symmetric and tends to 0 and 1', () => {
    expect(tCdf(1.3, 4.5) + tCdf(-1.3, 4.5)).toBeCloseTo(1, 15);
    expect(tCdf(Number.NEGATIVE_INFINITY, 3)).toBe(0);
    expect(tCdf(Number.POSITIVE_INFINITY, 3)).toBe(1);
  });
});
