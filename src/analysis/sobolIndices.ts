import seedrandom from 'seedrandom';
import { saltelliRole } from '../engine/designs/saltelli.ts';

/** One parameter's Sobol indices with their bootstrap intervals. */
export interface ParameterIndices {
  /** First-order index S_i (Saltelli et al. 2010) and its percentile bootstrap interval. */
  S1: number;
  S1_lo: number;
  S1_hi: number;
  /** Total index S_Ti (Jansen 1999) and its percentile bootstrap interval. */
  ST: number;
  ST_lo: number;
  ST_hi: number;
}

/** The indices of one output, before and after removing the replication noise. */
export interface SobolIndices {
  /** Base points N. */
  points: number;
  /** Var(Y) over the cells of A and B (divisor 2N). */
  variance: number;
  /**
   * Share of `variance` that is replication noise: the mean over A and B of each cell's
   * estimated sampling variance, over `variance` (NaN when no noise was given).
   */
  noiseShare: number;
  /** Indices of the cell estimates as they are (replication noise included). */
  uncorrected: ParameterIndices[];
  /** Indices of the noise-free output (NaN when no noise was given). */
  corrected: ParameterIndices[];
}

/** Default bootstrap resamples of `twolevel sensitivity` (Sobol indices and Morris measures). */
export const SENSITIVITY_RESAMPLES = 1000;

/** How {@link sobolIndices} bootstraps. */
export interface BootstrapOptions {
  /** Bootstrap resamples of the base points; default 1000. */
  resamples?: number;
  /** Seed of the resampling (`seedrandom.alea`); default `'sobol'`. */
  seed?: string;
  /** Coverage of the percentile intervals; default 0.95. */
  level?: number;
}

/**
 * The `p`-quantile of sorted values by linear interpolation between order statistics
 * (Hyndman and Fan 1996, definition 7; R's default `quantile` type).
 */
export function sortedQuantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (h - below) * (sorted[above]! - sorted[below]!);
}

/**
 * Accumulates the estimators over the base points listed in `sample` (indices into 0..N-1,
 * repeats allowed) and writes S1 and ST per parameter into `out` (`2k` values: S1 then ST
 * for each parameter), uncorrected into `out[0..2k)`, corrected into `out[2k..4k)`.
 */
function estimate(
  y: Float64Array,
  noise: Float64Array | undefined,
  k: number,
  sample: Int32Array,
  out: Float64Array,
  first: Float64Array,
  total: Float64Array,
  totalNoise: Float64Array,
) {
  const n = sample.length;
  const stride = k + 2;
  let sum = 0;
  for (let s = 0; s < n; s++) {
    const base = sample[s]! * stride;
    sum += y[base]! + y[base + k + 1]!;
  }
  const mean = sum / (2 * n);
  let sumsq = 0;
  let noiseAB = 0;
  first.fill(0);
  total.fill(0);
  totalNoise.fill(0);
  for (let s = 0; s < n; s++) {
    const base = sample[s]! * stride;
    const a = y[base]! - mean;
    const b = y[base + k + 1]! - mean;
    sumsq += a * a + b * b;
    if (noise) noiseAB += noise[base]! + noise[base + k + 1]!;
    for (let i = 0; i < k; i++) {
      const ab = y[base + 1 + i]! - mean;
      first[i]! += b * (ab - a);
      total[i]! += (a - ab) * (a - ab);
      if (noise) totalNoise[i]! += noise[base]! + noise[base + 1 + i]!;
    }
  }
  const variance = sumsq / (2 * n);
  const corrected = noise ? variance - noiseAB / (2 * n) : Number.NaN;
  for (let i = 0; i < k; i++) {
    const vi = first[i]! / n;
    const vti = total[i]! / (2 * n);
    out[2 * i] = vi / variance;
    out[2 * i + 1] = vti / variance;
    out[2 * k + 2 * i] = vi / corrected;
    out[2 * k + 2 * i + 1] = (vti - totalNoise[i]! / (2 * n)) / corrected;
  }
  return { variance, noiseVariance: noise ? noiseAB / (2 * n) : Number.NaN };
}

