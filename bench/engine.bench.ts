/*
 * Engine speed and memory, compiled as `twolevel` runs it (dist/, built by `npm run bench`):
 * - the plain loop: the reference sweep's 200,000 games (the default scenario, B's quota at 4
 *   levels) played one after another in one thread, and the same games split over two
 *   independent processes running at once (what two cores give without the engine);
 * - start-up of a sweep (planning, the pool's threads loading the game, one run per worker)
 *   with 1 and 2 workers, and of the command itself;
 * - the reference sweep with 1 and 2 workers, `--runs none` and `--runs arrow`, its overhead
 *   against the plain loop and its 2-worker efficiency against the two processes;
 * - the peak memory of sweeps of 100,000 and 1,000,000 runs with `--runs none` (a cheap
 *   scenario; each in a fresh process, worker threads included).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Experiment } from '../src/engine/experiment.ts';
import type { RunsFormat } from '../src/engine/plan.ts';
import { compiledLibrary } from './scenarios.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const library = new URL('../dist/lib/index.js', import.meta.url).href;
const { parseExperiment, runExperiment } = await compiledLibrary();
const thousands = (x: number) => Math.round(x).toLocaleString('en-US');
const QUOTA = 'countries.B.ratification.quota';
const LEVELS = [0.5, 0.6, 0.67, 0.75];
const REPLICATIONS = 50_000;

const reference = parseExperiment({
  name: 'bench-reference',
  scenario: {},
  parameters: [{ path: QUOTA, values: LEVELS }],
  replications: REPLICATIONS,
  seed: 'bench',
});
const runs = LEVELS.length * REPLICATIONS;

/**
 * A process's plain loop over replications `[from, to)` of every cell of the reference sweep
 * (the compiled library: planExperiment, cellScenario, createGame, runSeed); prints games/s.
 */
const loopCode = (from: number, to: number) => `
  const { planExperiment, cellScenario, createGame, runSeed } = await import(${JSON.stringify(library)});
  const experiment = ${JSON.stringify(reference)};
  const plan = planExperiment(experiment);
  const games = plan.cells.map((cell) => [cell, createGame(cellScenario(plan, cell))]);
  const start = performance.now();
  let sink = 0;
  for (const [cell, game] of games)
    for (let r = ${from}; r < ${to}; r++) sink += game.play(runSeed(experiment.seed, cell.key, r, false)).rounds;
  console.log(JSON.stringify({ rate: (${to - from} * games.length) / ((performance.now() - start) / 1000), sink }));`;

