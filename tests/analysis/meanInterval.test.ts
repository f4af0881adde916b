import { sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../src/analysis/meanInterval.ts';

// Student's sleep data, group 1 (Cushny and Peebles 1905, via Student 1908; R's `sleep`): R's
// t.test(extra[group == 1]) prints mean 0.75 and 95 percent confidence interval
// -0.5297804 2.0297804 (sd 1.78901).
const sleepGroup1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];

function sums(values: number[]): [number, number, number] {
  let sum = 0;
  let sumOfSquares = 0;
  for (const value of values) {
    sum += value;
    sumOfSquares += value * value;
  }
  return [values.length, sum, sumOfSquares];
}

describe('meanInterval', () => {
  it("reproduces R's one-sample t interval for the sleep data (group 1)", () => {
    const result = meanInterval(...sums(sleepGroup1));
    expect(result.mean).toBeCloseTo(0.75, 14);
    expect(result.sd).toBeCloseTo(1.78901, 5);
    expect(result.sd ** 2).toBeCloseTo(sampleVariance(sleepGroup1), 12);
    expect(result.lo).toBeCloseTo(-0.5297804, 7);
    expect(result.hi).toBeCloseTo(2.0297804, 7);
  });

  it('uses t(0.975, 2) = 4.302653 for 2, 4, 6 (t table) and other levels on request', () => {
    const result = meanInterval(3, 12, 56);
    expect(result).toMatchObject({ mean: 4, sd: 2 });
    expect(result.hi - result.mean).toBeCloseTo((4.302653 * 2) / Math.sqrt(3), 5);
    // t(0.95, 2) = 2.919986 (t table) for a 90% interval
    expect(meanInterval(3, 12, 56, 0.9).hi).toBeCloseTo(4 + (2.919986 * 2) / Math.sqrt(3), 5);
  });

  it('clamps a slightly negative one-pass variance to 0 (constant data)', () => {
    // seven copies of 0.7: Q - S * mean rounds to -2.2e-16 in double precision
    const [n, sum, sumOfSquares] = sums(Array(7).fill(0.7));
    expect(sumOfSquares - sum * (sum / n)).toBeLessThan(0);
    const result = meanInterval(n, sum, sumOfSquares);
    expect(result.sd).toBe(0);
    expect(result.lo).toBe(result.mean);
    expect(result.hi).toBe(result.mean);
  });

  it('returns NaN where the statistic is undefined (n = 0, n = 1)', () => {
    expect(Number.isNaN(meanInterval(0, 0, 0).mean)).toBe(true);
    const single = meanInterval(1, 5, 25);
    expect(single.mean).toBe(5);
    expect(Number.isNaN(single.sd) && Number.isNaN(single.lo) && Number.isNaN(single.hi)).toBe(
      true,
    );
  });

  it('rejects a non-whole n and a level outside (0, 1)', () => {
    expect(() => meanInterval(2.5, 1, 1)).toThrow(/n must be a whole number >= 0; got n = 2.5/);
    expect(() => meanInterval(3, 12, 56, 95)).toThrow(
      /level must be in \(0, 1\), e.g. 0.95; got level = 95/,
    );
  });
});
