/**
 * Joe and Kuo's direction numbers for dimensions 2 to 32, one row each as
 * `[s, a, m_1, ..., m_s]`: the degree `s` of the primitive polynomial, its inner
 * coefficients `a` as a binary number, and the initial odd integers `m_k < 2^k`.
 *
 * Source: S. Joe and F. Y. Kuo, `new-joe-kuo-6.21201`
 * (https://web.maths.unsw.edu.au/~fkuo/sobol/), rows d = 2..32; described in
 * S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional
 * projections", SIAM J. Sci. Comput. 30 (2008) 2635-2654. Dimension 1 needs no row:
 * all its `m_k` are 1 (the van der Corput sequence in base 2).
 */
const JOE_KUO: readonly (readonly number[])[] = [
  [1, 0, 1], // d = 2
  [2, 1, 1, 3], // d = 3
  [3, 1, 1, 3, 1], // d = 4
  [3, 2, 1, 1, 1], // d = 5
  [4, 1, 1, 1, 3, 3], // d = 6
  [4, 4, 1, 3, 5, 13], // d = 7
  [5, 2, 1, 1, 5, 5, 17], // d = 8
  [5, 4, 1, 1, 5, 5, 5], // d = 9
  [5, 7, 1, 1, 7, 11, 19], // d = 10
  [5, 11, 1, 1, 5, 1, 1], // d = 11
  [5, 13, 1, 1, 1, 3, 11], // d = 12
  [5, 14, 1, 3, 5, 5, 31], // d = 13
  [6, 1, 1, 3, 3, 9, 7, 49], // d = 14
  [6, 13, 1, 1, 1, 15, 21, 21], // d = 15
  [6, 16, 1, 3, 1, 13, 27, 49], // d = 16
  [6, 19, 1, 1, 1, 15, 7, 5], // d = 17
  [6, 22, 1, 3, 1, 15, 13, 25], // d = 18
  [6, 25, 1, 1, 5, 5, 19, 61], // d = 19
  [7, 1, 1, 3, 7, 11, 23, 15, 103], // d = 20
  [7, 4, 1, 3, 7, 13, 13, 15, 69], // d = 21
  [7, 7, 1, 1, 3, 13, 7, 35, 63], // d = 22
  [7, 8, 1, 3, 5, 9, 1, 25, 53], // d = 23
  [7, 14, 1, 3, 1, 13, 9, 35, 107], // d = 24
  [7, 19, 1, 3, 1, 5, 27, 61, 31], // d = 25
  [7, 21, 1, 1, 5, 11, 19, 41, 61], // d = 26
  [7, 28, 1, 3, 5, 3, 3, 13, 69], // d = 27
  [7, 31, 1, 1, 7, 13, 1, 19, 1], // d = 28
  [7, 32, 1, 3, 7, 5, 13, 19, 59], // d = 29
  [7, 37, 1, 1, 3, 9, 25, 29, 41], // d = 30
  [7, 41, 1, 3, 5, 13, 23, 1, 55], // d = 31
  [7, 42, 1, 3, 7, 3, 13, 59, 17], // d = 32
];

/** Bits per coordinate: points are multiples of 2^-32, at most 2^32 of them. */
const BITS = 32;

/** The most dimensions {@link sobolPoints} supports (1 + the rows of the Joe-Kuo table above). */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;

/**
 * Direction numbers `v_k = m_k 2^(32-k)`, k = 1..32, of every supported dimension,
 * flattened as `[dimension * 32 + k - 1]`. For k > s, Bratley and Fox's recurrence
 * `v_k = a_1 v_(k-1) ^ ... ^ a_(s-1) v_(k-s+1) ^ v_(k-s) ^ (v_(k-s) >> s)`.
 */
const DIRECTIONS = (() => {
  const v = new Uint32Array(SOBOL_MAX_DIMENSIONS * BITS);
  for (let k = 1; k <= BITS; k++) v[k - 1] = 2 ** (BITS - k);
  for (let j = 1; j < SOBOL_MAX_DIMENSIONS; j++) {
    const row = JOE_KUO[j - 1]!;
    const s = row[0]!;
    const a = row[1]!;
    const base = j * BITS;
    for (let k = 1; k <= s; k++) v[base + k - 1] = row[k + 1]! * 2 ** (BITS - k);
    for (let k = s + 1; k <= BITS; k++) {
      let x = v[base + k - s - 1]!;
      x ^= x >>> s;
      for (let i = 1; i < s; i++) {
        if ((a >>> (s - 1 - i)) & 1) x ^= v[base + k - i - 1]!;
      }
      v[base + k - 1] = x;
    }
  }
  return v;
})();

/**
 * The Sobol sequence in base 2: points `skip .. skip + count - 1` of the
 * `dims`-dimensional sequence, in Antonov and Saleev's Gray-code order, with Joe and
 * Kuo's direction numbers (`new-joe-kuo-6.21201`; the same points as SciPy's
 * unscrambled `qmc.Sobol`). Point n is `x_n = XOR of v_k over the set bits k of
 * gray(n) = n ^ (n >> 1)`, scaled by 2^-32; consecutive points differ by one XOR,
 * `x_(n+1) = x_n ^ v_c` with c the lowest zero bit of n. Dimension 1 is the van der
 * Corput sequence. The first 2^k points put exactly one point in each of the 2^k
 * equal bins of every coordinate.
 *
 * Used for win-set sizes when D > 1 and for the `sobol` sweep design.
 *
 * @param count number of points (integer >= 0)
 * @param dims dimensions, 1 to {@link SOBOL_MAX_DIMENSIONS}
 * @param skip index of the first point returned (integer >= 0)
 * @returns row-major `count * dims` coordinates in [0, 1)
 * @example
 * sobolPoints(4, 2); // Float64Array [0, 0, 0.5, 0.5, 0.75, 0.25, 0.25, 0.75]
 */
export function sobolPoints(count: number, dims: number, skip = 0): Float64Array {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`sobolPoints: count must be an integer >= 0, got ${count}`);
  }
  if (!Number.isInteger(dims) || dims < 1 || dims > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(
      `sobolPoints: dims must be an integer from 1 to ${SOBOL_MAX_DIMENSIONS}, got ${dims}`,
    );
  }
  if (!Number.isInteger(skip) || skip < 0 || skip + count > 2 ** BITS) {
    throw new RangeError(
      `sobolPoints: skip must be an integer >= 0 with skip + count <= 2^${BITS}, got skip ${skip} and count ${count}`,
    );
  }
  const points = new Float64Array(count * dims);
  if (count === 0) return points;
  const state = new Uint32Array(dims);
  // Jump to point `skip` directly: bit k of its Gray code is bit k ^ bit k+1 of `skip`
  // (arithmetic, not `^`, since `skip` may exceed 2^31).
  for (let k = 0, n = skip; n > 0; k++, n = Math.floor(n / 2)) {
    if (n % 2 !== Math.floor(n / 2) % 2) {
      for (let d = 0; d < dims; d++) state[d] ^= DIRECTIONS[d * BITS + k]!;
    }
  }
  const scale = 2 ** -BITS;
  for (let i = 0; ; i++) {
    for (let d = 0; d < dims; d++) points[i * dims + d] = state[d]! * scale;
    if (i === count - 1) break;
    // The direction to flip is the lowest zero bit of the current index.
    let n = skip + i;
    let c = 0;
    while (n % 2 === 1) {
      n = Math.floor(n / 2);
      c++;
    }
    for (let d = 0; d < dims; d++) state[d] ^= DIRECTIONS[d * BITS + c]!;
  }
  return points;
}
