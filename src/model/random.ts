/**
 * Random draws for Level II profiles and votes. Every function takes its stream first, so
 * one seeded stream can feed a whole profile and the draws are reproducible from the seed
 * alone. A stream gives uniforms and standard normals; {@link AleaStream} is the game's
 * (seedrandom's Alea, seeded from numbers and reused), {@link fromUniform} wraps any other
 * uniform source (e.g. `seedrandom.alea(seed)`).
 * @module
 */

/** A random stream: uniforms on `[0, 1)` and standard normals drawn from them. */
export interface Rng {
  /** A uniform draw on `[0, 1)`. */
  uniform(): number;
  /** A standard normal draw (see {@link AleaStream.normal} for the transform). */
  normal(): number;
}

/** `2^-32`. */
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;
const TWO_PI = 2 * Math.PI;

/**
 * Standard normals from a uniform source by the Box-Muller transform, both outputs: from
 * `u1 = 1 - uniform()` in `(0, 1]` and `u2 = uniform()`, `r = sqrt(-2 ln u1)` gives
 * `r cos(2 pi u2)` now and `r sin(2 pi u2)` at the next call. `spare` holds the second.
 */
abstract class BoxMuller implements Rng {
  private spare = 0;
  private hasSpare = false;

  abstract uniform(): number;

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u1 = 1 - this.uniform();
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    this.spare = r * Math.sin(TWO_PI * u2);
    this.hasSpare = true;
    return r * Math.cos(TWO_PI * u2);
  }

  /** Forgets a pending second normal (a stream restarts with a cos output). */
  protected restart() {
    this.hasSpare = false;
  }
}

/**
 * Johannes Baagøe's Alea generator exactly as `seedrandom.alea` implements it
 * (`t = 2091639 s0 + c 2^-32; s0 = s1; s1 = s2; s2 = t - (c = floor(t))`), but seeded from
 * three 32-bit words instead of a string hashed by Mash, and reseeded in place, so a game
 * opens its streams without allocating. Seeded with words `w0, w1, w2` it draws what
 * `seedrandom.alea('', { state: { c: 1, s0: w0 2^-32, s1: w1 2^-32, s2: w2 2^-32 } })` draws.
 */
export class AleaStream extends BoxMuller {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private c = 1;

  /**
   * Restarts the stream from three 32-bit words.
   *
   * @param w0 first word (read as unsigned)
   * @param w1 second word
   * @param w2 third word
   * @returns the stream
   * @example
   * new AleaStream().seed(1, 2, 3).uniform(); // the same as seedrandom.alea with that state
   */
  seed(w0: number, w1: number, w2: number): this {
    this.s0 = (w0 >>> 0) * TWO_POW_MINUS_32;
    this.s1 = (w1 >>> 0) * TWO_POW_MINUS_32;
    this.s2 = (w2 >>> 0) * TWO_POW_MINUS_32;
    this.c = 1;
    this.restart();
    return this;
  }

  uniform(): number {
    const t = 2091639 * this.s0 + this.c * TWO_POW_MINUS_32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }
}

/** A stream over a uniform source, with Box-Muller normals. */
class UniformStream extends BoxMuller {
  constructor(private readonly source: () => number) {
    super();
  }

  uniform(): number {
    return this.source();
  }
}

/**
 * A stream over any uniform source on `[0, 1)`, its normals by Box-Muller (both outputs).
 *
 * @param source a uniform source, e.g. `seedrandom.alea('seed')`
 * @returns a stream
 * @example
 * standardNormal(fromUniform(() => 0)); // sqrt(-2 ln 1) cos 0 = 0
 */
export function fromUniform(source: () => number): Rng {
  return new UniformStream(source);
}

/**
 * A standard normal draw from the stream (Box-Muller, both outputs: see {@link fromUniform}).
 *
 * @param rng the stream
 * @returns a draw from `N(0, 1)`
 * @example
 * standardNormal(fromUniform(() => 0)); // sqrt(-2 ln 1) cos 0 = 0
 */
export function standardNormal(rng: Rng): number {
  return rng.normal();
}

/**
 * A normal draw `mean + sd Z`, `Z` from {@link standardNormal}.
 *
 * @param rng uniform source
 * @param mean the mean
 * @param sd the standard deviation (>= 0)
 * @returns a draw from `N(mean, sd^2)`
 * @example
 * normal(fromUniform(() => 0), 0.5, 0.1); // 0.5 (Z = 0)
 */
export function normal(rng: Rng, mean: number, sd: number): number {
  return mean + sd * rng.normal();
}

/**
 * A lognormal draw `exp(mu + sigma Z)`; its mean is `exp(mu + sigma^2 / 2)`.
 *
 * @param rng uniform source
 * @param mu mean of the logarithm
 * @param sigma standard deviation of the logarithm (>= 0)
 * @returns a positive draw
 * @example
 * lognormal(fromUniform(() => 0), 0, 0.5); // exp(0) = 1 (Z = 0)
 */
export function lognormal(rng: Rng, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * rng.normal());
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
 * // uniforms all 0.5 give Z = sqrt(2 ln 2) cos(pi) = -1.1774, v = (1 - 1.1774 c)^3;
 * // for a = 1: d = 2/3, c = 0.4082, v = 0.5193^3 = 0.1401, and u = 0.5 passes the squeeze, so
 * gammaDraw(fromUniform(() => 0.5), 1); // 2/3 * 0.1401 = 0.0934
 */
export function gammaDraw(rng: Rng, a: number): number {
  if (a < 1) return gammaDraw(rng, a + 1) * (1 - rng.uniform()) ** (1 / a);
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = rng.normal();
    const t = 1 + c * z;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = 1 - rng.uniform();
    const z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2) return d * v;
    if (Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A beta draw `X / (X + Y)` with `X ~ Gamma(a)`, `Y ~ Gamma(b)` from {@link gammaDraw}
 * (the same uniforms in the same order). With shapes near 0 both gamma draws can underflow
 * to 0 (`u^(1/a)` for `a = 0.001`), and 0/0 is NaN; then the draw is taken from their
 * logarithms, `1 / (1 + exp(ln Y - ln X))`, which stay finite.
 *
 * @param rng uniform source
 * @param a first shape (> 0)
 * @param b second shape (> 0)
 * @returns a draw in `[0, 1]` with mean `a / (a + b)`
 * @example
 * // X = 0.0934 (see gammaDraw); Y's Z is the pair's second output r sin(pi) = 0, so
 * // v = 1 and Y = d = 2/3:
 * betaDraw(fromUniform(() => 0.5), 1, 1); // 0.0934 / (0.0934 + 0.6667) = 0.1229
 */
export function betaDraw(rng: Rng, a: number, b: number): number {
  // Gamma(a) = Gamma(a + 1) u^(1/a) for a < 1, as in gammaDraw, with its parts kept
  const gx = gammaDraw(rng, a < 1 ? a + 1 : a);
  const ux = a < 1 ? 1 - rng.uniform() : 1;
  const gy = gammaDraw(rng, b < 1 ? b + 1 : b);
  const uy = b < 1 ? 1 - rng.uniform() : 1;
  const x = a < 1 ? gx * ux ** (1 / a) : gx;
  const y = b < 1 ? gy * uy ** (1 / b) : gy;
  if (x + y > 0) return x / (x + y);
  const logX = Math.log(gx) + Math.log(ux) / a;
  const logY = Math.log(gy) + Math.log(uy) / b;
  return 1 / (1 + Math.exp(logY - logX));
}
