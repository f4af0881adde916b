/*
 * Peak memory of `twolevel run --runs none` at 3,000,000 runs of the cheapest scenario (5
 * constituents a country, nash over 21 candidates, 10 cells), 2 workers: the whole command
 * in a fresh process, its peak resident set (main thread and worker threads) read at exit.
 * The aim (issue 12) is under 300 MB; worker threads cap their young generation for it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const RUNS = 3_000_000;

export default async function bench() {
  const scratch = mkdtempSync(join(tmpdir(), 'twolevel-bench-memory-'));
  try {
    const quotas = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
    const experiment = join(scratch, 'cheapest.json');
    writeFileSync(
      experiment,
      JSON.stringify({
        name: 'bench-memory',
        scenario: {
          countries: [
            { constituents: { count: 5, idealPoints: { kind: 'normal', mean: 0.4 } } },
            {
              reversion: 1,
              constituents: { count: 5, idealPoints: { kind: 'normal', mean: 0.6 } },
            },
          ],
          protocol: { name: 'nash', candidates: 21 },
        },
        parameters: [{ path: 'countries.B.ratification.quota', values: quotas }],
        replications: RUNS / quotas.length,
        seed: 'bench',
      }),
    );
    const atExit = `data:text/javascript,process.on('exit', () => console.error('maxRSS ' + process.resourceUsage().maxRSS))`;
    const start = performance.now();
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        atExit,
        'bin/twolevel.js',
        'run',
        experiment,
        '--runs',
        'none',
        '--workers',
        '2',
        '--quiet',
        '--no-analysis',
        '--out',
        join(scratch, 'out'),
      ],
      { cwd: root, encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(child.stderr);
    const kb = Number(/maxRSS (\d+)/.exec(child.stderr)![1]);
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `twolevel run --runs none, ${RUNS.toLocaleString('en-US')} runs, 2 workers: peak RSS ${(kb / 1024).toFixed(0)} MB (aim < 300 MB), ${seconds.toFixed(0)} s`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
