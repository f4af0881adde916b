/*
 * What per-run files cost, timed inside one process: a 1,000-run batch of the reference game
 * (a sweep's batch; see src/engine/plan.ts) played, then written as the worker writes it
 * (`writeRunFiles`: the table, the encoding, the atomic write and the SHA-256) in each format.
 * Batches alternate playing and writing, and the medians of 15 are reported. A whole sweep's
 * overhead (engine.bench.ts) spreads over +-15% a round on this shared machine; this ratio of
 * two parts of one thread's work does not. It is the part of the per-run-file aim that the
 * files themselves take.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunBatch } from '../src/engine/columns.ts';
import { runSeed } from '../src/engine/seeds.ts';
import { writeRunFiles } from '../src/engine/store.ts';
import { createGame } from '../src/negotiation/game.ts';
import type { TableFormat } from '../src/results/codecs/index.ts';
import { parseScenario } from '../src/scenario/parse.ts';
import { benchScenarios } from './scenarios.ts';

const BATCH = 1000;
const ROUNDS = 15;
const FORMATS: TableFormat[] = ['arrow', 'parquet', 'csv'];

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export default async function bench() {
  const scenario = parseScenario(benchScenarios[0]!.input);
  const layout = { countries: scenario.countries.map((c) => c.name), dimensions: scenario.space.D };
  const game = createGame(scenario);
  const out = mkdtempSync(join(tmpdir(), 'twolevel-runfiles-'));
  mkdirSync(join(out, 'runs'));
  try {
    const play = (round: number) => {
      const batch = new RunBatch(layout, BATCH, true);
      const seeds: string[] = [];
      const start = performance.now();
      for (let i = 0; i < BATCH; i++) {
        const seed = runSeed('bench', 'runfiles', round * BATCH + i, false);
        seeds.push(seed);
        batch.record(i, game.play(seed));
      }
      const ms = performance.now() - start;
      return { ms, rows: { cell: 0, first: round * BATCH, seeds, columns: batch.columns() } };
    };
    // warm-up: the JIT's, not counted
    for (let k = 0; k < 3; k++) {
      const { rows } = play(k);
      for (const format of FORMATS) writeRunFiles(out, [format], layout, k, rows);
    }
    const played: number[] = [];
    const written: Record<string, number[]> = Object.fromEntries(FORMATS.map((f) => [f, []]));
    for (let k = 0; k < ROUNDS; k++) {
      const { ms, rows } = play(3 + k);
      played.push(ms);
      for (const format of FORMATS) {
        const start = performance.now();
        writeRunFiles(out, [format], layout, 3 + k, rows);
        written[format]!.push(performance.now() - start);
      }
    }
    const play1000 = median(played);
    console.log(
      `a batch of ${BATCH.toLocaleString('en-US')} runs of the reference game, one process (medians of ${ROUNDS}): played in ${play1000.toFixed(1)} ms`,
    );
    for (const format of FORMATS) {
      const ms = median(written[format]!);
      console.log(
        `  its run file written as ${format} (table, encoding, atomic write, SHA-256): ${ms.toFixed(2)} ms, ${((100 * ms) / play1000).toFixed(1)}% of the play`,
      );
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
