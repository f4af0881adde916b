import type { SweepStatus } from '../engine/status.ts';
import { UserError } from '../errors.ts';
import { type Command, parseFlags } from './command.ts';

/** Seconds as `12s`, `3m05s` or `2h10m`. */
function age(seconds: number | undefined) {
  if (seconds === undefined) return '-';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s ago`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m ago`;
}

/** The lines `twolevel status` prints for a sweep. */
export function describeStatus(status: SweepStatus): string[] {
  const { sweep, shards } = status;
  const N = sweep.tasks;
  const rows = shards.map((s) => [
    `${s.index}/${N}`,
    s.state,
    `${s.runsDone}/${s.runsTotal}`,
    age(s.idleSeconds),
    s.job ? `${s.job.id} ${s.job.state}` : '',
  ]);
  const header = ['shard', 'state', 'runs', 'last write', 'SLURM job'];
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, k) => c.padEnd(widths[k]!))
      .join('  ')
      .trimEnd();
  const lines = [
    `sweep '${sweep.name}' in ${status.folder}: ${N} shards, ${status.runsDone}/${status.runsTotal} runs done, ${status.merged ? 'merged' : 'not merged yet'}`,
    ...(status.folder === sweep.out
      ? []
      : [
          `(written by 'twolevel slurm' as ${sweep.out}: SLURM's jobs and the commands below use that path)`,
        ]),
    line(header),
    ...rows.map(line),
    ...shards.filter((s) => s.problem).map((s) => `shard ${s.index}: ${s.problem}`),
  ];
  if (Array.isArray(status.queue)) {
    for (const job of status.queue.filter((j) => j.task === undefined)) {
      lines.push(`merge job ${job.id}: ${job.state} (${job.reason})`);
    }
  } else {
    lines.push(
      `SLURM's queue could not be asked (${status.queue.unavailable}): 'running' is what a shard's manifest says; make sure no shard listed below still runs before resubmitting it.`,
    );
  }
  if (status.resubmit.length > 0) {
    const which = status.resubmit.join(',');
    lines.push(`Resubmit shard${status.resubmit.length > 1 ? 's' : ''} ${which}, then the merge:`);
  } else if (status.command) {
    lines.push('Every shard is complete; submit the merge:');
  } else if (status.merged) {
    lines.push(`Nothing to resubmit: the merged results are in ${status.folder}.`);
  } else {
    lines.push('Nothing to resubmit: the remaining shards are queued or running.');
  }
  if (status.command) lines.push(`  ${status.command}`);
  return lines;
}

/** `twolevel status`: how far a SLURM sweep has got, and what to resubmit. */
export const command: Command = {
  name: 'status',
  summary: "how far a sweep submitted with 'twolevel slurm' has got, and what to resubmit",
  help: `Usage: twolevel status <results dir>

For a sweep written by 'twolevel slurm', lists each shard as complete, running, queued (its
task waits in SLURM's queue), stopped (started, unfinished, and no task runs it: killed,
cancelled or failed), missing (never started) or removed (deleted after the merge, which
holds its runs), with its runs done out of its total, how long ago it last wrote, and its
SLURM job; then whether the shards are merged, and the command that resubmits the stopped
and missing shards and the merge job after them.
The queue is read with 'squeue --me' where it answers; the folders are only read.

Example:
  twolevel status results/ratification-quota`,
  async run(argv) {
    const { positionals } = parseFlags('status', argv, {});
    if (positionals.length !== 1) {
      throw new UserError(
        `twolevel status: expected one results folder, got ${positionals.length}. Run 'twolevel status --help'.`,
      );
    }
    const { sweepStatus } = await import('../engine/status.ts');
    for (const line of describeStatus(sweepStatus(positionals[0]!))) console.log(line);
  },
};
