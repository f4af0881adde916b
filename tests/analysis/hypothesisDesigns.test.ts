import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { evaluateHypotheses } from '../../src/analysis/evaluateHypotheses.ts';
import { figureSpec } from '../../src/analysis/figureSpec.ts';
import { logisticScoreTest } from '../../src/analysis/multipleLogisticRegression.ts';
import type { Results } from '../../src/analysis/readResults.ts';
import { writeHypotheses } from '../../src/analysis/writeHypotheses.ts';
import { cellMetrics } from '../../src/engine/columns.ts';
import { type ExperimentInput, parseExperiment } from '../../src/engine/experiment.ts';
import type { Manifest } from '../../src/engine/manifest.ts';
import { planExperiment } from '../../src/engine/plan.ts';
import type { CellValue } from '../../src/engine/seeds.ts';

const layout = { countries: ['A', 'B'], dimensions: 1 };
const QUOTA = 'countries.B.ratification.quota';
const SIGMA = 'countries.A.negotiator.beliefs.sigmaForeign';
const noRuns = () => {
  throw new Error('per-run rows are not needed here');
};

/** Results of the given cells (agreements out of runs; the rest no agreement) of a design kind. */
function results(
  values: Record<string, CellValue>[],
  agreements: number[],
  runs: number[],
  kind = 'grid',
  metric: { n: number[]; sum: number[]; sumsq: number[] } | null = null,
): Results {
  const parameters = Object.keys(values[0]!);
  const cells = values.map((v, index) => ({ index, key: JSON.stringify(v), values: v }));
  const zero = Object.fromEntries(
    cellMetrics(layout).flatMap((m) =>
      ['n_', 'sum_', 'sumsq_'].map((p) => [`${p}${m.name}`, values.map(() => 0)]),
    ),
  );
  const table = aq.table({
    cell: values.map((_, i) => i),
    ...Object.fromEntries(parameters.map((p) => [p, values.map((v) => v[p])])),
    runs,
    agreement: agreements,
    no_agreement: agreements.map((a, i) => runs[i]! - a),
    involuntary_defection: values.map(() => 0),
    voluntary_defection: values.map(() => 0),
    aborted: values.map(() => 0),
    tentative: agreements,
    ratified: agreements,
    ...zero,
    ...(metric ? { n_rounds: metric.n, sum_rounds: metric.sum, sumsq_rounds: metric.sumsq } : {}),
  });
  const manifest = {
    crn: false,
    layout,
    cells,
    experiment: { design: { kind }, parameters: parameters.map((path) => ({ path })) },
  } as unknown as Manifest;
  return { dir: '.', manifest, cells: table, parameters };
}

/** A small real experiment to plan (no game is played). */
function plan(extra: Partial<ExperimentInput>) {
  return planExperiment(
    parseExperiment({
      name: 'designs',
      parameters: [
        { path: QUOTA, range: [0.5, 0.8] },
        { path: SIGMA, range: [0, 0.2] },
      ],
      design: { kind: 'lhs', cells: 60 },
      replications: 10,
      ...extra,
    }),
  );
}

