/**
 * Allocation-free random draws from a uniform source, used to draw Level II profiles.
 * Every function takes the source first, so one seeded stream (`seedrandom.alea(seed)`) can
 * feed a whole profile and the draws are reproducible from the seed alone.
 * @module
 */

/** A uniform random source on `[0, 1)`, e.g. a `seedrandom.alea(seed)` instance. */
export type Rng = () => number;

/**
 * A standard normal draw by the Box-Muller transform, `sqrt(-2 ln u1) cos(2 pi u2)` with
 * `u1 = 1 - rng()` in `(0, 1]` and `u2 = rng()`. Uses two uniforms and keeps no state, so a
 * draw never depends on an earlier call.
 *
 * @param rng uniform source
 * @returns a draw from `N(0, 1)`
 * @example
 * standardNormal(() => 0); // sqrt(-2 ln 1) cos 0 = 0
 */
export function standardNormal(rng: Rng): number {
  const u1 = 1 - rng();
  const u2 = rng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * A normal draw `mean + sd Z`, `Z` from {@link standardNormal}.
 *
 * @param rng uniform source
 * @param mean the mean
 * @param sd the standard deviation (>= 0)
 * @returns a draw from `N(mean, sd^2)`
 * @example
 * normal(() => 0, 0.5, 0.1); // 0.5 (Z = 0)
 */
export function normal(rng: Rng, mean: number, sd: number): number {
  return mean + sd * standardNormal(rng);
}

/**
 * A lognormal draw `exp(mu + sigma Z)`; its mean is `exp(mu + sigma^2 / 2)`.
 *
 * @param rng uniform source
 * @param mu mean of the logarithm
 * @param sigma standard deviation of the logarithm (>= 0)
 * @returns a positive draw
 * @example
 * lognormal(() => 0, 0, 0.5); // exp(0) = 1 (Z = 0)
 */
export function lognormal(rng: Rng, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * standardNormal(rng));
}

/**
 * A gamma draw with shape `a` and unit scale by Marsaglia and Tsang's squeeze method
 * ("A simple method for generating gamma variables", ACM TOMS 26, 2000): with
 * `d = a - 1/3`, `c = 1 / sqrt(9 d)`, draw `Z ~ N(0, 1)`, `v = (1 + c Z)^3` and accept `d v`
 * when `ln u < Z^2 / 2 + d (1 - v + ln v)`. For `a < 1`, `Gamma(a) = Gamma(a + 1) u^(1/a)`.
 *
 * @param rng uniform source
 * @param a shape (> 0)
 * @returns a draw with mean `a` and variance `a`
 * @example
 * // rng = () => 0.5 gives Z = sqrt(2 ln 2) cos(pi) = -1.1774, v = (1 - 1.1774 c)^3;
 * // for a = 1: d = 2/3, c = 0.4082, v = 0.5193^3 = 0.1401, and u = 0.5 passes the squeeze, so
 * gammaDraw(() => 0.5, 1); // 2/3 * 0.1401 = 0.0934
 */
export function gammaDraw(rng: Rng, a: number): number {
  if (a < 1) return gammaDraw(rng, a + 1) * (1 - rng()) ** (1 / a);
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = standardNormal(rng);
    const t = 1 + c * z;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = 1 - rng();
    const z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2) return d * v;
    if (Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A beta draw `X / (X + Y)` with `X ~ Gamma(a)`, `Y ~ Gamma(b)` from {@link gammaDraw}.
 *
 * @param rng uniform source
 * @param a first shape (> 0)
 * @param b second shape (> 0)
 * @returns a draw in `[0, 1]` with mean `a / (a + b)`
 * @example
 * betaDraw(() => 0.5, 1, 1); // X = Y = 0.0934 (see gammaDraw), so 1/2
 */
export function betaDraw(rng: Rng, a: number, b: number): number {
  const x = gammaDraw(rng, a);
  const y = gammaDraw(rng, b);
  return x / (x + y);
}
