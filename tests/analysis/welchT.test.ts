import { mean, sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { welchT } from '../../src/analysis/welchT.ts';

// R Core Team, stats::t.test documentation and its standard output. Student's sleep data
// (Cushny and Peebles 1905, via Student 1908), t.test(extra ~ group, data = sleep):
//   t = -1.8608, df = 17.776, p-value = 0.07939,
//   95 percent confidence interval: -3.3654832 0.2054832, means 0.75 and 2.33.
// The t.test help page's example t.test(1:10, y = c(7:20)) gives P = .00001855.
const sleepGroup1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const sleepGroup2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

function summary(values: number[]): [number, number, number] {
  return [values.length, mean(values), sampleVariance(values)];
}

describe('welchT', () => {
  it("reproduces R's Welch test on the sleep data", () => {
    const result = welchT(...summary(sleepGroup1), ...summary(sleepGroup2));
    expect(result.t).toBeCloseTo(-1.8608, 4);
    expect(result.df).toBeCloseTo(17.776, 3);
    expect(result.p).toBeCloseTo(0.07939, 5);
    expect(result.difference).toBeCloseTo(-1.58, 14);
    expect(result.lo).toBeCloseTo(-3.3654832, 7);
    expect(result.hi).toBeCloseTo(0.2054832, 7);
  });

  it("reproduces the t.test help page's example (1:10 against 7:20, P = .00001855)", () => {
    const x = Array.from({ length: 10 }, (_, i) => i + 1);
    const y = Array.from({ length: 14 }, (_, i) => i + 7);
    expect(welchT(...summary(x), ...summary(y)).p).toBeCloseTo(0.00001855, 8);
  });

  it('reduces to df = 2(n - 1) with equal sizes and variances (hand computation)', () => {
    // n = 10, v = 2: se = sqrt(0.4), t = 1 / sqrt(0.4), df = 0.16 / (2 * 0.04 / 9) = 18
    const result = welchT(10, 1, 2, 10, 0, 2);
    expect(result.df).toBeCloseTo(18, 12);
    expect(result.t).toBeCloseTo(1 / Math.sqrt(0.4), 14);
    // t(0.975, 18) = 2.100922 (t table)
    expect(result.hi).toBeCloseTo(1 + 2.100922 * Math.sqrt(0.4), 6);
  });

  it('handles zero variances: exact difference, zero-width interval', () => {
    expect(welchT(5, 3, 0, 7, 3, 0)).toMatchObject({ t: 0, p: 1, lo: 0, hi: 0, df: 10 });
    expect(welchT(5, 4, 0, 7, 3, 0)).toMatchObject({ t: Number.POSITIVE_INFINITY, p: 0 });
    // one variance 0: df = n - 1 of the other group
    expect(welchT(5, 4, 0, 7, 3, 2).df).toBeCloseTo(6, 12);
  });

  it('rejects groups too small for a variance and negative variances', () => {
    expect(() => welchT(1, 0, 1, 5, 0, 1)).toThrow(/n1 must be a whole number >= 2/);
    expect(() => welchT(5, 0, 1, 5, 0, -1)).toThrow(
      /var2 must be a finite sample variance >= 0; got -1/,
    );
  });
});
