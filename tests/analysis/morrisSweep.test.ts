import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { figureSpec } from '../../src/analysis/figureSpec.ts';
import { readMorris } from '../../src/analysis/morris.ts';
import { readResults } from '../../src/analysis/readResults.ts';
import { sensitivity } from '../../src/analysis/sensitivity.ts';
import { command as sensitivityCommand } from '../../src/cli/sensitivity.ts';
import { type ExperimentInput, parseExperiment } from '../../src/engine/experiment.ts';
import { planExperiment } from '../../src/engine/plan.ts';
import { analyseResults } from '../../src/report/analyseResults.ts';
import { specWarnings } from '../charts/inspect.ts';
import { runCli } from '../cli/runCli.ts';
import { writeSyntheticResults } from './syntheticResults.ts';

const QUOTA = 'countries.B.ratification.quota';
const FOREIGN = 'countries.A.negotiator.beliefs.sigmaForeign';
const RUNS = 40;
const TRAJECTORIES = 10;

function morris(fields: Partial<ExperimentInput> = {}): ExperimentInput {
  return {
    name: 'synthetic-morris-sweep',
    description: 'A synthetic morris sweep.',
    parameters: [
      { path: QUOTA, range: [0.5, 1] },
      { path: FOREIGN, range: [0, 0.3] },
    ],
    design: { kind: 'morris', trajectories: TRAJECTORIES, levels: 4 },
    replications: RUNS,
    seed: 12,
    ...fields,
  };
}

/**
 * Agreement falls linearly over the quota's range, 0.9 - 0.6 u_q (u the unit coordinate), so
 * its elementary effects are -0.6 for the quota and 0 for sigmaForeign, plus noise; defection
 * takes 0.3 u_q u_f of the rest (an interaction).
 */
const play = (
  values: Record<string, unknown>,
  record: { outcome: string },
  random: () => number,
) => {
  const q = ((values[QUOTA] as number) - 0.5) / 0.5;
  const f = (values[FOREIGN] as number) / 0.3;
  const u = random();
  const agree = 0.9 - 0.6 * q;
  record.outcome =
    u < agree ? 'agreement' : u < agree + 0.1 * q * f ? 'involuntary_defection' : 'no_agreement';
};

const plan = (fields: Partial<ExperimentInput>) => () =>
  planExperiment(parseExperiment(morris(fields)), { runs: 'none' });

