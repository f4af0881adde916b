import { existsSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { UserError } from '../errors.ts';
import { loadProtocolModule } from '../negotiation/protocols/registry.ts';
import { addSums, sumsLength } from './columns.ts';
import type { Experiment } from './experiment.ts';
import { createManifest, type Manifest, readManifest, writeManifest } from './manifest.ts';
import {
  batchRange,
  cellScenario,
  type Plan,
  type PlannedCell,
  type PlanOptions,
  planExperiment,
} from './plan.ts';
import { createProgress, type ProgressMode } from './progress.ts';
import { runSeed } from './seeds.ts';
import {
  appendJournal,
  clearFolder,
  encodeTable,
  JOURNAL,
  prepareFolder,
  readJournal,
  runFileName,
  writeAtomic,
  writeCells,
  writeReadme,
} from './store.ts';
import type { BatchResult, BatchTask, SweepData } from './worker.ts';

/** How to run a sweep (what it computes is the experiment's and the plan options'). */
export interface RunOptions extends PlanOptions {
  /** Output folder; default `results/<experiment name>`. */
  out?: string;
  /** Worker threads; default one per core. */
  workers?: number;
  /** Discard the results of a different definition in `out` instead of refusing. */
  force?: boolean;
  /** Default: a bar when standard error is a terminal, plain lines otherwise. */
  progress?: ProgressMode;
}

/** What a sweep did. */
export interface RunSummary {
  out: string;
  runsTotal: number;
  runsDone: number;
  /** Runs done by this session (0 when the folder was already complete). */
  runsThisSession: number;
  seconds: number;
  runsPerSecond: number;
}

/** A sweep that stopped because a batch failed twice; finished work is kept in the folder. */
export class RunFailedError extends UserError {
  override name = 'RunFailedError';
}

/** The folder's finished batches: sums by cell, then batch; batches without run file are dropped. */
function finishedBatches(plan: Plan, out: string) {
  const done = new Map<number, Map<number, Float64Array>>();
  for (const entry of readJournal(out)) {
    if (
      plan.runs !== 'none' &&
      !existsSync(join(out, runFileName(entry.cell, entry.batch, plan.runs)))
    ) {
      continue;
    }
    if (!done.has(entry.cell)) done.set(entry.cell, new Map());
    done.get(entry.cell)!.set(entry.batch, Float64Array.from(entry.sums));
  }
  return done;
}

/** What differs between the definition behind a folder and the one being run, by field. */
function changedFields(old: Manifest, now: Manifest): string[] {
  const fields = [
    'name',
    'scenario',
    'parameters',
    'design',
    'replications',
    'seed',
    'crn',
  ] as const;
  const changed: string[] = fields.filter(
    (f) => JSON.stringify(old.experiment[f]) !== JSON.stringify(now.experiment[f]),
  );
  const shard = (s: Manifest['shard']) => (s ? `${s.index}/${s.count}` : 'none');
  if (shard(old.shard) !== shard(now.shard)) {
    changed.push(`--shard ${shard(old.shard)} -> ${shard(now.shard)}`);
  }
  if (old.runs !== now.runs) changed.push(`--runs ${old.runs} -> ${now.runs}`);
  if (changed.length === 0 && old.batchSize !== now.batchSize) {
    changed.push(`batch size ${old.batchSize} -> ${now.batchSize}`);
  }
  const version = (m: Manifest) => m.software?.package?.version ?? 'unknown';
  if (version(old) !== version(now)) {
    changed.push(`toolkit version ${version(old)} -> ${version(now)}`);
  }
  if (changed.length === 0) {
    // Nothing recorded differs: the protocol module's source changed, or the folder's
    // fingerprint was computed otherwise (another build of the same version, or an edit).
    const module = now.experiment.scenario as { protocol?: { module?: string } };
    const file = module.protocol?.module;
    changed.push(
      file
        ? `the source of the protocol module ${file}, or the fingerprint recipe`
        : 'the fingerprint recipe (written by another build of the toolkit, or edited)',
    );
  }
  return changed;
}

/** Removes temporary files a killed session left behind. */
function removeTemporaries(out: string) {
  for (const folder of [out, join(out, 'runs')]) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) {
      if (name.endsWith('.tmp')) rmSync(join(folder, name), { force: true });
    }
  }
}

