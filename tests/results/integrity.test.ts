/**
 * The reproducers of issue 12 for the results folder: damaged run files, cells files and
 * journal lines are found and named, and `--repair` redoes them (item 7); sums that
 * overflow survive a resume (item 8); a second writer is refused (item 11); a non-empty
 * folder without a manifest and an output inside an input are refused (item 5). Item 8 (sums
 * that overflow) is covered by tests/results/journal.test.ts: since scenarios are bounded to
 * 1e100, no valid sweep's sums reach Infinity any more.
 * @module
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResults, readRuns } from '../../src/analysis/readResults.ts';
import { type Experiment, parseExperiment } from '../../src/engine/experiment.ts';
import { mergeShards } from '../../src/engine/merge.ts';
import { runExperiment } from '../../src/engine/run.ts';
import { JOURNAL } from '../../src/results/folder.ts';
import smallFixture from '../engine/fixtures/small.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('../engine/fixtures/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'twolevel-integrity-'));
const small = parseExperiment(smallFixture);
const options = { baseDir: fixtures, maxBatch: 5, workers: 1, progress: 'quiet' as const };

function run(experiment: Experiment, out: string, extra = {}) {
  return runExperiment(experiment, { ...options, out: join(scratch, out), ...extra });
}

/** Every file of a folder with its bytes (the manifest without timing and software). */
function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(folder, sub), { withFileTypes: true })) {
      const path = join(sub, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path === 'manifest.json') {
        const {
          timing: _,
          software: __,
          ...rest
        } = JSON.parse(readFileSync(join(folder, path), 'utf8'));
        out[path] = JSON.stringify(rest);
      } else out[path] = readFileSync(join(folder, path)).toString('base64');
    }
  };
  walk('');
  return out;
}

const BATCH = 'runs/cell-000001-batch-0002.parquet';

describe('damaged files (issue 12, item 7)', () => {
  let reference: Record<string, string>;
  beforeAll(async () => {
    await run(small, 'reference');
    reference = snapshot(join(scratch, 'reference'));
  }, 60_000);

  it('run names a truncated run file of a finished folder, and --repair redoes it byte for byte', async () => {
    const folder = join(scratch, 'truncated');
    cpSync(join(scratch, 'reference'), folder, { recursive: true });
    truncateSync(join(folder, BATCH), 100);
    const refusal = run(small, 'truncated');
    await expect(refusal).rejects.toThrow('truncated is damaged (1 problem):');
    await expect(refusal).rejects.toThrow(
      `${BATCH}: its checksum differs from the journal (truncated or changed)`,
    );
    await expect(refusal).rejects.toThrow(/--repair/);
    const repaired = await run(small, 'truncated', { repair: true });
    // one batch of 4 replications redone
    expect(repaired.runsThisSession).toBe(4);
    expect(snapshot(folder)).toEqual(reference);
  });

  it('the analysis refuses a garbage or deleted run file instead of reading fewer runs', async () => {
    const folder = join(scratch, 'garbage');
    cpSync(join(scratch, 'reference'), folder, { recursive: true });
    writeFileSync(join(folder, BATCH), 'not parquet');
    expect(() => readRuns(readResults(folder))).toThrow(
      /analysis: .*garbage is damaged \(1 problem\):\n {2}.*cell-000001-batch-0002\.parquet: its checksum differs/,
    );
    rmSync(join(folder, BATCH));
    expect(() => readRuns(readResults(folder))).toThrow(/cell-000001-batch-0002\.parquet: missing/);
    writeFileSync(join(folder, 'cells.arrow'), 'garbage');
    expect(() => readResults(folder)).toThrow(
      /cells\.arrow: its checksum differs from the manifest/,
    );
  });

  it('a journal line with changed sums is refused, and --repair redoes its batch', async () => {
    const folder = join(scratch, 'flipped');
    cpSync(join(scratch, 'reference'), folder, { recursive: true });
    const file = join(folder, JOURNAL);
    const lines = readFileSync(file, 'utf8').split('\n');
    // the first sum of the batch (its run count 4 = 0x4010...) becomes 5 (0x4014...)
    lines[3] = lines[3]!.replace('"sums":"0000000000001040', '"sums":"0000000000001440');
    writeFileSync(file, lines.join('\n'));
    await expect(run(small, 'flipped')).rejects.toThrow(
      /batches\.ndjson: its checksum differs from the manifest \(changed\)\n {2}.*batches\.ndjson line 4: its checksum does not match \(edited or damaged\)/,
    );
    await run(small, 'flipped', { repair: true });
    expect(snapshot(folder)).toEqual(reference);
  });

  it('merge refuses a shard with a truncated run file, naming it', async () => {
    await run(small, 'shard1', { shard: { index: 1, count: 2 } });
    await run(small, 'shard2', { shard: { index: 2, count: 2 } });
    truncateSync(join(scratch, 'shard2', BATCH), 10);
    expect(() =>
      mergeShards([join(scratch, 'shard1'), join(scratch, 'shard2')], join(scratch, 'merged')),
    ).toThrow(/merge: .*shard2 is damaged \(1 problem\):\n {2}.*cell-000001-batch-0002\.parquet/);
    expect(existsSync(join(scratch, 'merged', 'manifest.json'))).toBe(false);
  });
});

describe('one writer per folder (issue 12, item 11)', () => {
  it('refuses a second run into a folder being written, naming the holder', async () => {
    const first = run(small, 'locked', { runs: 'none' });
    const second = run(small, 'locked', { runs: 'none' });
    const [a, b] = await Promise.allSettled([first, second]);
    const refused = [a, b].filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(refused).toHaveLength(1);
    expect(String(refused[0]!.reason.message)).toMatch(
      new RegExp(`is locked by another twolevel 'run' \\(process ${process.pid} on this host`),
    );
    expect(existsSync(join(scratch, 'locked', 'lock.json'))).toBe(false);
  });
});

describe('writing over the user files (issue 12, item 5)', () => {
  it('run --out into a project folder leaves its README alone unless --force', () => {
    const project = join(scratch, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'README.md'), '# my project\n');
    const cli = spawnSync(
      process.execPath,
      ['bin/twolevel.js', 'run', join(fixtures, 'small.ts'), '--out', project, '--quiet'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(
      /^run: .*project is not empty \(README\.md\) and holds no twolevel results/,
    );
    expect(readFileSync(join(project, 'README.md'), 'utf8')).toBe('# my project\n');
  });

  it('merge q1 q2 --out q1/runs is refused before anything is written', async () => {
    await run(small, 'q1', { shard: { index: 1, count: 2 }, runs: 'none' });
    await run(small, 'q2', { shard: { index: 2, count: 2 }, runs: 'none' });
    const q1 = join(scratch, 'q1');
    expect(() => mergeShards([q1, join(scratch, 'q2')], join(q1, 'runs'))).toThrow(
      /merge: the output folder .*q1\/runs is inside the input .*q1; choose an --out folder outside it/,
    );
    expect(existsSync(join(q1, 'runs'))).toBe(false);
  });
});
