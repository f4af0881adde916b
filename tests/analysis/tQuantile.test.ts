import { describe, expect, it } from 'vitest';
import { tCdf } from '../../src/analysis/tCdf.ts';
import { tQuantile } from '../../src/analysis/tQuantile.ts';

// Published t tables (Abramowitz and Stegun 1964, Table 26.10; NIST/SEMATECH e-Handbook,
// section 1.3.6.7.2): t_(0.975, 10) = 2.228139, t_(0.975, 1) = 12.7062, t_(0.95, 30) = 1.697261,
// t_(0.995, 5) = 4.032143, t_(0.9995, 2) = 31.599, t_(0.975, 120) = 1.979930.
describe('tQuantile', () => {
  it('reproduces published t tables', () => {
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228139, 6);
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile(0.95, 30)).toBeCloseTo(1.697261, 6);
    expect(tQuantile(0.995, 5)).toBeCloseTo(4.032143, 6);
    expect(tQuantile(0.9995, 2)).toBeCloseTo(31.599, 3);
    expect(tQuantile(0.975, 120)).toBeCloseTo(1.97993, 5);
  });

  it('matches the closed forms for df = 1 and df = 2', () => {
    // df = 1: t = tan(pi (p - 1/2)); df = 2: t = (2p - 1) / sqrt(2 p (1 - p))
    expect(tQuantile(0.75, 1)).toBeCloseTo(1, 14);
    expect(tQuantile(0.9, 2)).toBeCloseTo(0.8 / Math.sqrt(0.18), 14);
  });

  it('approaches the normal quantile for large df (Cornish-Fisher: z + (z^3 + z) / (4 df))', () => {
    const z = 1.959963984540054;
    const df = 1e5;
    expect(tQuantile(0.975, df)).toBeCloseTo(z + (z ** 3 + z) / (4 * df), 8);
  });

  it('inverts tCdf, including far tails and fractional df', () => {
    for (const [p, df] of [
      [0.3, 7.5],
      [1e-12, 3],
      [0.999, 17.776],
    ] as const) {
      const t = tQuantile(p, df);
      expect(tCdf(t, df) / p).toBeCloseTo(1, 9);
    }
  });

  it('handles the edges and rejects bad input', () => {
    expect(tQuantile(0.5, 4)).toBe(0);
    expect(tQuantile(0, 4)).toBe(Number.NEGATIVE_INFINITY);
    expect(tQuantile(1, 4)).toBe(Number.POSITIVE_INFINITY);
    expect(tQuantile(0.025, 10)).toBeCloseTo(-2.228139, 6);
    expect(() => tQuantile(1.2, 4)).toThrow(/probability must be in \[0, 1\]; got p = 1.2/);
    expect(() => tQuantile(0.9, -1)).toThrow(/positive and finite; got df = -1/);
  });
});