describe('tests that fit the design', () => {
  it('refuses a one-parameter test on a continuous design at planning time, naming what fits', () => {
    expect(() =>
      plan({
        hypotheses: [
          { label: 'quota', outcome: 'gain_B', on: QUOTA, direction: 'increasing', test: 'welch' },
        ],
      }),
    ).toThrow(
      `experiment 'designs': hypotheses[0] ('quota').test: welch compares two levels (the highest and the lowest); this lhs design has 60 distinct values of '${QUOTA}' in 60 cells, each cell with its own values of the other parameters, so there are no levels to pool; use 'regression'.`,
    );
    for (const test of ['logistic', 'trend'] as const) {
      expect(() =>
        plan({
          design: { kind: 'sobol', cells: 16 },
          hypotheses: [{ outcome: 'agreement', on: QUOTA, direction: 'decreasing', test }],
        }),
      ).toThrow(`this sobol design has 16 distinct values of '${QUOTA}' in 16 cells`);
    }
    // the default on a continuous design is regression, which fits
    expect(
      plan({ hypotheses: [{ outcome: 'agreement', on: QUOTA, direction: 'decreasing' }] }).cells,
    ).toHaveLength(60);
  });

  it('refuses mcnemar without common random numbers, and a mean with a rate-only test, before any game', () => {
    const grid = {
      parameters: [
        { path: QUOTA, values: [0.5, 0.7] },
        { path: SIGMA, values: [0, 0.1] },
      ],
      design: { kind: 'grid' as const },
    };
    expect(() =>
      plan({
        ...grid,
        hypotheses: [{ outcome: 'agreement', on: QUOTA, direction: 'decreasing', test: 'mcnemar' }],
      }),
    ).toThrow(
      'hypotheses[0].test: mcnemar compares paired runs, which needs common random numbers',
    );
    expect(() =>
      plan({
        ...grid,
        hypotheses: [{ outcome: 'rounds', on: QUOTA, direction: 'decreasing', test: 'trend' }],
      }),
    ).toThrow(
      "hypotheses[0].test: 'trend' tests a rate, but 'rounds' is a mean; use test 'welch' or 'regression'",
    );
    expect(() =>
      plan({
        ...grid,
        hypotheses: [
          { outcome: 'agreement', on: QUOTA, direction: 'decreasing', given: { [SIGMA]: 0.3 } },
        ],
      }),
    ).toThrow(`hypotheses[0].given: no cell has ${SIGMA} = 0.3; its values: 0, 0.1.`);
    expect(() =>
      plan({
        hypotheses: [{ outcome: 'agreement', on: QUOTA, direction: 'decreasing', by: SIGMA }],
      }),
    ).toThrow(
      `hypotheses[0].by: a lhs design gives every cell its own value of '${SIGMA}', so there are no levels to evaluate at; use test 'regression' with interactions: [['${QUOTA}', '${SIGMA}']].`,
    );
    expect(() =>
      plan({
        ...grid,
        hypotheses: [
          {
            outcome: 'agreement',
            on: QUOTA,
            direction: 'decreasing',
            test: 'logistic',
            interactions: [[QUOTA, SIGMA]],
          },
        ],
      }),
    ).toThrow("hypotheses[0].interactions: only the 'regression' test models interactions");
  });
});

describe('tests under adaptive replication', () => {
  it('refuses pooling cells of different run counts by level, and defaults to regression', () => {
    const adaptive = {
      parameters: [
        { path: QUOTA, values: [0.5, 0.7] },
        { path: SIGMA, values: [0, 0.1] },
      ],
      design: { kind: 'grid' as const },
      replications: { min: 10, max: 100, target: { outcome: 'agreement', halfWidth: 0.05 } },
    };
    expect(() =>
      plan({
        ...adaptive,
        hypotheses: [{ outcome: 'agreement', on: QUOTA, direction: 'decreasing', test: 'trend' }],
      }),
    ).toThrow(
      `hypotheses[0].test: with adaptive replications each cell runs until its own target is met, so cells get different numbers of runs chosen from their outcomes, and trend would pool them by the level of '${QUOTA}' weighted by those runs; use 'regression' (it models each cell), or hold the other parameters fixed with given.`,
    );
    // one cell per level: nothing is pooled
    const fixed = plan({
      ...adaptive,
      hypotheses: [
        { outcome: 'agreement', on: QUOTA, direction: 'decreasing', given: { [SIGMA]: 0 } },
        { outcome: 'agreement', on: QUOTA, direction: 'decreasing' },
      ],
    });
    expect(fixed.replications).toEqual({ min: 10, max: 100, target: adaptive.replications.target });
  });
});

