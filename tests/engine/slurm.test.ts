import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeStatus } from '../../src/cli/status.ts';
import { parseExperiment } from '../../src/engine/experiment.ts';
import { mergeShards } from '../../src/engine/merge.ts';
import { runExperiment } from '../../src/engine/run.ts';
import {
  arrayScript,
  compactRanges,
  mergeScript,
  planSlurmSweep,
  type SlurmOptions,
  writeSlurmSweep,
} from '../../src/engine/slurm.ts';
import { sweepStatus } from '../../src/engine/status.ts';
import smallFixture from './fixtures/small.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'twolevel-slurm-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The small fixture (4 cells x 12 replications) as `loadExperiment` returns it. */
function loaded() {
  return {
    experiment: parseExperiment(smallFixture),
    baseDir: fixtures,
    file: join(fixtures, 'small.ts'),
  };
}

function plan(options: Partial<SlurmOptions> = {}) {
  return planSlurmSweep(loaded(), {
    tasks: 3,
    out: join(scratch, 'plan'),
    resources: { cpusPerTask: 1 },
    node: '/opt/node/bin/node',
    cli: '/opt/twolevel/bin/twolevel.js',
    ...options,
  });
}

describe('planSlurmSweep and the job scripts', () => {
  it('gives shard i the cells i-1 mod N: 4 cells in 3 shards hold 24, 12 and 12 runs', () => {
    expect(plan().shardRuns).toEqual([24, 12, 12]);
  });

  it('writes the resources, requeue, the array and the shard command', () => {
    const sweep = plan({
      runs: 'none',
      seed: 'a b',
      resources: {
        cpusPerTask: 4,
        partition: 'short',
        time: '1-02:00:00',
        mem: '4G',
        account: 'pol',
      },
    });
    const out = join(scratch, 'plan');
    const lines = arrayScript(sweep).split('\n');
    expect(lines.filter((l) => l.startsWith('#SBATCH'))).toEqual([
      '#SBATCH --job-name=twolevel-small',
      '#SBATCH --cpus-per-task=4',
      '#SBATCH --partition=short',
      '#SBATCH --time=1-02:00:00',
      '#SBATCH --mem=4G',
      '#SBATCH --account=pol',
      '#SBATCH --requeue',
      '#SBATCH --open-mode=append',
      `#SBATCH --output=${out}/slurm/logs/shard-%a.log`,
      '#SBATCH --array=1-3',
    ]);
    expect(lines).toContain('node=/opt/node/bin/node');
    expect(lines).toContain('twolevel=/opt/twolevel/bin/twolevel.js');
    expect(lines.slice(-3).join('\n')).toBe(
      `exec "$node" "$twolevel" run "$experiment" --shard "$i/3" --out "$dir/shards/$i" \\\n  --workers "$SLURM_CPUS_PER_TASK" --no-analysis --runs none --seed 'a b'\n`,
    );
    const merge = mergeScript(sweep);
    expect(merge).toContain('#SBATCH --kill-on-invalid-dep=yes\n');
    expect(merge).toContain('"$node" "$twolevel" merge "$dir"/shards/{1..3} --out "$dir"\n');
    expect(merge).not.toContain('--array');
  });

  it('refuses more tasks than cells, bad resources and paths a script cannot carry', () => {
    expect(() => plan({ tasks: 5 })).toThrow(/the design has 4 cells, so at most 4 tasks/);
    expect(() => plan({ resources: { cpusPerTask: 1, time: 'soon' } })).toThrow(
      /--time: expected HH:MM:SS .* got 'soon'/,
    );
    expect(() => plan({ resources: { cpusPerTask: 1, mem: '4 GB' } })).toThrow(/--mem/);
    expect(() => plan({ resources: { cpusPerTask: 1, partition: 'a;rm' } })).toThrow(/--partition/);
    expect(() => plan({ out: join(scratch, 'my results') })).toThrow(/--out: .* holds a blank/);
  });

  it('refuses --runs none when the analysis needs per-run rows (McNemar)', () => {
    const experiment = parseExperiment({
      ...smallFixture,
      crn: true,
      hypotheses: [
        {
          label: 'paired',
          outcome: 'agreement',
          on: 'countries.B.ratification.quota',
          direction: 'decreasing',
          test: 'mcnemar',
        },
      ],
    });
    const sweep = (runs: 'none' | 'arrow') =>
      planSlurmSweep(
        { ...loaded(), experiment },
        { tasks: 2, out: join(scratch, 'mcnemar'), runs, resources: { cpusPerTask: 1 } },
      );
    expect(() => sweep('none')).toThrow(
      "--runs none: hypothesis 'paired' (test mcnemar) needs the per-run rows, which --runs none does not keep; keep them (--runs parquet) or remove it from the experiment",
    );
    expect(sweep('arrow').shardRuns).toEqual([24, 24]);
  });

  it('writes array ranges as SLURM does', () => {
    expect(compactRanges([5, 1, 2, 3, 7, 8])).toBe('1-3,5,7-8');
    expect(compactRanges([4])).toBe('4');
  });
});

