/*
 * Engine speed and memory, compiled as `twolevel` runs it (dist/, built by `npm run bench`):
 * - the plain loop: the reference sweep's 200,000 games (the default scenario, B's quota at 4
 *   levels) played one after another in one thread, and the same games split over two
 *   independent processes running at once (what two cores give without the engine);
 * - start-up of a sweep (planning, the pool's threads loading the game, one run per worker)
 *   with 1 and 2 workers, and of the command itself;
 * - the reference sweep with 1 and 2 workers, `--runs none`, `--runs arrow` and `--runs parquet`
 *   (the default of `twolevel run`), its overhead
 *   against the plain loop (in wall time and in CPU time) and its 2-worker efficiency against
 *   the two processes, each ratio taken within a round (the loops and the sweeps back to back)
 *   and its median over 9 rounds, with the middle half of the rounds' ratios; each round ends
 *   with the plain loop again, whose ratio to the round's first says how far the machine's own
 *   speed moved (no engine in it);
 * - the CPU seconds of the sweeps (every thread, and the main thread alone) against the plain
 *   loops', which say where the 2-worker efficiency goes on a machine of 2 cores;
 * - the peak memory of sweeps of 100,000 and 1,000,000 runs with `--runs none` (a cheap
 *   scenario; each in a fresh process, worker threads included).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantile as quantileOf } from 'simple-statistics';
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
/**
 * Rounds of the plain loop and the sweeps compared with it, back to back (medians reported,
 * with the middle half of the rounds' ratios). One round's ratio of two whole sweeps spreads
 * over about +-15% on this shared machine; 9 rounds put the median within a few percent.
 */
