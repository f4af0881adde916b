import type { CellValue } from '../seeds.ts';

/**
 * A scenario parameter varied by a sweep. `path` is a dotted path into the scenario
 * (e.g. `countries.B.ratification.quota`); the designs treat it as an opaque key.
 *
 * - `values`: the levels a `grid` or `oat` design takes, and the set a `random`, `lhs`
 *   or `sobol` design chooses from when there is no `range`.
 * - `range`: `[lo, hi]`, `lo < hi`, sampled by `random`, `lhs` and `sobol` designs;
 *   `scale: 'log'` samples uniformly in `log x` (needs `lo > 0`).
 * - `integer`: sampled values are rounded, with the range widened by one half at each
 *   end, `[lo - 1/2, hi + 1/2]`, so that on a linear scale each integer of `[lo, hi]`
 *   gets an equal share (the bounds must then be integers).
 * - `base`: the value the `oat` design holds the parameter at while it varies others.
 * - `alternatives`: named objects for a path that ends at an object of the scenario
 *   (`countries.B.ratification`); the levels are their names, and a cell's scenario holds
 *   the object its name stands for. The designs see only the names.
 */
export interface VariedParameter {
  path: string;
  values?: readonly CellValue[];
  alternatives?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  range?: readonly [number, number];
  integer?: boolean;
  scale?: 'linear' | 'log';
  base?: CellValue;
}

/** Full factorial over every parameter's `values`, the last parameter varying fastest. */
export interface GridDesign {
  kind: 'grid';
}

/** `cells` independent points, each parameter uniform over its range (or its values). */
export interface RandomDesign {
  kind: 'random';
  cells: number;
}

/**
 * Latin hypercube (McKay, Beckman and Conover 1979): each parameter's range cut into
 * `cells` equal strata with exactly one point in each, at a uniform position inside its
 * stratum, strata paired across parameters by independent random permutations.
 */
export interface LatinHypercubeDesign {
  kind: 'lhs';
  cells: number;
}

/**
 * Points `skip .. skip + cells - 1` of the Sobol sequence scaled to the parameters'
 * ranges: no seed, and best balanced when `cells` is a power of two.
 */
export interface SobolDesign {
  kind: 'sobol';
  cells: number;
  skip?: number;
}

/**
 * One at a time (Morris-style local sensitivity without the random walk): the base
 * point, then each parameter's `values` in turn with all other parameters at `base`.
 */
export interface OneAtATimeDesign {
  kind: 'oat';
}

/**
 * Saltelli's design for Sobol sensitivity indices (Saltelli et al. 2010): `baseCells` = N
 * base points of a digitally shifted Sobol sequence, N (k + 2) cells for k parameters, all
 * continuous (`range`); `twolevel sensitivity` computes the indices from its cells.
 */
export interface SaltelliDesign {
  kind: 'saltelli';
  baseCells: number;
}

/**
 * Morris's elementary effects design (Morris 1991): `trajectories` = r trajectories of k + 1
 * points on a `levels` = p grid (p even), each point the one before with one parameter moved
 * by delta = p / (2 (p - 1)) of its range; with `candidates` = M, the r of M random
 * trajectories spread widest (Campolongo, Cariboni and Saltelli 2007). At most r (k + 1)
 * cells (a point two trajectories share is one cell); all parameters need a `range`;
 * `twolevel sensitivity` computes mu, mu* and sigma from its cells.
 */
export interface MorrisDesign {
  kind: 'morris';
  trajectories: number;
  levels: number;
  candidates?: number;
}

/** How a sweep chooses the cells of an experiment. */
export type Design =
  | GridDesign
  | RandomDesign
  | LatinHypercubeDesign
  | SobolDesign
  | SaltelliDesign
  | MorrisDesign
  | OneAtATimeDesign;

/** One cell of a design: its position and its parameter values by path. */
export interface Cell {
  index: number;
  values: Record<string, CellValue>;
}

/**
 * One parameter's values in every cell of a design: `values[i]` is cell `i`'s number, or with
 * `levels`, the position of its value in `levels`.
 */
export interface DesignColumn {
  values: Float64Array;
  levels?: readonly CellValue[];
}

/** A design's cells column by column: `size` cells, one column per parameter path. */
export interface DesignTable {
  size: number;
  paths: string[];
  columns: DesignColumn[];
}
