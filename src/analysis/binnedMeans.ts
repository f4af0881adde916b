import { meanInterval } from './meanInterval.ts';

/** One bin of {@link binnedMeans}: its cells' mean x, mean y and the t 95% interval of the mean y. */
export interface BinnedMean {
  /** Bin edges. */
  from: number;
  to: number;
  /** Cells in the bin. */
  count: number;
  x: number;
  mean: number;
  lo: number;
  hi: number;
}

/**
 * The mean of y in equal-width bins of x (equal width in log x on a log scale), each with
 * the Student-t 95% interval of the mean over its cells ({@link meanInterval}; NaN with
 * fewer than 2 cells). Each cell counts once, so the interval reflects both the cells'
 * replication noise and the spread the other parameters cause within the bin: it is the
 * interval of E[y | x in bin] over the design's distribution of everything else. Empty bins
 * are left out.
 *
 * @param x the cells' parameter values
 * @param y the cells' estimates
 * @param bins number of bins (default 10)
 * @param scale 'log' for bins equal in log x
 * @example
 * binnedMeans([0, 0.1, 0.9, 1], [0, 0.2, 0.8, 1], 2); // bins [0, 0.5) and [0.5, 1]: means 0.1, 0.9
 */
export function binnedMeans(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  bins = 10,
  scale: 'linear' | 'log' = 'linear',
): BinnedMean[] {
  const t = (v: number) => (scale === 'log' ? Math.log(v) : v);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    lo = Math.min(lo, t(x[i]!));
    hi = Math.max(hi, t(x[i]!));
  }
  const width = (hi - lo) / bins || 1;
  const sums = Array.from({ length: bins }, () => ({ n: 0, x: 0, y: 0, yy: 0 }));
  for (let i = 0; i < x.length; i++) {
    const b = sums[Math.min(bins - 1, Math.floor((t(x[i]!) - lo) / width))]!;
    b.n++;
    b.x += x[i]!;
    b.y += y[i]!;
    b.yy += y[i]! * y[i]!;
  }
  const back = (v: number) => (scale === 'log' ? Math.exp(v) : v);
  return sums.flatMap((b, k) => {
    if (b.n === 0) return [];
    const interval = meanInterval(b.n, b.y, b.yy);
    return [
      {
        from: back(lo + k * width),
        to: back(lo + (k + 1) * width),
        count: b.n,
        x: b.x / b.n,
        mean: interval.mean,
        lo: interval.lo,
        hi: interval.hi,
      },
    ];
  });
}
