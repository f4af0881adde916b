/*
 * Engine speed and memory: runs per second of the reference sweep (the default scenario,
 * B's quota at 4 levels) with 1 and 2 workers and the parallel efficiency, the engine's
 * overhead against playing the same games in a plain loop, and the peak memory of sweeps
 * of 100,000 and 1,000,000 runs with `--runs none` (a cheap scenario; each in a fresh
 * process, worker threads included).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Experiment, parseExperiment } from '../src/engine/experiment.ts';
import { cellScenario, planExperiment, type RunsFormat } from '../src/engine/plan.ts';
import { runExperiment } from '../src/engine/run.ts';
import { runSeed } from '../src/engine/seeds.ts';
import { createGame } from '../src/negotiation/game.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const thousands = (x: number) => Math.round(x).toLocaleString('en-US');

const reference = parseExperiment({
  name: 'bench-reference',
  scenario: {},
  parameters: [{ path: 'countries.B.ratification.quota', values: [0.5, 0.6, 0.67, 0.75] }],
  replications: 5000,
  seed: 'bench',
});

/** The reference sweep's games played one after another in this thread: seeds, createGame, play. */
function plainLoop(): number {
  const plan = planExperiment(reference);
  const paths = reference.parameters.map((p) => p.path);
  const start = performance.now();
  let sink = 0;
  for (const cell of plan.cells) {
    const game = createGame(cellScenario(plan.scenario, plan.segments, paths, cell));
    for (let r = 0; r < reference.replications; r++) {
      sink += game.play(runSeed(reference.seed, cell.key, r, false)).rounds;
    }
  }
  if (sink < 0) console.log(sink);
  return (plan.cells.length * reference.replications) / ((performance.now() - start) / 1000);
}

/** Peak resident memory (MB) of a `--runs none` sweep of `runs` cheap runs, in a fresh process. */
function peakMemory(runs: number, out: string) {
  const experiment = {
    name: 'bench-memory',
    scenario: {
      countries: [
        { constituents: { count: 5, idealPoints: { kind: 'normal', mean: 0.4 } } },
        { reversion: 1, constituents: { count: 5, idealPoints: { kind: 'normal', mean: 0.6 } } },
      ],
      protocol: { name: 'nash', candidates: 21 },
    },
    parameters: [
      {
        path: 'countries.B.ratification.quota',
        values: [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95],
      },
    ],
    replications: runs / 10,
    seed: 'bench',
  };
  const code = `
    const { parseExperiment } = await import(${JSON.stringify(new URL('../src/engine/experiment.ts', import.meta.url).href)});
    const { runExperiment } = await import(${JSON.stringify(new URL('../src/engine/run.ts', import.meta.url).href)});
    const s = await runExperiment(parseExperiment(${JSON.stringify(experiment)}), { out: ${JSON.stringify(out)}, runs: 'none', progress: 'quiet', workers: 2 });
    console.log(JSON.stringify({ maxRSS: process.resourceUsage().maxRSS, runs: s.runsDone, rate: s.runsPerSecond }));`;
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', code],
    { cwd: root, encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
    maxRSS: number;
    runs: number;
    rate: number;
  };
  return { mb: result.maxRSS / 1024, runs: result.runs, rate: result.rate };
}

export default async function bench() {
  const scratch = mkdtempSync(join(tmpdir(), 'twolevel-bench-'));
  try {
    const runs = reference.parameters[0]!.values!.length * reference.replications;
    // Best of three throughout: the machine may be shared, and the best run is the least disturbed.
    const plain = Math.max(plainLoop(), plainLoop(), plainLoop());
    console.log(`plain loop (createGame + play, 1 thread, best of 3): ${thousands(plain)} runs/s`);
    const rates: number[] = [];
    let session = 0;
    const sweep = (experiment: Experiment, workers: number, runs: RunsFormat) =>
      runExperiment(experiment, {
        out: join(scratch, `sweep-${session++}`),
        workers,
        runs,
        progress: 'quiet',
      });
    for (const workers of [1, 2]) {
      // start-up: planning, the pool's threads loading the game, one run
      const single = {
        ...reference,
        replications: 1,
        parameters: [{ path: 'countries.B.ratification.quota', values: [0.5] }],
      };
      const startup = Math.min(
        (await sweep(single, workers, 'none')).seconds,
        (await sweep(single, workers, 'none')).seconds,
      );
      for (const format of ['arrow', 'none'] as const) {
        let best = 0;
        let whole = 0;
        for (let k = 0; k < 3; k++) {
          const summary = await sweep(reference, workers, format);
          best = Math.max(best, runs / (summary.seconds - startup));
          whole = Math.max(whole, summary.runsPerSecond);
        }
        if (format === 'arrow') rates.push(best);
        console.log(
          `reference sweep, ${thousands(runs)} runs, ${workers} worker(s), --runs ${format}: ${thousands(whole)} runs/s; ${thousands(best)} runs/s without the ${startup.toFixed(2)} s start-up (best of 3)`,
        );
      }
    }
    console.log(
      `parallel efficiency (2 workers vs 1, arrow, start-up aside): ${(rates[1]! / rates[0]! / 2).toFixed(2)} (aim >= 0.85)`,
    );
    console.log(
      `engine overhead vs plain loop (1 worker, arrow, start-up aside): ${((100 * plain) / rates[0]! - 100).toFixed(1)}% (aim < 10%)`,
    );
    for (const n of [100_000, 1_000_000]) {
      const memory = peakMemory(n, join(scratch, `memory-${n}`));
      console.log(
        `--runs none, ${thousands(memory.runs)} runs, 2 workers: peak RSS ${memory.mb.toFixed(0)} MB, ${thousands(memory.rate)} runs/s (aim < 300 MB)`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