describe('sweepStatus', () => {
  const out = join(scratch, 'status');
  const files = writeSlurmSweep(plan({ out }));
  const shard = (index: number) =>
    runExperiment(loaded().experiment, {
      baseDir: fixtures,
      out: join(out, 'shards', String(index)),
      shard: { index, count: 3 },
      progress: 'quiet',
      workers: 1,
    });
  beforeAll(async () => {
    await shard(1);
    // Shard 2 as a killed task leaves it: manifest 'running', one batch (cell 1) journalled
    // and a torn line.
    await shard(2);
    const manifestFile = join(out, 'shards', '2', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, status: 'running', runsDone: 0 }));
    writeFileSync(
      join(out, 'shards', '2', 'batches.ndjson'),
      `${JSON.stringify({ cell: 1, batch: 0, sums: [] })}\n{"cell": 1, "ba`,
    );
  });

  it('names complete, stopped and missing shards and resubmits the last two', () => {
    const status = sweepStatus(out, () => []);
    expect(status.shards.map((s) => [s.state, s.runsDone, s.runsTotal])).toEqual([
      ['complete', 24, 24],
      ['stopped', 12, 12],
      ['missing', 0, 12],
    ]);
    expect([status.runsDone, status.runsTotal, status.merged]).toEqual([36, 48, false]);
    expect(status.command).toBe(
      `array=$(sbatch --parsable --array=2-3 ${files.array}) && sbatch --dependency=afterok:$array ${files.merge}`,
    );
    const lines = describeStatus(status);
    expect(lines[0]).toBe(`sweep 'small' in ${out}: 3 shards, 36/48 runs done, not merged yet`);
    expect(lines[1]).toBe('shard  state     runs   last write  SLURM job');
    expect(lines[3]).toMatch(/^2\/3 {4}stopped {3}12\/12 {2}\d+s ago$/);
    expect(lines[4]).toBe('3/3    missing   0/12   -');
    expect(lines.slice(-2)).toEqual([
      'Resubmit shards 2,3, then the merge:',
      `  ${status.command}`,
    ]);
  });

  it('leaves queued tasks alone and makes the new merge wait for them too', () => {
    const status = sweepStatus(out, () => [
      { id: '7_3', task: 3, state: 'PENDING', reason: 'Resources' },
      { id: '8', state: 'PENDING', reason: 'Dependency' },
    ]);
    expect(status.shards.map((s) => s.state)).toEqual(['complete', 'stopped', 'queued']);
    expect(status.command).toBe(
      `array=$(sbatch --parsable --array=2 ${files.array}) && sbatch --dependency=afterok:$array:7_3 ${files.merge}`,
    );
    expect(describeStatus(status)).toContain('merge job 8: PENDING (Dependency)');
  });

  it('without the queue, takes the manifest at its word and warns before resubmitting', () => {
    const status = sweepStatus(out, () => ({ unavailable: 'squeue not found on PATH' }));
    expect(status.shards.map((s) => s.state)).toEqual(['complete', 'running', 'missing']);
    expect(status.resubmit).toEqual([2, 3]);
    expect(describeStatus(status).join('\n')).toMatch(
      /SLURM's queue could not be asked \(squeue not found on PATH\).*make sure no shard listed below still runs/,
    );
  });

  it("calls the shards of a merged sweep whose shards/ was deleted 'removed', their runs merged", async () => {
    const merged = join(scratch, 'merged');
    writeSlurmSweep(plan({ out: merged }));
    const shards = [1, 2, 3].map((index) => join(merged, 'shards', String(index)));
    for (const [k, folder] of shards.entries()) {
      await runExperiment(loaded().experiment, {
        baseDir: fixtures,
        out: folder,
        shard: { index: k + 1, count: 3 },
        progress: 'quiet',
        workers: 1,
      });
    }
    mergeShards(shards, merged);
    rmSync(join(merged, 'shards'), { recursive: true });
    const status = sweepStatus(merged, () => []);
    expect(status.shards.map((s) => [s.state, s.runsDone, s.runsTotal])).toEqual([
      ['removed', 24, 24],
      ['removed', 12, 12],
      ['removed', 12, 12],
    ]);
    const lines = describeStatus(status);
    expect(lines[0]).toBe(`sweep 'small' in ${merged}: 3 shards, 48/48 runs done, merged`);
    expect(lines[4]).toBe('3/3    removed  12/12  -');
    expect(lines.at(-1)).toBe(`Nothing to resubmit: the merged results are in ${merged}.`);
  });

  it('reads a copied sweep folder where it is now, and says where its jobs point', () => {
    const copy = join(scratch, 'status-copy');
    cpSync(out, copy, { recursive: true });
    // shard 2 finished in the copy only: its state comes from the copy, not from `out`
    const manifestFile = join(copy, 'shards', '2', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, status: 'complete', runsDone: 12 }));
    const status = sweepStatus(copy, () => []);
    expect(status.folder).toBe(copy);
    expect(status.shards.map((s) => s.state)).toEqual(['complete', 'complete', 'missing']);
    const lines = describeStatus(status);
    expect(lines[0]).toBe(`sweep 'small' in ${copy}: 3 shards, 36/48 runs done, not merged yet`);
    expect(lines[1]).toBe(
      `(written by 'twolevel slurm' as ${out}: SLURM's jobs and the commands below use that path)`,
    );
    expect(status.command).toBe(
      `array=$(sbatch --parsable --array=3 ${files.array}) && sbatch --dependency=afterok:$array ${files.merge}`,
    );
  });

  it('refuses a folder that holds no sweep', () => {
    expect(() => sweepStatus(scratch, () => [])).toThrow(/no sweep written by 'twolevel slurm'/);
  });
});
