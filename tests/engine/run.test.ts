import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import { afterAll, describe, expect, it } from 'vitest';
import { RunBatch } from '../../src/engine/columns.ts';
import { type Experiment, parseExperiment } from '../../src/engine/experiment.ts';
import { mergeShards } from '../../src/engine/merge.ts';
import { cellScenario, planExperiment } from '../../src/engine/plan.ts';
import { runExperiment, TASK_SECONDS, takesAnother } from '../../src/engine/run.ts';
import { runSeed } from '../../src/engine/seeds.ts';
import { writeRunFiles } from '../../src/engine/store.ts';
import { createGame } from '../../src/negotiation/game.ts';
import { readJournal } from '../../src/results/journal.ts';
import { readManifest } from '../../src/results/manifest.ts';
import resumeFixture from './fixtures/resume.ts';
import smallFixture from './fixtures/small.ts';
import { killMidway } from './killAndResume.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'twolevel-engine-'));
const small = parseExperiment(smallFixture);
// Parquet (the default) and Arrow, which the tests below read with arquero.
const quiet = {
  progress: 'quiet' as const,
  baseDir: fixtures,
  maxBatch: 5,
  runs: ['parquet', 'arrow'] as const,
};

/**
 * The small scenario played by the researcher's own protocol (a module the workers load,
 * relative to the fixtures folder), which also fails on purpose at deadline 7 and 8.
 */
const firstBestScenario = {
  ...(smallFixture.scenario as object),
  protocol: {
    name: 'first-best',
    module: '../../negotiation/fixtures/firstBest.ts',
    candidates: 41,
  },
};

/** What the engine writes; later pipeline steps (summaries, report) may add other files. */
const ENGINE_FILES =
  /^(manifest\.json|README\.md|batches\.ndjson|cells\.(parquet|arrow|csv)|runs\/.*)$/;

/**
 * Every file the engine wrote in a results folder with its bytes; the manifest without its
 * timing and software (the git commit moves while other work is committed).
 */
