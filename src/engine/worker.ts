/**
 * A sweep's worker (a piscina worker thread): plays a task, one or more batches of
 * replications (each of one cell), and for each batch writes its run files (encoded, checked
 * and written here, so the main thread only journals) and returns its running sums and the
 * files' SHA-256. It keeps the last cell's game (`createGame`), so consecutive batches of a
 * cell reuse its buffers. It imports the game and the columns, and the codecs only when the
 * sweep keeps run files; not piscina (its `workerData` is Node's), so a thread starts
 * without loading the pool's code. A task's result is a few hundred bytes per batch.
 * @module
 */

import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';
import { shown } from '../errors.ts';
import { createGame } from '../negotiation/game.ts';
import type { Protocol } from '../negotiation/protocols/protocol.ts';
import { loadProtocolModule, registerProtocol } from '../negotiation/protocols/registry.ts';
import type { TableFormat } from '../results/codecs/codec.ts';
import type { Scenario } from '../scenario/schema.ts';
import { RunBatch, type RunLayout } from './columns.ts';
import { runSeed } from './seeds.ts';

/** What every task of a sweep shares, sent once per worker. */
export interface SweepData {
  masterSeed: string | number;
  crn: boolean;
  layout: RunLayout;
  /** The results folder (absolute), into which the run files are written. */
  out: string;
  /** The run files' formats (`--runs`; none for `--runs none`). */
  formats: readonly TableFormat[];
}

/**
 * One batch of a task: replications `first .. first + count - 1` of a cell, with the cell's
 * validated scenario (so workers need no schema), stored as batch number `batch`.
 */
export interface TaskBatch {
  cell: number;
  key: string;
  scenario: Scenario;
  batch: number;
  first: number;
  count: number;
}

/** One task: batches played one after another. */
export interface BatchTask {
  batches: readonly TaskBatch[];
  /**
   * Whether to write the batches' run files; false when the main thread replays single
   * replications to find the one that fails, which are not results.
   */
  store: boolean;
  /**
   * Shared with the main thread: the batch (index into `batches`) and the replication being
   * played, so that a task stopped by the watchdog can be reported by its replication and seed.
   */
  playing: Int32Array;
}

/** What a batch returns: its sums and the SHA-256 of its run files by path in the folder. */
export interface BatchOutcome {
  sums: Float64Array;
  files: Record<string, string>;
}

/** What a task returns: each batch's outcome, in order, and the seconds the task took here. */
export interface BatchResult {
  batches: BatchOutcome[];
  seconds: number;
}

const sweep = workerData as SweepData;

/**
 * Loads a scenario's own protocol module (its path is absolute, see plan.ts) as the main
 * thread does, in any package and with top-level await where the package allows it (a
 * `"type": "module"` package or a `.mts` file). Compiled (dist/engine/worker.js) through
 * `loadProtocolModule`.
 */
async function loadProtocol(scenario: Scenario) {
  const { module, name } = scenario.protocol;
  if (module === undefined) return;
  if (compiled) return loadProtocolModule(scenario);
  await tsxHooks();
  const loaded = (await import(pathToFileURL(module).href)) as { default?: Protocol };
  registerProtocol(loaded.default!, name);
}
const compiled = import.meta.url.endsWith('.js');
/**
 * From the sources under tsx a worker thread runs as CommonJS and tsx's ESM hooks do not
 * reach a dynamic import: they are registered first, once.
 */
const tsxHooks = () => (registered ??= import('tsx/esm/api').then((tsx) => void tsx.register()));
let registered: Promise<void> | undefined;
let current: { cell: number; game: ReturnType<typeof createGame> } | undefined;
/** store.ts and the codecs, loaded with the first batch that writes run files. */
let store: Promise<typeof import('./store.ts')> | undefined;

/**
 * Plays one batch and writes its run files. A game that throws is reported with the cell,
 * replication and seed, so it can be replayed with `twolevel simulate --seed`.
 */
async function playOne(b: TaskBatch, index: number, task: BatchTask): Promise<BatchOutcome> {
  if (current?.cell !== b.cell) {
    await loadProtocol(b.scenario);
    current = { cell: b.cell, game: createGame(b.scenario) };
  }
  const keepRuns = task.store && sweep.formats.length > 0;
  const batch = new RunBatch(sweep.layout, b.count, keepRuns);
  const seeds: string[] = [];
  Atomics.store(task.playing, 0, index);
  for (let i = 0; i < b.count; i++) {
    const replication = b.first + i;
    const seed = runSeed(sweep.masterSeed, b.key, replication, sweep.crn);
    if (keepRuns) seeds.push(seed);
    Atomics.store(task.playing, 1, replication);
    try {
      batch.record(i, current.game.play(seed));
    } catch (error) {
      const message = error instanceof Error ? error.message : `it threw ${shown(error)}`;
      throw new Error(`replication ${replication} (seed ${seed}): ${message}`);
    }
  }
  if (!keepRuns) return { sums: batch.sums, files: {} };
  store ??= compiled ? import('./store.ts') : tsxHooks().then(() => import('./store.ts'));
  const { writeRunFiles } = await store;
  const rows = { cell: b.cell, first: b.first, seeds, columns: batch.columns() };
  return {
    sums: batch.sums,
    files: writeRunFiles(sweep.out, sweep.formats, sweep.layout, b.batch, rows),
  };
}

/** Plays a task's batches in order; see {@link playOne}. */
export default async function playTask(task: BatchTask): Promise<BatchResult> {
  const start = performance.now();
  const batches: BatchOutcome[] = [];
  for (let k = 0; k < task.batches.length; k++) {
    batches.push(await playOne(task.batches[k]!, k, task));
  }
  return { batches, seconds: (performance.now() - start) / 1000 };
}
