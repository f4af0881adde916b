/*
 * What per-run files cost a worker: in one worker thread (compiled, with the pool's young
 * generation of 4 MB, src/engine/run.ts), batches of 1,000 runs of the reference game played
 * and recorded as a sweep's worker does, in blocks of 5 batches alternating A B B A between
 * writing each batch's run file (`writeRunFiles`: the table, the encoding, the atomic write,
 * the SHA-256) and writing none, 24 blocks a run, after 60 batches of warm-up (the encoders'
 * compile, which a long sweep pays once per worker). The process's CPU seconds over each kind of
 * block (every thread: garbage collection the files cause included) give the files' cost
 * against the same play without them. Blocks a few seconds apart see the same machine, which a
 * whole sweep against another does not (engine.bench.ts).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { median } from 'simple-statistics';
import type { TableFormat } from '../src/results/codecs/index.ts';

const BLOCKS = 24;
/** Runs of each format, alternating; the figures are their medians. */
const REPEATS = 3;
const FORMATS: TableFormat[] = ['arrow', 'parquet'];

interface Blocks {
  cpu: { files: number; none: number };
  wall: { files: number; none: number };
}

export default async function bench() {
  // inside the checkout, so that the bundle's imports of packages resolve from node_modules
  const cache = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
  mkdirSync(cache, { recursive: true });
  const scratch = mkdtempSync(join(cache, 'twolevel-runfiles-bench-'));
  try {
    const file = join(scratch, 'runfiles.worker.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./workers/runfiles.worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: file,
      logLevel: 'error',
    });
    const run = (format: TableFormat) =>
      new Promise<Blocks>((done, fail) => {
        const worker = new Worker(file, {
          workerData: { format, blocks: BLOCKS },
          resourceLimits: { maxYoungGenerationSizeMb: 4 },
        });
        worker.once('message', done);
        worker.once('error', fail);
      });
    const results: Record<string, Blocks[]> = Object.fromEntries(FORMATS.map((f) => [f, []]));
    for (let r = 0; r < REPEATS; r++)
      for (const format of FORMATS) results[format]!.push(await run(format));
    console.log(
      `per-run files in a worker thread: ${BLOCKS} blocks of 5,000 reference runs, A B B A with and without each batch's run file, whole-process CPU (median of ${REPEATS} runs, in brackets the least and most)`,
    );
    for (const format of FORMATS) {
      const cpu = results[format]!.map((b) => b.cpu.files / b.cpu.none - 1);
      const wall = results[format]!.map((b) => b.wall.files / b.wall.none - 1);
      const pct = (v: number[]) =>
        `${(100 * median(v)).toFixed(1)}% (${(100 * Math.min(...v)).toFixed(1)} to ${(100 * Math.max(...v)).toFixed(1)})`;
      console.log(
        `  --runs ${format}: CPU +${pct(cpu)}, wall +${pct(wall)} (aim <= 15% with the engine's own)`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
