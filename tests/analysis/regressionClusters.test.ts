import { describe, expect, it } from 'vitest';
import { evaluateHypotheses } from '../../src/analysis/evaluateHypotheses.ts';
import { hypothesisTest } from '../../src/analysis/hypothesisTest.ts';
import { multipleLogisticRegression } from '../../src/analysis/multipleLogisticRegression.ts';
import { normalTwoSidedP } from '../../src/analysis/normalTwoSidedP.ts';
import { readResults } from '../../src/analysis/readResults.ts';
import { regressionDesign } from '../../src/analysis/regressionDesign.ts';
import { writeSyntheticResults } from './syntheticResults.ts';

const QUOTA = 'countries.B.ratification.quota';
const SIGMA = 'countries.A.negotiator.beliefs.sigmaForeign';
const noRuns = () => {
  throw new Error('per-run rows are not needed here');
};

/**
 * The false positive of run-level inference: 40 random cells of 200 runs, agreement and the
 * win-set depend on sigmaForeign only, through a curve no linear term follows, and not at all
 * on the quota. Every run of a cell shares the cell's departure from the fitted surface, so
 * only the 40 cells carry information about the quota's slope; run-level standard errors
 * treat the 8,000 runs as independent and call the quota significant in most experiments.
 */
function experiment(seed: number) {
  return writeSyntheticResults(
    {
      name: 'clusters',
      parameters: [
        { path: QUOTA, range: [0.5, 1] },
        { path: SIGMA, range: [0, 0.3] },
      ],
      design: { kind: 'random', cells: 40 },
      replications: 200,
      seed,
    },
    (values, record, random) => {
      const u = (values[SIGMA] as number) / 0.3;
      const curve = Math.sin(3 * Math.PI * u);
      record.outcome = random() < 0.5 + 0.4 * curve ? 'agreement' : 'no_agreement';
      record.winSetSize[0] = 10 * curve + random();
    },
  );
}

describe('regression infers from cells, not runs', () => {
  it('does not call a parameter with no effect significant when the outcome is nonlinear in another', () => {
    const seeds = Array.from({ length: 10 }, (_, k) => k + 1);
    let naive = 0;
    let rate = 0;
    let mean = 0;
    for (const seed of seeds) {
      const results = readResults(experiment(seed));
      const rows = evaluateHypotheses(
        results,
        [
          { outcome: 'agreement', on: QUOTA, direction: 'increasing', test: 'regression' },
          { outcome: 'winset_A', on: QUOTA, direction: 'increasing', test: 'regression' },
        ],
        noRuns,
      );
      if (rows[0]!.p < 0.05) rate++;
      if (rows[1]!.p < 0.05) mean++;
      // the run-level Wald test glm's binomial family gives, on the same cells
      const column = (name: string) => Array.from(results.cells.array(name) as ArrayLike<number>);
      const byIndex = new Map(results.manifest.cells.map((c) => [c.index, c]));
      const design = regressionDesign(
        column('cell').map((index) => byIndex.get(index)!),
        [QUOTA, SIGMA],
      );
      const fit = multipleLogisticRegression(design.rows, column('agreement'), column('runs'));
      if (normalTwoSidedP(fit.coefficients[1]! / fit.standardErrors[1]!) < 0.05) naive++;
    }
    expect(naive).toBeGreaterThanOrEqual(4);
    expect(rate).toBeLessThanOrEqual(2);
    expect(mean).toBeLessThanOrEqual(2);
  });

  it('refuses a model with as many terms as cells, saying why', () => {
    const cells = [
      { values: { a: 0, b: 0 } },
      { values: { a: 1, b: 0 } },
      { values: { a: 0, b: 1 } },
    ];
    const design = regressionDesign(cells, ['a', 'b']);
    const message =
      'the model has 3 terms ((intercept), a, b) but only 3 cells with runs; inference is by cell, so it needs more cells than terms: add cells to the design or leave out an interaction.';
    for (const response of [
      { kind: 'binary' as const, successes: [3, 5, 7], trials: [10, 10, 10] },
      { kind: 'mean' as const, n: [10, 10, 10], sum: [3, 5, 7], sumOfSquares: [3, 5, 7] },
    ]) {
      expect(() =>
        hypothesisTest('regression', { kind: 'regression', design, column: 1, response }),
      ).toThrow(message);
    }
  });
});
