/**
 * Wilson score interval for a binomial proportion (Wilson 1927, "Probable inference, the law of
 * succession, and statistical inference", JASA 22: 209-212; method 3 in Newcombe 1998, Statistics
 * in Medicine 17: 857-872). With `p = successes / n`:
 *
 * `(p + z^2 / (2n) +- z sqrt(p (1 - p) / n + z^2 / (4 n^2))) / (1 + z^2 / n)`.
 *
 * Unlike the Wald interval it stays inside [0, 1] and keeps near-nominal coverage when p is near
 * 0 or 1, as agreement and defection rates often are. With no trials (`n = 0`) nothing is known
 * and the interval is `[0, 1]`.
 *
 * @param successes number of successes, in [0, n] (need not be an integer, e.g. weighted counts)
 * @param n number of trials, >= 0
 * @param z standard normal quantile; the default 1.959963984540054 gives 95% coverage
 * @returns `[lo, hi]`, with 0 <= lo <= successes / n <= hi <= 1
 * @throws RangeError when n is negative or not finite, successes is outside [0, n], or z < 0
 * @example
 * wilsonInterval(0, 20); // => [0, 0.16112...] (hi = z^2 / (n + z^2) = 3.8415 / 23.8415)
 */
export function wilsonInterval(
  successes: number,
  n: number,
  z = 1.959963984540054,
): [number, number] {
  if (!(n >= 0 && Number.isFinite(n))) {
    throw new RangeError(`wilsonInterval: n must be a finite number >= 0; got n = ${n}.`);
  }
  if (!(successes >= 0 && successes <= n)) {
    throw new RangeError(
      `wilsonInterval: successes must be in [0, n]; got successes = ${successes}, n = ${n}.`,
    );
  }
  if (!(z >= 0 && Number.isFinite(z))) {
    throw new RangeError(`wilsonInterval: z must be a finite number >= 0; got z = ${z}.`);
  }
  if (n === 0) return [0, 1];
  const p = successes / n;
  const zSquaredOverN = (z * z) / n;
  const denominator = 1 + zSquaredOverN;
  const center = (p + zSquaredOverN / 2) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + zSquaredOverN / (4 * n))) / denominator;
  return [Math.max(0, center - halfWidth), Math.min(1, center + halfWidth)];
}
