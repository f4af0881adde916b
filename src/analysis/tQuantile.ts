import { gammaln } from 'simple-statistics';
import { tTwoSidedP } from './tTwoSidedP.ts';

/** Newton stops when a step changes t by less than this fraction of |t|. */
const RELATIVE_TOLERANCE = 1e-13;
/**
 * Steps below this fraction of |t| that stop shrinking are rounding noise of the incomplete beta
 * (as for huge df), so Newton stops there too.
 */
const NOISE_FLOOR = 1e-7;
const MAX_ITERATIONS = 200;
/** Largest Newton step in ln|t|: at most a factor e per iteration, so far starts stay stable. */
const MAX_LOG_STEP = 1;
/** Smallest starting |t|, as the normal approximation can be 0 or negative near p = 1/2. */
const MIN_START = 1e-8;

/**
 * Quantile function (inverse CDF) of Student's t with `df` degrees of freedom: the `t` with
 * `P(T <= t) = p`.
 *
 * Closed forms for df = 1 (Cauchy, `t = -1 / tan(pi p)` in the lower tail) and df = 2
 * (`t = (2p - 1) / sqrt(2 p (1 - p))`); otherwise Newton's method on `ln F(-e^s) = ln p` in
 * `s = ln|t|`, with the lower tail `F(t) = I_(df / (df + t^2))(df / 2, 1 / 2) / 2` (see
 * {@link tTwoSidedP}), started at the normal quantile (Abramowitz and Stegun 26.2.23). Working
 * in logs makes the heavy tails almost linear (`ln F ~ -df ln|t|`), so far quantiles take a
 * few steps, and p keeps its relative accuracy. Upper quantiles use the symmetry
 * `t_p = -t_(1-p)`. Accurate to about 1e-12 relative for df up to 1e4, 1e-9 at df = 1e6 (the
 * log-gamma cancellation in the incomplete beta), for p down to about 1e-200.
 *
 * @param p probability, in [0, 1] (0 and 1 give -Infinity and Infinity)
 * @param df degrees of freedom, > 0 (need not be an integer)
 * @returns the p-quantile of t(df)
 * @throws RangeError when p is outside [0, 1] or df is not positive and finite
 * @example
 * tQuantile(0.975, 10); // => 2.228138851986274 (tables: t(0.975, 10) = 2.228139)
 * tQuantile(0.75, 1); // => 1 (Cauchy: tan(pi / 4))
 */
export function tQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`tQuantile: probability must be in [0, 1]; got p = ${p}.`);
  }
  if (!(df > 0 && Number.isFinite(df))) {
    throw new RangeError(
      `tQuantile: degrees of freedom must be positive and finite; got df = ${df}.`,
    );
  }
  if (p === 0.5) return 0;
  const sign = p < 0.5 ? -1 : 1;
  const q = p < 0.5 ? p : 1 - p;
  return sign * lowerTailMagnitude(q, df);
}

/** The t <= 0 with lower-tail probability q in [0, 0.5), returned as -t >= 0. */
function lowerTailMagnitude(q: number, df: number): number {
  if (q === 0) return Number.POSITIVE_INFINITY;
  if (df === 1) return 1 / Math.tan(Math.PI * q);
  if (df === 2) return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  // log of the density's constant: Gamma((df+1)/2) / (Gamma(df/2) sqrt(df pi)).
  const logDensityConstant = gammaln((df + 1) / 2) - gammaln(df / 2) - 0.5 * Math.log(df * Math.PI);
  const logQ = Math.log(q);
  // Newton on g(s) = ln F(-e^s) - ln q, where g'(s) = -h(s), h = |t| f(t) / F(t).
  let s = Math.log(Math.max(normalUpperQuantileMagnitude(q), MIN_START));
  let previousStep = Number.POSITIVE_INFINITY;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const magnitude = Math.exp(s);
    const logTail = Math.log(0.5 * tTwoSidedP(magnitude, df));
    const logDensity =
      logDensityConstant - ((df + 1) / 2) * Math.log1p((magnitude * magnitude) / df);
    const hazard = Math.exp(s + logDensity - logTail);
    const step = Math.max(-MAX_LOG_STEP, Math.min(MAX_LOG_STEP, (logTail - logQ) / hazard));
    s += step;
    const size = Math.abs(step);
    if (size <= RELATIVE_TOLERANCE || (size >= previousStep && size <= NOISE_FLOOR)) {
      return Math.exp(s);
    }
    previousStep = size;
  }
  throw new RangeError(
    `tQuantile: Newton's method did not converge for lower-tail probability ${q} with df = ${df}; probabilities this extreme are outside the supported range.`,
  );
}

/**
 * |z| for the normal quantile with tail probability q in (0, 0.5), to about 4.5e-4
 * (Abramowitz and Stegun 26.2.23); only a starting point for Newton.
 */
function normalUpperQuantileMagnitude(q: number): number {
  const w = Math.sqrt(-2 * Math.log(q));
  return (
    w -
    (2.515517 + 0.802853 * w + 0.010328 * w * w) /
      (1 + 1.432788 * w + 0.189269 * w * w + 0.001308 * w * w * w)
  );
}
