import { describe, expect, it } from 'vitest';
import {
  cellColumns,
  cellMetrics,
  OUTCOMES,
  parameterColumns,
  RunBatch,
  runColumns,
  sumsLength,
} from '../../src/engine/columns.ts';
import { createRecord, type GameRecord } from '../../src/negotiation/record.ts';

const layout = { countries: ['A', 'B'], dimensions: 1 };

function run(outcome: GameRecord['outcome'], x: number, gainA: number, rounds: number) {
  const record = createRecord('s', 2, 1);
  record.outcome = outcome;
  record.defector = outcome === 'involuntary_defection' ? 1 : -1;
  record.rounds = rounds;
  record.agreement[0] = x;
  record.medianGain.set([gainA, 1 - gainA]);
  record.winSetSize.set([0.4, 0.2]);
  record.overlapSize = 0.1;
  record.believedOverlapSize = Number.NaN;
  return record;
}

describe('columns', () => {
  it('names every run column once, per country and dimension', () => {
    const names = runColumns({ countries: ['A', 'B'], dimensions: 2 }).map((c) => c.name);
    expect(names.slice(0, 8)).toEqual([
      'cell',
      'replication',
      'seed',
      'outcome',
      'defector',
      'defection_period',
      'rounds',
      'reopenings',
    ]);
    expect(names).toContain('x_2');
    expect(names).toContain('negotiator_gain_B');
    expect(new Set(names).size).toBe(names.length);
    // 2 + 2 dimensions + 4 per country + 2 overlaps
    expect(cellMetrics({ countries: ['A', 'B'], dimensions: 2 })).toHaveLength(14);
  });

  it('lays out cell columns: counts, then n/sum/sumsq per metric', () => {
    const names = cellColumns(
      layout,
      parameterColumns([{ path: 'countries.B.ratification.quota', type: 'float64' }]),
    );
    expect(names.map((c) => c.name).slice(0, 11)).toEqual([
      'cell',
      'key',
      'countries_B_ratification_quota',
      'runs',
      ...OUTCOMES,
      'tentative',
      'ratified',
    ]);
    // 8 counts (runs, 5 outcomes, tentative, ratified), then 13 metrics: rounds, reopenings,
    // x_1, 4 per country, 2 overlaps
    expect(sumsLength(layout)).toBe(8 + 3 * 13);
  });

  it('sums each metric over the runs where it counts', () => {
    const batch = new RunBatch(layout, 3, true);
    batch.record(0, run('agreement', 0.5, 0.25, 3));
    batch.record(1, run('no_agreement', Number.NaN, 0, 50));
    batch.record(2, run('involuntary_defection', 0.7, 0.75, 4));
    const s = batch.sums;
    // runs, agreement, no_agreement, involuntary, voluntary, aborted, tentative, ratified
    expect(Array.from(s.subarray(0, 8))).toEqual([3, 1, 1, 1, 0, 0, 2, 1]);
    // rounds over all runs: n 3, sum 57, sumsq 9 + 2500 + 16
    expect(Array.from(s.subarray(8, 11))).toEqual([3, 57, 2525]);
    // x_1 over ratified runs only: the agreement at 0.5
    expect(Array.from(s.subarray(14, 17))).toEqual([1, 0.5, 0.25]);
    // gain_A over ratified runs only
    expect(Array.from(s.subarray(17, 20))).toEqual([1, 0.25, 0.0625]);
    // winset_A over all runs: 3 x 0.4
    expect(s[23]).toBe(3);
    expect(s[24]).toBeCloseTo(1.2, 12);
    // believed_overlap is NaN throughout: no run counts
    expect(Array.from(s.subarray(s.length - 3))).toEqual([0, 0, 0]);
    const columns = batch.columns();
    expect(Array.from(columns.outcome!)).toEqual([0, 1, 2]);
    expect(Array.from(columns.defector!)).toEqual([-1, -1, 1]);
    expect(Array.from(columns.x_1!)).toEqual([0.5, Number.NaN, 0.7]);
  });

  it('counts an aborted run as aborted, neither tentative nor ratified', () => {
    const batch = new RunBatch(layout, 1, true);
    batch.record(0, run('aborted', Number.NaN, 0, 0));
    // runs, agreement, no_agreement, involuntary, voluntary, aborted, tentative, ratified
    expect(Array.from(batch.sums.subarray(0, 8))).toEqual([1, 0, 0, 0, 0, 1, 0, 0]);
    expect(Array.from(batch.columns().outcome!)).toEqual([4]);
  });

  it('names parameter columns so that R and pandas keep them, distinct from each other', () => {
    const columns = parameterColumns([
      { path: 'countries.B.ratification.chambers[1].quota', type: 'float64' },
      { path: 'countries.B.ratification.chambers.1.quota', type: 'float64' },
      { path: 'runs', type: 'float64' },
      { path: '1.x', type: 'utf8' },
    ]);
    expect(columns.map((c) => c.column)).toEqual([
      'countries_B_ratification_chambers_1_quota',
      'countries_B_ratification_chambers_1_quota_2',
      'runs_2',
      'p_1_x',
    ]);
    // R's make.names leaves every one unchanged: letters, digits and '_', starting with a letter
    for (const c of columns) expect(c.column).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  });

  it('marks only the agreement point nullable, and outcome a category of the five outcomes', () => {
    const specs = runColumns(layout);
    expect(specs.filter((c) => c.nullable).map((c) => c.name)).toEqual(['x_1']);
    expect(specs.find((c) => c.name === 'outcome')).toMatchObject({
      type: 'category',
      labels: OUTCOMES,
    });
  });

  it('keeps no columns for --runs none but the same sums', () => {
    const kept = new RunBatch(layout, 2, true);
    const bare = new RunBatch(layout, 2, false);
    for (const b of [kept, bare]) {
      b.record(0, run('agreement', 0.5, 0.25, 3));
      b.record(1, run('voluntary_defection', 0.6, 0.5, 7));
    }
    expect(bare.sums).toEqual(kept.sums);
    expect(bare.columns().outcome).toHaveLength(0);
  });
});