/** The run file of a finished batch: cell, replication, seed, then the game's columns. */
function runTable(plan: Plan, task: BatchTask, result: BatchResult) {
  const seeds = new TextDecoder().decode(result.seeds);
  const replication = new Int32Array(task.count);
  for (let i = 0; i < task.count; i++) replication[i] = task.first + i;
  return encodeTable(
    {
      cell: new Int32Array(task.count).fill(task.cell),
      replication,
      seed: Array.from({ length: task.count }, (_, i) => seeds.slice(16 * i, 16 * i + 16)),
      ...result.columns,
    },
    plan.runs === 'csv' ? 'csv' : 'arrow',
  );
}

/**
 * Runs an experiment's sweep into a results folder with a pool of worker threads, and
 * returns where it wrote. Resumes a folder holding an unfinished sweep of the same
 * definition (a changed definition is refused unless `force`); a batch whose worker
 * throws or dies is retried once, then the sweep stops with a {@link RunFailedError}
 * naming the cell, replication and seed, keeping all finished batches.
 *
 * The results do not depend on the worker count, timing, shard or resumption: each run's
 * seed comes from (master seed, cell key, replication), each batch is a file of its own,
 * and each cell's sums add its batches in order.
 *
 * @param experiment a validated experiment ({@link parseExperiment})
 * @param options output folder, workers, runs format, shard, progress
 * @returns the folder and counts
 */