/**
 * First-order and total Sobol indices of one output over a Saltelli design
 * (`saltelliCells`: per base point j the cells A_j, A_B^(1)_j, ..., A_B^(k)_j, B_j), with
 * percentile bootstrap intervals from resampling the base points (each resample keeps a
 * base point's k + 2 cells together). With `f` the output and `V` the variance of the 2N
 * values `f(A)`, `f(B)` (divisor 2N):
 *
 * - first order (Saltelli et al. 2010, Comput. Phys. Commun. 181, 259-270, table 2 (b)):
 *   `S_i = (1/N) sum_j f(B)_j (f(A_B^(i))_j - f(A)_j) / V`;
 * - total (Jansen 1999, Comput. Phys. Commun. 117, 35-43; table 2 (f) of Saltelli 2010):
 *   `S_Ti = (1/2N) sum_j (f(A)_j - f(A_B^(i))_j)^2 / V`.
 *
 * Both are applied to the output centred at the mean of the 2N values f(A), f(B) (in each
 * bootstrap resample, at its own mean): the indices do not change when a constant is added
 * to f, but Saltelli's first-order sum does, by that constant times `sum_j (f(A_B^(i))_j -
 * f(A)_j)`, which is zero only on average; for a rate near 0.5 that spread an interval over
 * +-0.3 at N = 1024 (Sobol' 2001 recommends the same centring). Uncentred, these are SALib's
 * `sobol.analyze` estimators.
 *
 * Each cell's value is a Monte Carlo estimate
 * with sampling variance `nu_c` (given in `noise`, e.g. `p (1 - p) / (n - 1)` for a rate of n
 * runs). Independent noise inflates V by the mean `nu` of A and B and the Jansen sum by
 * `nu_A + nu_AB`, while the first-order numerator stays unbiased (f(B) is independent of the
 * difference). The corrected indices remove both: `V* = V - mean(nu_A, nu_B)`,
 * `S*_i = V_i / V*`, `S*_Ti = (V_Ti - (1/2N) sum_j (nu_A + nu_AB^(i))_j) / V*`, so they
 * estimate the indices of the noise-free output whatever the number of replications.
 *
 * @param y the output of every cell, in design order (length N (k + 2))
 * @param k the number of parameters
 * @param noise each cell's sampling variance (omit for a deterministic output; the
 *   corrected indices and the noise share are then NaN)
 * @param options resamples (default 1000), seed (default 'sobol') and level (default 0.95)
 * @returns per-parameter indices, uncorrected and corrected, the variance and the noise share
 * @throws RangeError when `y` is not N (k + 2) long or holds a non-finite value
 * @example
 * // Ishigami (a = 7, b = 0.1) on 4096 base points: S1 ~ [0.31, 0.44, 0.00], ST ~ [0.56, 0.44, 0.24]
 * sobolIndices(y, 3).uncorrected.map((p) => p.S1);
 */
export function sobolIndices(
  y: Float64Array,
  k: number,
  noise?: Float64Array,
  options: BootstrapOptions = {},
): SobolIndices {
  const stride = k + 2;
  const n = y.length / stride;
  if (!Number.isInteger(k) || k < 1 || !Number.isInteger(n) || n < 2) {
    throw new RangeError(
      `sobolIndices: expected N (k + 2) values with N >= 2 for k = ${k}, got ${y.length}`,
    );
  }
  for (let c = 0; c < y.length; c++) {
    if (!Number.isFinite(y[c]!) || (noise && !Number.isFinite(noise[c]!))) {
      const { point, role } = saltelliRole(c, k);
      throw new RangeError(
        `sobolIndices: cell ${c} (base point ${point}, ${role.matrix}) has no finite value`,
      );
    }
  }
  const resamples = options.resamples ?? SENSITIVITY_RESAMPLES;
  const level = options.level ?? 0.95;
  const first = new Float64Array(k);
  const total = new Float64Array(k);
  const totalNoise = new Float64Array(k);
  const all = Int32Array.from({ length: n }, (_, j) => j);
  const point = new Float64Array(4 * k);
  const { variance, noiseVariance } = estimate(y, noise, k, all, point, first, total, totalNoise);
  const draws = Array.from({ length: 4 * k }, () => new Float64Array(resamples));
  const random = seedrandom.alea(options.seed ?? 'sobol');
  const sample = new Int32Array(n);
  const out = new Float64Array(4 * k);
  for (let r = 0; r < resamples; r++) {
    for (let s = 0; s < n; s++) sample[s] = Math.floor(random() * n);
    estimate(y, noise, k, sample, out, first, total, totalNoise);
    for (let q = 0; q < 4 * k; q++) draws[q]![r] = out[q]!;
  }
  const tail = (1 - level) / 2;
  const interval = (q: number): [number, number] => {
    const sorted = draws[q]!.filter(Number.isFinite).sort();
    if (sorted.length === 0) return [Number.NaN, Number.NaN];
    return [sortedQuantile(sorted, tail), sortedQuantile(sorted, 1 - tail)];
  };
  const indices = (offset: number): ParameterIndices[] =>
    Array.from({ length: k }, (_, i) => {
      const [S1_lo, S1_hi] = interval(offset + 2 * i);
      const [ST_lo, ST_hi] = interval(offset + 2 * i + 1);
      return {
        S1: point[offset + 2 * i]!,
        S1_lo,
        S1_hi,
        ST: point[offset + 2 * i + 1]!,
        ST_lo,
        ST_hi,
      };
    });
  return {
    points: n,
    variance,
    noiseShare: noiseVariance / variance,
    uncorrected: indices(0),
    corrected: indices(2 * k),
  };
}
