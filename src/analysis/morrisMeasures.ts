import seedrandom from 'seedrandom';
import type { BootstrapOptions } from './sobolIndices.ts';
import { sortedQuantile } from './sobolIndices.ts';

/** One parameter's Morris measures with their percentile bootstrap intervals. */
export interface MorrisMeasure {
  /** Mean elementary effect mu (Morris 1991): its sign says which way the output moves. */
  mu: number;
  mu_lo: number;
  mu_hi: number;
  /** Mean absolute elementary effect mu* (Campolongo et al. 2007): the overall influence. */
  mu_star: number;
  mu_star_lo: number;
  mu_star_hi: number;
  /** Standard deviation of the elementary effects (divisor r - 1): interactions and non-linearity. */
  sigma: number;
  sigma_lo: number;
  sigma_hi: number;
  /**
   * The replication noise of one elementary effect, as a standard deviation: the root mean
   * over trajectories of its sampling variance (NaN when none was given). A sigma near it is
   * noise, not interaction.
   */
  noise_sd: number;
}

/** mu, mu* and sigma of parameter `i` over the trajectories in `sample`, into `out[3i..3i+3)`. */
function estimate(effects: Float64Array, k: number, sample: Int32Array, out: Float64Array) {
  const r = sample.length;
  for (let i = 0; i < k; i++) {
    let sum = 0;
    let sumAbs = 0;
    for (let s = 0; s < r; s++) {
      const e = effects[sample[s]! * k + i]!;
      sum += e;
      sumAbs += Math.abs(e);
    }
    const mean = sum / r;
    let squares = 0;
    for (let s = 0; s < r; s++) {
      const d = effects[sample[s]! * k + i]! - mean;
      squares += d * d;
    }
    out[3 * i] = mean;
    out[3 * i + 1] = sumAbs / r;
    out[3 * i + 2] = Math.sqrt(squares / (r - 1));
  }
}

/**
 * Morris's measures of each parameter from its elementary effects, one per trajectory
 * (Morris 1991; mu* from Campolongo, Cariboni and Saltelli 2007): `mu = mean(EE)`,
 * `mu* = mean(|EE|)`, `sigma = sd(EE)` with divisor r - 1 (SALib's `morris.analyze`), each
 * with a percentile bootstrap interval from resampling whole trajectories (a resample keeps a
 * trajectory's k effects together, seeded: the same seed gives the same intervals).
 *
 * @param effects the elementary effects, trajectory by trajectory: `effects[t * k + i]`
 * @param k the number of parameters
 * @param noise each effect's sampling variance, laid out as `effects` (omit for a
 *   deterministic output; `noise_sd` is then NaN)
 * @param options resamples (default 1000), seed (default 'morris'), level (default 0.95)
 * @returns the measures of each parameter
 * @throws RangeError when there are fewer than 2 trajectories or an effect is not finite
 * @example
 * // f = 2 x1 - x2 on every trajectory: mu = [2, -1], mu* = [2, 1], sigma = [0, 0]
 * morrisMeasures(Float64Array.of(2, -1, 2, -1), 2);
 */
export function morrisMeasures(
  effects: Float64Array,
  k: number,
  noise?: Float64Array,
  options: BootstrapOptions = {},
): MorrisMeasure[] {
  const r = effects.length / k;
  if (!Number.isInteger(k) || k < 1 || !Number.isInteger(r) || r < 2) {
    throw new RangeError(
      `morrisMeasures: expected r k effects with r >= 2 for k = ${k}, got ${effects.length}`,
    );
  }
  const bad = effects.findIndex((e) => !Number.isFinite(e));
  if (bad >= 0) {
    throw new RangeError(
      `morrisMeasures: the effect of parameter ${bad % k} in trajectory ${Math.floor(bad / k)} is not finite`,
    );
  }
  const resamples = options.resamples ?? 1000;
  const tail = (1 - (options.level ?? 0.95)) / 2;
  const point = new Float64Array(3 * k);
  estimate(
    effects,
    k,
    Int32Array.from({ length: r }, (_, t) => t),
    point,
  );
  const draws = Array.from({ length: 3 * k }, () => new Float64Array(resamples));
  const random = seedrandom.alea(options.seed ?? 'morris');
  const sample = new Int32Array(r);
  const out = new Float64Array(3 * k);
  for (let b = 0; b < resamples; b++) {
    for (let s = 0; s < r; s++) sample[s] = Math.floor(random() * r);
    estimate(effects, k, sample, out);
    for (let q = 0; q < 3 * k; q++) draws[q]![b] = out[q]!;
  }
  const interval = (q: number): [number, number] => {
    if (resamples === 0) return [Number.NaN, Number.NaN];
    const sorted = draws[q]!.sort();
    return [sortedQuantile(sorted, tail), sortedQuantile(sorted, 1 - tail)];
  };
  return Array.from({ length: k }, (_, i) => {
    const [mu_lo, mu_hi] = interval(3 * i);
    const [mu_star_lo, mu_star_hi] = interval(3 * i + 1);
    const [sigma_lo, sigma_hi] = interval(3 * i + 2);
    let noiseSum = 0;
    for (let t = 0; t < r; t++) noiseSum += noise ? noise[t * k + i]! : Number.NaN;
    return {
      mu: point[3 * i]!,
      mu_lo,
      mu_hi,
      mu_star: point[3 * i + 1]!,
      mu_star_lo,
      mu_star_hi,
      sigma: point[3 * i + 2]!,
      sigma_lo,
      sigma_hi,
      noise_sd: Math.sqrt(noiseSum / r),
    };
  });
}