/** Runs `count` plain-loop processes at once, each over its share of replications; their rates. */
async function plainLoops(count: number): Promise<number[]> {
  const share = REPLICATIONS / count;
  const children = Array.from({ length: count }, (_, k) =>
    spawn(process.execPath, ['--input-type=module', '-e', loopCode(k * share, (k + 1) * share)], {
      cwd: root,
    }),
  );
  return Promise.all(
    children.map(
      (child) =>
        new Promise<number>((done, fail) => {
          let out = '';
          let err = '';
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (err += d));
          child.on('close', (code) =>
            code === 0 ? done(JSON.parse(out.trim()).rate) : fail(new Error(err)),
          );
        }),
    ),
  );
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
    parameters: [{ path: QUOTA, values: [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95] }],
    replications: runs / 10,
    seed: 'bench',
  };
  const code = `
    const { parseExperiment, runExperiment } = await import(${JSON.stringify(library)});
    const s = await runExperiment(parseExperiment(${JSON.stringify(experiment)}), { out: ${JSON.stringify(out)}, runs: 'none', progress: 'quiet', workers: 2 });
    console.log(JSON.stringify({ maxRSS: process.resourceUsage().maxRSS, runs: s.runsDone, rate: s.runsPerSecond }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: root,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(child.stderr);
  const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
    maxRSS: number;
    runs: number;
    rate: number;
  };
  return { mb: result.maxRSS / 1024, runs: result.runs, rate: result.rate };
}

/** Wall seconds of a whole process, the least of `n` (the least disturbed on a shared machine). */
function processSeconds(args: string[], n = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const start = performance.now();
    const child = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return best;
}

export default async function bench() {
  const scratch = mkdtempSync(join(tmpdir(), 'twolevel-bench-'));
  try {
    let session = 0;
    const sweep = (experiment: Experiment, workers: number, format: RunsFormat) =>
      runExperiment(experiment, {
        out: join(scratch, `sweep-${session++}`),
        workers,
        runs: format,
        progress: 'quiet',
      });

    // Command start-up: a process that loads one command and does almost nothing.
    const scenario = join(scratch, 'two.json');
    writeFileSync(scenario, JSON.stringify({ countries: [{}, { reversion: 1 }] }));
    const bare = processSeconds(['-e', '0']);
    const command = processSeconds(['bin/twolevel.js', 'winset', scenario]);
    console.log(
      `command start-up (twolevel winset, whole process, least of 3): ${command.toFixed(2)} s (node alone: ${bare.toFixed(2)} s; aim <= 0.3 s)`,
    );

    // Best of two throughout: the machine may be shared, and the best run is the least disturbed.
    const plain = Math.max((await plainLoops(1))[0]!, (await plainLoops(1))[0]!);
    console.log(`plain loop, ${thousands(runs)} games, 1 process: ${thousands(plain)} runs/s`);
    const pairs = [await plainLoops(2), await plainLoops(2)].map(([a, b]) => a! + b!);
    const pair = Math.max(...pairs);
    console.log(
      `plain loop, the same games split over 2 processes at once: ${thousands(pair)} runs/s (${(pair / plain / 2).toFixed(2)} of twice one)`,
    );

    const startup: number[] = [];
    for (const workers of [1, 2]) {
      // one run per worker, so that the pool starts every worker it is asked for
      const tiny = {
        ...reference,
        replications: 1,
        parameters: [{ path: QUOTA, values: LEVELS.slice(0, workers) }],
      };
      startup[workers] = Math.min(
        (await sweep(tiny, workers, 'none')).seconds,
        (await sweep(tiny, workers, 'none')).seconds,
      );
    }
    console.log(
      `sweep start-up (plan, pool, one run per worker): ${startup[1]!.toFixed(2)} s with 1 worker, ${startup[2]!.toFixed(2)} s with 2 (aim <= 0.1 s per added worker)`,
    );

    const rate: Record<string, number> = {};
    for (const workers of [1, 2]) {
      for (const format of ['none', 'arrow'] as const) {
        let best = 0;
        let whole = 0;
        for (let k = 0; k < 2; k++) {
          const summary = await sweep(reference, workers, format);
          best = Math.max(best, runs / (summary.seconds - startup[workers]!));
          whole = Math.max(whole, summary.runsPerSecond);
        }
        rate[`${workers}-${format}`] = best;
        console.log(
          `reference sweep, ${thousands(runs)} runs, ${workers} worker(s), --runs ${format}: ${thousands(whole)} runs/s; ${thousands(best)} runs/s without the start-up (best of 2)`,
        );
      }
    }
    const overhead = (format: string) => ((100 * plain) / rate[`1-${format}`]! - 100).toFixed(1);
    console.log(
      `engine overhead vs plain loop (1 worker, start-up aside): ${overhead('none')}% with --runs none (aim <= 10%), ${overhead('arrow')}% with --runs arrow (aim <= 15%)`,
    );
    console.log(
      `2-worker efficiency (start-up aside): ${(rate['2-none']! / pair).toFixed(2)} of 2 plain-loop processes with --runs none, ${(rate['2-arrow']! / pair).toFixed(2)} with arrow (aim >= 0.9); ${(rate['2-arrow']! / rate['1-arrow']! / 2).toFixed(2)} of twice 1 worker`,
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
