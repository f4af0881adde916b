import { describe, expect, it } from 'vitest';
import { morrisChart } from '../../src/charts/morrisChart.ts';
import { specWarnings } from './inspect.ts';

const row = (parameter: string, mu_star: number, sigma: number) => ({
  parameter,
  mu_star,
  mu_star_lo: mu_star * 0.8,
  mu_star_hi: mu_star * 1.2,
  sigma,
});

describe('morrisChart', () => {
  it('draws each parameter at (mu*, sigma) with its mu* interval, and lifts labels that would overlap', async () => {
    const rows = [
      row('x1', 0.9, 0.7),
      row('near zero a', 0.01, 0.02),
      row('near zero b', 0.012, 0.021),
      row('near zero c', 0.02, 0.03),
    ];
    const spec = morrisChart(rows, { theme: 'paper', columns: 1 }) as never as {
      data: {
        values: {
          parameter: string;
          mu_star: number;
          sigma: number;
          lo: number;
          hi: number;
          label: number;
        }[];
      };
    };
    expect(await specWarnings(spec as never)).toEqual([]);
    const values = spec.data.values;
    expect(values.map((v) => [v.mu_star, v.sigma, v.lo, v.hi])).toEqual(
      rows.map((r) => [r.mu_star, r.sigma, r.mu_star_lo, r.mu_star_hi]),
    );
    // The lone point keeps its label at its sigma; the three near the origin are stacked apart.
    expect(values[0]!.label).toBe(0.7);
    const stacked = values
      .slice(1)
      .map((v) => v.label)
      .sort((a, b) => a - b);
    expect(stacked[0]).toBe(0.02);
    const gaps = [stacked[1]! - stacked[0]!, stacked[2]! - stacked[1]!];
    expect(gaps[0]).toBeCloseTo(gaps[1]!, 12);
    expect(gaps[0]).toBeGreaterThan(0.02);
  });

  it('refuses an interval that ends before it starts', () => {
    expect(() =>
      morrisChart([{ ...row('x', 1, 1), mu_star_lo: 2 }], { theme: 'paper', columns: 1 }),
    ).toThrow('morrisChart rows[0]: expected mu_star_lo <= mu_star_hi, got 2, 1.2');
  });
});
