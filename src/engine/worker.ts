/**
 * A sweep's worker (a piscina worker thread): plays a batch of replications of one cell
 * and returns their columns and running sums as typed arrays. It keeps the last cell's game
 * (`createGame`), so consecutive batches of a cell reuse its buffers. It imports the game
 * and the columns, nothing else: not piscina (its `workerData` is Node's), so a thread
 * starts without loading the pool's code; a batch's result (some 20 KB for 200 runs) is
 * copied to the main thread, which costs microseconds against the batch's milliseconds.
 * @module
 */

import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';
import { shown } from '../errors.ts';
import { createGame } from '../negotiation/game.ts';
import type { Protocol } from '../negotiation/protocols/protocol.ts';
import { loadProtocolModule, registerProtocol } from '../negotiation/protocols/registry.ts';
import type { Scenario } from '../scenario/schema.ts';
import { RunBatch, type RunLayout } from './columns.ts';
import { runSeed } from './seeds.ts';

/** What every task of a sweep shares, sent once per worker. */
export interface SweepData {
  masterSeed: string | number;
  crn: boolean;
  layout: RunLayout;
  keepRuns: boolean;
}

/**
 * One task: replications `first .. first + count - 1` of a cell, with the cell's validated
 * scenario (so workers need no schema).
 */
export interface BatchTask {
  cell: number;
  key: string;
  scenario: Scenario;
  first: number;
  count: number;
  /**
   * Shared with the main thread: the replication being played, so that a batch stopped by
   * the watchdog can be reported by its replication and seed.
   */
  playing: Int32Array;
}

/**
 * What a task returns: the batch's sums and (unless `--runs none`) its run columns and
 * seeds (16 ASCII hex digits per run, back to back).
 */
export interface BatchResult {
  sums: Float64Array;
  columns: Record<string, Uint8Array | Int32Array | Float64Array>;
  seeds: Uint8Array;
}

const ascii = new TextEncoder();

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
  if (import.meta.url.endsWith('.js')) return loadProtocolModule(scenario);
  // From the sources under tsx a worker thread runs as CommonJS and tsx's ESM hooks do not
  // reach it: they are registered here first.
  tsxHooks ??= import('tsx/esm/api').then((tsx) => void tsx.register());
  await tsxHooks;
  const loaded = (await import(pathToFileURL(module).href)) as { default?: Protocol };
  registerProtocol(loaded.default!, name);
}
let tsxHooks: Promise<void> | undefined;
let current: { cell: number; game: ReturnType<typeof createGame> } | undefined;

/**
 * Plays one batch. A game that throws is reported with the cell, replication and seed, so
 * it can be replayed with `twolevel simulate --seed`.
 */
export default async function playBatch(task: BatchTask): Promise<BatchResult> {
  if (current?.cell !== task.cell) {
    await loadProtocol(task.scenario);
    current = { cell: task.cell, game: createGame(task.scenario) };
  }
  const batch = new RunBatch(sweep.layout, task.count, sweep.keepRuns);
  const seeds = new Uint8Array(sweep.keepRuns ? 16 * task.count : 0);
  for (let i = 0; i < task.count; i++) {
    const replication = task.first + i;
    const seed = runSeed(sweep.masterSeed, task.key, replication, sweep.crn);
    if (sweep.keepRuns) ascii.encodeInto(seed, seeds.subarray(16 * i));
    Atomics.store(task.playing, 0, replication);
    try {
      batch.record(i, current.game.play(seed));
    } catch (error) {
      const message = error instanceof Error ? error.message : `it threw ${shown(error)}`;
      throw new Error(`replication ${replication} (seed ${seed}): ${message}`);
    }
  }
  return { sums: batch.sums, columns: batch.columns(), seeds };
}
