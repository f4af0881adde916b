import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { evaluateHypotheses } from '../../src/analysis/evaluateHypotheses.ts';
import { holm } from '../../src/analysis/holm.ts';
import { type Results, readResults, readRuns } from '../../src/analysis/readResults.ts';
import { cellMetrics } from '../../src/engine/columns.ts';
import type { Hypothesis } from '../../src/engine/experiment.ts';
import type { Manifest } from '../../src/results/manifest.ts';
import { QUOTA, SIGMA, writeFixture } from './fixture.ts';

const layout = { countries: ['A', 'B'], dimensions: 1 };

/**
 * Results of one parameter `s` at the given levels (a second, `t`, alternates 0, 1), `runs`
 * runs per level, with the given agreement counts (the rest no agreement) and any other count
 * columns overridden.
 */
function constructed(
  levels: number[],
  agreements: number[],
  runs: number,
  counts: Record<string, number[]> = {},
): Results {
  const cells = levels.map((s, i) => ({ index: i, values: { s, t: i % 2 } }));
  const zero = Object.fromEntries(
    cellMetrics(layout).flatMap((m) =>
      ['n_', 'sum_', 'sumsq_'].map((p) => [`${p}${m.name}`, levels.map(() => 0)]),
    ),
  );
  const table = aq.table({
    cell: levels.map((_, i) => i),
    s: levels,
    t: levels.map((_, i) => i % 2),
    runs: levels.map(() => runs),
    agreement: agreements,
    no_agreement: agreements.map((a) => runs - a),
    involuntary_defection: levels.map(() => 0),
    voluntary_defection: levels.map(() => 0),
    aborted: levels.map(() => 0),
    tentative: agreements,
    ratified: agreements,
    ...zero,
    ...counts,
  });
  const manifest = {
    crn: false,
    layout,
    cells,
    experiment: { design: { kind: 'grid' }, parameters: [{ path: 's' }, { path: 't' }] },
  } as unknown as Manifest;
  return { dir: '.', manifest, cells: table, parameters: ['s', 't'] };
}

const noRuns = () => {
  throw new Error('per-run rows are not needed here');
};

const agreementIn = (on: string, direction: Hypothesis['direction']): Hypothesis => ({
  outcome: 'agreement',
  on,
  direction,
  test: 'trend',
});

describe('evaluateHypotheses', () => {
  it('a clear increasing trend is supported, and contradicts the opposite claim', () => {
    const results = constructed([0, 1, 2, 3], [100, 200, 300, 400], 1000);
    const [up, down] = evaluateHypotheses(
      results,
      [agreementIn('s', 'increasing'), agreementIn('s', 'decreasing')],
      noRuns,
    );
    expect(up!.verdict).toBe('supported');
    expect(down!.verdict).toBe('contradicted');
    // rates 0.1 .. 0.4 over s = 0 .. 3: slope 0.1 per unit
    expect(up!.estimate).toBeCloseTo(0.1, 12);
    expect(up!.levels).toBe(4);
  });

  it('a flat rate is inconclusive', () => {
    const results = constructed([0, 1, 2], [300, 300, 300], 1000);
    const [flat] = evaluateHypotheses(results, [agreementIn('s', 'increasing')], noRuns);
    expect(flat!.estimate).toBe(0);
    expect(flat!.p).toBe(1);
    expect(flat!.verdict).toBe('inconclusive');
  });

  it('adjusts the p-values across hypotheses by Holm: two raw p < 0.05 become inconclusive', () => {
    // agreement 40/100 vs 55/100: z = 7.5 / sqrt(0.475 * 0.525 * 50) = 2.124, p = 0.0337;
    // ratification failure 40/100 vs 54/100: z = 1.983, p = 0.0473.
    // Holm: 2 * 0.0337 = 0.0673, then max(0.0673, 0.0473): both 0.0673 > 0.05.
    const results = constructed([0, 1], [40, 55], 100, {
      involuntary_defection: [40, 54],
      tentative: [100, 100],
    });
    const failure: Hypothesis = {
      ...agreementIn('s', 'increasing'),
      outcome: 'ratification_failure',
    };
    const alone = evaluateHypotheses(results, [agreementIn('s', 'increasing')], noRuns);
    expect(alone[0]!.verdict).toBe('supported');
    const [a, b] = evaluateHypotheses(results, [agreementIn('s', 'increasing'), failure], noRuns);
    expect(a!.p).toBeCloseTo(0.0337, 4);
    expect(b!.p).toBeCloseTo(0.0473, 4);
    expect(a!.pAdjusted).toBeCloseTo(2 * a!.p, 12);
    expect(b!.pAdjusted).toBeCloseTo(2 * a!.p, 12);
    expect([a!.verdict, b!.verdict]).toEqual(['inconclusive', 'inconclusive']);
  });

  it('names the hypothesis and field of a mistake', () => {
    const results = constructed([0, 1], [1, 2], 10);
    expect(() =>
      evaluateHypotheses(
        results,
        [{ ...agreementIn('s', 'increasing'), outcome: 'agreed' }],
        noRuns,
      ),
    ).toThrow("hypotheses[0].outcome: unknown outcome 'agreed'; valid rates: agreement,");
    expect(() =>
      evaluateHypotheses(results, [{ ...agreementIn('x', 'increasing') }], noRuns),
    ).toThrow("hypotheses[0].on: 'x' is not a varied parameter of this experiment; valid: s, t");
    expect(() =>
      evaluateHypotheses(results, [{ ...agreementIn('s', 'increasing'), test: 'mcnemar' }], noRuns),
    ).toThrow(
      'hypotheses[0].test: mcnemar compares paired runs, which needs common random numbers',
    );
  });
});

describe('evaluateHypotheses on a sweep', () => {
  it("supports the fixture's built-in effects, with McNemar on paired runs under CRN", () => {
    const results = readResults(writeFixture(150, true));
    const hypotheses: Hypothesis[] = [
      { outcome: 'agreement', on: QUOTA, direction: 'decreasing', test: 'logistic' },
      { outcome: 'involuntary_defection', on: SIGMA, direction: 'increasing', test: 'trend' },
      { outcome: 'involuntary_defection', on: SIGMA, direction: 'increasing', test: 'mcnemar' },
      { outcome: 'rounds', on: SIGMA, direction: 'increasing' },
    ];
    const out = evaluateHypotheses(results, hypotheses, () => readRuns(results));
    expect(out.map((h) => h.verdict)).toEqual([
      'supported',
      'supported',
      'supported',
      'inconclusive',
    ]);
    expect(out[3]!.test).toBe('welch');
    expect(Array.from(holm(out.map((h) => h.p)))).toEqual(out.map((h) => h.pAdjusted));
  });
});
