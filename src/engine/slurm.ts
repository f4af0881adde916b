/**
 * A sweep as SLURM jobs: a job array whose task `i` plays shard `i/N` of the cells
 * (`twolevel run --shard i/N`), and a merge job that runs once every task has succeeded
 * (`--dependency=afterok:<array job>`), merges the shards into the results folder and
 * analyses it. Layout of the results folder `<out>`:
 *
 * ```
 * <out>/slurm/sweep.json      what was written: experiment, tasks, runs per shard, scripts
 * <out>/slurm/array.sbatch    the job array
 * <out>/slurm/merge.sbatch    the merge-and-analyse job
 * <out>/slurm/logs/           shard-<i>.log, merge.log (appended to by requeued jobs)
 * <out>/shards/<i>/           shard i's results folder
 * <out>/manifest.json, ...    the merged results, as a single `twolevel run` writes them
 * ```
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.ts';
import { writeAtomic } from '../results/atomic.ts';
import type { LoadedExperiment } from './load.ts';
import { readManifest } from './manifest.ts';
import { planExperiment, type RunsFormat, runsFormats } from './plan.ts';

/** What each job asks of the scheduler; unset fields are left to the site's defaults. */
export interface SlurmResources {
  cpusPerTask: number;
  partition?: string;
  time?: string;
  mem?: string;
  account?: string;
}

/** `<out>/slurm/sweep.json`: a sweep written by {@link writeSlurmSweep}, read by `status`. */
export interface SlurmSweep {
  format: 1;
  name: string;
  /** The experiment file, absolute. */
  experiment: string;
  /** The results folder, absolute. */
  out: string;
  tasks: number;
  /** Runs of shard `i` at index `i - 1`. */
  shardRuns: number[];
  fingerprint: string;
  /** The `twolevel run` flags, as shell words, every shard and the analysis share (overrides, runs format). */
  runFlags: string[];
  /** The Node executable and the `twolevel` entry script the jobs run. */
  node: string;
  cli: string;
  resources: SlurmResources;
}

/** How {@link planSlurmSweep} resolves a sweep. */
export interface SlurmOptions {
  tasks: number;
  out?: string;
  runs?: RunsFormat;
  /** `--replications` and `--seed` as given, passed on to every `twolevel run`. */
  replications?: string;
  seed?: string;
  resources: SlurmResources;
  /** Default: the Node running this process. */
  node?: string;
  /** Default: this toolkit's `bin/twolevel.js`. */
  cli?: string;
}

/** The toolkit's command entry, which the jobs run with Node. */
export const CLI_ENTRY = fileURLToPath(new URL('../../bin/twolevel.js', import.meta.url));

