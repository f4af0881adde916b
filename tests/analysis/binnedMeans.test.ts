import { describe, expect, it } from 'vitest';
import { binnedMeans } from '../../src/analysis/binnedMeans.ts';

describe('binnedMeans', () => {
  it('averages y in equal-width bins of x with t intervals (R: t.test(c(0.1, 0.2, 0.6))$conf.int)', () => {
    // R 4.2: print(t.test(c(0.1, 0.2, 0.6))$conf.int, digits = 6) gives -0.357241 0.957241
    const bins = binnedMeans([0, 0.1, 0.2, 0.9, 1], [0.1, 0.2, 0.6, 0.8, 1], 2);
    expect(bins).toHaveLength(2);
    expect(bins[0]!.count).toBe(3);
    expect(bins[0]!.x).toBeCloseTo(0.1, 12);
    expect(bins[0]!.mean).toBeCloseTo(0.3, 12);
    expect(bins[0]!.lo).toBeCloseTo(-0.357241, 6);
    expect(bins[0]!.hi).toBeCloseTo(0.957241, 6);
    expect(bins[1]!.mean).toBeCloseTo(0.9, 12);
    expect([bins[0]!.from, bins[0]!.to, bins[1]!.to]).toEqual([0, 0.5, 1]);
  });

  it('bins in log x on a log scale and leaves out empty bins', () => {
    const bins = binnedMeans([1, 2, 100], [1, 2, 3], 2, 'log');
    expect(bins.map((b) => b.count)).toEqual([2, 1]);
    expect(bins[0]!.to).toBeCloseTo(10, 12);
    expect(bins[1]!.lo).toBeNaN();
  });
});
