import type { TopLevelSpec } from 'vega-lite';
import { UserError } from '../errors.ts';
import { requireFinite, requireProportion, requireRows } from './checks.ts';
import { type FigureOptions, figureFrame, figureSize } from './theme.ts';

/** One cell of a two-parameter grid: the `rate` observed at (`x`, `y`). */
export interface HeatmapRow {
  x: number | string;
  y: number | string;
  rate: number;
}

/** {@link heatmapChart}'s options: axis and legend titles, and the colour domain. */
export interface HeatmapChartOptions extends FigureOptions {
  xTitle: string;
  yTitle: string;
  /** Title of the colour legend, e.g. `'Agreement rate'`. */
  legendTitle: string;
  /** Rates mapped to the ends of the colour scale; default `[0, 1]`, comparable across figures. */
  domain?: [number, number];
  /** Print each cell's rate (two decimals) in it; default false. */
  cellLabels?: boolean;
  /** Decimals of numeric levels on the x and y axes (trailing zeros trimmed); default as Vega writes them. */
  xDigits?: number | undefined;
  yDigits?: number | undefined;
}

/**
 * A rate over a grid of two parameters (e.g. quota x foreign uncertainty) as coloured
 * cells, with the sequential, colour-blind-safe and grayscale-monotone viridis scheme
 * (van der Walt & Smith 2015). Both axes are ordinal: numbers sort ascending (y upwards),
 * strings keep their first-appearance order. Cell labels switch from white to black where
 * viridis turns light (above 55% of the domain).
 *
 * @example
 * heatmapChart([{ x: 0.5, y: 0.1, rate: 0.7 }], { theme: 'paper', columns: 1, xTitle: 'Quota θ', yTitle: 'σ', legendTitle: 'Agreement rate' });
 * // => a Vega-Lite spec of one viridis cell
 */
export function heatmapChart(
  rows: readonly HeatmapRow[],
  options: HeatmapChartOptions,
): TopLevelSpec {
  requireRows(rows, 'heatmapChart rows');
  const [lo, hi] = options.domain ?? [0, 1];
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) {
    throw new UserError(
      `heatmapChart options.domain: expected [lo, hi] with lo < hi, got [${lo}, ${hi}]`,
    );
  }
  const values = rows.map((row, i) => {
    const where = `heatmapChart rows[${i}]`;
    return {
      x: level(row.x, `${where}.x`),
      y: level(row.y, `${where}.y`),
      rate: options.domain
        ? requireFinite(row.rate, `${where}.rate`)
        : requireProportion(row.rate, `${where}.rate`),
    };
  });
  const size = figureSize(options);
  const axis = (field: 'x' | 'y', title: string) => {
    const digits = field === 'x' ? options.xDigits : options.yDigits;
    const numeric = values.every((v) => typeof v[field] === 'number');
    return {
      field,
      type: 'ordinal' as const,
      title,
      sort: ordering(
        values.map((v) => v[field]),
        field === 'y',
      ),
      axis: {
        labelAngle: 0,
        ticks: false,
        domain: false,
        ...(digits !== undefined &&
          numeric && { labelExpr: `format(datum.value, '.${digits}~f')` }),
      },
    };
  };
  const light = lo + 0.55 * (hi - lo);
  return {
    ...figureFrame(options),
    data: { values },
    encoding: { x: axis('x', options.xTitle), y: axis('y', options.yTitle) },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          color: {
            field: 'rate',
            type: 'quantitative',
            title: options.legendTitle,
            scale: { scheme: 'viridis', domain: [lo, hi] },
            // Title above the gradient: beside it, a long title pushed the gradient past the
            // right edge. The legend starts at the plot's left edge, so the gradient and the
            // title take at most half the figure width.
            legend: {
              gradientLength: size.width / 2,
              titleLimit: size.width / 2,
              titleOrient: 'top',
              titleAnchor: 'start',
            },
          },
        },
      },
      ...(options.cellLabels
        ? [
            {
              mark: { type: 'text' as const, fontSize: size.label * 0.9 },
              encoding: {
                text: { field: 'rate', type: 'quantitative' as const, format: '.2f' },
                color: {
                  condition: { test: `datum.rate > ${light}`, value: 'black' },
                  value: 'white',
                },
              },
            },
          ]
        : []),
    ],
  } as TopLevelSpec;
}

/** A grid level: a finite number or a non-empty string. */
function level(value: unknown, where: string): number | string {
  if (typeof value === 'string' && value.length > 0) return value;
  return requireFinite(value, where);
}

/** The axis order: numbers ascending (descending on y, so larger is up), strings as given. */
function ordering(levels: (number | string)[], upwards: boolean): (number | string)[] {
  const distinct = [...new Set(levels)];
  if (distinct.every((v) => typeof v === 'number')) {
    distinct.sort((a, b) =>
      upwards ? (b as number) - (a as number) : (a as number) - (b as number),
    );
  }
  return distinct;
}
