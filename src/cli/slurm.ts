import { readFileSync } from 'node:fs';
import { UserError } from '../errors.ts';
import { type Command, integerFlag, parseFlags } from './command.ts';

/** `twolevel slurm`: a sweep as a SLURM job array and a dependent merge-and-analyse job. */
export const command: Command = {
  name: 'slurm',
  summary: 'run a sweep on a SLURM cluster: a job array of shards, then merge and analyse',
  help: `Usage: twolevel slurm <experiment> --tasks N [options]

Writes two SLURM job scripts into <out>/slurm/ and prints them with the command that submits
them: a job array of N tasks, task i running 'twolevel run <experiment> --shard i/N' into
<out>/shards/i with $SLURM_CPUS_PER_TASK worker threads, and a merge job that waits for every
task to succeed (--dependency=afterok), merges the shards into <out> (the same files as one
'twolevel run' writes) and analyses it. Jobs are requeueable: a task killed and requeued (time
limit, preemption, node failure) resumes its shard. The scripts run Node and this toolkit
from the paths they are found at here (override with --node, --cli); the experiment file and
<out> must be on a file system the compute nodes share. Follow the sweep with
'twolevel status <out>'.

Options:
  --tasks N            array tasks, one shard each (at most the design's cells)
  --out DIR            results folder (default: results/<experiment name>)
  --partition P        SLURM partition (default: the site's)
  --time HH:MM:SS      time limit of each job (default: the partition's)
  --cpus-per-task C    CPUs, and so worker threads, of each task (default 1)
  --mem M              memory of each job, e.g. 4G (default: the site's)
  --account A          account to charge (default: yours)
  --runs FORMATS       per-run rows as parquet, arrow, csv (several: parquet,csv), or none (cells only: for a sweep too big
                       for the disk); default: 'twolevel run's default
  --replications R     replications per cell (overrides the experiment's)
  --seed S             master seed (overrides the experiment's)
  --node PATH          Node executable on the compute nodes (default: this one)
  --cli PATH           twolevel's bin/twolevel.js on the compute nodes (default: this one)
  --submit             submit both jobs with sbatch and print their ids

Example:
  twolevel slurm experiments/ratification-quota.ts --tasks 4 --time 00:30:00 --submit`,
  async run(argv) {
    const { values, positionals } = parseFlags('slurm', argv, {
      tasks: { type: 'string' },
      out: { type: 'string' },
      partition: { type: 'string' },
      time: { type: 'string' },
      'cpus-per-task': { type: 'string' },
      mem: { type: 'string' },
      account: { type: 'string' },
      runs: { type: 'string' },
      replications: { type: 'string' },
      seed: { type: 'string' },
      node: { type: 'string' },
      cli: { type: 'string' },
      submit: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) {
      throw new UserError(
        `twolevel slurm: expected one experiment file, got ${positionals.length}. Run 'twolevel slurm --help'.`,
      );
    }
    if (values.tasks === undefined) {
      throw new UserError('twolevel slurm: --tasks N is required (the number of array tasks)');
    }
    const { parseRunsFormats } = await import('../results/codecs/index.ts');
    const { loadExperiment } = await import('../engine/load.ts');
    const { planSlurmSweep, submitCommand, submitSlurmSweep, writeSlurmSweep } = await import(
      '../engine/slurm.ts'
    );
    const runs = values.runs === undefined ? undefined : parseRunsFormats(values.runs);
    const loaded = await loadExperiment(positionals[0]!);
    if (values.replications !== undefined) {
      loaded.experiment.replications = integerFlag('replications', values.replications, 1, 1);
    }
    if (values.seed !== undefined) {
      const asNumber = Number(values.seed);
      loaded.experiment.seed = String(asNumber) === values.seed ? asNumber : values.seed;
    }
    const sweep = planSlurmSweep(loaded, {
      tasks: integerFlag('tasks', values.tasks, 1, 1),
      out: values.out,
      runs,
      replications: values.replications,
      seed: values.seed,
      node: values.node,
      cli: values.cli,
      resources: {
        cpusPerTask: integerFlag('cpus-per-task', values['cpus-per-task'], 1, 1),
        partition: values.partition,
        time: values.time,
        mem: values.mem,
        account: values.account,
      },
    });
    const files = writeSlurmSweep(sweep);
    const runsTotal = sweep.shardRuns.reduce((a, b) => a + b, 0);
    console.error(
      `${sweep.name}: ${runsTotal} runs in ${sweep.tasks} shards of ${Math.min(...sweep.shardRuns)}-${Math.max(...sweep.shardRuns)} runs`,
    );
    if (!values.submit) {
      for (const file of [files.array, files.merge]) {
        console.log(`# ${file}\n${readFileSync(file, 'utf8')}`);
      }
      console.log(`Submit both:\n  ${submitCommand(sweep)}`);
      console.log(`Follow the sweep:\n  twolevel status ${sweep.out}`);
      return;
    }
    const jobs = submitSlurmSweep(sweep);
    console.log(`array job ${jobs.array}: ${sweep.tasks} tasks, ${files.array}`);
    console.log(`merge job ${jobs.merge}: after job ${jobs.array} succeeds, ${files.merge}`);
    console.log(`Follow the sweep:\n  twolevel status ${sweep.out}`);
  },
};
