import { describe, expect, it } from 'vitest';
import { outcomeSharesChart } from '../../src/charts/outcomeSharesChart.ts';
import { toSVG } from '../../src/charts/render.ts';
import { specWarnings } from './inspect.ts';

const rows = [
  { cell: 'Simple majority', outcome: 'agreement', share: 0.7 },
  { cell: 'Simple majority', outcome: 'involuntary_defection', share: 0.1 },
  { cell: 'Simple majority', outcome: 'no_agreement', share: 0.2 },
  { cell: 'Unanimity', outcome: 'agreement', share: 0.4 },
  { cell: 'Unanimity', outcome: 'no_agreement', share: 0.6 },
];
const options = { theme: 'paper', columns: 1, cellTitle: 'Ratification rule' } as const;

describe('outcomeSharesChart', () => {
  it('compiles without warnings', async () => {
    expect(await specWarnings(outcomeSharesChart(rows, options))).toEqual([]);
  });

  it('stacks in the fixed outcome order whatever the row order', () => {
    const spec = outcomeSharesChart(rows, options) as {
      data: { values: { outcome: string; rank: number }[] };
      encoding: { color: { scale: { domain: string[] } } };
    };
    expect(spec.data.values.map((v) => v.rank)).toEqual([0, 2, 1, 0, 1]);
    expect(spec.encoding.color.scale.domain).toEqual([
      'Agreement',
      'No agreement',
      'Involuntary defection',
    ]);
  });

  it('shows cell names, axis titles and outcome labels', async () => {
    const svg = await toSVG(outcomeSharesChart(rows, options));
    for (const text of [
      'Simple majority',
      'Unanimity',
      'Ratification rule',
      'Share of runs',
      'Involuntary defection',
    ]) {
      expect(svg).toContain(`>${text}</text>`);
    }
  });

  it('shows every one of 15 cell labels, 1.6 label heights (12.8 pt) apart or more', async () => {
    // The worst case for room: one paper column, a title, a four-row legend.
    const cells = Array.from({ length: 15 }, (_, k) => `θ = ${(0.5 + k / 30).toFixed(2)}`);
    const many = cells.flatMap((cell) =>
      ['agreement', 'no_agreement', 'involuntary_defection', 'voluntary_defection'].map(
        (outcome) => ({ cell, outcome, share: 0.25 }),
      ),
    );
    const svg = await toSVG(outcomeSharesChart(many, { ...options, title: 'Outcomes' }));
    const ys = cells.map((cell) => {
      const label = new RegExp(`<text[^>]*translate\\(-?[\\d.]+,([\\d.]+)\\)[^>]*>${cell}</text>`);
      const text = label.exec(svg);
      expect(text, cell).not.toBeNull();
      expect(text![0], cell).not.toContain('opacity="0"');
      return Number(text![1]);
    });
    for (let k = 1; k < ys.length; k++) expect(ys[k]! - ys[k - 1]!).toBeGreaterThanOrEqual(12.8);
  });

  it('rejects shares of a cell that do not sum to 1', () => {
    expect(() => outcomeSharesChart(rows.slice(0, 2), options)).toThrow(
      'outcomeSharesChart rows: the shares of cell "Simple majority" sum to 0.7999999999999999, expected 1 (within 0.001)',
    );
  });
});
