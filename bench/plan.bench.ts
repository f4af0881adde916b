/*
 * Planning a Latin hypercube of 1,000,000 cells (the most a design may have unless forced) and
 * of 10,000 cells, 3 parameters (a quota, a log-scale belief error, an integer constituent
 * count): `planExperiment` from the compiled library in a fresh process, its seconds and the
 * process's peak resident set. The aim (issue 12) is a million cells in well under 10 s, with
 * memory flat in the replications (the plan holds 8 bytes per cell and parameter).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** The experiment: `cells` cells of a cheap two-country scenario, 100 replications each. */
function experiment(cells: number) {
  return {
    name: 'bench-plan',
    scenario: {
      countries: [
        { constituents: { idealPoints: { kind: 'normal', mean: 0.3 } } },
        { reversion: 1, constituents: { idealPoints: { kind: 'normal', mean: 0.7 } } },
      ],
    },
    parameters: [
      { path: 'countries.B.ratification.quota', range: [0.5, 0.75] },
      { path: 'countries.A.negotiator.beliefs.sigmaForeign', range: [0.01, 0.2], scale: 'log' },
      { path: 'countries.A.constituents.count', range: [11, 201], integer: true },
    ],
    design: { kind: 'lhs', cells },
    replications: 100,
    seed: 'bench',
  };
}

export default async function bench() {
  for (const cells of [1_000_000, 10_000]) {
    const script = `
      import { parseExperiment, planExperiment } from './dist/lib/index.js';
      const start = performance.now();
      const plan = planExperiment(parseExperiment(${JSON.stringify(experiment(cells))}));
      const seconds = (performance.now() - start) / 1000;
      console.log(plan.cells.length, seconds, process.resourceUsage().maxRSS);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(child.stderr);
    const [planned, seconds, kb] = child.stdout.trim().split(' ').map(Number);
    console.log(
      `plan an lhs design of ${planned!.toLocaleString('en-US')} cells x 100 replications: ${seconds!.toFixed(2)} s, peak RSS ${(kb! / 1024).toFixed(0)} MB`,
    );
  }
}
