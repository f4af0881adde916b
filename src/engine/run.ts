import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { Piscina } from 'piscina';
import { UserError } from '../errors.ts';
import { loadProtocolModule } from '../negotiation/protocols/registry.ts';
import {
  checkOutputFolder,
  clearFolder,
  JOURNAL,
  prepareFolder,
  removeTemporaries,
} from '../results/folder.ts';
import { appendJournal, readJournal, writeJournal } from '../results/journal.ts';
import { lockFolder } from '../results/lock.ts';
import { type Manifest, readManifest, writeManifest } from '../results/manifest.ts';
import {
  type Damage,
  damageMessage,
  verifyCellsFiles,
  verifyFolder,
  verifyRunFiles,
} from '../results/verify.ts';
import { firstBatches, isDecided, targetMet } from './adaptive.ts';
import { runWork } from './budget.ts';
import { addSums, rateSumIndex, sumsLength } from './columns.ts';
import type { Experiment } from './experiment.ts';
import { createManifest } from './manifest.ts';
import {
  batchRange,
  cellScenario,
  inShard,
  type Plan,
  type PlannedCell,
  type PlanOptions,
  planExperiment,
} from './plan.ts';
import { createProgress, interruptMessage, type ProgressMode, resumeMessage } from './progress.ts';
import { runSeed } from './seeds.ts';
import { writeCells, writeReadme } from './store.ts';
import type { BatchResult, BatchTask, SweepData, TaskBatch } from './worker.ts';

/** How to run a sweep (what it computes is the experiment's and the plan options'). */
export interface RunOptions extends PlanOptions {
  /** Output folder; default `results/<experiment name>`. */
  out?: string;
  /** Default: a bar when standard error is a terminal, plain lines otherwise. */
  progress?: ProgressMode;
  /**
   * Redo the batches whose run files or journal lines are damaged (see results/verify.ts)
   * instead of refusing, and rewrite the cells tables, journal and manifest.
   */
  repair?: boolean;
  /** Files the sweep reads (the experiment file), which the output folder must not be inside. */
  inputs?: readonly string[];
  /**
   * Seconds a batch may take before the watchdog stops the sweep; default from the measured
   * batch times ({@link taskBudget}).
   */
  taskTimeout?: number;
}

/** Seconds the first batches may take, before any batch time is measured. */
export const FIRST_BATCH_SECONDS = 600;
/** Seconds any batch may take at least, however fast the measured ones were. */
export const MIN_BATCH_SECONDS = 60;
/** How many times its expected time a batch may take. */
export const BATCH_TIME_FACTOR = 20;

/**
 * The watchdog's time budget of a batch, in seconds: `--task-timeout` when given; before any
 * batch has finished, {@link FIRST_BATCH_SECONDS}; after, {@link BATCH_TIME_FACTOR} times the
 * batch's expected time (its work, `runWork` of its cell times its runs, at the slowest
 * seconds per unit of work measured so far), at least {@link MIN_BATCH_SECONDS}.
 *
 * @param work the batch's work units
 * @param secondsPerWork the slowest measured seconds per unit of work, or 0 when none is measured
 * @param override `--task-timeout` in seconds
 */
