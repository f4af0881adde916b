/**
 * What a sweep will cost before it starts: the cells of its design (counted without building
 * them), the memory of one game and of the plan, and the work of one game and of the sweep.
 * Planning refuses what cannot fit, with the estimate and the limit, unless `--force`.
 * @module
 */
import { freemem, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { UserError } from '../errors.ts';
import { fixedCandidateCount } from '../negotiation/candidates.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Design, VariedParameter } from './designs/index.ts';

/**
 * The most cells a design may have unless forced: a sweep keeps every cell's sums in memory
 * and writes every cell's row of the cells tables at its end (planning a million cells takes
 * about a second).
 */
export const MAX_CELLS = 1_000_000;

/** Seconds per work unit of {@link runWork}, as measured on this project's reference machine. */
const SECONDS_PER_WORK = 2.5e-9;

/** The most work units (see {@link runWork}) one game may take unless forced: about 25 s. */
export const MAX_RUN_WORK = 1e10;

/**
 * The most bytes one game may take unless forced: a worker thread holds its game's buffers
 * and V8's heap beside the other workers (2 GB; a million constituents take about 0.25 GB).
 */
export const MAX_GAME_BYTES = 2 * 2 ** 30;

/** The most work units a whole sweep may take unless forced: some 8 years of one core. */
export const MAX_SWEEP_WORK = 1e17;

/** Memory of a worker thread besides its game: the module graph, V8's heap, the batch. */
const WORKER_BASE_BYTES = 100 * 2 ** 20;

/**
 * The number of cells a design has, counted from its definition without building them:
 * a grid has the product of its parameters' value counts, a one-at-a-time design its base
 * plus one cell per value, a Saltelli design `baseCells (k + 2)`, a Morris design the
 * `(k + 1)` points of each trajectory it draws (its candidates, when it has them), the sampled designs their
 * `cells`; `undefined` when unknown
 * (a design this function does not know, or one the design check will refuse).
 *
 * @example designSize([{ path: 'a', values: [1, 2] }, { path: 'b', values: [1, 2, 3] }], { kind: 'grid' }) // 6
 */
export function designSize(
  parameters: readonly VariedParameter[],
  design: Design,
): number | undefined {
  const counts = parameters.map((p) => (Array.isArray(p.values) ? p.values.length : undefined));
  switch (design?.kind) {
    case 'grid':
      return counts.every((n) => n !== undefined)
        ? counts.reduce<number>((a, n) => a * n!, 1)
        : undefined;
    case 'oat':
      return counts.every((n) => n !== undefined)
        ? counts.reduce<number>((a, n) => a + n!, 1)
        : undefined;
    case 'saltelli': {
      // N (k + 2) cells: matrices A and B and one A_B^(i) per parameter
      const base = (design as { baseCells?: unknown }).baseCells;
      return typeof base === 'number' ? base * (parameters.length + 2) : undefined;
    }
    case 'morris': {
      // at most r (k + 1) cells (trajectories share points), drawn from M >= r candidates
      const { trajectories, candidates } = design as {
        trajectories?: unknown;
        candidates?: unknown;
      };
      const drawn = typeof candidates === 'number' ? candidates : trajectories;
      return typeof drawn === 'number' ? drawn * (parameters.length + 1) : undefined;
    }
    default: {
      const cells = (design as { cells?: unknown })?.cells;
      return typeof cells === 'number' && Number.isFinite(cells) ? cells : undefined;
    }
  }
}

/** The sizes a game's buffers and loops grow with. */
function sizes(s: Scenario) {
  const N = s.countries.length;
  const D = s.space.D;
  const M = s.countries.reduce((a, c) => a + c.constituents.count, 0);
  const K = s.countries.reduce((a, c) => a + c.negotiator.beliefs.particles, 0);
  const G = fixedCandidateCount(s);
  return { N, D, M, K, G };
}

/**
 * Estimated bytes of one game's buffers (`createGame` and one play), in float64 words:
 * `8 [M (2D + 18) + K M (D + 9) + G (N^2 + N + D + 1)]`, with `M` the constituents of all
 * countries, `K` the particles of all negotiators (each imagines every country) and `G` the
 * candidates ({@link fixedCandidateCount}: `protocol.candidates`, single-issue about `D` times
 * as many) (measured: 160 bytes per constituent, 80 per particle-constituent and 64 per
 * candidate at D = 1, N = 2).
 */
export function gameBytes(s: Scenario): number {
  const { N, D, M, K, G } = sizes(s);
  return 8 * (M * (2 * D + 18) + K * M * (D + 9) + G * (N * N + N + D + 1));
}

/**
 * Estimated work units of one game (about a nanosecond each): drawing and voting over the
 * constituents and the particles, `M (1 + K) (D + 1)`, and the protocol's scans of the
 * candidates, `T G N^2`, for every session (`1 + reopen`), plus the horizon of voluntary
 * defection, `H M`.
 */
export function runWork(s: Scenario): number {
  const { N, D, M, K, G } = sizes(s);
  const sessions = 1 + s.reopen;
  return (
    sessions * (M * (1 + K) * (D + 1) + s.protocol.deadline * G * N * N) + s.defection.horizon * M
  );
}

/** Bytes in words: `1.3 GB`, `420 MB`. */
export function bytesText(bytes: number): string {
  return bytes >= 2 ** 30
    ? `${(bytes / 2 ** 30).toPrecision(3)} GB`
    : `${Math.ceil(bytes / 2 ** 20)} MB`;
}

/** A count in words: `2.56e+10`, `1,000`. */
function countText(n: number): string {
  return n >= 1e7 ? n.toExponential(2) : n.toLocaleString('en-US');
}

/** The memory a process may count on: half of this machine's, or what is free if more. */
export function memoryLimit(): number {
  return Math.max(totalmem() / 2, freemem());
}

const FORCE = 'pass --force to run it anyway';

/**
 * Refuses a design with more than {@link MAX_CELLS} cells, or more than the main thread's
 * heap can hold, before any cell is built (`perCell` bytes each).
 *
 * @throws UserError with the count, the estimate and the limit
 */
export function checkCellBudget(cells: number, perCell: number, source: string, force: boolean) {
  if (force) return;
  const heap = getHeapStatistics().heap_size_limit / 2;
  if (cells > MAX_CELLS || cells * perCell > heap) {
    throw new UserError(
      `${source}: design: ${countText(cells)} cells is more than a sweep can plan (at most ${countText(MAX_CELLS)} cells; these would take about ${bytesText(cells * perCell)} of memory, of ${bytesText(heap)} available to planning). Use fewer values or cells, or ${FORCE}.`,
    );
  }
}

/**
 * Refuses a scenario whose game does not fit in memory on `workers` threads at once (with
 * {@link gameBytes}), or takes longer than {@link MAX_RUN_WORK} units to play once.
 *
 * @param where where the scenario comes from, for the message (file, cell)
 * @param limit the memory the workers may use ({@link memoryLimit}; a plan reads it once)
 * @throws UserError with the estimate, what drives it and the limit
 */
export function checkGameBudget(
  s: Scenario,
  where: string,
  workers: number,
  force: boolean,
  limit = memoryLimit(),
) {
  if (force) return;
  const { N, D, M, K, G } = sizes(s);
  const drivers = () =>
    `${N} countries, ${countText(M)} constituents, ${countText(K)} particles, ${countText(G)} candidates, D = ${D}`;
  const game = gameBytes(s);
  const reduce = 'Reduce constituents.count, beliefs.particles or protocol.candidates';
  if (game > MAX_GAME_BYTES) {
    throw new UserError(
      `${where}: one game needs about ${bytesText(game)} of memory for ${drivers()}; at most ${bytesText(MAX_GAME_BYTES)} per game. ${reduce}, or ${FORCE}.`,
    );
  }
  const bytes = workers * (game + WORKER_BASE_BYTES);
  if (bytes > limit) {
    throw new UserError(
      `${where}: ${workers} workers at about ${bytesText(bytes / workers)} each (${drivers()}) need ${bytesText(bytes)}; more than the ${bytesText(limit)} this machine can give. ${reduce} or --workers, or ${FORCE}.`,
    );
  }
  const work = runWork(s);
  if (work > MAX_RUN_WORK) {
    throw new UserError(
      `${where}: one game would take about ${work.toExponential(1)} steps (some ${duration(work * SECONDS_PER_WORK)} on one core) for ${drivers()}, deadline ${s.protocol.deadline}, reopen ${s.reopen}; at most ${MAX_RUN_WORK.toExponential(0)} steps per game. Reduce them, or ${FORCE}.`,
    );
  }
}

/**
 * Refuses a sweep whose total work (runs times {@link runWork} of its costliest cell) is
 * more than {@link MAX_SWEEP_WORK} units.
 *
 * @throws UserError with the estimate and the limit
 */
export function checkSweepBudget(runs: number, work: number, source: string, force: boolean) {
  if (force || runs * work <= MAX_SWEEP_WORK) return;
  throw new UserError(
    `${source}: ${countText(runs)} runs of up to ${work.toExponential(1)} steps would take about ${duration(runs * work * SECONDS_PER_WORK)} of one core; at most ${MAX_SWEEP_WORK.toExponential(0)} steps per sweep. Use fewer cells or replications, or ${FORCE}.`,
  );
}

/** A duration in the largest fitting unit: `40 s`, `12 minutes`, `3.2 years`. */
function duration(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} minutes`;
  if (seconds < 2 * 86400) return `${Math.round(seconds / 3600)} hours`;
  if (seconds < 730 * 86400) return `${Math.round(seconds / 86400)} days`;
  return `${(seconds / 365 / 86400).toPrecision(2)} years`;
}