const ROUNDS = 9;
/** The `--runs` formats of the sweeps compared with the plain loop: none, then per-run files. */
const FORMATS = ['none', 'arrow', 'parquet'] as const;
/** The formats with per-run files, each held to the aim for sweeps that keep them. */
const FILE_FORMATS = FORMATS.slice(1);

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
  const cpu0 = process.cpuUsage();
  let sink = 0;
  for (const [cell, game] of games)
    for (let r = ${from}; r < ${to}; r++) sink += game.play(runSeed(experiment.seed, cell.key, r, false)).rounds;
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({ rate: (${to - from} * games.length) / ((performance.now() - start) / 1000), cpu: (cpu.user + cpu.system) / 1e6, sink }));`;

/** Runs `count` plain-loop processes at once, each over its share of replications; their rates and CPU seconds. */
async function plainLoops(count: number): Promise<{ rate: number; cpu: number }[]> {
  const share = REPLICATIONS / count;
  const children = Array.from({ length: count }, (_, k) =>
    spawn(process.execPath, ['--input-type=module', '-e', loopCode(k * share, (k + 1) * share)], {
      cwd: root,
    }),
  );
  return Promise.all(
    children.map(
      (child) =>
        new Promise<{ rate: number; cpu: number }>((done, fail) => {
          let out = '';
          let err = '';
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (err += d));
          child.on('close', (code) =>
            code === 0 ? done(JSON.parse(out.trim())) : fail(new Error(err)),
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

/**
 * CPU seconds of the calling thread so far (Linux: utime + stime of /proc/thread-self/stat, in
 * clock ticks of 10 ms), NaN where there is no /proc.
 */
function mainThreadSeconds(): number {
  if (!existsSync('/proc/thread-self/stat')) return Number.NaN;
  const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
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

    // wall seconds and CPU seconds (every thread) of a sweep's start-up, the least of 2
    const startup: number[] = [];
    const startupCpu: number[] = [];
    for (const workers of [1, 2]) {
      // one run per worker, so that the pool starts every worker it is asked for
      const tiny = {
        ...reference,
        replications: 1,
        parameters: [{ path: QUOTA, values: LEVELS.slice(0, workers) }],
      };
      startup[workers] = Number.POSITIVE_INFINITY;
      startupCpu[workers] = Number.POSITIVE_INFINITY;
      for (let k = 0; k < 2; k++) {
        const cpu0 = process.cpuUsage();
        const { seconds } = await sweep(tiny, workers, 'none');
        const cpu = process.cpuUsage(cpu0);
        startup[workers] = Math.min(startup[workers]!, seconds);
        startupCpu[workers] = Math.min(startupCpu[workers]!, (cpu.user + cpu.system) / 1e6);
      }
    }
    console.log(
      `sweep start-up (plan, pool, one run per worker): ${startup[1]!.toFixed(2)} s with 1 worker, ${startup[2]!.toFixed(2)} s with 2 (aim <= 0.1 s per added worker)`,
    );

    // This machine's speed drifts within minutes, so every comparison is made within a round
    // (the plain loop, then the sweeps it is compared with, back to back) and its median over
    // ROUNDS rounds is reported; rates are medians too.
    // Besides the rates: the CPU seconds of every thread of the sweep (start-up included) and
    // of its main thread alone, against the plain loops' CPU seconds over the same games.
    const rounds: Record<string, number>[] = [];
    const timed = async (workers: number, format: RunsFormat, round: Record<string, number>) => {
      const cpu0 = process.cpuUsage();
      const main0 = mainThreadSeconds();
      const { seconds } = await sweep(reference, workers, format);
      const cpu = process.cpuUsage(cpu0);
      round[`${workers}-${format}`] = runs / (seconds - startup[workers]!);
      round[`${workers}-${format}-cpu`] = (cpu.user + cpu.system) / 1e6;
      round[`${workers}-${format}-main`] = mainThreadSeconds() - main0;
    };
    for (let k = 0; k < ROUNDS; k++) {
      const [one] = await plainLoops(1);
      const round: Record<string, number> = { plain: one!.rate, 'plain-cpu': one!.cpu };
      for (const format of FORMATS) await timed(1, format, round);
      const [a, b] = await plainLoops(2);
      round.pair = a!.rate + b!.rate;
      round['pair-cpu'] = a!.cpu + b!.cpu;
      for (const format of FORMATS) await timed(2, format, round);
      // the plain loop again, as the round's last: how far the machine's speed moved meanwhile
      const [again] = await plainLoops(1);
      round.again = again!.rate;
      rounds.push(round);
    }
    /** A figure's `p`-quantile over the rounds (simple-statistics: R's type 7, linear). */
    const quantile = (f: (round: Record<string, number>) => number, p: number) =>
      quantileOf(rounds.map(f), p);
    const median = (f: (round: Record<string, number>) => number) => quantile(f, 0.5);
    /** A ratio's median over the rounds and its middle half, e.g. `0.91 (0.87 to 0.95)`. */
    const spread = (f: (round: Record<string, number>) => number, show: (x: number) => string) =>
      `${show(median(f))} (${show(quantile(f, 0.25))} to ${show(quantile(f, 0.75))})`;
    console.log(
      `plain loop, ${thousands(runs)} games, 1 process: ${thousands(median((r) => r.plain!))} runs/s (median of ${ROUNDS} rounds)`,
    );
    console.log(
      `plain loop, the same games split over 2 processes at once: ${thousands(median((r) => r.pair!))} runs/s (${median((r) => r.pair! / r.plain! / 2).toFixed(2)} of twice one)`,
    );
    for (const workers of [1, 2]) {
      for (const format of FORMATS) {
        console.log(
          `reference sweep, ${thousands(runs)} runs, ${workers} worker(s), --runs ${format}: ${thousands(median((r) => r[`${workers}-${format}`]!))} runs/s without the start-up`,
        );
      }
    }
    const percent = (x: number) => `${(100 * x - 100).toFixed(1)}%`;
    const overhead = (format: string) => spread((r) => r.plain! / r[`1-${format}`]!, percent);
    console.log(
      `(each ratio below: the median of ${ROUNDS} rounds, in brackets the middle half of the rounds)`,
    );
    console.log(
      `the same plain loop at a round's start against its end (the machine's own drift, no engine): ${spread((r) => r.plain! / r.again!, percent)}`,
    );
    console.log(
      `engine overhead vs plain loop in wall time (1 worker, start-up aside, paired within rounds): ${overhead('none')} with --runs none (aim <= 10%), ${FILE_FORMATS.map((f) => `${overhead(f)} with --runs ${f}`).join(', ')} (aim <= 15%)`,
    );
    const cpuOverhead = (format: string) =>
      spread((r) => (r[`1-${format}-cpu`]! - startupCpu[1]!) / r['plain-cpu']!, percent);
    console.log(
      `engine overhead vs plain loop in CPU time (1 worker, every thread, start-up's CPU aside, paired within rounds): ${cpuOverhead('none')} with --runs none (aim <= 10%), ${FILE_FORMATS.map((f) => `${cpuOverhead(f)} with --runs ${f}`).join(', ')} (aim <= 15%)`,
    );
    const fraction = (x: number) => x.toFixed(2);
    const efficiency = (format: string) => spread((r) => r[`2-${format}`]! / r.pair!, fraction);
    const twice = (format: string) =>
      median((r) => r[`2-${format}`]! / r[`1-${format}`]! / 2).toFixed(2);
    console.log(
      `2-worker efficiency (start-up aside, paired within rounds): ${efficiency('none')} of 2 plain-loop processes with --runs none, ${FILE_FORMATS.map((f) => `${efficiency(f)} with ${f}`).join(', ')} (aim >= 0.9); of twice 1 worker: ${FORMATS.map((f) => `${twice(f)} (${f})`).join(', ')}`,
    );
    const cpu = (key: string) => median((r) => r[`${key}-cpu`]!).toFixed(1);
    const main = (key: string) => median((r) => r[`${key}-main`]!).toFixed(2);
    const each = (figure: (key: string) => string, workers: number) =>
      FORMATS.map((f) => figure(`${workers}-${f}`)).join(' / ');
    console.log(
      `CPU seconds per ${thousands(runs)} runs (medians): plain loop ${cpu('plain')} (1 process), ${cpu('pair')} (2); sweeps, every thread, start-up included: ${each(cpu, 1)} with 1 worker (${FORMATS.join(' / ')}), ${each(cpu, 2)} with 2; of these the main thread's: ${each(main, 1)} and ${each(main, 2)}`,
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
