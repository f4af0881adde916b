import { describe, expect, it } from 'vitest';
import { figureSpec, levelDigits } from '../../src/analysis/figureSpec.ts';
import { readResults } from '../../src/analysis/readResults.ts';
import type { ExperimentInput } from '../../src/engine/experiment.ts';
import { parseExperiment } from '../../src/engine/experiment.ts';
import { planExperiment } from '../../src/engine/plan.ts';
import { specWarnings } from '../charts/inspect.ts';
import { writeSyntheticResults } from './syntheticResults.ts';

const QUOTA = 'countries.B.ratification.quota';
const FOREIGN = 'countries.A.negotiator.beliefs.sigmaForeign';

function lhs(
  figures: ExperimentInput['figures'],
  design: ExperimentInput['design'] = { kind: 'lhs', cells: 60 },
): ExperimentInput {
  return {
    name: 'continuous',
    parameters: [
      { path: QUOTA, range: [0.5, 1] },
      { path: FOREIGN, range: [0, 0.3] },
    ],
    design,
    replications: 30,
    seed: 9,
    figures,
  };
}

/** Agreement falls with the quota: p = 1.4 - quota. */
const play = (
  values: Record<string, unknown>,
  record: { outcome: string },
  random: () => number,
) => {
  record.outcome = random() < 1.4 - (values[QUOTA] as number) ? 'agreement' : 'no_agreement';
};

const options = { theme: 'paper' as const, columns: 1 as const };
const noRuns = () => {
  throw new Error('no runs needed');
};