export function taskBudget(work: number, secondsPerWork: number, override?: number): number {
  if (override !== undefined) return override;
  if (secondsPerWork === 0) return FIRST_BATCH_SECONDS;
  // setTimeout holds at most 2^31 - 1 ms (24.8 days)
  return Math.min(
    2_000_000,
    Math.max(MIN_BATCH_SECONDS, BATCH_TIME_FACTOR * secondsPerWork * work),
  );
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

/**
 * A sweep stopped by Ctrl-C (SIGINT) after the batches under way were written; the CLI
 * exits with status 130, the shell's code for an interrupt.
 */
export class SweepInterrupted extends UserError {
  override name = 'SweepInterrupted';
  override readonly exitCode = 130;
}

/**
 * The folder's finished batches, checked: journal lines against their checksums, run files
 * against the journal. Damage is refused (naming the files) unless `repair`, which drops
 * the damaged batches (to be redone) and rewrites the journal without them. A complete
 * folder's cells files are checked too (they are rewritten at the end either way).
 */
function finishedBatches(plan: Plan, out: string, old: Manifest | undefined, repair: boolean) {
  const { entries, damaged } = readJournal(out);
  const damage: Damage[] = damaged.map((d) => ({
    file: `${JOURNAL} line ${d.line}`,
    problem: d.problem,
  }));
  const runFiles = plan.runs.length > 0 ? verifyRunFiles(out, entries) : [];
  damage.push(...runFiles);
  if (old?.status === 'complete') damage.push(...verifyCellsFiles(out, old));
  if (damage.length > 0 && !repair) throw new UserError(damageMessage('run', out, damage));
  const bad = new Set(runFiles.map((d) => `${d.batch!.cell}/${d.batch!.batch}`));
  const trusted = entries.filter(
    (e) => !bad.has(`${e.cell}/${e.batch}`) && Object.keys(e.files).length === plan.runs.length,
  );
  if (damage.length > 0) writeJournal(out, trusted);
  const done = new Map<number, Map<number, Float64Array>>();
  for (const entry of trusted) {
    if (!done.has(entry.cell)) done.set(entry.cell, new Map());
    done.get(entry.cell)!.set(entry.batch, entry.sums);
  }
  return done;
}

/** The journal rewritten in cell and batch order, each batch once (its last line). */
function sortJournal(out: string): string {
  const entries = new Map(readJournal(out).entries.map((e) => [`${e.cell}/${e.batch}`, e]));
  return writeJournal(out, [...entries.values()]);
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
  const runs = (m: Manifest) => m.runs.join(',') || 'none';
  if (runs(old) !== runs(now)) changed.push(`--runs ${runs(old)} -> ${runs(now)}`);
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

/** A batch to play: replications `first .. first + count - 1` of a cell. */
interface PendingBatch {
  cell: PlannedCell;
  first: number;
  count: number;
}

/**
 * Seconds of play a task aims at: a task takes several batches when they are short, so that
 * the main thread (a worker's result, its journal lines, the next task) wakes some ten
 * times a second per worker rather than once per batch.
 */
export const TASK_SECONDS = 0.1;

/**
 * How many more batches a task may take: while its expected seconds stay within
 * {@link TASK_SECONDS} (none before a batch has been timed), and at most a share of the
 * batches left (`left / (2 * workers)`, at least 1), so that the last tasks are short and
 * the workers finish together.
 *
 * @param taken the task's batches so far
 * @param seconds their expected seconds
 * @param next the expected seconds of one more batch (0 when nothing is measured yet)
 * @param left batches not handed out yet, this one included
 * @param workers worker threads
 */
export function takesAnother(
  taken: number,
  seconds: number,
  next: number,
  left: number,
  workers: number,
): boolean {
  if (taken === 0) return true;
  if (next === 0 || seconds + next > TASK_SECONDS) return false;
  return taken < Math.max(1, Math.ceil(left / (2 * workers)));
}

/**
 * Plays the pending batches on a pool of worker threads, two lanes per worker (each worker
 * holds both lanes' tasks), a task of one or more batches at a time ({@link takesAnother}), and hands each task's batches to
 * `commit` as tasks finish. A task whose worker throws or dies is played again batch by
 * batch, each retried once; one that outlasts its time budget ({@link taskBudget}) is stopped
 * by the watchdog (its worker is ended) and not retried, games being deterministic.
 *
 * @returns the failure that stopped the sweep, or undefined when every batch finished
 */
async function playBatches(
  plan: Plan,
  batches: Iterator<PendingBatch>,
  remaining: number,
  commit: (batches: readonly TaskBatch[], result: BatchResult) => void,
  options: RunOptions,
  out: string,
): Promise<RunFailedError | undefined> {
  const { experiment } = plan;
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), remaining));
  const sweep: SweepData = {
    masterSeed: experiment.seed,
    crn: experiment.crn,
    layout: plan.layout,
    out: resolve(out),
    formats: plan.runs,
  };
  // compiled (dist/, npm run build): the compiled worker; from src/ under tsx: worker.ts
  const compiled = import.meta.url.endsWith('.js');
  // the pool's package is imported here, so that importing the library does not load it
  const { Piscina: Pool } = await import('piscina');
  const pool: Piscina<BatchTask, BatchResult> = new Pool<BatchTask, BatchResult>({
    filename: new URL(compiled ? '../engine/worker.js' : './worker.ts', import.meta.url).href,
    execArgv: compiled ? [] : ['--import', import.meta.resolve('tsx')],
    workerData: sweep,
    minThreads: workers,
    maxThreads: workers,
    // a worker holds its next task while it plays one, so it never waits for the main thread
    // to hand it out (3% fewer wall and CPU seconds on 2 cores, in whole-process pairs)
    concurrentTasksPerWorker: 2,
    idleTimeout: 60_000,
    // V8 sizes a thread's young generation up to 3 x 16 MB when it allocates steadily; a
    // batch's garbage is small and short-lived, so 4 MB keeps each worker lean (the games'
    // typed arrays live outside this heap).
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
  });
  let scenarioOf = { cell: -1, scenario: plan.scenario, work: 0 };
  let secondsPerWork = 0;
  // seconds of play per unit of work as the workers measure it, for the size of tasks
  let played = { seconds: 0, work: 0 };
  let left = remaining;
  let failure: RunFailedError | undefined;
  const stop = (batch: TaskBatch, where: string, why: string) => {
    failure ??= new RunFailedError(
      `the sweep stopped: cell ${batch.cell} ${batch.key}, ${where} (${why}). Replay the game with 'twolevel simulate' and this seed; the finished batches are kept in ${out}, and running again resumes.`,
    );
  };
  const seedOf = (batch: TaskBatch, r: number) =>
    runSeed(experiment.seed, batch.key, r, experiment.crn);
  const workOf = (task: BatchTask) =>
    task.batches.reduce((sum, b) => sum + runWork(b.scenario) * b.count, 0);
  /** Plays a task under the watchdog; `timedOut` says whether the watchdog stopped it. */
  const play = async (task: BatchTask) => {
    const work = workOf(task);
    const seconds = taskBudget(work, secondsPerWork, options.taskTimeout);
    const watchdog = new AbortController();
    const timer = setTimeout(() => watchdog.abort(), seconds * 1000);
    const start = performance.now();
    try {
      const result = await pool.run(task, { signal: watchdog.signal });
      const perWork = (performance.now() - start) / 1000 / Math.max(1, work);
      secondsPerWork = Math.max(secondsPerWork, perWork);
      played = { seconds: played.seconds + result.seconds, work: played.work + work };
      return { result };
    } catch (error) {
      if (!watchdog.signal.aborted) throw error;
      return { timedOut: seconds };
    } finally {
      clearTimeout(timer);
    }
  };
  const timeLimit = (seconds: number) =>
    `no result after ${seconds} s, the time limit of a batch (${options.taskTimeout === undefined ? 'from the measured batch times' : '--task-timeout'}); if the game is slow rather than stuck, pass a larger --task-timeout SECONDS`;
  /** The first replication of a batch that fails on its own, for a worker that died. */
  const locate = async (batch: TaskBatch) => {
    for (let r = batch.first; r < batch.first + batch.count; r++) {
      const batches = [{ ...batch, first: r, count: 1 }];
      const single = { batches, store: false, playing: shared(batches) };
      try {
        const probe = await play(single);
        if (probe.timedOut)
          return `replication ${r} (seed ${seedOf(batch, r)}): ${timeLimit(probe.timedOut)}`;
      } catch (error) {
        return `replication ${r} (seed ${seedOf(batch, r)}): ${errorText(error)}`;
      }
    }
    return undefined;
  };
  /** Plays and commits a task; false when it stopped the sweep. */
  const runTask = async (task: BatchTask): Promise<boolean> => {
    let outcome: Awaited<ReturnType<typeof play>>;
    try {
      outcome = await play(task);
    } catch {
      if (task.batches.length > 1) {
        // batch by batch, so that the batches that play are kept and the failing one is found
        for (const batch of task.batches) {
          if (failure !== undefined) return false;
          const alone = [batch];
          if (!(await runTask({ batches: alone, store: true, playing: shared(alone) })))
            return false;
        }
        return true;
      }
      const batch = task.batches[0]!;
      try {
        outcome = await play(task);
      } catch (error) {
        const last = batch.first + batch.count - 1;
        const message = errorText(error);
        const where = /^replication \d+ \(seed/.test(message)
          ? message
          : ((await locate(batch)) ?? `replications ${batch.first}-${last}: ${message}`);
        stop(batch, where, 'failed twice');
        return false;
      }
    }
    if (outcome.timedOut !== undefined) {
      const batch = task.batches[Atomics.load(task.playing, 0)]!;
      const r = Atomics.load(task.playing, 1);
      stop(batch, `replication ${r} (seed ${seedOf(batch, r)})`, timeLimit(outcome.timedOut));
      return false;
    }
    commit(task.batches, outcome.result);
    return true;
  };
  /** The next task's batches, one or more ({@link takesAnother}); none when none is pending. */
  const nextBatches = (): TaskBatch[] => {
    const taken: TaskBatch[] = [];
    let seconds = 0;
    let next = 0;
    while (takesAnother(taken.length, seconds, next, left, workers)) {
      const pending = batches.next();
      if (pending.done) break;
      const { cell, first, count } = pending.value;
      if (scenarioOf.cell !== cell.index) {
        const scenario = cellScenario(plan, cell);
        scenarioOf = { cell: cell.index, scenario, work: runWork(scenario) };
      }
      const batch = Math.floor(first / plan.batchSize);
      taken.push({
        cell: cell.index,
        key: cell.key,
        scenario: scenarioOf.scenario,
        batch,
        first,
        count,
      });
      left--;
      // the next batch is expected to cost what this one does
      next = played.work > 0 ? (played.seconds / played.work) * scenarioOf.work * count : 0;
      seconds += next;
    }
    return taken;
  };
  // An adaptive cell queues its next batch when one of its batches commits: a lane with
  // nothing to take waits while others play, and stops when none does.
  let playing = 0;
  const waiting: (() => void)[] = [];
  const lane = async () => {
    while (failure === undefined) {
      const taken = nextBatches();
      if (taken.length === 0) {
        if (playing === 0) return;
        await new Promise<void>((resolve) => waiting.push(resolve));
        continue;
      }
      playing++;
      const ok = await runTask({ batches: taken, store: true, playing: shared(taken) });
      playing--;
      for (const resolve of waiting.splice(0)) resolve();
      if (!ok) return;
    }
  };
  try {
    await Promise.all(Array.from({ length: workers * 2 }, lane));
  } finally {
    await pool.destroy();
  }
  return failure;
}

