/**
 * `twolevel slurm --submit` and `twolevel status` on a real one-node SLURM cluster that the
 * test starts and stops itself ({@link startCluster}); skipped, saying how to enable it,
 * where SLURM is not installed or the test does not run as root.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, clusterUnavailable, startCluster, waitFor } from './slurmCluster.ts';

const bin = fileURLToPath(new URL('../../bin/twolevel.js', import.meta.url));
const experiment = fileURLToPath(
  new URL('../../experiments/ratification-quota.ts', import.meta.url),
);
const unavailable = clusterUnavailable();
if (unavailable) {
  console.warn(
    `tests/cli/slurm.test.ts skipped: ${unavailable}. To enable it, run 'bash scripts/install-system-deps.sh' as root on Debian (installs munge, slurmctld, slurmd, slurm-client) and run the tests as root.`,
  );
}

/** The cluster sweep's own files, which a single run does not have. */
const CLUSTER_ONLY = new Set(['slurm', 'shards']);

/** Rows of report.html's provenance table that hold the manifest's timing and the folder. */
const PROVENANCE =
  /<tr><td>(started|finished|runs per second|results folder)<\/td><td>[^<]*<\/td><\/tr>/g;

/**
 * Every file of a results folder with its bytes, except what legitimately differs between two
 * runs of one sweep: the manifest's `timing` (start, end, runs per second) and the rows of
 * report.html that print it and the folder's path.
 */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(folder, sub), { withFileTypes: true })) {
      const path = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (sub === '' && CLUSTER_ONLY.has(entry.name)) continue;
      if (entry.isDirectory()) walk(path);
      else if (path === 'manifest.json') {
        const { timing: _, ...rest } = JSON.parse(readFileSync(join(folder, path), 'utf8'));
        files.set(path, JSON.stringify(rest));
      } else if (path === 'report.html') {
        files.set(path, readFileSync(join(folder, path), 'utf8').replace(PROVENANCE, ''));
      } else files.set(path, readFileSync(join(folder, path)).toString('base64'));
    }
  };
  walk('');
  return files;
}

/** The files that differ between two folders, or are in one only (empty when equal). */
function differences(a: string, b: string): string[] {
  const [x, y] = [snapshot(a), snapshot(b)];
  const names = new Set([...x.keys(), ...y.keys()]);
  return [...names].filter((n) => x.get(n) !== y.get(n)).sort();
}

