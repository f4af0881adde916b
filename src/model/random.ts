/**
 * Random draws for Level II profiles and votes. Every function takes its stream first, so
 * one seeded stream can feed a whole profile and the draws are reproducible from the seed
 * alone. A stream gives uniforms and standard normals (by the ziggurat); {@link AleaStream} is the game's
 * (seedrandom's Alea, seeded from numbers and reused), {@link fromUniform} wraps any other
 * uniform source (e.g. `seedrandom.alea(seed)`).
 * @module
 */

/** A random stream: uniforms on `[0, 1)` and standard normals drawn from them. */
export interface Rng {
  /** A uniform draw on `[0, 1)`. */
  uniform(): number;
  /** A standard normal draw (see {@link fromUniform} for the method). */
  normal(): number;
}

/** `2^-32`. */
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** The ziggurat's 128 layers (Marsaglia and Tsang 2000): right end `r` and layer area `v`. */
const LAYERS = 128;
const R = 3.442619855899;
const V = 9.91256303526217e-3;

/**
 * The ziggurat's tables, computed once as in Marsaglia and Tsang's `zigset`: for layer `i`,
 * `kn[i]` (the accept bound of a 32-bit integer), `wn[i]` (its scale to `x`), `fn[i]`
 * (`exp(-x_i^2 / 2)` at the layer's right end). Constants: nothing writes them afterwards.
 */
const ZIGGURAT = (() => {
  const kn = new Uint32Array(LAYERS);
  const wn = new Float64Array(LAYERS);
  const fn = new Float64Array(LAYERS);
  const m1 = 2147483648;
  let dn = R;
  let tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  kn[0] = (dn / q) * m1;
  kn[1] = 0;
  wn[0] = q / m1;
  wn[LAYERS - 1] = dn / m1;
  fn[0] = 1;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = (dn / tn) * m1;
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / m1;
  }
  return { kn, wn, fn };
})();

/**
 * A standard normal from uniforms by Marsaglia and Tsang's ziggurat ("The Ziggurat Method
 * for Generating Random Variables", J. Stat. Softw. 5(8), 2000; 128 layers): a uniform gives
 * a signed 32-bit integer `h = floor(2^32 u) - 2^31` and its layer `i = h & 127`; in about
 * 99% of draws `|h| < kn[i]` and the normal is `h wn[i]`, one uniform and one product. Else
 * the wedge or the tail (`x > r`, by Marsaglia's exponential method) is sampled exactly with
 * more uniforms.
 */
function ziggurat(stream: Rng): number {
  const { kn, wn } = ZIGGURAT;
  for (;;) {
    const h = (stream.uniform() * 4294967296 - 2147483648) | 0;
    const i = h & (LAYERS - 1);
    if (Math.abs(h) < kn[i]!) return h * wn[i]!;
    const z = outside(stream, h);
    if (!Number.isNaN(z)) return z;
  }
}

/**
 * The ziggurat's draw `h` outside its layer's rectangle: the tail beyond `r` (layer 0), or
 * the wedge between layers `i` and `i - 1`, sampled with more uniforms; NaN when the wedge
 * rejects it (the ziggurat then starts again).
 */
function outside(stream: Rng, h: number): number {
  const { wn, fn } = ZIGGURAT;
  const i = h & (LAYERS - 1);
  if (i === 0) {
    let tail: number;
    let y: number;
    do {
      tail = -Math.log(1 - stream.uniform()) / R;
      y = -Math.log(1 - stream.uniform());
    } while (y + y < tail * tail);
    return h > 0 ? R + tail : -R - tail;
  }
  const x = h * wn[i]!;
  return fn[i]! + stream.uniform() * (fn[i - 1]! - fn[i]!) < Math.exp(-0.5 * x * x)
    ? x
    : Number.NaN;
}

/**
 * Johannes Baagøe's Alea generator exactly as `seedrandom.alea` implements it
 * (`t = 2091639 s0 + c 2^-32; s0 = s1; s1 = s2; s2 = t - (c = floor(t))`), but seeded from
 * three 32-bit words instead of a string hashed by Mash, and reseeded in place, so a game
 * opens its streams without allocating. Seeded with words `w0, w1, w2` it draws what
 * `seedrandom.alea('', { state: { c: 1, s0: w0 2^-32, s1: w1 2^-32, s2: w2 2^-32 } })` draws.
 */
