/**
 * Wilson score interval for a binomial proportion (Wilson 1927, "Probable inference, the law of
 * succession, and statistical inference", JASA 22: 209-212; method 3 in Newcombe 1998, Statistics
 * in Medicine 17: 857-872). With `p = successes / n`:
 *
 * `(p + z^2 / (2n) +- z sqrt(p (1 - p) / n + z^2 / (4 n^2))) / (1 + z^2 / n)`.
 *
 * Unlike the Wald interval it stays inside [0, 1] and keeps near-nominal coverage when p is near
 * 0 or 1, as agreement and defection rates often are. With no trials (`n = 0`) nothing is known
 * and the interval is `[0, 1]`; with `z = 0` it shrinks to `[p, p]`.
 *
 * The limits are the roots of `(n + z^2) t^2 - (2x + z^2) t + x^2 / n = 0` (x = successes). With
 * `s = 2x + z^2 + z sqrt(z^2 + 4x (n - x) / n)`, the larger root `U(x) = s / (2 (n + z^2))` is a
 * sum of positive terms, and the smaller one is taken from the product of the roots,
 * `L(x) = x^2 / (n (n + z^2) U(x)) = 2x^2 / (n s)`, instead of `center - halfWidth`, whose
 * cancellation leaves lo ~ 1e-17 at x = 0. Each limit is computed on the side of 1/2 where it
 * is accurate, using the mirror `hi(x) = 1 - lo(n - x)`: lo = L(x) for x <= n/2, else
 * 1 - U(n - x); hi = U(x) for x < n/2, else 1 - L(n - x). So lo is exactly 0 at x = 0, hi
 * exactly 1 at x = n, and lo <= p <= hi.
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
  if (z === 0) return [successes / n, successes / n];
  const zSquared = z * z;
  const sum = (x: number) => 2 * x + zSquared + z * Math.sqrt(zSquared + (4 * x * (n - x)) / n);
  const upper = (x: number) => sum(x) / (2 * (n + zSquared));
  const lower = (x: number) => (2 * x * x) / (n * sum(x));
  const failures = n - successes;
  return [
    successes <= n / 2 ? lower(successes) : 1 - upper(failures),
    successes < n / 2 ? upper(successes) : 1 - lower(failures),
  ];
}
