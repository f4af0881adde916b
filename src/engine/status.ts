/**
 * How far a SLURM sweep ({@link SlurmSweep}) has got: each shard's state from its folder
 * (manifest, resume journal) and, where `squeue` answers, from the scheduler's queue, and
 * what to resubmit. Reads only: a shard being written is never touched.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JOURNAL } from '../results/folder.ts';
import { replicationRule } from './adaptive.ts';
import { readManifest } from './manifest.ts';
import { readSlurmSweep, type SlurmSweep, submitCommand, sweepFiles } from './slurm.ts';

/**
 * A shard's state: `complete`; `running` (a SLURM task runs it, or, when the queue cannot be
 * asked, its manifest says so); `queued` (its task waits in the queue); `stopped` (started,
 * unfinished, and no task of the queue runs it: killed, cancelled or failed); `missing`
 * (never started, no task queued); `removed` (its folder deleted once the shards were merged:
 * the merged folder holds its runs).
 */
export type ShardState = 'complete' | 'running' | 'queued' | 'stopped' | 'missing' | 'removed';

/** One shard of the sweep. */
export interface ShardStatus {
  index: number;
  state: ShardState;
  runsDone: number;
  runsTotal: number;
  /** Seconds since the shard last wrote its journal or manifest (undefined: never started). */
  idleSeconds?: number;
  /** The queue's job for it (`<array job>_<task>`) and state, when it has one. */
  job?: { id: string; state: string };
  /** Why the folder cannot be used as this shard (another definition), if so. */
  problem?: string;
}

/** A job of the sweep in the queue. */
export interface QueuedJob {
  id: string;
  /** Array task number, or undefined for the merge job. */
  task?: number;
  state: string;
  reason: string;
}

/** Everything `twolevel status` prints. */
export interface SweepStatus {
  sweep: SlurmSweep;
  /** The folder read (absolute); the sweep's `out` is where its job scripts point. */
  folder: string;
  shards: ShardStatus[];
  runsDone: number;
  runsTotal: number;
  /** The merged folder: complete, or not yet. */
  merged: boolean;
  queue: Queue;
  /** Shards to run again (stopped or missing; also running ones when the queue is unknown). */
  resubmit: number[];
  /** The command that does it, or undefined when nothing is to be submitted. */
  command?: string;
}

/** The sweep's jobs in the queue, or why the queue could not be asked. */
export type Queue = QueuedJob[] | { unavailable: string };

/**
 * The sweep's jobs in the queue: `squeue --me -r` lines whose command is one of the sweep's
 * two scripts (an array is listed task by task, pending ones included).
 */