function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const name of readdirSync(join(folder, sub), { withFileTypes: true })) {
      const path = join(sub, name.name);
      if (name.isDirectory()) walk(path);
      else if (!ENGINE_FILES.test(path)) continue;
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

/** The files whose bytes differ between two snapshots (empty when the folders are equal). */
function differing(a: Record<string, string>, b: Record<string, string>) {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((name) => a[name] !== b[name]).sort();
}

function run(experiment: Experiment, out: string, options = {}) {
  return runExperiment(experiment, { ...quiet, out: join(scratch, out), ...options });
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('runExperiment', () => {
  it('writes the same bytes with 1, 2 and 4 workers', async () => {
    const one = await run(small, 'w1', { workers: 1 });
    expect(one.runsDone).toBe(4 * 12);
    await run(small, 'w2', { workers: 2 });
    await run(small, 'w4', { workers: 4 });
    const reference = snapshot(one.out);
    // 4 cells x 3 batches of 4 replications, in two formats
    expect(Object.keys(reference).filter((f) => f.startsWith('runs/'))).toHaveLength(24);
    expect(differing(snapshot(join(scratch, 'w2')), reference)).toEqual([]);
    expect(differing(snapshot(join(scratch, 'w4')), reference)).toEqual([]);
  });

  it('sums per cell what the run rows hold', async () => {
    const folder = join(scratch, 'w1');
    const cells = aq.fromArrow(readFileSync(join(folder, 'cells.arrow'))).objects() as Record<
      string,
      number
    >[];
    const rows = readdirSync(join(folder, 'runs'))
      .filter((f) => f.endsWith('.arrow'))
      .sort()
      .flatMap((f) => aq.fromArrow(readFileSync(join(folder, 'runs', f))).objects()) as Record<
      string,
      number | string
    >[] as (Record<string, number> & { outcome: string })[];
    expect(rows).toHaveLength(48);
    // rows ordered by run key (cell, replication)
    expect(rows.map((r) => [r.cell, r.replication])).toEqual(
      Array.from({ length: 48 }, (_, k) => [Math.floor(k / 12), k % 12]),
    );
    for (const cell of cells) {
      const mine = rows.filter((r) => r.cell === cell.cell);
      expect(cell.runs).toBe(12);
      expect(cell.agreement).toBe(mine.filter((r) => r.outcome === 'agreement').length);
      expect(cell.no_agreement).toBe(mine.filter((r) => r.outcome === 'no_agreement').length);
      expect(cell.n_rounds).toBe(12);
      expect(cell.sum_rounds).toBe(mine.reduce((s, r) => s + r.rounds, 0));
      const ratified = mine.filter(
        (r) => r.outcome === 'agreement' || r.outcome === 'voluntary_defection',
      );
      expect(cell.n_gain_A).toBe(ratified.length);
      expect(cell.sum_gain_A).toBeCloseTo(
        ratified.reduce((s, r) => s + r.gain_A, 0),
        12,
      );
    }
  });

  it('gives the same results sharded then merged as in one run', async () => {
    await run(small, 's1', { shard: { index: 1, count: 3 }, workers: 2 });
    await run(small, 's2', { shard: { index: 2, count: 3 }, workers: 1 });
    await run(small, 's3', { shard: { index: 3, count: 3 }, workers: 2 });
    const shard1 = JSON.parse(readFileSync(join(scratch, 's1', 'manifest.json'), 'utf8'));
    // round robin: shard 1 of 3 holds cells 0 and 3
    expect(shard1.cellsHere).toBe(2);
    const folders = ['s3', 's1', 's2'].map((s) => join(scratch, s));
    expect(() => mergeShards(folders.slice(0, 2), join(scratch, 'partial'))).toThrow(
      /missing shard\(s\) 2\/3/,
    );
    expect(mergeShards(folders, join(scratch, 'merged'))).toBe(48);
    expect(differing(snapshot(join(scratch, 'merged')), snapshot(join(scratch, 'w1')))).toEqual([]);
  });

  it('writes CSV runs identical across worker counts', async () => {
    const a = await run(small, 'csv1', { runs: 'csv', workers: 1 });
    await run(small, 'csv2', { runs: 'csv', workers: 2 });
    expect(differing(snapshot(join(scratch, 'csv2')), snapshot(a.out))).toEqual([]);
    const header = readFileSync(join(a.out, 'runs', 'cell-000000-batch-0000.csv'), 'utf8');
    expect(header.split('\n')[0]!.split(',').slice(0, 4)).toEqual([
      'cell',
      'replication',
      'seed',
      'outcome',
    ]);
  });

  it('keeps each cell results when the design is reordered; with crn, replications share seeds', async () => {
    const reordered = parseExperiment({
      ...smallFixture,
      parameters: [
        { path: 'protocol.name', values: ['ultimatum', 'alternating'] },
        { path: 'countries.B.ratification.quota', values: [0.67, 0.5] },
      ],
    });
    const rowsByKey = (folder: string) => {
      const cells = aq.fromArrow(readFileSync(join(folder, 'cells.arrow'))).objects() as {
        cell: number;
        key: string;
      }[];
      const keyOf = new Map(cells.map((c) => [c.cell, c.key]));
      const rows = readdirSync(join(folder, 'runs'))
        .filter((f) => f.endsWith('.arrow'))
        .flatMap((f) => aq.fromArrow(readFileSync(join(folder, 'runs', f))).objects()) as Record<
        string,
        number | string
      >[];
      return Object.fromEntries(
        rows.map(({ cell, ...rest }) => [`${keyOf.get(cell as number)} ${rest.replication}`, rest]),
      );
    };
    const moved = await run(reordered, 'reordered');
    expect(rowsByKey(moved.out)).toEqual(rowsByKey(join(scratch, 'w1')));

    const crn = await run(parseExperiment({ ...smallFixture, crn: true }), 'crn');
    const seeds = aq.fromArrow(readFileSync(join(crn.out, 'runs', 'cell-000003-batch-0001.arrow')));
    const first = aq.fromArrow(readFileSync(join(crn.out, 'runs', 'cell-000000-batch-0001.arrow')));
    expect(seeds.array('seed')).toEqual(first.array('seed'));
    const plain = aq.fromArrow(
      readFileSync(join(scratch, 'w1', 'runs', 'cell-000003-batch-0001.arrow')),
    );
    expect(plain.array('seed')).not.toEqual(first.array('seed'));
  });

  it('refuses a changed definition in an old folder unless forced', async () => {
    const changed = { ...small, replications: 13 };
    await expect(run(changed, 'w1')).rejects.toThrow(
      /holds results of a different definition of experiment 'small' \(changed: replications\)\. Choose another --out, or pass --force/,
    );
    const forced = await run(changed, 'w1', { force: true, runs: 'none' });
    expect(forced.runsDone).toBe(52);
    expect(existsSync(join(forced.out, 'runs'))).toBe(false);
    // the same definition again: nothing to do
    const again = await run(changed, 'w1', { runs: 'none' });
    expect(again.runsThisSession).toBe(0);
  });

  it('names the toolkit version when a folder was written by another', async () => {
    const first = await run(small, 'version', { runs: 'none' });
    const file = join(first.out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    const version = manifest.software.package.version;
    // what another version writes: its version, and a fingerprint computed with it
    manifest.software.package.version = '0.0.9';
    manifest.fingerprint = '0'.repeat(64);
    writeFileSync(file, JSON.stringify(manifest));
    await expect(run(small, 'version', { runs: 'none' })).rejects.toThrow(
      `(changed: toolkit version 0.0.9 -> ${version}). Choose another --out`,
    );
    // same version, other fingerprint: no protocol module here, so none is named
    manifest.software.package.version = version;
    writeFileSync(file, JSON.stringify(manifest));
    const refusal = run(small, 'version', { runs: 'none' });
    await expect(refusal).rejects.toThrow(
      '(changed: the fingerprint recipe (written by another build of the toolkit, or edited))',
    );
    await expect(refusal).rejects.not.toThrow(/protocol module|toolkit version/);
  });

  it('--force also removes the analysis of the old results', async () => {
    const first = await run(small, 'analysed', { runs: 'none' });
    const old = ['summary.csv', 'summary.md', 'hypotheses.csv', 'report.html', 'figures'];
    for (const name of old.slice(0, 4)) writeFileSync(join(first.out, name), 'old');
    mkdirSync(join(first.out, 'figures'));
    writeFileSync(join(first.out, 'figures', 'agreement.svg'), '<svg/>');
    writeFileSync(join(first.out, 'notes.txt'), 'the researcher’s own');
    await run({ ...small, replications: 13 }, 'analysed', { runs: 'none', force: true });
    expect(old.filter((name) => existsSync(join(first.out, name)))).toEqual([]);
    expect(readFileSync(join(first.out, 'notes.txt'), 'utf8')).toBe('the researcher’s own');
  });

  it('keeps the runs of a complete folder but takes edited hypotheses and descriptions', async () => {
    const edited = parseExperiment({
      ...smallFixture,
      replications: 13,
      description: 'edited after the run',
      hypotheses: [
        { outcome: 'agreement', on: 'countries.B.ratification.quota', direction: 'decreasing' },
      ],
    });
    const again = await run(edited, 'w1', { runs: 'none' });
    expect(again.runsThisSession).toBe(0);
    const manifest = readManifest(join(scratch, 'w1'))!;
    expect(manifest.experiment.description).toBe('edited after the run');
    expect(manifest.experiment.hypotheses).toEqual(edited.hypotheses);
  });

  it('runs a protocol of the researcher own, loaded by the workers', async () => {
    const custom = parseExperiment({
      ...smallFixture,
      name: 'custom',
      scenario: firstBestScenario,
      parameters: [{ path: 'countries.B.ratification.quota', values: [0.5, 0.67] }],
    });
    const done = await run(custom, 'custom', { workers: 2 });
    expect(done.runsDone).toBe(24);
    const cells = aq.fromArrow(readFileSync(join(done.out, 'cells.arrow'))).objects() as Record<
      string,
      number
    >[];
    // first-best makes one offer per session: one round per game
    expect(cells.map((c) => c.sum_rounds)).toEqual([12, 12]);
  });

  it('stops on a batch that fails twice, naming cell, replication and seed, keeping finished work', async () => {
    const failing = parseExperiment({
      ...smallFixture,
      name: 'failing',
      scenario: firstBestScenario,
      parameters: [{ path: 'protocol.deadline', values: [20, 7] }],
    });
    await expect(run(failing, 'failing', { workers: 1, maxBatch: 12 })).rejects.toThrow(
      /cell 1 \{"protocol.deadline":7\}, replication 0 \(seed [0-9a-f]{16}\): deliberate failure \(deadline 7\) \(failed twice\)/,
    );
    const folder = join(scratch, 'failing');
    expect(readdirSync(join(folder, 'runs'))).toEqual([
      'cell-000000-batch-0000.arrow',
      'cell-000000-batch-0000.parquet',
    ]);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    expect([manifest.status, manifest.runsDone]).toEqual(['running', 12]);

    const dying = parseExperiment({
      ...failing,
      name: 'dying',
      parameters: [{ path: 'protocol.deadline', values: [8] }],
    });
    await expect(run(dying, 'dying', { workers: 1 })).rejects.toThrow(
      /cell 0 \{"protocol.deadline":8\}, replication 0 \(seed [0-9a-f]{16}\): worker exited with code: 3 \(failed twice\)/,
    );
  });

  it('has the workers write the run files the main thread would write for the same games', async () => {
    const runs = ['parquet', 'arrow', 'csv'] as const;
    const done = await run(small, 'encoded', { workers: 2, runs });
    const plan = planExperiment(small, { ...quiet, runs });
    const { entries } = readJournal(done.out);
    const again = join(scratch, 'encoded-here');
    mkdirSync(join(again, 'runs'), { recursive: true });
    // cell 2, batch 1: replications 4 to 7 (12 replications in batches of 4)
    expect(plan.batchSize).toBe(4);
    const cell = plan.cells.at(2);
    const game = createGame(cellScenario(plan, cell));
    const batch = new RunBatch(plan.layout, 4, true);
    const seeds = Array.from({ length: 4 }, (_, i) =>
      runSeed(small.seed, cell.key, 4 + i, small.crn),
    );
    for (const [i, seed] of seeds.entries()) batch.record(i, game.play(seed));
    const rows = { cell: 2, first: 4, seeds, columns: batch.columns() };
    const files = writeRunFiles(again, plan.runs, plan.layout, 1, rows);
    const entry = entries.find((e) => e.cell === 2 && e.batch === 1)!;
    expect(entry.files).toEqual(files);
    expect(Array.from(entry.sums)).toEqual(Array.from(batch.sums));
    for (const file of Object.keys(files)) {
      expect(readFileSync(join(done.out, file)).equals(readFileSync(join(again, file)))).toBe(true);
    }
  });

  it('keeps the batches of a task that play when another of its batches fails', async () => {
    const failing = parseExperiment({
      ...smallFixture,
      name: 'failing-task',
      scenario: firstBestScenario,
      parameters: [{ path: 'protocol.deadline', values: [20, 7] }],
    });
    // 4 batches of 3 per cell: once a batch is timed, a task takes several batches
    await expect(run(failing, 'failing-task', { workers: 1, maxBatch: 3 })).rejects.toThrow(
      /cell 1 \{"protocol.deadline":7\}, replication \d+ \(seed [0-9a-f]{16}\): deliberate failure \(deadline 7\) \(failed twice\)/,
    );
    const folder = join(scratch, 'failing-task');
    const { entries, damaged } = readJournal(folder);
    expect(damaged).toEqual([]);
    expect(entries.map((e) => e.cell)).toContain(0);
    expect(entries.every((e) => e.cell === 0)).toBe(true);
    // exactly the journalled batches have run files
    const journalled = entries.flatMap((e) => Object.keys(e.files).map((f) => f.slice(5))).sort();
    expect(readdirSync(join(folder, 'runs')).sort()).toEqual(journalled);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.runsDone).toBe(3 * entries.length);
  });

  it('names the cell and the path of a value the scenario rejects', () => {
    const bad = parseExperiment({
      ...smallFixture,
      parameters: [{ path: 'countries.B.ratification.quota', values: [0.5, 1.5] }],
    });
    expect(() => planExperiment(bad)).toThrow(
      /cell 1 \{"countries.B.ratification.quota":1.5\}: 1 problem\(s\) in the scenario:\n {2}scenario.countries\[1\].ratification.quota: expected a number .*got 1.5/,
    );
    const unknown = parseExperiment({
      ...smallFixture,
      parameters: [{ path: 'countries.B.quota', values: [1] }],
    });
    expect(() => planExperiment(unknown)).toThrow(/Nearest valid paths:\n {2}countries.B/);
  });
});

describe('takesAnother: how many batches a task takes', () => {
  it('takes one batch before any is timed, then batches while they fit the task time', () => {
    expect(takesAnother(0, 0, 0, 100, 2)).toBe(true);
    expect(takesAnother(1, 0.01, 0, 100, 2)).toBe(false);
    // 10 ms batches: up to TASK_SECONDS
    expect(takesAnother(9, 0.09, 0.01, 100, 2)).toBe(true);
    expect(takesAnother(10, TASK_SECONDS, 0.01, 100, 2)).toBe(false);
    // a batch longer than the task time plays alone
    expect(takesAnother(1, 0.5, 0.5, 100, 2)).toBe(false);
  });

  it('takes at most the batches left over twice the workers, so the last tasks are short', () => {
    // 12 left, 2 workers: at most 3 per task
    expect(takesAnother(2, 0.002, 0.001, 12, 2)).toBe(true);
    expect(takesAnother(3, 0.003, 0.001, 12, 2)).toBe(false);
    expect(takesAnother(1, 0.001, 0.001, 3, 2)).toBe(false);
    // adaptive follow-ups can leave fewer than none planned: still one per task
    expect(takesAnother(0, 0, 0.001, -4, 2)).toBe(true);
    expect(takesAnother(1, 0.001, 0.001, -4, 2)).toBe(false);
  });
});

describe('twolevel run, killed with SIGKILL and resumed', () => {
  it('ends with exactly the bytes of an uninterrupted sweep', async () => {
    const file = join(fixtures, 'resume.ts');
    const killed = join(scratch, 'killed');
    const { batches, resume } = await killMidway(file, killed, 8);
    // killed mid-way: the journal is there, the cells table is not
    expect(existsSync(join(killed, 'cells.arrow'))).toBe(false);
    expect(batches).toBeLessThan(40);
    expect(await resume()).toBe(0);
    const whole = await runExperiment(parseExperiment(resumeFixture), {
      ...quiet,
      maxBatch: undefined,
      runs: 'parquet',
      out: join(scratch, 'whole'),
    });
    expect(whole.runsDone).toBe(40_000);
    const reference = snapshot(whole.out);
    // manifest, README, journal, 3 cells tables, 40 run files
    expect(Object.keys(reference)).toHaveLength(6 + 40);
    expect(differing(snapshot(killed), reference)).toEqual([]);
  });
});
