/*
 * Issue 12's reproducers for sweeps that hung, exhausted memory or were refused for the wrong
 * reason (items 2, 3, 12 and the top-level-await module of 13).
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { gameBytes, runWork } from '../../src/engine/budget.ts';
import { type ExperimentInput, parseExperiment } from '../../src/engine/experiment.ts';
import { loadExperiment } from '../../src/engine/load.ts';
import { mergeShards } from '../../src/engine/merge.ts';
import { planExperiment } from '../../src/engine/plan.ts';
import { createProgress } from '../../src/engine/progress.ts';
import { FIRST_BATCH_SECONDS, runExperiment, taskBudget } from '../../src/engine/run.ts';
import { UserError } from '../../src/errors.ts';
import { parseScenario } from '../../src/scenario/parse.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'twolevel-sweeps-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const small = {
  countries: [
    {
      reversion: 0,
      constituents: { count: 9, idealPoints: { kind: 'normal' as const, mean: 0.4 } },
    },
    {
      reversion: 1,
      constituents: { count: 9, idealPoints: { kind: 'normal' as const, mean: 0.6 } },
    },
  ],
  protocol: { candidates: 21, deadline: 10 },
};

const experiment = (extra: Partial<ExperimentInput>) =>
  parseExperiment({ name: 'x', replications: 2, scenario: small, ...extra });

/** The message planning `extra` throws, which must be a UserError. */
function refusal(extra: Partial<ExperimentInput>, options = {}): string {
  try {
    planExperiment(experiment(extra), { source: 'x.json', workers: 2, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected planning to refuse');
}

const country = (constituents: object, negotiator: object = {}) => ({
  constituents,
  negotiator,
});

describe('planning refuses what cannot fit (issue 12, item 3)', () => {
  it('10^7 constituents per country, 10^8 candidates, 10^6 particles, 1,000 countries', () => {
    expect(
      refusal({ scenario: { countries: [country({ count: 1e7 }), country({ count: 1e7 })] } }),
    ).toMatch(
      /^x\.json, cell 0 \{\}: one game needs about 5\.96 GB of memory for 2 countries, 2\.00e\+7 constituents, .*; at most 2\.00 GB per game\. .*pass --force/,
    );
    expect(refusal({ scenario: { protocol: { candidates: 1e8 } } })).toMatch(
      /one game needs about 5\.96 GB .*1\.00e\+8 candidates/,
    );
    expect(
      refusal({ scenario: { countries: [country({}, { beliefs: { particles: 1e6 } }), {}] } }),
    ).toMatch(/one game needs about 15\.1 GB .*1,000,001 particles/);
    expect(refusal({ scenario: { countries: Array.from({ length: 1000 }, () => ({})) } })).toMatch(
      /one game needs about 9\.04 GB .*1000 countries/,
    );
  });

  it('parties.count 10^9: at most one party per constituent', () => {
    const parties = { kind: 'ideology', count: 1e9 } as const;
    expect(refusal({ scenario: { countries: [{ ratification: { parties } }, {}] } })).toContain(
      'scenario.countries[0].ratification.parties.count: expected at most 101 parties',
    );
  });

  it('an lhs design of 10^8 cells and a grid of 8 parameters x 20 values, before building them', () => {
    const start = performance.now();
    expect(
      refusal({
        parameters: [{ path: 'countries.A.tau', range: [0, 1] }],
        design: { kind: 'lhs', cells: 1e8 },
      }),
    ).toMatch(
      /^x\.json: design: 1\.00e\+8 cells is more than a sweep can plan \(at most 1,000,000 cells; these would take about .* GB of memory, of .* available to planning\)\. .*--force/,
    );
    const values = Array.from({ length: 20 }, (_, i) => i / 20);
    const paths = ['tau', 'goodWill', 'reputation', 'ratification.quota'].flatMap((p) => [
      `countries.A.${p}`,
      `countries.B.${p}`,
    ]);
    expect(refusal({ parameters: paths.map((path) => ({ path, values })) })).toMatch(
      /^x\.json: design: 2\.56e\+10 cells is more than a sweep can plan/,
    );
    // counted, not built: building 10^8 cells would take minutes and gigabytes
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('a game of 10^11 steps, and a sweep of years', () => {
    expect(refusal({ scenario: { ...small, protocol: { deadline: 1e9 } } })).toMatch(
      /one game would take about 8\.0e\+11 steps \(some 34 minutes on one core\) .*deadline 1000000000.*at most 1e\+10 steps per game/,
    );
    expect(
      refusal({
        replications: 1e9,
        parameters: [{ path: 'countries.A.tau', values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }],
        scenario: { protocol: { deadline: 20_000 } },
      }),
    ).toMatch(/^x\.json: 1\.00e\+10 runs of up to .* steps would take about .* years of one core/);
  });

  it('--force plans them anyway', () => {
    const huge = { scenario: { countries: [country({ count: 1e7 }), country({ count: 1e7 })] } };
    expect(planExperiment(experiment(huge), { force: true }).mine).toHaveLength(1);
  });

  it('estimates within a factor of two of what a game allocates', () => {
    // measured RSS growth at D = 1, N = 2 (tsx, node 20): 2 x 10^6 constituents 330 MB,
    // 10^4 particles of 202 constituents 165 MB, 10^6 candidates 70 MB
    const bytes = (input: object) => gameBytes(parseScenario(input));
    const MB = 2 ** 20;
    expect(
      bytes({ countries: [country({ count: 1e6 }), country({ count: 1e6 })] }) / MB,
    ).toBeGreaterThan(330 / 2);
    expect(
      bytes({ countries: [country({ count: 1e6 }), country({ count: 1e6 })] }) / MB,
    ).toBeLessThan(330 * 2);
    expect(
      bytes({ countries: [country({}, { beliefs: { particles: 1e4 } }), {}] }) / MB,
    ).toBeLessThan(165 * 2);
    expect(bytes({ protocol: { candidates: 1e6 } }) / MB).toBeGreaterThan(70 / 2);
    // and the work of the default game, in the units of MAX_RUN_WORK
    expect(runWork(parseScenario({}))).toBe(202 * (1 + 2) * 2 + 50 * 201 * 4);
  });
});

describe('the watchdog (issue 12, item 2)', () => {
  it('gives each batch a budget from the measured batch times, or --task-timeout', () => {
    expect(taskBudget(1e6, 0)).toBe(FIRST_BATCH_SECONDS);
    expect(taskBudget(1e6, 1e-8)).toBe(60);
    expect(taskBudget(1e12, 1e-8)).toBe(20 * 1e4);
    expect(taskBudget(1e12, 1e-8, 5)).toBe(5);
  });

  it('stops a hanging protocol naming cell, replication and seed; 10^9 replications are planned lazily', async () => {
    const hanging = parseExperiment({
      name: 'hanging',
      replications: 1e9,
      scenario: { ...small, protocol: { name: 'hanging', module: 'hanging.ts' } },
      parameters: [{ path: 'countries.B.ratification.quota', values: [0.5] }],
    });
    const heap = process.memoryUsage().heapUsed;
    const start = performance.now();
    await expect(
      runExperiment(hanging, {
        baseDir: fixtures,
        out: join(scratch, 'hanging'),
        workers: 1,
        progress: 'quiet',
        taskTimeout: 2,
      }),
    ).rejects.toThrow(
      /^the sweep stopped: cell 0 \{"countries\.B\.ratification\.quota":0\.5\}, replication 0 \(seed [0-9a-f]{16}\) \(no result after 2 s, the time limit of a batch \(--task-timeout\); .*pass a larger --task-timeout SECONDS\)/,
    );
    // 5,000,000 batches of 200: listing them up front took 1.3 GB before the first batch
    expect((process.memoryUsage().heapUsed - heap) / 2 ** 20).toBeLessThan(200);
    expect(performance.now() - start).toBeLessThan(60_000);
  });

  it('prints "no progress for N s" on plain lines while a batch plays', async () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    const progress = createProgress('lines', 10, stream, 0.05);
    progress.update(4);
    await new Promise((done) => setTimeout(done, 400));
    progress.finish(4);
    const count = chunks.length;
    expect(
      chunks.filter((c) =>
        /^no progress for \d+ s: 4\/10 runs \(a batch is still playing\)\n$/.test(c),
      ).length,
    ).toBeGreaterThan(0);
    await new Promise((done) => setTimeout(done, 200));
    expect(chunks).toHaveLength(count);
  });
});

describe('protocol modules (issue 12, items 12 and 13)', () => {
  it('a module with top-level await plays in run as in simulate', async () => {
    const awaiting = parseExperiment({
      name: 'awaiting',
      replications: 3,
      scenario: { ...small, protocol: { name: 'awaiting', module: 'awaiting.ts' } },
    });
    const done = await runExperiment(awaiting, {
      baseDir: fixtures,
      out: join(scratch, 'awaiting'),
      workers: 1,
      progress: 'quiet',
    });
    expect(done.runsDone).toBe(3);
  });

  it('is fingerprinted by its content and its path from the experiment: shards from two folders merge, a moved folder resumes', async () => {
    const definition = {
      name: 'moved',
      replications: 4,
      scenario: { ...small, protocol: { name: 'middle', module: 'middle.mjs' } },
      parameters: [{ path: 'countries.B.ratification.quota', values: [0.5, 0.6] }],
    };
    const folders = ['one', 'two'].map((name) => {
      const folder = join(scratch, name);
      mkdirSync(folder);
      cpSync(join(fixtures, 'middle.mjs'), join(folder, 'middle.mjs'));
      writeFileSync(join(folder, 'moved.json'), JSON.stringify(definition));
      return folder;
    });
    const shard = async (folder: string, index: number) => {
      const { experiment, baseDir, file } = await loadExperiment(join(folder, 'moved.json'));
      return runExperiment(experiment, {
        baseDir,
        source: file,
        out: join(scratch, `shard-${index}`),
        shard: { index, count: 2 },
        workers: 1,
        progress: 'quiet',
      });
    };
    await shard(folders[0]!, 1);
    await shard(folders[1]!, 2);
    const merged = join(scratch, 'merged');
    expect(mergeShards([join(scratch, 'shard-1'), join(scratch, 'shard-2')], merged)).toBe(8);
    // the experiment's folder moves; its finished shard is still its own
    renameSync(folders[0]!, join(scratch, 'three'));
    const again = await shard(join(scratch, 'three'), 1);
    expect(again.runsThisSession).toBe(0);
    // an edited module is another sweep
    writeFileSync(
      join(scratch, 'three', 'middle.mjs'),
      readFileSync(join(scratch, 'three', 'middle.mjs'), 'utf8').replace('/ 2', '/ 3'),
    );
    await expect(shard(join(scratch, 'three'), 1)).rejects.toThrow(/different definition/);
  });
});