export class AleaStream implements Rng {
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

  /** A standard normal by the ziggurat (see {@link fromUniform}). */
  normal(): number {
    return ziggurat(this);
  }

  /** See {@link normals}: the generator's state kept in locals over the common draws. */
  normals(out: Float64Array, from: number, to: number, mean: number, sd: number) {
    const { kn, wn } = ZIGGURAT;
    let { s0, s1, s2, c } = this;
    for (let j = from; j < to; j++) {
      const t = 2091639 * s0 + c * TWO_POW_MINUS_32;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      const h = (s2 * 4294967296 - 2147483648) | 0;
      const i = h & (LAYERS - 1);
      if (Math.abs(h) < kn[i]!) {
        out[j] = mean + sd * (h * wn[i]!);
        continue;
      }
      // outside the rectangle (about 1%): the stream's own methods from here
      this.s0 = s0;
      this.s1 = s1;
      this.s2 = s2;
      this.c = c;
      const z = outside(this, h);
      out[j] = mean + sd * (Number.isNaN(z) ? ziggurat(this) : z);
      ({ s0, s1, s2, c } = this);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.c = c;
  }
}

/** A stream over a uniform source, with ziggurat normals. */
class UniformStream implements Rng {
  constructor(private readonly source: () => number) {}

  uniform(): number {
    return this.source();
  }

  normal(): number {
    return ziggurat(this);
  }
}

/**
 * A stream over any uniform source on `[0, 1)`, its normals by Marsaglia and Tsang's
 * ziggurat (128 layers): one uniform per normal in about 99% of draws.
 *
 * @param source a uniform source, e.g. `seedrandom.alea('seed')`
 * @returns a stream
 * @example
 * // u = 1/2 gives h = 0, so the normal is 0
 * standardNormal(fromUniform(() => 0.5)); // 0
 */
export function fromUniform(source: () => number): Rng {
  return new UniformStream(source);
}

/**
 * A standard normal draw from the stream (the ziggurat: see {@link fromUniform}).
 *
 * @param rng the stream
 * @returns a draw from `N(0, 1)`
 * @example
 * standardNormal(fromUniform(() => 0.5)); // 0
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
 * normal(fromUniform(() => 0.5), 0.5, 0.1); // 0.5 (Z = 0)
 */
export function normal(rng: Rng, mean: number, sd: number): number {
  return mean + sd * rng.normal();
}

/**
 * Normal draws `mean + sd Z` into `out[j]` for `j` from `from` to `to - 1`: the draws of as
 * many calls of {@link normal}, in that order (the game's stream makes them in one loop).
 *
 * @param rng uniform source
 * @param out where to write
 * @param from the first index written
 * @param to one past the last
 * @param mean the mean
 * @param sd the standard deviation (>= 0)
 * @example
 * normals(fromUniform(() => 0.5), out, 0, 3, 0.5, 0.1); // out = [0.5, 0.5, 0.5]
 */
export function normals(
  rng: Rng,
  out: Float64Array,
  from: number,
  to: number,
  mean: number,
  sd: number,
) {
  if (rng instanceof AleaStream) rng.normals(out, from, to, mean, sd);
  else for (let j = from; j < to; j++) out[j] = normal(rng, mean, sd);
}

/**
 * A lognormal draw `exp(mu + sigma Z)`; its mean is `exp(mu + sigma^2 / 2)`.
 *
 * @param rng uniform source
 * @param mu mean of the logarithm
 * @param sigma standard deviation of the logarithm (>= 0)
 * @returns a positive draw
 * @example
 * lognormal(fromUniform(() => 0.5), 0, 0.5); // exp(0) = 1 (Z = 0)
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
 * // a stream whose normals are all Z = -1.1774 and uniforms 0.5: v = (1 - 1.1774 c)^3;
 * // for a = 1: d = 2/3, c = 0.4082, v = 0.5193^3 = 0.1401, and u = 0.5 passes the squeeze, so
 * gammaDraw({ uniform: () => 0.5, normal: () => -1.1774 }, 1); // 2/3 * 0.1401 = 0.0934
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
 * // the stream of the gammaDraw example: X = Y = 0.0934, so
 * betaDraw({ uniform: () => 0.5, normal: () => -1.1774 }, 1, 1); // 1/2
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
