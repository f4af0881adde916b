import type { TopLevelSpec } from 'vega-lite';
import { requireFinite, requireRows } from './checks.ts';
import type { ScatterChartOptions, ScatterPoint } from './scatterChart.ts';
import { figureFrame, figureSize } from './theme.ts';

/** One point of a partial dependence curve and its interval. */
export interface PartialDependenceRow {
  x: number;
  y: number;
  lo: number;
  hi: number;
}

/**
 * A partial dependence curve (the fitted model's average prediction as one parameter moves)
 * as a black line with its interval as a grey band, over the cells' own estimates as small
 * grey points, so the reader sees both what the model says and what the cells say.
 *
 * @example
 * partialDependenceChart([{ x: 0, y: 0.2 }], [{ x: 0, y: 0.2, lo: 0.1, hi: 0.3 }, { x: 1, y: 0.4, lo: 0.3, hi: 0.5 }], { theme: 'paper', columns: 1, xTitle: 'σ', yTitle: 'Agreement rate' });
 */
export function partialDependenceChart(
  cells: readonly ScatterPoint[],
  curve: readonly PartialDependenceRow[],
  options: ScatterChartOptions,
): TopLevelSpec {
  requireRows(curve, 'partialDependenceChart curve');
  const values = [
    ...cells.map((c, i) => ({
      kind: 'cell',
      x: requireFinite(c.x, `partialDependenceChart cells[${i}].x`),
      y: requireFinite(c.y, `partialDependenceChart cells[${i}].y`),
    })),
    ...curve.map((p, i) => ({
      kind: 'curve',
      x: requireFinite(p.x, `partialDependenceChart curve[${i}].x`),
      y: requireFinite(p.y, `partialDependenceChart curve[${i}].y`),
      lo: Number.isFinite(p.lo) ? p.lo : null,
      hi: Number.isFinite(p.hi) ? p.hi : null,
    })),
  ];
  const size = figureSize(options);
  const proportions = values.every((v) => v.y >= 0 && v.y <= 1);
  const domain = options.yDomain ?? (proportions ? [0, 1] : undefined);
  const y = {
    type: 'quantitative' as const,
    title: options.yTitle,
    scale: domain ? { domain } : { zero: false },
  };
  const onCurve = { filter: "datum.kind === 'curve'" };
  return {
    ...figureFrame(options),
    data: { values },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        title: options.xTitle,
        scale: { type: options.xScale ?? 'linear', zero: false, nice: false },
      },
    },
    layer: [
      {
        transform: [{ filter: "datum.kind === 'cell'" }],
        mark: { type: 'point', filled: true, color: '#999999', opacity: 0.4, size: size.point / 3 },
        encoding: { y: { ...y, field: 'y' } },
      },
      {
        transform: [onCurve, { filter: 'isValid(datum.lo)' }],
        mark: { type: 'area', color: '#0072B2', opacity: 0.25 },
        encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' } },
      },
      {
        transform: [onCurve],
        mark: { type: 'line', color: '#0072B2', strokeWidth: size.stroke * 1.2 },
        encoding: { y: { ...y, field: 'y' } },
      },
    ],
  } as TopLevelSpec;
}
