import { UserError } from '../../errors.ts';
import { type CellValue, cellKey } from '../seeds.ts';
import type { Cell, MorrisDesign, VariedParameter } from './types.ts';
import { parameterField, shown } from './validate.ts';

/**
 * One Morris trajectory on a p-level grid: k + 1 points, each the one before with one
 * parameter moved by delta. `levels[s * k + i]` is parameter i's grid level (0..p-1) at point
 * s; step s (1..k) moves parameter `order[s - 1]`, up when `up[s - 1]` is 1, down when 0.
 */
export interface MorrisTrajectory {
  levels: Int32Array;
  order: Int32Array;
  up: Uint8Array;
}

/** The most work the Campolongo selection may do (pairs of candidate points times k). */
export const MORRIS_MAX_DISTANCE_WORK = 4e9;

/** The most subsets of candidates the selection enumerates exactly; beyond, a local search. */
export const MORRIS_EXACT_SUBSETS = 200_000;

/**
 * The step of a p-level Morris grid in the unit cube: `delta = p / (2 (p - 1))`, i.e. `p / 2`
 * grid levels (Morris 1991, section 3; Saltelli et al. 2008, Global Sensitivity Analysis:
 * The Primer, section 3.3). With p even, every level `x <= 1 - delta` has `x + delta` on the
 * grid too, and the points a trajectory visits are spread evenly over the levels.
 *
 * @example morrisDelta(4); // 2 / 3
 */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/**
 * A trajectory from its base point, directions and order (Morris 1991, eq. 3.1:
 * `B* = (J x* + (delta / 2) [(2B - J) D* + J]) P*`, written level by level): parameter i
 * starts at level `base[i]` (in 0..p/2 - 1) when it moves up and at `base[i] + p/2` when it
 * moves down, and at step s the parameter `order[s - 1]` moves by p/2 levels, so it ends at
 * the other of the two.
 *
 * @param base each parameter's lower level, in 0..p/2 - 1
 * @param up 1 where the parameter moves up (D*_ii = +1), 0 where down
 * @param order the parameters in the order they move (P*), a permutation of 0..k-1
 * @param levels p, even
 * @example
 * morrisTrajectory([0, 1], [1, 0], [1, 0], 4).levels; // (0, 3), (0, 1), (2, 1)
 */
export function morrisTrajectory(
  base: ArrayLike<number>,
  up: ArrayLike<number>,
  order: ArrayLike<number>,
  levels: number,
): MorrisTrajectory {
  const k = base.length;
  const half = levels / 2;
  const out = new Int32Array((k + 1) * k);
  for (let i = 0; i < k; i++) out[i] = base[i]! + (up[i] ? 0 : half);
  for (let s = 1; s <= k; s++) {
    out.copyWithin(s * k, (s - 1) * k, s * k);
    const i = order[s - 1]!;
    out[s * k + i] = out[s * k + i]! + (up[i] ? half : -half);
  }
  return {
    levels: out,
    order: Int32Array.from(order),
    up: Uint8Array.from({ length: k }, (_, s) => up[order[s]!]!),
  };
}

/**
 * A random trajectory (Morris 1991): for each parameter in turn a base level uniform in
 * 0..p/2 - 1 and a direction (up when `random() < 0.5`), then a uniform order of the
 * parameters (Fisher-Yates).
 */
export function randomTrajectory(k: number, levels: number, random: () => number) {
  const base = new Int32Array(k);
  const up = new Uint8Array(k);
  for (let i = 0; i < k; i++) {
    base[i] = Math.floor(random() * (levels / 2));
    up[i] = random() < 0.5 ? 1 : 0;
  }
  const order = Int32Array.from({ length: k }, (_, i) => i);
  for (let i = k - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return morrisTrajectory(base, up, order, levels);
}

/**
 * Campolongo, Cariboni and Saltelli's (2007) distance between two trajectories: the sum over
 * every pair of their points of the Euclidean distance in the unit cube,
 * `d_ml = sum_i sum_j sqrt(sum_z (X_i^(m)(z) - X_j^(l)(z))^2)` (levels / (p - 1)).
 */
export function trajectoryDistance(
  a: MorrisTrajectory,
  b: MorrisTrajectory,
  k: number,
  levels: number,
): number {
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    for (let j = 0; j <= k; j++) {
      let squares = 0;
      for (let z = 0; z < k; z++) {
        const d = a.levels[i * k + z]! - b.levels[j * k + z]!;
        squares += d * d;
      }
      sum += Math.sqrt(squares);
    }
  }
  return sum / (levels - 1);
}

/** The spread of a set of trajectories: `D^2 = sum over pairs m < l of d_ml^2`. */
export function spread(chosen: readonly number[], squared: Float64Array, count: number): number {
  let sum = 0;
  for (let a = 0; a < chosen.length; a++) {
    for (let b = a + 1; b < chosen.length; b++) sum += squared[chosen[a]! * count + chosen[b]!]!;
  }
  return sum;
}

