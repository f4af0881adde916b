import * as aq from 'arquero';
import { op } from 'arquero';
import { describe, expect, it } from 'vitest';
import { readResults, readRuns } from '../../src/analysis/readResults.ts';
import { summarize } from '../../src/analysis/summarize.ts';
import { tQuantile } from '../../src/analysis/tQuantile.ts';
import { OUTCOMES } from '../../src/engine/columns.ts';
import { QUOTA, SIGMA, writeFixture } from './fixture.ts';

const results = readResults(writeFixture(150));
const layout = results.manifest.layout;

/** A table's rows as objects of numbers. */
function rows(table: aq.ColumnTable) {
  return table.objects() as Record<string, number>[];
}

/** The per-run rows with each run's parameter values joined from its cell. */
function runsWithParameters() {
  const parameters = results.cells.select('cell', QUOTA, SIGMA);
  return readRuns(results).join(parameters, 'cell');
}

/** Summaries recomputed from the per-run rows, independently of the cell sums. */
function fromRuns(by: string[]) {
  const runs = runsWithParameters().derive({ ratified: (d) => d.outcome === 0 || d.outcome === 3 });
  const grouped = by.length > 0 ? runs.groupby(...by) : runs;
  const rates = grouped
    .rollup({
      runs: aq.op.count(),
      agreement: (d) => op.sum(d.outcome === 0 ? 1 : 0),
      no_agreement: (d) => op.sum(d.outcome === 1 ? 1 : 0),
      involuntary_defection: (d) => op.sum(d.outcome === 2 ? 1 : 0),
      voluntary_defection: (d) => op.sum(d.outcome === 3 ? 1 : 0),
      aborted: (d) => op.sum(d.outcome === 4 ? 1 : 0),
      rounds_mean: aq.op.mean('rounds'),
      rounds_sd: aq.op.stdev('rounds'),
      winset_B_mean: aq.op.mean('winset_B'),
    })
    .orderby(...by);
  const ratified = runs.filter((d) => d.ratified);
  const gains = (by.length > 0 ? ratified.groupby(...by) : ratified)
    .rollup({ gain_A_mean: aq.op.mean('gain_A'), gain_A_n: aq.op.count() })
    .orderby(...by);
  return { rates: rows(rates), gains: rows(gains) };
}

describe('summarize', () => {
  for (const by of [[QUOTA, SIGMA], [SIGMA], [QUOTA], []]) {
    it(`equals the summary recomputed from per-run rows, by [${by.join(', ')}]`, () => {
      const summary = rows(summarize(results.cells, results.parameters, layout, by));
      const expected = fromRuns(by);
      expect(summary).toHaveLength(expected.rates.length);
      summary.forEach((row, i) => {
        const want = expected.rates[i]!;
        for (const p of by) expect(row[p]).toBe(want[p]);
        expect(row.runs).toBe(want.runs);
        for (const o of OUTCOMES) {
          expect(row[`${o}_rate`]).toBeCloseTo((want[o] as number) / (want.runs as number), 12);
        }
        expect(row.rounds_mean).toBeCloseTo(want.rounds_mean as number, 10);
        expect(row.winset_B_mean).toBeCloseTo(want.winset_B_mean as number, 10);
        expect(row.gain_A_mean).toBeCloseTo(expected.gains[i]!.gain_A_mean as number, 10);
        expect(row.gain_A_n).toBe(expected.gains[i]!.gain_A_n);
        // the t interval around the per-run mean, from the per-run standard deviation
        const n = want.runs as number;
        const half = (tQuantile(0.975, n - 1) * (want.rounds_sd as number)) / Math.sqrt(n);
        expect(row.rounds_hi - row.rounds_mean).toBeCloseTo(half, 8);
      });
    });
  }

  it('pools every cell of one quota: 450 runs, and the conditional failure rate', () => {
    const summary = rows(summarize(results.cells, results.parameters, layout, [QUOTA]));
    expect(summary.map((r) => r[QUOTA])).toEqual([0.5, 0.7]);
    for (const row of summary) {
      expect(row.cells).toBe(3);
      expect(row.runs).toBe(450);
      // every involuntary defection follows a tentative agreement (no reopening here)
      expect(row.tentative).toBe(row.agreement + row.involuntary_defection);
      expect(row.ratification_failure_rate).toBeCloseTo(
        row.involuntary_defection / row.tentative,
        12,
      );
    }
  });

  it('plugs the counts into Wilson intervals (hand-checked at 50/100)', () => {
    const cells = aq.table({
      q: [1],
      runs: [100],
      agreement: [50],
      no_agreement: [30],
      involuntary_defection: [20],
      voluntary_defection: [0],
      aborted: [0],
      tentative: [70],
      ratified: [50],
      ...Object.fromEntries(
        sumColumns().map((c) => [c, [c.startsWith('n_') ? 3 : c.startsWith('sum_') ? 12 : 56]]),
      ),
    });
    const [row] = rows(summarize(cells, ['q'], layout));
    // Wilson at 50/100: centre 0.5, half-width 1.96 sqrt(0.0025 + 0.000096) / 1.038415
    expect(row!.agreement_lo).toBeCloseTo(0.403832, 6);
    expect(row!.agreement_hi).toBeCloseTo(0.596168, 6);
    // 20 / 70 tentative agreements failed ratification
    expect(row!.ratification_failure_rate).toBeCloseTo(2 / 7, 12);
    // metric sums n = 3, S = 12, Q = 56 (the values 2, 4, 6): mean 4 +- 4.302653 * 2 / sqrt(3)
    expect(row!.rounds_mean).toBe(4);
    expect(row!.rounds_lo).toBeCloseTo(4 - 4.968275, 5);
    expect(row!.rounds_hi).toBeCloseTo(4 + 4.968275, 5);
  });

  it('refuses a --by that is not a varied parameter, listing the valid ones', () => {
    expect(() => summarize(results.cells, results.parameters, layout, ['quota'])).toThrow(
      `--by: 'quota' is not a varied parameter of this sweep; valid: ${QUOTA}, ${SIGMA}`,
    );
  });
});

/** The metric sum columns of the fixture's cells table (n_, sum_, sumsq_ per metric). */
function sumColumns() {
  return results.cells.columnNames().filter((c) => /^(n|sum|sumsq)_/.test(c));
}
