import type { TopLevelSpec } from 'vega-lite';
import { UserError } from '../errors.ts';
import { requireFinite, requireRows } from './checks.ts';
import { type FigureOptions, figureFrame, figureSize } from './theme.ts';

/** One cell's estimate at its value `x` of the parameter on the x axis. */
export interface ScatterPoint {
  x: number;
  y: number;
}

/** The mean of the cells in one bin of x, with its interval (NaN when fewer than 2 cells). */
export interface ScatterBin {
  /** Mean x of the bin's cells (where its point is drawn). */
  x: number;
  mean: number;
  lo: number;
  hi: number;
}

/** {@link scatterChart}'s options: axis titles and the x scale. */
export interface ScatterChartOptions extends FigureOptions {
  xTitle: string;
  yTitle: string;
  /** Default `'linear'`; `'log'` for a parameter sampled on a log scale. */
  xScale?: 'linear' | 'log';
  /** Default `[0, 1]` when every value is a proportion, else fitted to the data. */
  yDomain?: [number, number];
}

/**
 * Cell estimates against one parameter, for continuous designs (random, lhs, sobol,
 * saltelli), where no two cells share a value and a line through the cells would zig-zag
 * with the parameters the figure does not show. Each cell is a small grey point; the binned
 * means are black points joined by a line, with their intervals as vertical rules (the
 * conditional mean of the output given the bin of x, averaging over everything else).
 *
 * @example
 * scatterChart([{ x: 0.1, y: 0.2 }], [{ x: 0.1, mean: 0.2, lo: 0.1, hi: 0.3 }], { theme: 'paper', columns: 1, xTitle: 'σ', yTitle: 'Share of runs' });
 */
export function scatterChart(
  points: readonly ScatterPoint[],
  bins: readonly ScatterBin[],
  options: ScatterChartOptions,
): TopLevelSpec {
  requireRows(points, 'scatterChart points');
  requireRows(bins, 'scatterChart bins');
  const cells = points.map((p, i) => {
    const x = requireFinite(p.x, `scatterChart points[${i}].x`);
    if (options.xScale === 'log' && x <= 0) {
      throw new UserError(`scatterChart points[${i}].x: a log x scale needs x > 0, got ${x}`);
    }
    return { kind: 'cell', x, y: requireFinite(p.y, `scatterChart points[${i}].y`) };
  });
  const means = bins.map((b, i) => ({
    kind: 'bin',
    x: requireFinite(b.x, `scatterChart bins[${i}].x`),
    y: requireFinite(b.mean, `scatterChart bins[${i}].mean`),
    lo: Number.isFinite(b.lo) ? b.lo : null,
    hi: Number.isFinite(b.hi) ? b.hi : null,
  }));
  const size = figureSize(options);
  const proportions = cells.every((c) => c.y >= 0 && c.y <= 1);
  const domain = options.yDomain ?? (proportions ? [0, 1] : undefined);
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: options.xTitle,
    scale: { type: options.xScale ?? 'linear', zero: false, nice: false },
  };
  const y = {
    type: 'quantitative' as const,
    title: options.yTitle,
    scale: domain ? { domain } : { zero: false },
  };
  const bin = { filter: "datum.kind === 'bin'" };
  return {
    ...figureFrame(options),
    data: { values: [...cells, ...means] },
    encoding: { x },
    layer: [
      {
        transform: [{ filter: "datum.kind === 'cell'" }],
        mark: { type: 'point', filled: true, color: '#999999', opacity: 0.5, size: size.point / 3 },
        encoding: { y: { ...y, field: 'y' } },
      },
      {
        transform: [bin, { filter: 'isValid(datum.lo)' }],
        mark: { type: 'rule', color: '#000000', strokeWidth: size.stroke },
        encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' } },
      },
      {
        transform: [bin],
        mark: { type: 'line', color: '#000000', strokeWidth: size.stroke },
        encoding: { y: { ...y, field: 'y' } },
      },
      {
        transform: [bin],
        mark: { type: 'point', filled: true, color: '#000000' },
        encoding: { y: { ...y, field: 'y' } },
      },
    ],
  } as TopLevelSpec;
}
