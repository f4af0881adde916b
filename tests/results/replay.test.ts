import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResults, readRuns } from '../../src/analysis/readResults.ts';
import { OUTCOMES } from '../../src/engine/columns.ts';
import { parseExperiment } from '../../src/engine/experiment.ts';
import { failedVotes, replayRun } from '../../src/engine/replay.ts';
import { runExperiment } from '../../src/engine/run.ts';
import { readManifest } from '../../src/results/manifest.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/every-outcome.json', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'twolevel-replay-'));

/** The first run of each outcome in a folder: its cell, replication and seed. */
function firstOfEach(dir: string) {
  const runs = readRuns(readResults(dir));
  const outcome = runs.array('outcome') as Uint8Array;
  return OUTCOMES.map((name, code) => {
    const i = outcome.indexOf(code);
    expect(i, `a run ending in ${name}`).toBeGreaterThanOrEqual(0);
    return {
      name,
      cell: runs.get('cell', i) as number,
      replication: runs.get('replication', i) as number,
      seed: runs.get('seed', i) as string,
    };
  });
}

describe('replay', () => {
  const folders = { parquet: join(scratch, 'parquet'), csv: join(scratch, 'csv') };
  beforeAll(async () => {
    const experiment = parseExperiment(JSON.parse(readFileSync(fixture, 'utf8')));
    for (const [format, out] of Object.entries(folders)) {
      await runExperiment(experiment, {
        out,
        runs: format as 'parquet',
        maxBatch: 8,
        workers: 1,
        progress: 'quiet',
      });
    }
  }, 120_000);

  it('gives the stored row bit for bit for a run of every outcome, Parquet and CSV', async () => {
    for (const out of Object.values(folders)) {
      const manifest = readManifest(out)!;
      for (const run of firstOfEach(out)) {
        const replay = await replayRun(out, manifest, run);
        expect(replay.record.outcome).toBe(run.name);
        expect(replay.seed).toBe(run.seed);
        expect(replay.differing, `${out} ${run.name}`).toEqual([]);
      }
    }
  });

  it('finds a run by its seed and names the chamber that voted an agreement down', async () => {
    const out = folders.parquet;
    const manifest = readManifest(out)!;
    const failed = firstOfEach(out).find((r) => r.name === 'involuntary_defection')!;
    const replay = await replayRun(out, manifest, { seed: failed.seed });
    expect([replay.cell, replay.replication]).toEqual([failed.cell, failed.replication]);
    const lines = failedVotes(replay.scenario, replay.events);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(
      /^B's chamber 'chamber' voted yes 0\.\d+ < quota 0\.(5|9): B did not ratify x = 0\.\d{4}$/,
    );
  });

  it('refuses a cell, replication or seed the folder does not hold, clearly', async () => {
    const manifest = readManifest(folders.parquet)!;
    await expect(replayRun(folders.parquet, manifest, { cell: 9, replication: 0 })).rejects.toThrow(
      'replay: --cell 9 is not a cell of',
    );
    await expect(
      replayRun(folders.parquet, manifest, { cell: 0, replication: 30 }),
    ).rejects.toThrow('replay: --replication must be in 0..29, got 30');
    await expect(
      replayRun(folders.parquet, manifest, { seed: 'feedfeedfeedfeed' }),
    ).rejects.toThrow('replay: no run of');
  });

  it('twolevel replay prints the record, the failed vote and the comparison', () => {
    const failed = firstOfEach(folders.csv).find((r) => r.name === 'involuntary_defection')!;
    const cli = spawnSync(
      process.execPath,
      [
        'bin/twolevel.js',
        'replay',
        folders.csv,
        '--cell',
        String(failed.cell),
        '--replication',
        String(failed.replication),
        '--trace',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('outcome      involuntary_defection by B');
    expect(cli.stdout).toMatch(/ratification failed:\n {2}B's chamber 'chamber' voted yes/);
    expect(cli.stdout).toContain('the replayed row equals the stored row, bit for bit');
  });
});