describe.skipIf(unavailable !== undefined)('twolevel slurm on a one-node SLURM cluster', () => {
  let cluster: Cluster;
  const scratch = mkdtempSync(join(tmpdir(), 'twolevel-slurm-test-'));
  beforeAll(async () => {
    cluster = await startCluster();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }, 90_000);

  /** Runs the `twolevel` command with the cluster's environment; returns standard output. */
  const twolevel = (args: string[]) => {
    const out = spawnSync(process.execPath, [bin, ...args], {
      env: cluster.env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (out.status !== 0) throw new Error(`twolevel ${args.join(' ')} failed:\n${out.stderr}`);
    return out.stdout;
  };

  /** A job's state from `scontrol` (sacct needs slurmdbd, which this cluster has not). */
  const jobState = (id: string) =>
    /JobState=(\S+)/.exec(cluster.run('scontrol', ['-o', 'show', 'job', id]))?.[1] ?? 'UNKNOWN';

  /** Waits (bounded) for a job to end; returns its final state. */
  const finished = async (id: string, seconds: number) => {
    const running = new Set(['PENDING', 'RUNNING', 'CONFIGURING', 'COMPLETING', 'REQUEUED']);
    await waitFor(`job ${id}`, () => !running.has(jobState(id)), seconds, 500);
    return jobState(id);
  };

  /** The sweep's logs and the daemons', for a failure message. */
  const logs = (dir: string) => {
    const folder = join(dir, 'slurm', 'logs');
    const mine = existsSync(folder)
      ? readdirSync(folder).map((f) => `--- ${f}\n${readFileSync(join(folder, f), 'utf8')}`)
      : [];
    return [...mine, cluster.logs()].join('\n');
  };

  it('runs a 4-task array and merges it to the bytes of a single run', async () => {
    const plain = join(scratch, 'plain-400');
    const dir = join(scratch, 'array-400');
    twolevel([
      'run',
      experiment,
      '--replications',
      '400',
      '--workers',
      '2',
      '--quiet',
      '--out',
      plain,
    ]);
    const submitted = twolevel([
      'slurm',
      experiment,
      '--tasks',
      '4',
      '--replications',
      '400',
      '--out',
      dir,
      '--submit',
    ]);
    const array = /^array job (\d+): 4 tasks/m.exec(submitted)?.[1];
    const merge = /^merge job (\d+): after job (\d+) succeeds/m.exec(submitted);
    expect(array).toBeDefined();
    expect(merge?.[2]).toBe(array);
    expect(await finished(merge![1]!, 240), logs(dir)).toBe('COMPLETED');
    expect(differences(plain, dir)).toEqual([]);
    // 4 cells x 400 runs: one run file of 400 runs each
    expect(readdirSync(join(dir, 'runs'))).toHaveLength(4);
    const status = twolevel(['status', dir]).trimEnd().split('\n');
    expect(status[0]).toBe(
      `sweep 'ratification-quota' in ${dir}: 4 shards, 1600/1600 runs done, merged`,
    );
    expect(status.filter((l) => /^\d\/4 +complete +400\/400 /.test(l))).toHaveLength(4);
    expect(status).toContain(`Nothing to resubmit: the merged results are in ${dir}.`);
  }, 300_000);

  it('resumes a task cancelled midway when resubmitted as status says, to the same bytes', async () => {
    const plain = join(scratch, 'plain-10000');
    const dir = join(scratch, 'array-10000');
    const replications = ['--replications', '10000'];
    twolevel(['run', experiment, ...replications, '--workers', '2', '--quiet', '--out', plain]);
    const submitted = twolevel([
      'slurm',
      experiment,
      ...replications,
      '--tasks',
      '4',
      '--out',
      dir,
      '--submit',
    ]);
    const array = /^array job (\d+)/m.exec(submitted)![1]!;
    const firstMerge = /^merge job (\d+)/m.exec(submitted)![1]!;
    // Shard 2 (one cell, 10 batches of 1,000 runs) is cancelled once its first batch is in.
    const journal = join(dir, 'shards', '2', 'batches.ndjson');
    await waitFor(
      'shard 2 to finish a batch',
      () => existsSync(journal) && readFileSync(journal, 'utf8').includes('\n'),
      120,
      50,
    );
    cluster.run('scancel', [`${array}_2`]);
    await waitFor(
      'the sweep to leave the queue',
      () => cluster.run('squeue', ['-h']).trim() === '',
      180,
      500,
    );
    // The merge job could never run: SLURM cancelled it (--kill-on-invalid-dep).
    expect(jobState(firstMerge)).toBe('CANCELLED');
    expect(jobState(`${array}_2`)).toBe('CANCELLED');

    const status = twolevel(['status', dir]).trimEnd().split('\n');
    const shard2 = /^2\/4 +stopped +(\d+)\/10000 /m.exec(status.join('\n'));
    expect(shard2, status.join('\n')).not.toBeNull();
    const kept = Number(shard2![1]);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(10_000);
    expect(status.filter((l) => /^[134]\/4 +complete +10000\/10000 /.test(l))).toHaveLength(3);
    expect(status.at(-2)).toBe('Resubmit shard 2, then the merge:');
    const command = status.at(-1)!.trim();
    expect(command).toBe(
      `array=$(sbatch --parsable --array=2 ${dir}/slurm/array.sbatch) && sbatch --dependency=afterok:$array ${dir}/slurm/merge.sbatch`,
    );

    const resubmitted = spawnSync('bash', ['-c', command], { env: cluster.env, encoding: 'utf8' });
    expect(resubmitted.status, resubmitted.stderr).toBe(0);
    const merge = /Submitted batch job (\d+)/.exec(resubmitted.stdout)![1]!;
    expect(await finished(merge, 240), logs(dir)).toBe('COMPLETED');
    expect(differences(plain, dir)).toEqual([]);
    // Task 2's log holds both jobs: the cancelled one, then the resumed one finishing.
    const log = readFileSync(join(dir, 'slurm', 'logs', 'shard-2.log'), 'utf8');
    expect(log).toMatch(/CANCELLED AT [\s\S]*10000\/10000 runs done/);
    expect(twolevel(['status', dir])).toMatch(/40000\/40000 runs done, merged/);
  }, 400_000);
});