/** C(n, r), or Infinity once it exceeds `limit`. */
function subsets(n: number, r: number, limit: number): number {
  let c = 1;
  for (let i = 1; i <= r; i++) {
    c = (c * (n - r + i)) / i;
    if (c > limit) return Number.POSITIVE_INFINITY;
  }
  return Math.round(c);
}

/**
 * Campolongo et al.'s (2007) selection: the `r` of `M` candidate trajectories with the largest
 * spread `D^2 = sum_{m<l} d_ml^2` ({@link trajectoryDistance}, {@link spread}). Every subset is
 * tried when there are at most `exactLimit` (ties: the first in lexicographic order); beyond,
 * a local search: drop, one at a time, the candidate whose squared distances to those left
 * sum least, then exchange a chosen for an unchosen candidate while an exchange raises D^2
 * (a local optimum, not always the global one; the test measures the gap).
 *
 * @param squared the M x M matrix of squared distances d_ml^2, row-major
 * @param count M
 * @param r how many to choose, 1 <= r <= M
 * @param exactLimit most subsets enumerated (default {@link MORRIS_EXACT_SUBSETS})
 * @returns the chosen candidates' indices, ascending
 */
export function selectSpread(
  squared: Float64Array,
  count: number,
  r: number,
  exactLimit = MORRIS_EXACT_SUBSETS,
): number[] {
  if (subsets(count, r, exactLimit) <= exactLimit) {
    const pick = Array.from({ length: r }, (_, i) => i);
    let best = pick.slice();
    let bestSpread = spread(pick, squared, count);
    for (;;) {
      let i = r - 1;
      while (i >= 0 && pick[i] === count - r + i) i--;
      if (i < 0) return best;
      pick[i]!++;
      for (let j = i + 1; j < r; j++) pick[j] = pick[j - 1]! + 1;
      const value = spread(pick, squared, count);
      if (value > bestSpread) {
        bestSpread = value;
        best = pick.slice();
      }
    }
  }
  const kept = new Uint8Array(count).fill(1);
  // toKept[m]: sum of d_ml^2 over the kept l (m itself adds 0).
  const toKept = new Float64Array(count);
  for (let m = 0; m < count; m++) {
    for (let l = 0; l < count; l++) toKept[m]! += squared[m * count + l]!;
  }
  for (let left = count; left > r; left--) {
    let drop = -1;
    for (let m = 0; m < count; m++) {
      if (kept[m] && (drop < 0 || toKept[m]! < toKept[drop]!)) drop = m;
    }
    kept[drop] = 0;
    for (let m = 0; m < count; m++) toKept[m]! -= squared[m * count + drop]!;
  }
  for (let improved = true; improved; ) {
    improved = false;
    for (let a = 0; a < count && !improved; a++) {
      if (!kept[a]) continue;
      for (let b = 0; b < count; b++) {
        if (kept[b]) continue;
        // Swapping a out and b in changes D^2 by (toKept[b] - d_ab^2) - toKept[a].
        if (toKept[b]! - squared[a * count + b]! - toKept[a]! > 1e-12 * toKept[a]!) {
          kept[a] = 0;
          kept[b] = 1;
          for (let m = 0; m < count; m++) {
            toKept[m]! += squared[m * count + b]! - squared[m * count + a]!;
          }
          improved = true;
          break;
        }
      }
    }
  }
  return [...kept.keys()].filter((m) => kept[m]);
}

/**
 * The unit coordinate of a parameter's value on a Morris grid: `(v - lo) / (hi - lo)`, in
 * `log` on a log scale (the inverse of {@link morrisValue}).
 */
export function morrisUnit(parameter: VariedParameter, value: number): number {
  const [lo, hi] = parameter.range!;
  return parameter.scale === 'log'
    ? Math.log(value / lo) / Math.log(hi / lo)
    : (value - lo) / (hi - lo);
}

/**
 * The value of grid level `level` of `levels` (unit coordinate `u = level / (p - 1)`):
 * `lo + u (hi - lo)`, or `lo (hi / lo)^u` on a log scale, so that level 0 is `lo` and level
 * p - 1 is `hi` exactly; an integer parameter's value is rounded (half up).
 */
export function morrisValue(parameter: VariedParameter, level: number, levels: number): number {
  const [lo, hi] = parameter.range!;
  if (level === 0) return lo;
  if (level === levels - 1) return hi;
  const u = level / (levels - 1);
  const x = parameter.scale === 'log' ? lo * (hi / lo) ** u : lo + u * (hi - lo);
  return parameter.integer ? Math.round(x) : x;
}

/**
 * Checks the parameters and options of a Morris design.
 *
 * @throws UserError naming the parameter or design field at fault and what would be valid
 */