export async function runExperiment(
  experiment: Experiment,
  options: RunOptions = {},
): Promise<RunSummary> {
  const plan = planExperiment(experiment, options);
  await loadProtocolModule(plan.scenario);
  const out = options.out ?? join('results', experiment.name);
  const R = experiment.replications;
  const runsTotal = plan.mine.length * R;
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const old = readManifest(out);
  if (
    old &&
    (old.fingerprint !== plan.fingerprint ||
      JSON.stringify(old.shard) !== JSON.stringify(plan.shard))
  ) {
    if (!options.force) {
      throw new UserError(
        `${out} holds results of a different definition of experiment '${old.experiment.name}' (changed: ${changedFields(old, createManifest(plan, startedAt)).join(', ')}). Choose another --out, or pass --force to discard the old results.`,
      );
    }
    clearFolder(out);
  } else if (old?.status === 'complete') {
    rmSync(join(out, JOURNAL), { force: true });
    // Same runs; the description, hypotheses and figures may have been edited since, and
    // the analysis reads them from the manifest.
    old.experiment = createManifest(plan, old.timing.startedAt).experiment;
    writeManifest(out, old);
    return {
      out,
      runsTotal,
      runsDone: old.runsDone,
      runsThisSession: 0,
      seconds: 0,
      runsPerSecond: 0,
    };
  }
  prepareFolder(out, plan.runs);
  removeTemporaries(out);

  const done = finishedBatches(plan, out);
  const totals = new Map<number, Float64Array>();
  const tasks: { cell: PlannedCell; first: number; count: number }[] = [];
  let runsDone = 0;
  const fold = (cell: PlannedCell, batches: Map<number, Float64Array>) => {
    if (batches.size < plan.batchesPerCell) return;
    const total = new Float64Array(sumsLength(plan.layout));
    for (let b = 0; b < plan.batchesPerCell; b++) addSums(total, batches.get(b)!);
    totals.set(cell.index, total);
    done.delete(cell.index);
  };
  for (const cell of plan.mine) {
    const batches = done.get(cell.index) ?? new Map<number, Float64Array>();
    done.set(cell.index, batches);
    for (let b = 0; b < plan.batchesPerCell; b++) {
      const { first, count } = batchRange(plan, b);
      if (batches.has(b)) runsDone += count;
      else tasks.push({ cell, first, count });
    }
    fold(cell, batches);
  }

  const manifest = createManifest(plan, old?.timing.startedAt ?? startedAt);
  manifest.runsDone = runsDone;
  writeManifest(out, manifest);
  const already = runsDone;
  const mode = options.progress ?? (process.stderr.isTTY ? 'bar' : 'lines');
  const progress = createProgress(mode, runsTotal);
  const cellsByIndex = new Map(plan.mine.map((c) => [c.index, c]));

  const commit = (task: BatchTask, result: BatchResult) => {
    const batch = Math.floor(task.first / plan.batchSize);
    if (plan.runs !== 'none') {
      writeAtomic(
        join(out, runFileName(task.cell, batch, plan.runs)),
        runTable(plan, task, result),
      );
    }
    appendJournal(out, { cell: task.cell, batch, sums: Array.from(result.sums) });
    const batches = done.get(task.cell)!;
    batches.set(batch, result.sums);
    fold(cellsByIndex.get(task.cell)!, batches);
    runsDone += task.count;
    progress.update(runsDone);
  };

  let failure: RunFailedError | undefined;
  if (tasks.length > 0) {
    const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), tasks.length));
    const sweep: SweepData = {
      masterSeed: experiment.seed,
      crn: experiment.crn,
      layout: plan.layout,
      keepRuns: plan.runs !== 'none',
    };
    // compiled (dist/, npm run build): the compiled worker; from src/ under tsx: worker.ts
    const compiled = import.meta.url.endsWith('.js');
    const pool = new Piscina<BatchTask, BatchResult>({
      filename: new URL(compiled ? '../engine/worker.js' : './worker.ts', import.meta.url).href,
      execArgv: compiled ? [] : ['--import', import.meta.resolve('tsx')],
      workerData: sweep,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 60_000,
    });
    /** The first replication of a batch that fails on its own, for a worker that died. */
    const locate = async (task: BatchTask) => {
      for (let r = task.first; r < task.first + task.count; r++) {
        try {
          await pool.run({ ...task, first: r, count: 1 });
        } catch (error) {
          const seed = runSeed(experiment.seed, task.key, r, experiment.crn);
          return `replication ${r} (seed ${seed}): ${(error as Error).message}`;
        }
      }
      return undefined;
    };
    const paths = experiment.parameters.map((p) => p.path);
    let scenarioOf = { cell: -1, scenario: plan.scenario };
    let next = 0;
    const lane = async () => {
      while (failure === undefined && next < tasks.length) {
        const { cell, first, count } = tasks[next++]!;
        if (scenarioOf.cell !== cell.index) {
          const scenario = cellScenario(plan.scenario, plan.segments, paths, cell);
          scenarioOf = { cell: cell.index, scenario };
        }
        const task: BatchTask = {
          cell: cell.index,
          key: cell.key,
          scenario: scenarioOf.scenario,
          first,
          count,
        };
        let result: BatchResult;
        try {
          result = await pool.run(task);
        } catch {
          try {
            result = await pool.run(task);
          } catch (error) {
            const last = task.first + task.count - 1;
            const message = (error as Error).message ?? String(error);
            const where = /^replication \d+ \(seed/.test(message)
              ? message
              : ((await locate(task)) ?? `replications ${task.first}-${last}: ${message}`);
            failure ??= new RunFailedError(
              `the sweep stopped: cell ${task.cell} ${task.key}, ${where} (failed twice). Replay the game with 'twolevel simulate' and this seed; the finished batches are kept in ${out}, and running again resumes.`,
            );
            return;
          }
        }
        commit(task, result);
      }
    };
    try {
      await Promise.all(Array.from({ length: workers * 2 }, lane));
    } finally {
      await pool.destroy();
    }
  }

  const seconds = (performance.now() - started) / 1000;
  const runsThisSession = runsDone - already;
  manifest.runsDone = runsDone;
  manifest.timing.runsPerSecond = seconds > 0 ? runsThisSession / seconds : null;
  if (failure) {
    writeManifest(out, manifest);
    progress.finish(runsDone);
    throw failure;
  }
  writeCells(
    out,
    plan.layout,
    manifest.parameters,
    plan.mine.map((c) => ({ ...c, sums: totals.get(c.index)! })),
  );
  writeReadme(out, experiment.name, plan.layout, manifest.parameters, plan.runs);
  manifest.status = 'complete';
  manifest.timing.finishedAt = new Date().toISOString();
  writeManifest(out, manifest);
  rmSync(join(out, JOURNAL), { force: true });
  progress.finish(runsDone);
  return {
    out,
    runsTotal,
    runsDone,
    runsThisSession,
    seconds,
    runsPerSecond: runsThisSession / seconds,
  };
}