/** Characters a path may hold in a job script: no blanks, quotes, `$`, `%`, `\` or backquotes. */
const SAFE_PATH = /^[^\s'"$%\\`]+$/;

function checkPath(what: string, path: string) {
  if (!SAFE_PATH.test(path)) {
    throw new UserError(
      `${what}: '${path}' holds a blank, quote, $, %, \\ or backquote, which a job script cannot carry safely; use a path without them`,
    );
  }
}

/** A word for the shell: as it is when plain, else single-quoted. */
function shellWord(word: string): string {
  return /^[\w.,:/=+-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** Checks the resource flags against the forms `sbatch` accepts. */
function checkResources(r: SlurmResources) {
  const time = /^(\d+-\d{1,2}(:\d{2}){0,2}|\d+(:\d{2}){0,2})$/;
  if (r.time !== undefined && !time.test(r.time)) {
    throw new UserError(
      `--time: expected HH:MM:SS (or minutes, MM:SS, D-HH, D-HH:MM, D-HH:MM:SS), got '${r.time}'`,
    );
  }
  if (r.mem !== undefined && !/^\d+[KMGT]?$/.test(r.mem)) {
    throw new UserError(`--mem: expected a size such as 4G or 500M, got '${r.mem}'`);
  }
  for (const [flag, value] of [
    ['partition', r.partition],
    ['account', r.account],
  ] as const) {
    if (value !== undefined && !/^[A-Za-z0-9_.,-]+$/.test(value)) {
      throw new UserError(
        `--${flag}: expected a SLURM name (letters, digits, _ . , -), got '${value}'`,
      );
    }
  }
}

/**
 * Refuses `--runs none` for an experiment whose analysis reads per-run rows (McNemar's
 * paired test, gains figures), before hours of cluster time end in a failed merge job.
 */
function refuseRunsNone(experiment: LoadedExperiment['experiment']) {
  const needs = [
    ...experiment.hypotheses
      .filter((h) => h.test === 'mcnemar')
      .map((h) => `hypothesis '${h.label ?? h.outcome}' (test mcnemar)`),
    ...experiment.figures
      .filter((f) => f.kind === 'gains')
      .map((f) => `figure '${f.name}' (kind gains)`),
  ];
  if (needs.length > 0) {
    throw new UserError(
      `--runs none: ${needs.join(', ')} needs the per-run rows, which --runs none does not keep; keep them (--runs parquet) or remove ${needs.length > 1 ? 'these' : 'it'} from the experiment`,
    );
  }
}

/**
 * Resolves a sweep for SLURM: plans the experiment (so a bad experiment is refused before
 * anything is submitted), checks the flags and counts the runs of each shard (shard `i`
 * holds the cells whose index is `i - 1` mod `tasks`).
 *
 * @throws UserError for more tasks than cells, a resource flag `sbatch` would refuse, a
 * path a job script cannot hold, an output folder that already holds merged results, or
 * `--runs none` with an analysis that needs the per-run rows (the merge job would fail)
 */
export function planSlurmSweep(loaded: LoadedExperiment, options: SlurmOptions): SlurmSweep {
  const { experiment, baseDir, file } = loaded;
  checkResources(options.resources);
  const plan = planExperiment(experiment, { baseDir, source: file, runs: options.runs });
  if (options.tasks > plan.cells.length) {
    throw new UserError(
      `--tasks: the design has ${plan.cells.length} cells, so at most ${plan.cells.length} tasks can each play a shard; got ${options.tasks}`,
    );
  }
  if (plan.runs.length === 0) refuseRunsNone(experiment);
  const out = resolve(options.out ?? join('results', experiment.name));
  if (readManifest(out)) {
    throw new UserError(
      `--out: ${out} already holds results (manifest.json); choose another folder for a new sweep`,
    );
  }
  const node = options.node ?? process.execPath;
  const cli = options.cli ?? CLI_ENTRY;
  const source = resolve(file);
  checkPath('--out', out);
  checkPath('the experiment file', source);
  checkPath('--node', node);
  checkPath('--cli', cli);
  const shardRuns = Array.from({ length: options.tasks }, () => 0);
  for (let i = 0; i < plan.cells.length; i++)
    shardRuns[i % options.tasks]! += plan.replications.max;
  // Unset flags are left out, so every job takes `twolevel run`'s own defaults.
  const runFlags =
    options.runs === undefined ? [] : ['--runs', runsFormats(options.runs).join(',') || 'none'];
  if (options.replications !== undefined) runFlags.push('--replications', options.replications);
  if (options.seed !== undefined) runFlags.push('--seed', shellWord(options.seed));
  return {
    format: 1,
    name: experiment.name,
    experiment: source,
    out,
    tasks: options.tasks,
    shardRuns,
    fingerprint: plan.fingerprint,
    runFlags,
    node,
    cli,
    resources: options.resources,
  };
}

/** The sweep's files, by role. */
export function sweepFiles(out: string) {
  const slurm = join(out, 'slurm');
  return {
    sweep: join(slurm, 'sweep.json'),
    array: join(slurm, 'array.sbatch'),
    merge: join(slurm, 'merge.sbatch'),
    logs: join(slurm, 'logs'),
    shards: join(out, 'shards'),
  };
}

/** The `#SBATCH` lines both jobs share: resources, requeue, log file. */
function directives(sweep: SlurmSweep, name: string, log: string): string[] {
  const r = sweep.resources;
  return [
    `#SBATCH --job-name=${name}`,
    `#SBATCH --cpus-per-task=${r.cpusPerTask}`,
    ...(r.partition ? [`#SBATCH --partition=${r.partition}`] : []),
    ...(r.time ? [`#SBATCH --time=${r.time}`] : []),
    ...(r.mem ? [`#SBATCH --mem=${r.mem}`] : []),
    ...(r.account ? [`#SBATCH --account=${r.account}`] : []),
    '#SBATCH --requeue',
    '#SBATCH --open-mode=append',
    `#SBATCH --output=${join(sweepFiles(sweep.out).logs, log)}`,
  ];
}

/** The lines naming Node and the toolkit, which the jobs run with plain commands (no srun). */
function programs(sweep: SlurmSweep): string[] {
  return [
    'set -euo pipefail',
    `node=${sweep.node}`,
    `twolevel=${sweep.cli}`,
    `experiment=${sweep.experiment}`,
    `dir=${sweep.out}`,
  ];
}

/**
 * The job array: task `i` runs `twolevel run <experiment> --shard i/N --out <out>/shards/i
 * --workers $SLURM_CPUS_PER_TASK --no-analysis`. Run again in the same folder (requeued
 * after a time limit, preemption or node failure, or resubmitted), it resumes the shard.
 */
export function arrayScript(sweep: SlurmSweep): string {
  const N = sweep.tasks;
  return `${[
    '#!/bin/bash',
    `# twolevel sweep '${sweep.name}' on SLURM, job 1 of 2: an array of ${N} tasks; task i plays`,
    `# shard i/${N} of the cells into $dir/shards/i. A task requeued or resubmitted resumes its`,
    '# shard from the batches it finished. Written by `twolevel slurm`.',
    ...directives(sweep, `twolevel-${sweep.name}`, 'shard-%a.log'),
    `#SBATCH --array=1-${N}`,
    ...programs(sweep),
    `i=$SLURM_ARRAY_TASK_ID`,
    `exec "$node" "$twolevel" run "$experiment" --shard "$i/${N}" --out "$dir/shards/$i" \\`,
    `  --workers "$SLURM_CPUS_PER_TASK" --no-analysis ${sweep.runFlags.join(' ')}`,
  ].join('\n')}\n`;
}

/**
 * The merge job, submitted with `--dependency=afterok:<array job>` and cancelled by SLURM
 * when a task fails (`--kill-on-invalid-dep=yes`): `twolevel merge` of the N shards into
 * `<out>` (skipped when a requeued job finds the merge done: its manifest is written
 * last), then `twolevel run` on the complete folder, which plays nothing and writes the
 * analysis exactly as a single run does.
 */
export function mergeScript(sweep: SlurmSweep): string {
  return `${[
    '#!/bin/bash',
    `# twolevel sweep '${sweep.name}' on SLURM, job 2 of 2: once every task of the array has`,
    `# succeeded, merges the ${sweep.tasks} shards into $dir and analyses it (summary, hypotheses,`,
    '# figures, report). Written by `twolevel slurm`.',
    ...directives(sweep, `twolevel-${sweep.name}-merge`, 'merge.log'),
    '#SBATCH --kill-on-invalid-dep=yes',
    ...programs(sweep),
    'if [ ! -f "$dir/manifest.json" ]; then',
    `  "$node" "$twolevel" merge "$dir"/shards/{1..${sweep.tasks}} --out "$dir"`,
    'fi',
    `exec "$node" "$twolevel" run "$experiment" --out "$dir" --workers "$SLURM_CPUS_PER_TASK" ${sweep.runFlags.join(' ')}`,
  ].join('\n')}\n`;
}

/** Writes the sweep's record, its two job scripts and the logs folder; returns the files. */
export function writeSlurmSweep(sweep: SlurmSweep) {
  const files = sweepFiles(sweep.out);
  mkdirSync(files.logs, { recursive: true });
  mkdirSync(files.shards, { recursive: true });
  writeAtomic(files.array, arrayScript(sweep));
  writeAtomic(files.merge, mergeScript(sweep));
  writeAtomic(files.sweep, `${JSON.stringify(sweep, null, 2)}\n`);
  return files;
}

/**
 * Reads `<out>/slurm/sweep.json`.
 *
 * @throws UserError when the folder holds no sweep written by `twolevel slurm`
 */
export function readSlurmSweep(out: string): SlurmSweep {
  const file = sweepFiles(out).sweep;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SlurmSweep;
  } catch {
    throw new UserError(
      `${out}: no sweep written by 'twolevel slurm' here (${file} is missing or unreadable)`,
    );
  }
}

/**
 * The shell command that submits the array (all tasks, or `tasks`) and then the merge job
 * after it (and after `alsoAfter`, jobs of the sweep still queued or running).
 */
export function submitCommand(sweep: SlurmSweep, tasks?: number[], alsoAfter: string[] = []) {
  const files = sweepFiles(sweep.out);
  const array = tasks ? ` --array=${compactRanges(tasks)}` : '';
  const after = ['$array', ...alsoAfter].join(':');
  return `array=$(sbatch --parsable${array} ${files.array}) && sbatch --dependency=afterok:${after} ${files.merge}`;
}

/** Task numbers as SLURM's array ranges: `[1, 2, 3, 5]` -> `1-3,5`. */
export function compactRanges(ids: readonly number[]): string {
  const sorted = [...ids].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const start = sorted[k]!;
    while (k + 1 < sorted.length && sorted[k + 1] === sorted[k]! + 1) k++;
    parts.push(start === sorted[k] ? String(start) : `${start}-${sorted[k]}`);
  }
  return parts.join(',');
}

/** Runs `sbatch --parsable` and returns the job id (without a `;cluster` suffix). */
function sbatch(args: string[]): string {
  try {
    return execFileSync('sbatch', ['--parsable', ...args], { encoding: 'utf8', stdio: 'pipe' })
      .trim()
      .split(';')[0]!;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new UserError(
        'twolevel slurm --submit: sbatch not found on PATH; run it on a SLURM login node, or submit the printed command there',
      );
    }
    throw new UserError(
      `twolevel slurm --submit: sbatch ${args.join(' ')} failed: ${(e.stderr ?? e.message).trim()}`,
    );
  }
}

/**
 * Submits the array and the merge job after it, as {@link submitCommand} does by hand.
 *
 * @returns the two job ids
 */
export function submitSlurmSweep(sweep: SlurmSweep): { array: string; merge: string } {
  const files = sweepFiles(sweep.out);
  const array = sbatch([files.array]);
  const merge = sbatch([`--dependency=afterok:${array}`, files.merge]);
  return { array, merge };
}