function checkMorris(parameters: readonly VariedParameter[], design: MorrisDesign) {
  const { trajectories, levels, candidates } = design;
  if (parameters.length === 0) {
    throw new UserError('parameters: a morris design needs at least one varied parameter');
  }
  if (typeof trajectories !== 'number' || !Number.isInteger(trajectories) || trajectories < 2) {
    throw new UserError(
      `design.trajectories: expected an integer >= 2 (sigma needs two elementary effects per parameter), got ${shown(trajectories)}`,
    );
  }
  if (typeof levels !== 'number' || !Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new UserError(
      `design.levels: expected an even integer >= 2 (p; 4 is usual), got ${shown(levels)}`,
    );
  }
  if (
    candidates !== undefined &&
    (typeof candidates !== 'number' || !Number.isInteger(candidates) || candidates < trajectories)
  ) {
    throw new UserError(
      `design.candidates: expected an integer >= trajectories (${trajectories}), the candidate trajectories Campolongo's selection chooses from, got ${shown(candidates)}`,
    );
  }
  const k = parameters.length;
  const m = candidates ?? 0;
  if ((m * m * (k + 1) * (k + 1) * k) / 2 > MORRIS_MAX_DISTANCE_WORK) {
    throw new UserError(
      `design.candidates: ${m} candidates of ${k + 1} points in ${k} dimensions need ${((m * m * (k + 1) ** 2 * k) / 2).toExponential(1)} distance terms; at most ${MORRIS_MAX_DISTANCE_WORK.toExponential(0)} (use fewer candidates)`,
    );
  }
  const half = levels / 2;
  parameters.forEach((parameter, i) => {
    if (parameter.range === undefined) {
      throw new UserError(
        `${parameterField(i, parameter, 'range')}: a morris design moves each parameter over a grid of its range, so it needs 'range' ([lo, hi]), not only 'values'`,
      );
    }
    if (!parameter.integer) return;
    for (let level = 0; level < half; level++) {
      const a = morrisValue(parameter, level, levels);
      const b = morrisValue(parameter, level + half, levels);
      if (a === b) {
        throw new UserError(
          `${parameterField(i, parameter, 'range')}: on ${levels} levels, grid levels ${level} and ${level + half} of this integer range both round to ${a}, so a step would not move it; use fewer levels or a wider range`,
        );
      }
    }
  });
}

/**
 * The trajectories of a Morris design (Morris 1991): `trajectories` = r random trajectories
 * ({@link randomTrajectory}) on a `levels` = p grid, or, with `candidates` = M, the r of M
 * random candidates that Campolongo, Cariboni and Saltelli's (2007) selection spreads widest
 * ({@link selectSpread}), in the order they were drawn. Deterministic given `random`.
 *
 * @param parameters checked parameters, each with a `range`
 * @param design the Morris design
 * @param random a uniform generator on [0, 1), e.g. `seedrandom.alea(designSeed(master))`
 * @throws UserError naming a field at fault (see the design's checks)
 */
export function morrisTrajectories(
  parameters: readonly VariedParameter[],
  design: MorrisDesign,
  random: () => number,
): MorrisTrajectory[] {
  checkMorris(parameters, design);
  const k = parameters.length;
  const { trajectories: r, levels } = design;
  const count = design.candidates ?? r;
  const drawn = Array.from({ length: count }, () => randomTrajectory(k, levels, random));
  if (count === r) return drawn;
  const squared = new Float64Array(count * count);
  for (let m = 0; m < count; m++) {
    for (let l = m + 1; l < count; l++) {
      const d = trajectoryDistance(drawn[m]!, drawn[l]!, k, levels);
      squared[m * count + l] = d * d;
      squared[l * count + m] = d * d;
    }
  }
  return selectSpread(squared, count, r).map((m) => drawn[m]!);
}

/** The parameter values of point `s` of a trajectory. */
export function trajectoryPoint(
  parameters: readonly VariedParameter[],
  trajectory: MorrisTrajectory,
  s: number,
  levels: number,
): Record<string, CellValue> {
  const k = parameters.length;
  const values: Record<string, CellValue> = {};
  parameters.forEach((parameter, i) => {
    values[parameter.path] = morrisValue(parameter, trajectory.levels[s * k + i]!, levels);
  });
  return values;
}

/**
 * The cells of a Morris design: the points of its trajectories ({@link morrisTrajectories})
 * in order, trajectory by trajectory, mapped to the parameters' values ({@link morrisValue}).
 * A point two trajectories share is one cell (its games would be the same: runs are seeded by
 * the cell's values), so there are at most r (k + 1) cells. The analysis finds each
 * trajectory's cells again by their values ({@link morrisTrajectories} with the same seed).
 *
 * @example
 * // 2 trajectories of 2 parameters on 4 levels: at most 6 cells, each step one parameter by 2/3
 * morrisCells([{ path: 'a', range: [0, 1] }, { path: 'b', range: [0, 1] }], { kind: 'morris', trajectories: 2, levels: 4 }, random);
 */
export function morrisCells(
  parameters: readonly VariedParameter[],
  design: MorrisDesign,
  random: () => number,
): Cell[] {
  const cells: Cell[] = [];
  const seen = new Set<string>();
  for (const trajectory of morrisTrajectories(parameters, design, random)) {
    for (let s = 0; s <= parameters.length; s++) {
      const values = trajectoryPoint(parameters, trajectory, s, design.levels);
      const key = cellKey(values);
      if (seen.has(key)) continue;
      seen.add(key);
      cells.push({ index: cells.length, values });
    }
  }
  return cells;
}