describe('figures for continuous designs', () => {
  it('refuses rate and heatmap figures (and shares by cell) on an lhs design, naming the alternatives', () => {
    const plan = (figures: ExperimentInput['figures']) => () =>
      planExperiment(parseExperiment(lhs(figures)));
    expect(plan([{ name: 'r', kind: 'rate', x: QUOTA }])).toThrow(
      `figures[0] 'r': a rate figure pools the cells that share each value of its parameters, but this lhs design samples '${QUOTA}', '${FOREIGN}' continuously (no two cells share a value); use kind 'scatter' (each cell's estimate against one parameter, with binned means), 'partial' (partial dependence from the multi-factor regression), or a grid design`,
    );
    expect(plan([{ name: 'h', kind: 'heatmap', x: QUOTA, y: FOREIGN }])).toThrow(
      /figures\[0\] 'h': a heatmap figure pools .* use kind 'scatter'/,
    );
    expect(plan([{ name: 's', kind: 'shares' }])).toThrow(/a shares figure draws one bar per cell/);
    expect(plan([{ name: 'g', kind: 'gains', series: FOREIGN }])).toThrow(
      /a gains figure groups runs by each value of series/,
    );
    expect(plan([{ name: 'x', kind: 'sensitivity' }])).toThrow(
      "figures[0] 'x': a sensitivity figure draws Sobol indices (a 'saltelli' design) or Morris measures (a 'morris' design), but this experiment's design is 'lhs'; use design: { kind: 'saltelli', baseCells: 1024 } or { kind: 'morris', trajectories: 20, levels: 4 }",
    );
    expect(
      plan([{ name: 'x', kind: 'scatter', x: QUOTA, outcomes: ['agreement', 'no_agreement'] }]),
    ).toThrow("figures[0] 'x'.outcomes: a scatter figure draws one rate or mean, got 2");
    expect(plan([{ name: 'x', kind: 'scatter' }])).toThrow(
      "figures[0] 'x'.x: a scatter figure needs x",
    );
    const salt = () =>
      planExperiment(
        parseExperiment(
          lhs([{ name: 'r', kind: 'rate', x: QUOTA }], { kind: 'saltelli', baseCells: 8 }),
        ),
      );
    expect(salt).toThrow(/, 'sensitivity' \(Sobol indices\), or a grid design/);
  });

  it('draws a scatter of cell estimates with binned means and says what the bins pool over', async () => {
    const dir = writeSyntheticResults(
      lhs([{ name: 's', kind: 'scatter', x: QUOTA, outcomes: ['agreement'] }]),
      play,
    );
    const results = readResults(dir);
    const spec = figureSpec(
      results,
      results.manifest.experiment.figures[0]!,
      0,
      options,
      noRuns,
    ) as never as {
      title: { text: string[] };
      data: { values: { kind: string; x: number; y: number; lo: number | null }[] };
    };
    expect(await specWarnings(spec as never)).toEqual([]);
    const cells = spec.data.values.filter((v) => v.kind === 'cell');
    const bins = spec.data.values.filter((v) => v.kind === 'bin');
    expect(cells).toHaveLength(60);
    expect(bins).toHaveLength(10);
    expect(spec.title.text.join(' ')).toBe(
      "Grey: 60 cells. Black: mean of the cells in each of 10 bins with its t 95% interval, pooling over A's foreign uncertainty σ.",
    );
    // The binned means follow p = 1.4 - quota within a few standard errors (30 runs, 6 cells a bin).
    for (const bin of bins) expect(Math.abs(bin.y - (1.4 - bin.x))).toBeLessThan(0.1);
  });

  it('draws the Sobol indices of a saltelli sweep as bars with intervals', async () => {
    const dir = writeSyntheticResults(
      lhs([{ name: 'i', kind: 'sensitivity', outcomes: ['agreement'] }], {
        kind: 'saltelli',
        baseCells: 32,
      }),
      play,
    );
    const results = readResults(dir);
    const spec = figureSpec(
      results,
      results.manifest.experiment.figures[0]!,
      0,
      options,
      noRuns,
    ) as never as {
      data: { values: { parameter: string; index: string; value: number }[] };
    };
    expect(await specWarnings(spec as never)).toEqual([]);
    const total = spec.data.values.filter((v) => v.index === 'Total ST');
    expect(total.map((v) => v.parameter)).toEqual([
      "B's ratification.quota θ",
      "A's foreign uncertainty σ",
    ]);
    expect(total[0]!.value).toBeGreaterThan(0.8);
  });

  it('draws partial dependence from the regression: for a linear metric, the fitted line itself', async () => {
    // winset_A = 1 + 2 quota + 3 sigma_foreign + N(0, 0.1^2) noise per run: least squares on both
    // parameters, averaged over sigma_foreign, is 1 + 2 quota + 3 mean(sigma_foreign).
    const dir = writeSyntheticResults(
      lhs([{ name: 'p', kind: 'partial', x: QUOTA, outcomes: ['winset_A'] }]),
      (values, record, random) => {
        const noise =
          0.1 * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
        record.winSetSize[0] =
          1 + 2 * (values[QUOTA] as number) + 3 * (values[FOREIGN] as number) + noise;
      },
    );
    const results = readResults(dir);
    const spec = figureSpec(
      results,
      results.manifest.experiment.figures[0]!,
      0,
      options,
      noRuns,
    ) as never as {
      data: { values: { kind: string; x: number; y: number; lo: number; hi: number }[] };
    };
    expect(await specWarnings(spec as never)).toEqual([]);
    const curve = spec.data.values.filter((v) => v.kind === 'curve');
    expect(curve).toHaveLength(25);
    const meanForeign =
      results.manifest.cells.reduce((s, c) => s + (c.values[FOREIGN] as number), 0) / 60;
    for (const p of curve) {
      // 60 cells of 30 runs: the slope's standard error is ~0.01, the level's ~0.003.
      expect(p.y).toBeCloseTo(1 + 2 * p.x + 3 * meanForeign, 1);
      expect(p.lo).toBeLessThan(p.y);
      expect(p.hi).toBeGreaterThan(p.y);
    }
    const slope = (curve.at(-1)!.y - curve[0]!.y) / (curve.at(-1)!.x - curve[0]!.x);
    expect(Math.abs(slope - 2)).toBeLessThan(0.05);
  });

  it('rounds numeric levels to what the design distinguishes', () => {
    expect(levelDigits([0.1, 0.1 + 0.2, 0.5])).toBe(1);
    expect(levelDigits([0.5, 0.67, 0.75])).toBe(2);
    expect(levelDigits([1, 2, 3])).toBe(0);
    expect(levelDigits([0.123456789, 0.2])).toBe(2);
    expect(levelDigits([0.1234, 0.1236])).toBe(4);
    expect(levelDigits(['a', 'b'])).toBeUndefined();
  });
});
