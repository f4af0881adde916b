import { UserError } from '../errors.ts';
import { type Command, integerFlag, parseFlags } from './command.ts';

/** Parses a flag of positive seconds (fractions allowed), naming the flag when it is not. */
function secondsFlag(flag: string, value: string | undefined) {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!(seconds > 0 && seconds <= 2_000_000)) {
    throw new UserError(`--${flag}: expected seconds, a number > 0 (e.g. 120), got '${value}'`);
  }
  return seconds;
}

/** `twolevel run`: runs an experiment's sweep into a results folder (resuming it if unfinished). */
export const command: Command = {
  name: 'run',
  summary: 'run an experiment (a sweep of games) into results/<name>/',
  help: `Usage: twolevel run <experiment.ts|experiment.json> [options]

Plays every cell of the experiment's design, its replications each, on a pool of worker
threads, and writes results/<name>/: manifest.json, runs/ (per-run rows), cells.parquet,
cells.arrow and cells.csv (per-cell sums), batches.ndjson (each batch's sums and checksums),
README.md (every column). Running it again into the same folder resumes an interrupted
sweep; a changed experiment is refused unless --force. Every finished batch is checked
against its checksum first: damaged files are named, and --repair redoes them.

Options:
  --workers N        worker threads (default: one per core)
  --replications R   replications per cell (overrides the experiment's)
  --seed S           master seed (overrides the experiment's)
  --out DIR          output folder (default: results/<experiment name>)
  --runs FORMATS     per-run rows as parquet (default), arrow, csv, several at once
                     (parquet,csv), or none
  --shard i/n        run only the i-th of n deterministic parts of the cells
                     (combine the parts with 'twolevel merge')
  --force            discard results of a different definition in the output folder, write
                     into a non-empty folder that holds no results, and
                     run a sweep the planning estimates refuse (too many cells, a game
                     too big for memory or too long, a sweep of years)
  --task-timeout S   seconds a batch may take before the sweep stops, naming its cell,
                     replication and seed (default: 20 times the measured batch times,
                     at least 60 s; 600 s until a batch has finished)
  --repair           redo the batches whose files are damaged, rewrite the tables
  --quiet            no progress output
  --no-analysis      stop after the sweep (by default an unsharded run then writes
                     summary.*, hypotheses.*, figures/ and report.html, as
                     'twolevel summarize', 'plot' and 'report' do)

Example:
  twolevel run experiments/winset-size.ts --workers 2 --replications 500`,
  async run(argv) {
    const { values, positionals } = parseFlags('run', argv, {
      workers: { type: 'string' },
      replications: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      runs: { type: 'string', default: 'parquet' },
      shard: { type: 'string' },
      force: { type: 'boolean', default: false },
      'task-timeout': { type: 'string' },
      repair: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'no-analysis': { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) {
      throw new UserError(
        `twolevel run: expected one experiment file, got ${positionals.length}. Run 'twolevel run --help'.`,
      );
    }
    const { parseRunsFormats } = await import('../results/codecs/index.ts');
    const { loadExperiment } = await import('../engine/load.ts');
    const { parseShard } = await import('../engine/plan.ts');
    const { runExperiment } = await import('../engine/run.ts');
    const runs = parseRunsFormats(values.runs);
    const { experiment, baseDir, file } = await loadExperiment(positionals[0]!);
    if (values.replications !== undefined) {
      experiment.replications = integerFlag('replications', values.replications, 1, 1);
    }
    if (values.seed !== undefined) {
      const asNumber = Number(values.seed);
      experiment.seed = String(asNumber) === values.seed ? asNumber : values.seed;
    }
    const summary = await runExperiment(experiment, {
      baseDir,
      source: file,
      out: values.out,
      workers:
        values.workers === undefined ? undefined : integerFlag('workers', values.workers, 1, 1),
      runs,
      shard: values.shard === undefined ? null : parseShard(values.shard),
      force: values.force,
      repair: values.repair,
      inputs: [file],
      progress: values.quiet ? 'quiet' : undefined,
      taskTimeout: secondsFlag('task-timeout', values['task-timeout']),
    });
    if (!values.quiet) {
      const rate =
        summary.runsThisSession > 0 ? `, ${summary.runsPerSecond.toFixed(0)} runs/s` : '';
      const done = `${summary.runsDone}/${summary.runsTotal} runs done`;
      const seconds = `${summary.seconds.toFixed(1)} s${rate}`;
      console.error(
        summary.runsThisSession === 0
          ? `already complete: ${summary.runsDone} runs`
          : summary.runsThisSession < summary.runsDone
            ? `${done}; this session played ${summary.runsThisSession} in ${seconds}`
            : `${done} in ${seconds}`,
      );
    }
    const { readManifest } = await import('../engine/manifest.ts');
    const adaptive = readManifest(summary.out)?.adaptive;
    if (adaptive && !values.quiet) {
      const { describeReplications } = await import('../engine/adaptive.ts');
      console.error(describeReplications(experiment.replications, adaptive));
    }
    // The sweep's results folder; later steps of the pipeline (summaries, figures, report) start here.
    console.log(summary.out);
    if (values.shard === undefined && !values['no-analysis']) {
      if (!values.quiet) console.error('analysing: summary, hypotheses, figures, report');
      const { analyseResults, describeOutputs } = await import('../report/analyseResults.ts');
      for (const line of describeOutputs(await analyseResults(summary.out))) console.log(line);
    }
  },
};
