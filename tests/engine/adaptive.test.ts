import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/analysis/wilsonInterval.ts';
import {
  firstBatches,
  isDecided,
  type ReplicationRule,
  replicationRule,
  wilsonHalfWidth,
} from '../../src/engine/adaptive.ts';
import { runColumns } from '../../src/engine/columns.ts';
import { parseExperiment } from '../../src/engine/experiment.ts';
import type { Manifest } from '../../src/engine/manifest.ts';
import { mergeShards } from '../../src/engine/merge.ts';
import { planExperiment } from '../../src/engine/plan.ts';
import { runExperiment } from '../../src/engine/run.ts';
import { CODECS } from '../../src/results/codecs/index.ts';
import adaptiveFixture from './fixtures/adaptive.ts';
import { killMidway } from './killAndResume.ts';

const fixture = fileURLToPath(new URL('./fixtures/adaptive.ts', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'twolevel-adaptive-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const experiment = parseExperiment(adaptiveFixture);

/** The engine's files of a folder with their bytes; the manifest without timing and software. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder)) {
    if (name === 'manifest.json' || name === 'runs') continue;
    files[name] = readFileSync(join(folder, name)).toString('base64');
  }
  for (const name of readdirSync(join(folder, 'runs'))) {
    files[`runs/${name}`] = readFileSync(join(folder, 'runs', name)).toString('base64');
  }
  const {
    timing: _,
    software: __,
    ...manifest
  } = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
  files['manifest.json'] = JSON.stringify(manifest);
  return files;
}

function manifestOf(folder: string): Manifest {
  return JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
}

const run = (out: string, options = {}) =>
  runExperiment(experiment, { progress: 'quiet', out: join(scratch, out), ...options });

describe('wilsonHalfWidth and cellSchedule', () => {
  it('is half the Wilson 95% interval', () => {
    for (const [s, n] of [
      [0, 200],
      [5, 100],
      [50, 100],
      [100, 100],
      [1, 3],
    ] as const) {
      const [lo, hi] = wilsonInterval(s, n);
      expect(wilsonHalfWidth(s, n)).toBeCloseTo((hi - lo) / 2, 14);
    }
    // no event in n runs: z^2 / (2 (n + z^2))
    expect(wilsonHalfWidth(0, 200)).toBeCloseTo(3.841459 / (2 * 203.841459), 7);
  });

  it('decides after the first batches, from the in-order sums alone', () => {
    const rule: ReplicationRule = {
      min: 20,
      max: 50,
      target: { outcome: 'agreement', halfWidth: 0.1 },
    };
    const index = { successes: 1, trials: 0 };
    // [runs, successes]; batches of 10
    const sums = (runs: number, successes: number) => Float64Array.of(runs, successes);
    expect(firstBatches(rule, 10)).toBe(2);
    // before the first two batches nothing is decided, however clear
    expect(isDecided(rule, 10, 1, sums(10, 10), index)).toBe(false);
    // 20 of 20 alike: half-width 0.0806 <= 0.1
    expect(isDecided(rule, 10, 2, sums(20, 20), index)).toBe(true);
    // 10 of 20: half-width 0.2 > 0.1, run on; 25 of 50 is the maximum: decided
    expect(isDecided(rule, 10, 2, sums(20, 10), index)).toBe(false);
    expect(isDecided(rule, 10, 4, sums(40, 20), index)).toBe(false);
    expect(isDecided(rule, 10, 5, sums(50, 25), index)).toBe(true);
    // a fixed number of replications: every batch at once, decided when all are in
    const fixed = replicationRule(30);
    expect(firstBatches(fixed, 10)).toBe(3);
    expect(isDecided(fixed, 10, 2, sums(20, 0), null)).toBe(false);
    expect(isDecided(fixed, 10, 3, sums(30, 0), null)).toBe(true);
  });

  it('refuses a target that is not a rate, and max below min', () => {
    expect(() =>
      planExperiment(
        parseExperiment({
          ...adaptiveFixture,
          replications: { min: 10, max: 20, target: { outcome: 'agreemnt', halfWidth: 0.01 } },
        }),
      ),
    ).toThrow(
      "replications.target.outcome: 'agreemnt' is not a rate; valid: agreement, no_agreement, involuntary_defection, voluntary_defection, aborted, ratification_failure. Did you mean 'agreement'?",
    );
    expect(() =>
      parseExperiment({
        ...adaptiveFixture,
        replications: { min: 30, max: 20, target: { outcome: 'agreement', halfWidth: 0.01 } },
      }),
    ).toThrow('replications.max: expected max >= min (30), got 20');
  });
});

describe('adaptive replication', () => {
  it('stops each cell at the first batch whose half-width meets the target, the same with 1, 2 and 4 workers', async () => {
    const one = await run('w1', { workers: 1 });
    await run('w2', { workers: 2 });
    await run('w4', { workers: 4 });
    const reference = snapshot(one.out);
    expect(snapshot(join(scratch, 'w2'))).toEqual(reference);
    expect(snapshot(join(scratch, 'w4'))).toEqual(reference);

    // the rule, replayed from the run rows: batches of 100, involuntary defection (code 2)
    const manifest = manifestOf(one.out);
    const columns = runColumns(manifest.layout);
    const rows = readdirSync(join(one.out, 'runs'))
      .sort()
      .flatMap((f) => {
        const run = CODECS.parquet.decode(readFileSync(join(one.out, 'runs', f)), columns);
        const cells = run.cell as ArrayLike<number>;
        const outcomes = run.outcome as ArrayLike<number>;
        return Array.from(cells, (cell, i) => ({ cell, outcome: outcomes[i]! }));
      });
    for (const { cell, runs, met } of manifest.adaptive!) {
      const outcomes = rows.filter((r) => r.cell === cell).map((r) => r.outcome === 2);
      expect(outcomes).toHaveLength(runs);
      const halfWidth = (n: number) =>
        wilsonHalfWidth(outcomes.slice(0, n).filter(Boolean).length, n);
      let expected = 100;
      while (expected < 800 && halfWidth(expected) > 0.03) expected += 100;
      expect(runs).toBe(expected);
      expect(met).toBe(halfWidth(runs) <= 0.03);
    }
    // no failed offer without uncertainty: those cells stop at the minimum; the most
    // uncertain runs to the maximum without meeting the target
    expect(manifest.adaptive!.map((c) => c.runs)).toEqual([100, 100, 100, 100, 700, 800]);
    expect(manifest.adaptive!.map((c) => c.met)).toEqual([true, true, true, true, true, false]);
    expect(manifest.runsDone).toBe(1900);
    expect(manifest.runsTotal).toBe(1900);
  });

  it('gives the same results sharded then merged', async () => {
    await run('s1', { shard: { index: 1, count: 2 }, workers: 2 });
    await run('s2', { shard: { index: 2, count: 2 }, workers: 1 });
    const merged = join(scratch, 'merged');
    expect(mergeShards([join(scratch, 's2'), join(scratch, 's1')], merged)).toBe(1900);
    expect(snapshot(merged)).toEqual(snapshot(join(scratch, 'w1')));
  });

  it('killed with SIGKILL and resumed, ends with the bytes of an uninterrupted sweep', async () => {
    const killed = join(scratch, 'killed');
    const { batches, resume } = await killMidway(fixture, killed, 7);
    // killed among the adaptive batches (19 in all)
    expect(existsSync(join(killed, 'cells.arrow'))).toBe(false);
    expect(batches).toBeLessThan(19);
    expect(await resume()).toBe(0);
    expect(snapshot(killed)).toEqual(snapshot(join(scratch, 'w1')));
  });
});

describe('an adaptive replications field with mistakes', () => {
  it('names its own fields, not the union', () => {
    expect(() =>
      parseExperiment({ name: 'x', replications: { min: 5, target: { outcome: 'agreement' } } }),
    ).toThrow(
      'experiment: 2 problem(s) in the experiment:\n  replications.max: expected a positive integer, got nothing\n  replications.target.halfWidth: expected a number > 0 and < 0.5, got nothing',
    );
  });
});