describe('given and by', () => {
  // s = 0, 1, 2 x t = 0, 1: at t = 0 every run agrees, at t = 1 agreement falls 0.5, 0.4, 0.3
  const grid = [0, 1, 2].flatMap((s) => [0, 1].map((t) => ({ s, t })));
  const agreements = grid.map(({ s, t }) => (t === 0 ? 1000 : 500 - 100 * s));
  const runs = grid.map(() => 1000);

  it('flags a pooled verdict whose per-level verdicts disagree', () => {
    const rows = evaluateHypotheses(
      results(grid, agreements, runs),
      [{ outcome: 'agreement', on: 's', direction: 'decreasing', test: 'logistic', by: 't' }],
      noRuns,
    );
    expect(rows.map((r) => [r.level?.value ?? 'pooled', r.verdict])).toEqual([
      ['pooled', 'supported'],
      [0, 'inconclusive'],
      [1, 'supported'],
    ]);
    expect(rows[0]!.note).toBe('supported pooled; inconclusive at t = 0');
    // at t = 0 every trial agreed: no evidence either way (score test, p = 1)
    expect(rows[1]!.p).toBe(1);
    // at t = 1: 500, 400, 300 of 1000 against s = 0, 1, 2 (glm: slope -0.4236, see below)
    expect(rows[2]!.given).toEqual({ t: 1 });
    // Holm over the three rows
    const sorted = [...rows].sort((a, b) => a.p - b.p);
    expect(sorted[0]!.pAdjusted).toBeCloseTo(3 * sorted[0]!.p, 12);
  });

  it('given restricts the cells: the same as the per-level row', () => {
    const [given] = evaluateHypotheses(
      results(grid, agreements, runs),
      [
        {
          outcome: 'agreement',
          on: 's',
          direction: 'decreasing',
          test: 'logistic',
          given: { t: 1 },
        },
      ],
      noRuns,
    );
    /*
     * R 4.2.2: summary(glm(cbind(c(500, 400, 300), c(500, 600, 700)) ~ c(0, 1, 2),
     *                      family = binomial))$coefficients
     *   s  -0.42310901006868  SE 0.0467092500898  z -9.0583558771637  p 1.32431560558e-19
     */
    expect(given!.estimate).toBeCloseTo(-0.42310901006868, 10);
    expect(given!.hi - given!.estimate).toBeCloseTo(1.959963984540054 * 0.0467092500898, 10);
    expect(given!.levels).toBe(3);
    expect(given!.compared).toBe('slope over 3 levels');
  });

  it('a rate figure pooling adaptive cells says they are weighted by runs their outcomes chose', () => {
    const adaptive = results(grid, agreements, runs);
    const figure = { name: 'by-s', kind: 'rate' as const, x: 's' };
    // the title's text, its wrapped lines joined
    const title = (r: Results) =>
      JSON.stringify(
        (figureSpec(r, figure, 0, { theme: 'paper', columns: 1 }, noRuns) as { title: unknown })
          .title,
      ).replaceAll('","', ' ');
    expect(title(adaptive)).toContain('Pooled over t');
    expect(title(adaptive)).not.toContain('adaptive');
    adaptive.manifest.adaptive = grid.map((_, cell) => ({ cell, runs: 1000, met: true }));
    expect(title(adaptive)).toContain(
      'Pooled over t (cells weighted by their adaptive runs, which their outcomes chose)',
    );
  });

  it('regression on a grid models both parameters, through quasi-separation', () => {
    /*
     * Every run agrees at t = 0, so t's coefficient runs off to infinity; s is estimated from
     * the t = 1 cells, which determine it, as in R 4.2.2 (with its warning "fitted
     * probabilities numerically 0 or 1 occurred"):
     * g <- expand.grid(t = c(0, 1), s = c(0, 1, 2))
     * g$y <- ifelse(g$t == 0, 1000, 500 - 100 * g$s); g$n <- 1000
     * g$sc <- g$s - mean(g$s); g$tc <- g$t - mean(g$t)
     * summary(glm(cbind(y, n - y) ~ sc + tc, family = binomial, data = g,
     *             control = glm.control(epsilon = 1e-14, maxit = 100)))$coefficients
     *   sc  -0.423109010069  SE 4.67092500899e-02  p 1.32431560584e-19
     *   tc -37.018727886591  SE 1.22523461962e+06  (diverging)
     * Only the 3 cells at t = 1 are off the boundary, and the design's rank over them is 2, so
     * they carry 1 residual df: their Pearson statistic 0.0520130941 / 1 gives phi = 1, and t
     * on 1 df: qt(0.975, 1) = 12.7062047361747. For t, Rao's score test:
     * anova(glm(cbind(y, n - y) ~ sc, ...), glm(cbind(y, n - y) ~ sc + tc, ...), test = "Rao")
     *   Rao 2592.015949658; 2 * pt(-sqrt(2592.015949658), 1) = 0.012502747119468
     */
    const rows = evaluateHypotheses(
      results(grid, agreements, runs),
      [
        { outcome: 'agreement', on: 's', direction: 'decreasing', test: 'regression', by: 't' },
        { outcome: 'agreement', on: 't', direction: 'decreasing', test: 'regression' },
      ],
      noRuns,
    );
    expect(rows[0]!.compared).toBe(
      'quasi-binomial logistic over 6 cells, 2 parameters (separation: 3 cells fitted at 0 or 1)',
    );
    expect(rows[0]!.estimate).toBeCloseTo(-0.423109010069, 9);
    expect(rows[0]!.hi - rows[0]!.estimate).toBeCloseTo(12.7062047361747 * 0.0467092500899, 9);
    expect(rows[1]!.compared).toBe(
      'quasi-binomial logistic over 3 cells, 1 parameter (every run alike: no evidence)',
    );
    expect(rows[1]!.p).toBe(1);
    expect(rows[2]!.compared).toBe('quasi-binomial logistic over 3 cells, 1 parameter');
    expect(rows[2]!.estimate).toBeCloseTo(-0.42310901006868, 9);
    // t itself separates: its estimate is -inf, tested by Rao's score test
    expect(rows[3]!.estimate).toBe(Number.NEGATIVE_INFINITY);
    expect(rows[3]!.compared).toContain('score test');
    expect(rows[3]!.p).toBeCloseTo(0.012502747119468, 12);
  });

  it("Rao's score test where the estimate is infinite matches anova(test = 'Rao')", () => {
    /*
     * x <- c(0, 1); y <- c(0, 4); n <- c(4, 4)
     * anova(glm(cbind(y, n - y) ~ 1, family = binomial),
     *       glm(cbind(y, n - y) ~ x, family = binomial), test = "Rao")
     *   Rao 8, Pr(>Chi) 0.0046777
     */
    const score = logisticScoreTest(
      [Float64Array.of(1, 0), Float64Array.of(1, 1)],
      [0, 4],
      [4, 4],
      1,
    );
    expect(score.z * score.z).toBeCloseTo(8, 10);
    expect(score.p).toBeCloseTo(0.0046777, 6);
  });
});

