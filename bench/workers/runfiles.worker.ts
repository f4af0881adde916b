/*
 * A worker thread of bench/runfiles.bench.ts (bundled to JavaScript before it runs): batches
 * of 1,000 runs of the reference game, played and recorded as src/engine/worker.ts does, in
 * blocks of 5 batches that alternate A B B A between writing each batch's run file in the
 * format given (keepRuns, `writeRunFiles`) and writing none. Posts the whole process's CPU
 * seconds and the wall seconds of each kind of block.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { RunBatch } from '../../src/engine/columns.ts';
import { runSeed } from '../../src/engine/seeds.ts';
import { writeRunFiles } from '../../src/engine/store.ts';
import { createGame } from '../../src/negotiation/game.ts';
import type { TableFormat } from '../../src/results/codecs/index.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { benchScenarios } from '../scenarios.ts';

const BATCH = 1000;
/** Batches played before the counted blocks, every other one written. */
const WARM_UP = 60;
const { format, blocks } = workerData as { format: TableFormat; blocks: number };
const scenario = parseScenario(benchScenarios[0]!.input);
const layout = { countries: scenario.countries.map((c) => c.name), dimensions: scenario.space.D };
const game = createGame(scenario);
const out = mkdtempSync(join(tmpdir(), 'twolevel-runfiles-'));
mkdirSync(join(out, 'runs'));

/** Plays batch `k` (replications `1000 k ..`) and, if `write`, writes its run file. */
function batch(k: number, write: boolean) {
  const runs = new RunBatch(layout, BATCH, write);
  const seeds: string[] = [];
  for (let i = 0; i < BATCH; i++) {
    const seed = runSeed('bench', 'runfiles', k * BATCH + i, false);
    if (write) seeds.push(seed);
    runs.record(i, game.play(seed));
  }
  if (write) {
    const rows = { cell: 0, first: k * BATCH, seeds, columns: runs.columns() };
    writeRunFiles(out, [format], layout, k, rows);
  }
}

try {
  let k = 0;
  // warm-up, not counted: the JIT's, both kinds of batch. The encoders run once a batch, so
  // they are compiled late: after 6 batches the files read 18-25% CPU, after 60 8-12%, the
  // steady cost a long sweep pays (its first written batches carry the encoders' compile)
  for (; k < WARM_UP; k++) batch(k, k % 2 === 0);
  const cpu = { files: 0, none: 0 };
  const wall = { files: 0, none: 0 };
  for (let b = 0; b < blocks; b++) {
    const write = b % 4 === 1 || b % 4 === 2;
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    for (let j = 0; j < 5; j++) batch(k++, write);
    const used = process.cpuUsage(cpu0);
    cpu[write ? 'files' : 'none'] += (used.user + used.system) / 1e6;
    wall[write ? 'files' : 'none'] += (performance.now() - wall0) / 1000;
  }
  parentPort!.postMessage({ cpu, wall });
} finally {
  rmSync(out, { recursive: true, force: true });
}
