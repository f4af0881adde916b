/** A box of the parameter space, `lo[d] <= x_d <= hi[d]` in every dimension d. */
export interface PrimBox {
  lo: number[];
  hi: number[];
  /** Points inside. */
  count: number;
  /** Cases (y = 1) inside over all cases. */
  coverage: number;
  /** Cases inside over points inside: the box's mean of y. */
  density: number;
  /** Points inside over all points (Friedman and Fisher's "support" or "mass"). */
  support: number;
}

/** Default smallest coverage of the box `twolevel discover` chooses from the trajectory. */
export const MIN_COVERAGE = 0.5;

/** PRIM's tuning: the peeling and pasting fractions and the smallest support peeled to. */
export interface PrimOptions {
  /** Fraction of the box's points a peel removes; default 0.05. */
  peelAlpha?: number;
  /** Fraction of the box's points a paste adds; default 0.05. */
  pasteAlpha?: number;
  /** Peeling stops before the support falls below this; default 0.05. */
  minSupport?: number;
}

/** The result of {@link prim}: the peeling trajectory and the chosen box, pasted. */
export interface PrimResult {
  /** The boxes peeling went through, from the whole sample (box 0) to the last peel. */
  trajectory: PrimBox[];
  /** The bounds of the whole sample: a box bound inside them restricts that dimension. */
  limits: PrimBox;
}

/** Points, their cases, and the running state shared by the steps. */
interface Sample {
  x: readonly Float64Array[];
  y: Float64Array;
  cases: number;
}

function boxOf(sample: Sample, members: Int32Array, lo: number[], hi: number[]): PrimBox {
  let hits = 0;
  for (const i of members) hits += sample.y[i]!;
  const n = sample.y.length;
  return {
    lo: [...lo],
    hi: [...hi],
    count: members.length,
    coverage: sample.cases > 0 ? hits / sample.cases : Number.NaN,
    density: members.length > 0 ? hits / members.length : Number.NaN,
    support: members.length / n,
  };
}

/** The members of `members` inside `[lo, hi]`. */
function inside(sample: Sample, candidates: Int32Array, lo: number[], hi: number[]): Int32Array {
  return candidates.filter((i) =>
    sample.x.every((column, d) => column[i]! >= lo[d]! && column[i]! <= hi[d]!),
  );
}

/**
 * The Patient Rule Induction Method's peeling (Friedman and Fisher 1999, "Bump hunting in
 * high-dimensional data", Statistics and Computing 9, 123-143, section 4): starting from
 * the box of all points, each step considers, in every dimension, removing the lowest or
 * the highest `peelAlpha` fraction of the box's points (at least one point, and every point
 * tied with the last one removed) and makes the peel that leaves the highest mean of y
 * (ties: fewer points removed, then the lower dimension, lower side first). Peeling stops
 * when every peel would leave less than `minSupport` of the points. Box bounds are the
 * extreme values of the points left, so a bound inside the sample's range restricts its
 * dimension. See {@link pastePrimBox} for pasting.
 *
 * @param x the points' coordinates, one column per dimension
 * @param y each point's case indicator (1 a case of interest, 0 not; fractions allowed)
 * @param options peeling fraction and smallest support
 * @returns the trajectory of boxes (box 0 is the whole sample) and the sample's limits
 * @example
 * // 1,000 points uniform in [0, 1]^3, y = 1 inside [0.2, 0.5] x [0.6, 0.9] x [0, 1]:
 * // the trajectory's densest box is about [0.2, 0.5] x [0.6, 0.9] x [0, 1], density 1
 * prim(columns, y).trajectory.at(-1);
 */
