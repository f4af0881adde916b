/**
 * Unions of closed intervals on the line, the shape of every one-dimensional win-set.
 * @module
 */

/**
 * A union of `count` closed intervals `[lo[t], hi[t]]`, sorted and disjoint (two intervals
 * never touch: touching ones are merged). Single points (`lo = hi`) are kept. The arrays are
 * replaced by larger ones when the union outgrows them.
 */
export interface Intervals {
  lo: Float64Array;
  hi: Float64Array;
  count: number;
  /**
   * Set by `winSet` when the model's expected vote (`ratifies` with the win-set's profile and
   * options) passed every end; false for any other union. Until that profile changes, a
   * caller voting on an end under the same options may count it without voting again.
   */
  closed?: boolean;
}

/**
 * An empty union with room for `capacity` intervals before it grows.
 *
 * @param capacity initial room
 * @returns an empty {@link Intervals}
 * @example
 * createIntervals(4).count; // 0
 */
export function createIntervals(capacity = 8): Intervals {
  const n = Math.max(1, capacity);
  return { lo: new Float64Array(n), hi: new Float64Array(n), count: 0, closed: false };
}

/**
 * Appends `[lo, hi]` to a union whose intervals all start at or before `lo`, merging it
 * with the last interval when they overlap or touch (`lo <= last hi`); grows the arrays
 * when full.
 *
 * @param iv the union, changed in place
 * @param lo left end
 * @param hi right end (`>= lo`)
 * @returns `iv`
 * @example
 * const iv = pushInterval(pushInterval(createIntervals(), 0, 1), 1, 2);
 * [iv.count, iv.lo[0], iv.hi[0]]; // [1, 0, 2]
 */
export function pushInterval(iv: Intervals, lo: number, hi: number): Intervals {
  const n = iv.count;
  iv.closed = false;
  if (n > 0 && lo <= iv.hi[n - 1]!) {
    if (hi > iv.hi[n - 1]!) iv.hi[n - 1] = hi;
    return iv;
  }
  if (n === iv.lo.length) {
    const grownLo = new Float64Array(2 * n);
    const grownHi = new Float64Array(2 * n);
    grownLo.set(iv.lo);
    grownHi.set(iv.hi);
    iv.lo = grownLo;
    iv.hi = grownHi;
  }
  iv.lo[n] = lo;
  iv.hi[n] = hi;
  iv.count = n + 1;
  return iv;
}

/**
 * Copies a union into `out` (its arrays reused, grown when too small).
 *
 * @param iv the union to copy
 * @param out the union to overwrite, not `iv`
 * @returns `out`
 * @example
 * // [0, 0.25] and [0.5, 1]
 * copyIntervals(iv, createIntervals(1)); // { lo: [0, 0.5], hi: [0.25, 1], count: 2 }
 */
export function copyIntervals(iv: Intervals, out: Intervals): Intervals {
  if (out.lo.length < iv.count) {
    out.lo = new Float64Array(iv.lo.length);
    out.hi = new Float64Array(iv.lo.length);
  }
  for (let t = 0; t < iv.count; t++) {
    out.lo[t] = iv.lo[t]!;
    out.hi[t] = iv.hi[t]!;
  }
  out.count = iv.count;
  out.closed = iv.closed === true;
  return out;
}

/**
 * The measure of a union, `sum_t (hi_t - lo_t)`: the win-set size `|W_i|` in one dimension.
 *
 * @param iv the union
 * @returns its total length (0 for single points)
 * @example
 * // [0, 0.25] and [0.5, 1]
 * intervalsSize(iv); // 0.75
 */
export function intervalsSize(iv: Intervals): number {
  let size = 0;
  for (let t = 0; t < iv.count; t++) size += iv.hi[t]! - iv.lo[t]!;
  return size;
}

/** The first interval whose right end is `>= x` (`count` when there is none). */
function firstEndingFrom(iv: Intervals, x: number): number {
  let a = 0;
  let b = iv.count;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (iv.hi[mid]! < x) a = mid + 1;
    else b = mid;
  }
  return a;
}

/**
 * Whether `x` belongs to the union (ends included), by binary search.
 *
 * @param iv the union
 * @param x a point
 * @returns true when some `lo_t <= x <= hi_t`
 * @example
 * // [0, 0.25] and [0.5, 1]
 * intervalsContain(iv, 0.25); // true
 * intervalsContain(iv, 0.3); // false
 */
export function intervalsContain(iv: Intervals, x: number): boolean {
  const t = firstEndingFrom(iv, x);
  return t < iv.count && iv.lo[t]! <= x;
}

/**
 * The intersection of two unions, by a merge of their sorted intervals; `out` must be
 * neither `a` nor `b`. The overlap of two win-sets, `W_A ∩ W_B`.
 *
 * @param a a union
 * @param b a union
 * @param out the union to overwrite
 * @returns `out`
 * @example
 * // [0, 0.6] and [0.4, 1]
 * intersectIntervals(a, b, out); // [0.4, 0.6]
 */
export function intersectIntervals(a: Intervals, b: Intervals, out: Intervals): Intervals {
  out.count = 0;
  out.closed = false;
  let s = 0;
  let t = 0;
  while (s < a.count && t < b.count) {
    const lo = Math.max(a.lo[s]!, b.lo[t]!);
    const hi = Math.min(a.hi[s]!, b.hi[t]!);
    if (lo <= hi) pushInterval(out, lo, hi);
    if (a.hi[s]! < b.hi[t]!) s++;
    else t++;
  }
  return out;
}

/**
 * The member of the union closest to `x` (`x` itself when it is a member; of two equally
 * close ends, the lower one). NaN for an empty union.
 *
 * @param iv the union
 * @param x a point
 * @returns the closest point of the union
 * @example
 * // [0, 0.25] and [0.5, 1]
 * nearestPoint(iv, 0.4); // 0.5
 * nearestPoint(iv, 2); // 1
 */
export function nearestPoint(iv: Intervals, x: number): number {
  if (iv.count === 0) return Number.NaN;
  const t = firstEndingFrom(iv, x);
  if (t === iv.count) return iv.hi[t - 1]!;
  if (iv.lo[t]! <= x) return x;
  if (t === 0) return iv.lo[0]!;
  const below = iv.hi[t - 1]!;
  const above = iv.lo[t]!;
  return x - below <= above - x ? below : above;
}