/**
 * The batch and replication the main thread and a worker share (see `BatchTask.playing`),
 * at first the task's first.
 */
function shared(batches: readonly TaskBatch[]) {
  const playing = new Int32Array(new SharedArrayBuffer(8));
  playing[1] = batches[0]!.first;
  return playing;
}

/** The message of whatever a worker threw. */
function errorText(error: unknown) {
  return error instanceof Error ? error.message : String(error);
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
 * The folder is refused when it is a file, inside an input, or not empty without being a
 * results folder (unless `force`), and locked while the sweep writes it; every finished
 * batch is checked against its checksum before it is trusted (`repair` redoes the damaged).
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
  try {
    await loadProtocolModule(plan.scenario);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(
      `${options.source ?? `experiment '${experiment.name}'`}: scenario.${error.message}`,
    );
  }
  const out = options.out ?? join('results', experiment.name);
  const module = plan.scenario.protocol.module;
  checkOutputFolder(out, 'run', {
    force: options.force,
    inputs: [...(options.inputs ?? []), ...(module ? [module] : [])],
  });
  prepareFolder(out, false);
  const release = lockFolder(out, 'run');
  try {
    return await sweep(experiment, plan, out, options);
  } finally {
    release();
  }
}

/** The sweep of {@link runExperiment} into `out`, which this process has locked. */
async function sweep(
  experiment: Experiment,
  plan: Plan,
  out: string,
  options: RunOptions,
): Promise<RunSummary> {
  const runsTotal = plan.mine.length * plan.replications.max;
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
  } else if (old?.status === 'complete' && !options.repair) {
    const damage = verifyFolder(out, old);
    if (damage.length > 0) throw new UserError(damageMessage('run', out, damage));
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
  prepareFolder(out, plan.runs.length > 0);
  removeTemporaries(out);

  // Finished batches from the journal; each cell's sums add its batches in order, as they
  // arrive (a batch that comes early waits in `pending`), so memory does not grow with the
  // number of batches.
  const same = old?.fingerprint === plan.fingerprint ? old : undefined;
  const done = finishedBatches(plan, out, same, !!options.repair);
  const totals = new Map<number, Float64Array>();
  const open = new Map<
    number,
    { next: number; total: Float64Array; pending: Map<number, Float64Array> }
  >();
  // Adaptive replication ({@link isDecided}): after its first batches a cell is decided from
  // its in-order sums; while it is not, its next batch is queued in `followUps`.
  const target = plan.replications.target && rateSumIndex(plan.replications.target.outcome);
  const first = firstBatches(plan.replications, plan.batchSize);
  const decided = (next: number, total: Float64Array) =>
    isDecided(plan.replications, plan.batchSize, next, total, target);
  const batchesOf = new Map<number, number>();
  const followUps: PendingBatch[] = [];
  const followUp = (cell: number) => {
    const state = open.get(cell);
    if (state && state.next >= first && !state.pending.has(state.next)) {
      followUps.push({ cell: plan.cells.at(cell), ...batchRange(plan, state.next) });
    }
  };
  const add = (cell: number, batch: number, sums: Float64Array) => {
    let state = open.get(cell);
    if (state === undefined) {
      state = { next: 0, total: new Float64Array(sumsLength(plan.layout)), pending: new Map() };
      open.set(cell, state);
    }
    state.pending.set(batch, sums);
    while (state.pending.has(state.next) && !decided(state.next, state.total)) {
      addSums(state.total, state.pending.get(state.next)!);
      state.pending.delete(state.next++);
    }
    if (decided(state.next, state.total)) {
      batchesOf.set(cell, state.next);
      totals.set(cell, state.total);
      open.delete(cell);
    }
  };
  let runsDone = 0;
  let batchesDone = 0;
  for (const [cell, batches] of done) {
    if (cell >= plan.cells.length || !inShard(plan.shard, cell)) continue;
    for (const [batch, sums] of batches) {
      if (batch >= plan.batchesPerCell) continue;
      add(cell, batch, sums);
      runsDone += batchRange(plan, batch).count;
      if (batch < first) batchesDone++;
    }
  }
  for (const cell of open.keys()) followUp(cell);
  const remaining = plan.mine.length * first - batchesDone + followUps.length;
  let interrupted = false;
  // Ctrl-C: no new batch is handed out, those under way finish and are written; a second
  // Ctrl-C stops at once (every finished batch is already on disk).
  const onInterrupt = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    if (mode !== 'quiet') {
      process.stderr.write(
        '\nstopping: finishing the batches under way (Ctrl-C again to stop now)\n',
      );
    }
  };
  /** The first batches still to play, cell by cell, made one at a time as the lanes take them. */
  function* pendingBatches() {
    for (let i = 0; i < plan.mine.length; i++) {
      const index = plan.mine.indexAt(i);
      const finished = done.get(index);
      let cell: PlannedCell | undefined;
      for (let b = 0; b < first; b++) {
        if (interrupted) return;
        if (finished?.has(b)) continue;
        cell ??= plan.mine.at(i);
        yield { cell, ...batchRange(plan, b) };
      }
      done.delete(index);
    }
  }
  const firstOnes = pendingBatches();
  /** Follow-up batches of adaptive cells first (each holds its cell back), then first batches. */
  const toPlay: Iterator<PendingBatch> = {
    next: () => {
      const followUpBatch = interrupted ? undefined : followUps.shift();
      return followUpBatch ? { done: false, value: followUpBatch } : firstOnes.next();
    },
  };

  const manifest = createManifest(plan, old?.timing.startedAt ?? startedAt);
  manifest.runsDone = runsDone;
  writeManifest(out, manifest);
  const already = runsDone;
  const mode = options.progress ?? (process.stderr.isTTY ? 'bar' : 'lines');
  const progress = createProgress(mode, runsTotal);

  // A task's batches are journalled once the worker has written their run files.
  const commit = (batches: readonly TaskBatch[], result: BatchResult) => {
    const entries = batches.map((b, k) => ({
      cell: b.cell,
      batch: b.batch,
      ...result.batches[k]!,
    }));
    appendJournal(out, ...entries);
    batches.forEach((b, k) => {
      add(b.cell, b.batch, result.batches[k]!.sums);
      followUp(b.cell);
      runsDone += b.count;
    });
    progress.update(runsDone);
  };

  let failure: RunFailedError | undefined;
  if (remaining > 0) {
    process.on('SIGINT', onInterrupt);
    if (already > 0 && mode !== 'quiet') {
      let i = 0;
      while (i < plan.mine.length && (done.get(plan.mine.indexAt(i))?.size ?? 0) >= first) i++;
      const from = i < plan.mine.length ? plan.mine.indexAt(i) : 0;
      process.stderr.write(`${resumeMessage(out, already, runsTotal, from)}\n`);
    }
  }
  try {
    if (remaining > 0) {
      failure = await playBatches(plan, toPlay, remaining, commit, options, out);
    }
  } finally {
    process.off('SIGINT', onInterrupt);
    progress.finish(runsDone);
  }

  const seconds = (performance.now() - started) / 1000;
  const runsThisSession = runsDone - already;
  manifest.runsDone = runsDone;
  manifest.timing.runsPerSecond = seconds > 0 ? runsThisSession / seconds : null;
  if (failure) {
    writeManifest(out, manifest);
    throw failure;
  }
  if (interrupted && totals.size < plan.mine.length) {
    writeManifest(out, manifest);
    throw new SweepInterrupted(interruptMessage(out, runsDone, runsTotal));
  }
  const files = writeCells(
    out,
    plan.layout,
    manifest.parameters,
    plan.mine.map((c) => ({ ...c, sums: totals.get(c.index)! })),
  );
  writeReadme(out, experiment.name, plan.layout, manifest.parameters, plan.runs);
  manifest.integrity = { journal: sortJournal(out), files };
  if (plan.replications.target) {
    manifest.adaptive = plan.mine.map((c) => ({
      cell: c.index,
      runs: Math.min(batchesOf.get(c.index)! * plan.batchSize, plan.replications.max),
      met: targetMet(plan.replications, totals.get(c.index)!, target),
    }));
    manifest.runsTotal = runsDone;
  }
  manifest.status = 'complete';
  manifest.timing.finishedAt = new Date().toISOString();
  writeManifest(out, manifest);
  rmSync(join(out, 'progress.ndjson'), { force: true });
  return {
    out,
    runsTotal: manifest.runsTotal,
    runsDone,
    runsThisSession,
    seconds,
    runsPerSecond: runsThisSession / seconds,
  };
}