describe('a morris sweep', () => {
  it('refuses hypothesis tests and figures that pool by level, naming what fits', () => {
    expect(
      plan({
        hypotheses: [
          { outcome: 'agreement', on: QUOTA, direction: 'decreasing', test: 'logistic' },
        ],
      }),
    ).toThrow(
      /hypotheses\[0\]\.test: logistic fits one slope to the counts pooled at each level of one parameter; this morris design has 4 distinct values of 'countries\.B\.ratification\.quota' in \d+ cells, on Morris trajectories, so the cells at each level are not a balanced mix of the other parameters' levels .*; use 'regression'\./,
    );
    expect(
      plan({
        hypotheses: [
          {
            outcome: 'agreement',
            on: QUOTA,
            direction: 'decreasing',
            by: FOREIGN,
            test: 'regression',
          },
        ],
      }),
    ).toThrow(
      /hypotheses\[0\]\.by: a morris design places its cells on trajectories.*use test 'regression' with interactions/,
    );
    // The default test on a morris design is regression, which fits.
    expect(
      plan({ hypotheses: [{ outcome: 'agreement', on: QUOTA, direction: 'decreasing' }] })().cells
        .length,
    ).toBeGreaterThan(0);
    expect(plan({ figures: [{ name: 'r', kind: 'rate', x: QUOTA }] })).toThrow(
      new RegExp(
        `figures\\[0\\] 'r': a rate figure pools the cells that share each value of its parameters, but this morris design places its cells on trajectories, so the cells at one level of '${QUOTA.replace(/\./g, '\\.')}', '${FOREIGN.replace(/\./g, '\\.')}' are not a balanced mix of the other parameters' levels; use kind 'scatter' .*'sensitivity' \\(mu\\* against sigma\\), or a grid design`,
      ),
    );
    expect(
      plan({ figures: [{ name: 'm', kind: 'sensitivity', outcomes: ['agreement'] }] }),
    ).not.toThrow();
  });

  const dir = writeSyntheticResults(
    morris({
      figures: [{ name: 'screening', kind: 'sensitivity', outcomes: ['agreement'] }],
    }),
    play,
  );

  it('draws the Morris plot: mu* against sigma, with the mu* intervals', async () => {
    const results = readResults(dir);
    const spec = figureSpec(
      results,
      results.manifest.experiment.figures[0]!,
      0,
      { theme: 'paper', columns: 1 },
      () => {
        throw new Error('no runs needed');
      },
    ) as never as {
      data: { values: { parameter: string; mu_star: number; lo: number; hi: number }[] };
    };
    expect(await specWarnings(spec as never)).toEqual([]);
    const [quota, foreign] = spec.data.values;
    expect(quota!.parameter).toBe("B's ratification.quota θ");
    expect(quota!.lo).toBeLessThanOrEqual(quota!.mu_star);
    expect(quota!.hi).toBeGreaterThanOrEqual(quota!.mu_star);
    expect(quota!.mu_star).toBeGreaterThan(foreign!.mu_star);
    expect(() => sensitivity(results)).toThrow(
      /or \{ kind: 'morris', trajectories: 20, levels: 4 \}/,
    );
  });

  it('twolevel sensitivity computes mu, mu*, sigma within their noise of the model, and writes its files', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const text = await runCli(sensitivityCommand, [
      dir,
      '--outcome',
      'agreement',
      '--resamples',
      '200',
    ]);
    error.mockRestore();
    expect(text).toMatch(
      /^Morris design: r = 10 random trajectories on a p = 4 level grid \(delta = 0\.667 of each range\), k = 2 parameters, \d+ cells of 40 replications\./,
    );
    expect(text).toContain(
      '| output | parameter | mu* [95% CI] | mu [95% CI] | sigma [95% CI] | noise sd |',
    );
    const result = readMorris(dir)!;
    const [quota, foreign] = result.outputs[0]!.measures;
    // One effect's noise sd is about sqrt(2 p (1 - p) / 40) / (2/3) ~ 0.17; the mean of 10
    // effects is within 4 of its standard errors of the model's -0.6 and 0.
    for (const [m, truth] of [
      [quota!, -0.6],
      [foreign!, 0],
    ] as const) {
      expect(m.noise_sd).toBeGreaterThan(0.1);
      expect(m.noise_sd).toBeLessThan(0.25);
      expect(Math.abs(m.mu - truth)).toBeLessThan((4 * m.noise_sd) / Math.sqrt(TRAJECTORIES));
    }
    for (const file of ['sensitivity.csv', 'sensitivity.md', 'figures/sensitivity-agreement.png']) {
      expect(existsSync(join(dir, file))).toBe(true);
    }
  });

  it('the analysis after the sweep writes the measures, and the report shows them', async () => {
    const fresh = writeSyntheticResults(morris(), play);
    const outputs = await analyseResults(fresh, { formats: ['svg'] });
    expect(outputs.sensitivity.map((f) => f.slice(fresh.length + 1))).toEqual([
      'sensitivity.csv',
      'sensitivity.md',
      'sensitivity.json',
    ]);
    const html = readFileSync(outputs.report, 'utf8');
    expect(html).toContain('<h2>Sensitivity (Morris elementary effects)</h2>');
    expect(html).not.toContain('Sobol indices');
    expect(html).toMatch(/Morris design: r = 10 random trajectories/);
    // Morris plots of the rates that vary: agreement, no agreement, involuntary defection,
    // ratification failure; voluntary defection never happens.
    expect(html.match(/class="chart"/g)).toHaveLength(4);
    const skipped = readMorris(fresh)!.outputs.find((o) => o.output === 'voluntary_defection');
    expect(skipped!.skipped).toBe('constant over all cells');
    expect(html).toContain('not computed: constant over all cells');
  });
});