describe('reporting', () => {
  it('writes a p below 1e-16 as a bound in the CSV, never 0, and labels what was compared', () => {
    // 0 of 1000 against 1000 of 1000 agree, with a spread: Welch on the rates gives t = inf
    const r = results(
      [{ s: 0 }, { s: 1 }, { s: 2 }, { s: 3 }, { s: 4 }],
      [0, 100, 500, 900, 1000],
      [1000, 1000, 1000, 1000, 1000],
    );
    const rows = evaluateHypotheses(
      r,
      [
        { outcome: 'agreement', on: 's', direction: 'increasing', test: 'welch' },
        { outcome: 'agreement', on: 's', direction: 'increasing', test: 'trend' },
      ],
      noRuns,
    );
    expect(rows[0]!.p).toBe(0);
    expect(rows[0]!.compared).toBe('highest vs lowest of 5 levels');
    expect(`${rows[0]!.test}: ${rows[0]!.compared}`).toBe('welch: highest vs lowest of 5 levels');
    const dir = mkdtempSync(join(tmpdir(), 'twolevel-hypotheses-'));
    writeHypotheses(dir, rows);
    const csv = aq.fromCSV(readFileSync(join(dir, 'hypotheses.csv'), 'utf8'));
    expect(csv.array('p_bound')).toEqual(['<', '<']);
    expect(csv.array('p')).toEqual([1e-16, 1e-16]);
    expect(csv.array('pAdjusted_bound')).toEqual(['<', '<']);
    const md = readFileSync(join(dir, 'hypotheses.md'), 'utf8');
    expect(md).toContain('| welch: highest vs lowest of 5 levels |');
    expect(md).toContain('(positive: higher at the highest)');
    expect(md).toContain('< 1e-16');
    expect(md).not.toMatch(/\| 0 \|/);
  });

  it('a continuous design defaults to regression; a one-at-a-time design compares only the arm of on', () => {
    // 8 cells of an lhs over (a, b): agreement rises with a only
    const a = [0.05, 0.21, 0.33, 0.48, 0.62, 0.79, 0.94, 0.12];
    const b = [0.71, 0.12, 0.93, 0.4, 0.58, 0.26, 0.85, 0.5];
    const lhs = a.map((v, k) => ({ a: v, b: b[k]! }));
    const agree = a.map((v) => Math.round(1000 / (1 + Math.exp(-(-1 + 2 * v)))));
    const [row] = evaluateHypotheses(
      results(
        lhs,
        agree,
        a.map(() => 1000),
        'lhs',
      ),
      [{ outcome: 'agreement', on: 'a', direction: 'increasing' }],
      noRuns,
    );
    expect(row!.test).toBe('regression');
    expect(row!.estimate).toBeGreaterThan(1.8);
    expect(row!.estimate).toBeLessThan(2.2);
    expect(row!.verdict).toBe('supported');
    // oat: base (0, 0), a arm 1, 2 at b = 0, b arm 1, 2 at a = 0 with a big effect of b
    const oat = results(
      [
        { a: 0, b: 0 },
        { a: 1, b: 0 },
        { a: 2, b: 0 },
        { a: 0, b: 1 },
        { a: 0, b: 2 },
      ],
      [500, 500, 500, 100, 10],
      [1000, 1000, 1000, 1000, 1000],
      'oat',
    );
    (oat.manifest.experiment.parameters as { base?: number }[]).forEach((p) => {
      p.base = 0;
    });
    const [flat] = evaluateHypotheses(
      oat,
      [{ outcome: 'agreement', on: 'a', direction: 'increasing', test: 'trend' }],
      noRuns,
    );
    // pooled over every cell, a = 0 would mix in the b arm (610 of 3000) and show a false rise
    expect(flat!.estimate).toBe(0);
    expect(flat!.given).toEqual({ b: 0 });
  });
});
