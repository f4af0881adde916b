import type { TopLevelSpec } from 'vega-lite';
import { requireProportion, requireRows } from './checks.ts';
import { type FigureOptions, figureFrame, figureSize } from './theme.ts';

/** One box of PRIM's peeling trajectory (or the pasted box). */
export interface TradeoffRow {
  /** Position on the trajectory (0 = every point), or `'pasted'`. */
  step: number | 'pasted';
  coverage: number;
  density: number;
  /** Parameters the box restricts. */
  restricted: number;
  /** The box chosen (before pasting). */
  chosen?: boolean;
}

/**
 * PRIM's coverage-density trade-off (Bryant and Lempert 2010, figure 3): each box of the
 * peeling trajectory as a point at its coverage (x) and density (y), joined in peeling
 * order from the whole sample at the right, coloured by how many parameters it restricts
 * (viridis, light = more: the price in interpretability). The chosen box is ringed and the
 * pasted box drawn as a black cross. Coverage is the share of all cases inside the box,
 * density the share of the box's points that are cases; both axes run from 0 to 1.
 *
 * @example
 * tradeoffChart([{ step: 0, coverage: 1, density: 0.1, restricted: 0 }, { step: 'pasted', coverage: 0.9, density: 0.8, restricted: 2 }], { theme: 'paper', columns: 1 });
 */
export function tradeoffChart(rows: readonly TradeoffRow[], options: FigureOptions): TopLevelSpec {
  requireRows(rows, 'tradeoffChart rows');
  const values = rows.map((row, i) => ({
    step: row.step,
    coverage: requireProportion(row.coverage, `tradeoffChart rows[${i}].coverage`),
    density: requireProportion(row.density, `tradeoffChart rows[${i}].density`),
    restricted: row.restricted,
    chosen: row.chosen === true,
  }));
  const size = figureSize(options);
  const x = {
    field: 'coverage',
    type: 'quantitative' as const,
    title: 'Coverage',
    scale: { domain: [0, 1] },
  };
  const y = {
    field: 'density',
    type: 'quantitative' as const,
    title: 'Density',
    scale: { domain: [0, 1] },
  };
  const maxRestricted = Math.max(1, ...values.map((v) => v.restricted));
  const peeled = { filter: "datum.step !== 'pasted'" };
  return {
    ...figureFrame(options),
    data: { values },
    encoding: { x, y },
    layer: [
      {
        transform: [peeled],
        mark: { type: 'line', color: '#999999', strokeWidth: size.stroke * 0.6 },
        encoding: { order: { field: 'step', type: 'quantitative' } },
      },
      {
        transform: [peeled],
        mark: { type: 'point', filled: true },
        encoding: {
          color: {
            field: 'restricted',
            type: 'ordinal',
            title: 'Parameters restricted',
            scale: {
              scheme: 'viridis',
              domain: Array.from({ length: maxRestricted + 1 }, (_, i) => i),
            },
            legend: { columns: maxRestricted + 1, symbolType: 'circle' },
          },
        },
      },
      {
        transform: [{ filter: 'datum.chosen' }, peeled],
        mark: { type: 'point', filled: false, color: '#000000', size: size.point * 5 },
      },
      {
        transform: [{ filter: "datum.step === 'pasted'" }],
        mark: {
          type: 'point',
          shape: 'cross',
          color: '#000000',
          size: size.point * 4,
          filled: true,
        },
      },
    ],
  } as TopLevelSpec;
}
