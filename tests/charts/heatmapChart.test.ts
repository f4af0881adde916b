import { describe, expect, it } from 'vitest';
import { heatmapChart } from '../../src/charts/heatmapChart.ts';
import { toSVG } from '../../src/charts/render.ts';
import { legendExtents, specWarnings } from './inspect.ts';

const rows = [0.5, 2 / 3, 1].flatMap((q) =>
  [0, 0.1, 0.2].map((s) => ({ x: q, y: s, rate: 1 - q / 2 - s })),
);
const options = {
  theme: 'paper',
  columns: 1,
  xTitle: 'Quota θ',
  yTitle: 'Foreign uncertainty σ',
  legendTitle: 'Agreement rate',
} as const;

describe('heatmapChart', () => {
  it('compiles without warnings, with and without cell labels', async () => {
    expect(await specWarnings(heatmapChart(rows, options))).toEqual([]);
    expect(await specWarnings(heatmapChart(rows, { ...options, cellLabels: true }))).toEqual([]);
  });

  it('uses viridis over [0, 1] and puts larger y values on top', () => {
    const spec = heatmapChart(rows, options) as {
      encoding: { y: { sort: number[] } };
      layer: { encoding: { color: { scale: unknown } } }[];
    };
    expect(spec.layer[0]!.encoding.color.scale).toEqual({ scheme: 'viridis', domain: [0, 1] });
    expect(spec.encoding.y.sort).toEqual([0.2, 0.1, 0]);
  });

  it('shows axis and legend titles, and cell rates when asked', async () => {
    const svg = await toSVG(heatmapChart(rows, { ...options, cellLabels: true }));
    for (const text of ['Quota θ', 'Foreign uncertainty σ', 'Agreement rate', '0.75']) {
      expect(svg).toContain(`>${text}</text>`);
    }
  });

  it('keeps the colour legend inside the figure after a long legend title', async () => {
    const long = { ...options, legendTitle: 'Involuntary defection rate', title: 'Defection' };
    for (const [theme, columns, width] of [
      ['paper', 1, 252],
      ['paper', 2, 504],
      ['slides', 1, 432],
      ['slides', 2, 864],
    ] as const) {
      const extents = await legendExtents(heatmapChart(rows, { ...long, theme, columns }));
      expect(extents).toHaveLength(1);
      expect(extents[0]![0]).toBeGreaterThanOrEqual(0);
      expect(extents[0]![1]).toBeLessThanOrEqual(width);
    }
  });

  it('rejects a rate outside the domain and a bad domain', () => {
    expect(() => heatmapChart([{ x: 1, y: 1, rate: 1.2 }], options)).toThrow(
      'heatmapChart rows[0].rate: expected a proportion in [0, 1], got 1.2',
    );
    expect(() => heatmapChart(rows, { ...options, domain: [1, 0] })).toThrow(
      'heatmapChart options.domain: expected [lo, hi] with lo < hi, got [1, 0]',
    );
  });
});