export function queuedJobs(sweep: SlurmSweep): Queue {
  const files = sweepFiles(sweep.out);
  let text: string;
  try {
    text = execFileSync('squeue', ['--me', '-h', '-r', '-o', '%i|%K|%T|%r|%o'], {
      encoding: 'utf8',
      stdio: 'pipe',
      timeout: 30_000,
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    // squeue's last line says why (the lines before it are the steps that led there).
    const last = (e.stderr ?? e.message).trim().split('\n').at(-1);
    return { unavailable: e.code === 'ENOENT' ? 'squeue not found on PATH' : last! };
  }
  const jobs: QueuedJob[] = [];
  for (const line of text.split('\n')) {
    const [id, task, state, reason, command] = line.split('|');
    if (command !== files.array && command !== files.merge) continue;
    jobs.push({
      id: id!,
      task: command === files.array ? Number(task) : undefined,
      state: state!,
      reason: reason!,
    });
  }
  return jobs;
}

/**
 * Runs a shard has finished: from its manifest once complete, else the batches of its
 * journal (one line per finished batch; a torn last line is not counted).
 */
function shardRunsDone(folder: string, manifest: NonNullable<ReturnType<typeof readManifest>>) {
  if (manifest.status === 'complete') return manifest.runsDone;
  const file = join(folder, JOURNAL);
  if (!existsSync(file)) return manifest.runsDone;
  const R = replicationRule(manifest.experiment.replications).max;
  const done = new Set<string>();
  let runs = 0;
  for (const line of readFileSync(file, 'utf8').split('\n').slice(0, -1)) {
    let entry: { cell: number; batch: number };
    try {
      entry = JSON.parse(line);
    } catch {
      break;
    }
    const key = `${entry.cell}/${entry.batch}`;
    if (done.has(key)) continue;
    done.add(key);
    runs += Math.min(manifest.batchSize, R - entry.batch * manifest.batchSize);
  }
  return runs;
}

/** Seconds since the newest of the files was written. */
function idleSeconds(files: string[], now: number) {
  const times = files.filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs);
  return times.length > 0 ? Math.max(0, (now - Math.max(...times)) / 1000) : undefined;
}

/**
 * The state of the sweep in `out` (written by `twolevel slurm`): each shard's state and
 * runs, the merged folder, the queue, and what to resubmit with the command that does it:
 * the array for the shards to run again, then the merge job after them and after the
 * sweep's tasks still in the queue; or the merge job alone once every shard is complete.
 *
 * The shards and the merged folder are read in `out`, wherever the folder is now (copied
 * off the cluster, say); the queue is matched and the commands written with the paths
 * `twolevel slurm` wrote into the job scripts ({@link SlurmSweep}'s `out`).
 *
 * @param out the sweep's results folder
 * @param ask how the queue is read (default {@link queuedJobs})
 * @param now the time ages are counted to, in ms
 * @throws UserError when `out` holds no sweep written by `twolevel slurm`
 */
export function sweepStatus(
  out: string,
  ask: (sweep: SlurmSweep) => Queue = queuedJobs,
  now = Date.now(),
): SweepStatus {
  const sweep = readSlurmSweep(out);
  const sweepFolder = resolve(out);
  const files = sweepFiles(sweepFolder);
  const queue = ask(sweep);
  const known = Array.isArray(queue);
  const mergedManifest = readManifest(sweepFolder);
  const merged = mergedManifest?.status === 'complete';
  const shards = sweep.shardRuns.map((runsTotal, k): ShardStatus => {
    const index = k + 1;
    const folder = join(files.shards, String(index));
    const manifest = readManifest(folder);
    const queued = known ? queue.find((j) => j.task === index) : undefined;
    const job = queued && { id: queued.id, state: queued.state };
    if (!manifest && merged) return { index, state: 'removed', runsDone: runsTotal, runsTotal };
    if (!manifest) {
      const state = queued ? (queued.state === 'PENDING' ? 'queued' : 'running') : 'missing';
      return { index, state, runsDone: 0, runsTotal, job };
    }
    const idle = idleSeconds([join(folder, JOURNAL), join(folder, 'manifest.json')], now);
    const runsDone = shardRunsDone(folder, manifest);
    const status = { index, runsDone, runsTotal, idleSeconds: idle, job };
    if (manifest.fingerprint !== sweep.fingerprint) {
      return {
        ...status,
        state: 'stopped',
        problem: `${folder} holds a shard of another definition of the experiment; remove it or run the sweep into another folder`,
      };
    }
    if (manifest.status === 'complete') return { ...status, state: 'complete' };
    if (!known || queued)
      return { ...status, state: queued?.state === 'PENDING' ? 'queued' : 'running' };
    return { ...status, state: 'stopped' };
  });
  // Once merged, the shards are no longer needed (they may have been removed to free disk).
  const resubmit = merged
    ? []
    : shards
        .filter(
          (s) =>
            s.state === 'stopped' || s.state === 'missing' || (!known && s.state === 'running'),
        )
        .map((s) => s.index);
  const jobs = known ? queue : [];
  const mergeQueued = jobs.some((j) => j.task === undefined);
  let command: string | undefined;
  if (resubmit.length > 0) {
    const after = jobs.filter((j) => j.task !== undefined).map((j) => j.id);
    command = submitCommand(sweep, resubmit, after);
  } else if (!merged && !mergeQueued && shards.every((s) => s.state === 'complete')) {
    command = `sbatch ${sweepFiles(sweep.out).merge}`;
  }
  return {
    sweep,
    folder: sweepFolder,
    shards,
    // Once merged the shards may have been removed; the merged folder holds every run.
    runsDone: merged ? mergedManifest!.runsDone : shards.reduce((n, s) => n + s.runsDone, 0),
    runsTotal: shards.reduce((n, s) => n + s.runsTotal, 0),
    merged,
    queue,
    resubmit,
    command,
  };
}