export function prim(
  x: readonly Float64Array[],
  y: Float64Array,
  options: PrimOptions = {},
): PrimResult {
  const alpha = options.peelAlpha ?? 0.05;
  const minSupport = options.minSupport ?? 0.05;
  const n = y.length;
  if (x.some((column) => column.length !== n) || n === 0) {
    throw new RangeError(`prim: expected columns of ${n} > 0 points, one per dimension`);
  }
  let cases = 0;
  for (const v of y) cases += v;
  const sample: Sample = { x, y, cases };
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const lo = x.map((column) => Math.min(...column));
  const hi = x.map((column) => Math.max(...column));
  const limits = boxOf(sample, all, lo, hi);
  const trajectory = [limits];
  let members: Int32Array = all;
  for (;;) {
    let best:
      | {
          mean: number;
          removed: number;
          members: Int32Array;
          d: number;
          lo: boolean;
          bound: number;
        }
      | undefined;
    const m = Math.max(1, Math.floor(alpha * members.length));
    for (let d = 0; d < x.length; d++) {
      const column = x[d]!;
      const sorted = Float64Array.from(members, (i) => column[i]!).sort();
      for (const low of [true, false]) {
        // The last value removed; every point tied with it goes too.
        const edge = low ? sorted[m - 1]! : sorted[sorted.length - m]!;
        const kept = members.filter((i) => (low ? column[i]! > edge : column[i]! < edge));
        if (kept.length === 0 || kept.length / n < minSupport) continue;
        let hits = 0;
        for (const i of kept) hits += y[i]!;
        const mean = hits / kept.length;
        const removed = members.length - kept.length;
        if (
          best === undefined ||
          mean > best.mean ||
          (mean === best.mean && removed < best.removed)
        ) {
          let bound = low ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
          for (const i of kept)
            bound = low ? Math.min(bound, column[i]!) : Math.max(bound, column[i]!);
          best = { mean, removed, members: kept, d, lo: low, bound };
        }
      }
    }
    if (best === undefined) break;
    members = best.members;
    if (best.lo) lo[best.d] = best.bound;
    else hi[best.d] = best.bound;
    trajectory.push(boxOf(sample, members, lo, hi));
  }
  return { trajectory, limits };
}

/**
 * Pastes a peeled box (Friedman and Fisher 1999, section 5): each step considers, in every
 * dimension, widening the box downwards or upwards to take in the nearest `pasteAlpha`
 * fraction of its points (at least one, with ties) among the points outside it in that
 * dimension only, and makes the widening with the highest mean of y, as long as the mean
 * does not fall (ties: more cases taken in); it stops when every widening would lower the
 * mean. Pasting undoes peels that, with hindsight, cut off cases.
 *
 * @param x the points' coordinates, one column per dimension
 * @param y each point's case indicator
 * @param box a box of the peeling trajectory
 * @param options the pasting fraction
 * @returns the pasted box (the same box when no widening keeps the mean)
 */
export function pastePrimBox(
  x: readonly Float64Array[],
  y: Float64Array,
  box: PrimBox,
  options: PrimOptions = {},
): PrimBox {
  const alpha = options.pasteAlpha ?? 0.05;
  let cases = 0;
  for (const v of y) cases += v;
  const sample: Sample = { x, y, cases };
  const all = Int32Array.from({ length: y.length }, (_, i) => i);
  const lo = [...box.lo];
  const hi = [...box.hi];
  let members = inside(sample, all, lo, hi);
  let hits = 0;
  for (const i of members) hits += y[i]!;
  for (;;) {
    const mean = hits / members.length;
    const m = Math.max(1, Math.floor(alpha * members.length));
    let best: { mean: number; hits: number; d: number; lo: boolean; bound: number } | undefined;
    for (let d = 0; d < x.length; d++) {
      const column = x[d]!;
      // Points outside the box in dimension d only.
      const others = all.filter(
        (i) =>
          (column[i]! < lo[d]! || column[i]! > hi[d]!) &&
          x.every((c, e) => e === d || (c[i]! >= lo[e]! && c[i]! <= hi[e]!)),
      );
      for (const low of [true, false]) {
        const side = Float64Array.from(
          others.filter((i) => (low ? column[i]! < lo[d]! : column[i]! > hi[d]!)),
          (i) => column[i]!,
        ).sort();
        if (side.length === 0) continue;
        const bound = low
          ? side[Math.max(0, side.length - m)]!
          : side[Math.min(side.length, m) - 1]!;
        let added = 0;
        let addedHits = 0;
        for (const i of others) {
          const v = column[i]!;
          if (low ? v >= bound && v < lo[d]! : v <= bound && v > hi[d]!) {
            added++;
            addedHits += y[i]!;
          }
        }
        const newMean = (hits + addedHits) / (members.length + added);
        if (newMean < mean) continue;
        if (
          best === undefined ||
          newMean > best.mean ||
          (newMean === best.mean && addedHits > best.hits)
        ) {
          best = { mean: newMean, hits: addedHits, d, lo: low, bound };
        }
      }
    }
    if (best === undefined || (best.hits === 0 && best.mean === mean)) break;
    if (best.lo) lo[best.d] = best.bound;
    else hi[best.d] = best.bound;
    members = inside(sample, all, lo, hi);
    hits = 0;
    for (const i of members) hits += y[i]!;
  }
  return boxOf(sample, members, lo, hi);
}
