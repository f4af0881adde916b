/**
 * The candidate agreements of a Level I session (docs/MODEL.md section 4, "Candidates"):
 * in one dimension the fixed grid merged with the ends of every believed win-set; when
 * `D > 1` the fixed Sobol points.
 * @module
 */

import { sobolPoints } from '../model/sobol.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { GameState } from './state.ts';

/** Coordinate `d` of the reversion every country shares under `protocol.singleIssue`. */
function commonReversion(scenario: Scenario): (d: number) => number {
  const q = scenario.countries[0]!.reversion as number | number[];
  return (d) => (typeof q === 'number' ? q : q[d]!);
}

/**
 * The number of fixed candidates ({@link fixedCandidates}): `G`, or with `protocol.singleIssue`
 * (`D > 1`) `D G` less one for each issue `d > 0` whose reversion `q_d` lies on the grid (where
 * it repeats the reversion kept on issue 0): `D G - (D - 1)` when every `q_d` does.
 *
 * @param scenario a validated scenario
 * @returns the number of candidates
 * @example
 * fixedCandidateCount(scenario); // 5 for D = 2, G = 3, q = (0, 0), single-issue
 */
export function fixedCandidateCount(scenario: Scenario): number {
  const { D, lo, hi } = scenario.space;
  const G = scenario.protocol.candidates;
  if (D === 1 || !scenario.protocol.singleIssue) return G;
  const reversion = commonReversion(scenario);
  let count = D * G;
  for (let d = 1; d < D; d++) {
    for (let g = 0; g < G; g++) if (lo + ((hi - lo) * g) / (G - 1) === reversion(d)) count--;
  }
  return count;
}

/**
 * The fixed candidates of a scenario (MODEL.md section 4, "Candidates"), `G * D` numbers:
 * - `D = 1`: `G` evenly spaced points of `[lo, hi]`;
 * - `D > 1`, packages (the default): the first `G` Sobol points scaled to the box;
 * - `D > 1` with `protocol.singleIssue` (MODEL.md section 9.6): for each issue `d` in turn, the
 *   `G` evenly spaced values `lo + (hi - lo) g / (G - 1)` of `x_d` with every other coordinate
 *   at the common reversion `q`, the reversion itself kept once (on issue 0): at most `D G`
 *   candidates, each moving one issue.
 *
 * @param scenario a validated scenario
 * @returns the candidates, row-major
 * @example
 * // D = 2, G = 3, q = (0, 0), single-issue: (0,0) (0.5,0) (1,0) (0,0.5) (0,1)
 * fixedCandidates(scenario);
 */
export function fixedCandidates(scenario: Scenario): Float64Array {
  const { D, lo, hi } = scenario.space;
  const G = scenario.protocol.candidates;
  const value = (g: number) => lo + ((hi - lo) * g) / (G - 1);
  if (D === 1) return Float64Array.from({ length: G }, (_, g) => value(g));
  if (!scenario.protocol.singleIssue) {
    const grid = sobolPoints(G, D);
    for (let t = 0; t < grid.length; t++) grid[t] = lo + (hi - lo) * grid[t]!;
    return grid;
  }
  const reversion = commonReversion(scenario);
  const points: number[] = [];
  for (let d = 0; d < D; d++) {
    for (let g = 0; g < G; g++) {
      const x = value(g);
      if (d > 0 && x === reversion(d)) continue;
      for (let e = 0; e < D; e++) points.push(e === d ? x : reversion(e));
    }
  }
  return Float64Array.from(points);
}

/**
 * Builds the session's candidates into `table.candidates` and `table.count`. One dimension:
 * the `G` grid points and the ends of every active particle's win-set, sorted and distinct
 * (the tables grow when they must). `D > 1`: the `G` scaled Sobol points.
 *
 * @param s the game state, its beliefs drawn
 * @example
 * buildCandidates(state); // state.table.count >= G
 */
export function buildCandidates(s: GameState) {
  const { N, D, table, beliefs } = s;
  const { grid } = table;
  if (D !== 1) {
    table.count = grid.length / D;
    return;
  }
  let e = 0;
  for (let b = 0; b < N * N; b++) {
    for (let p = 0; p < beliefs.active[b]!; p++) {
      const iv = beliefs.intervals[b]![p]!;
      if (e + 2 * iv.count > table.endpoints.length) {
        const grown = new Float64Array(2 * (e + 2 * iv.count));
        grown.set(table.endpoints);
        table.endpoints = grown;
      }
      for (let t = 0; t < iv.count; t++) {
        table.endpoints[e++] = iv.lo[t]!;
        table.endpoints[e++] = iv.hi[t]!;
      }
    }
  }
  const ends = table.endpoints;
  // a few ends (two per interval of each particle): insertion sort, in place
  for (let t = 1; t < e; t++) {
    const x = ends[t]!;
    let u = t - 1;
    for (; u >= 0 && ends[u]! > x; u--) ends[u + 1] = ends[u]!;
    ends[u + 1] = x;
  }
  if (table.candidates.length < grid.length + e) growTables(s, grid.length + e);
  const out = table.candidates;
  const G = grid.length;
  let n = 0;
  let g = 0;
  // the last candidate written (NaN, equal to none, before the first)
  let last = Number.NaN;
  for (let t = 0; t <= e; t++) {
    // the grid points up to the next end (one equal to it is kept as the grid's), then the end
    const end = t < e ? ends[t]! : Number.POSITIVE_INFINITY;
    for (; g < G && grid[g]! <= end; g++) {
      const x = grid[g]!;
      if (x !== last) out[n++] = last = x;
    }
    if (t < e && end !== last) out[n++] = last = end;
  }
  table.count = n;
}

/** Replaces the candidate, belief and gain tables by ones of `capacity` candidates. */
function growTables(s: GameState, capacity: number) {
  const { table } = s;
  table.candidates = new Float64Array(capacity);
  for (let b = 0; b < table.believed.length; b++) table.believed[b] = new Float64Array(capacity);
  for (let i = 0; i < s.N; i++) table.gain[i] = new Float64Array(capacity);
}

/**
 * Candidate `c` as a point, copied into the state's scratch point (valid until the next call).
 *
 * @param s the game state
 * @param c the candidate's index
 * @returns `D` coordinates
 * @example
 * candidatePoint(state, 0); // the first candidate
 */
export function candidatePoint(s: GameState, c: number): Float64Array {
  const { D, scratch } = s;
  const candidates = s.table.candidates;
  for (let d = 0; d < D; d++) scratch.point[d] = candidates[c * D + d]!;
  return scratch.point;
}
