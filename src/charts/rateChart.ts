import type { TopLevelSpec } from 'vega-lite';
import { UserError } from '../errors.ts';
import { OUTCOMES } from '../negotiation/record.ts';
import {
  requireFinite,
  requireName,
  requireOutcome,
  requireProportion,
  requireRows,
} from './checks.ts';
import {
  type FigureOptions,
  figureFrame,
  figureSize,
  OUTCOME_COLORS,
  OUTCOME_LABELS,
  OUTCOME_SHAPES,
  SERIES_DASHES,
} from './theme.ts';

/**
 * One point of a rate curve: the share `rate` of runs ending in `outcome` at parameter
 * value `x`, with its interval `[lo, hi]` (e.g. Wilson 1927 at 95%). `series` is an optional
 * second grouping, such as the uncertainty level.
 */
export interface RateRow {
  x: number;
  outcome: string;
  rate: number;
  lo: number;
  hi: number;
  series?: string;
}

/** {@link rateChart}'s options: the figure's theme and width, and the axis titles. */
export interface RateChartOptions extends FigureOptions {
  /** The parameter on the x axis, e.g. `'Foreign uncertainty σ'`. */
  xTitle: string;
  /** Default `'Share of runs'`. */
  yTitle?: string;
  /** Legend title of `series`, e.g. `'Voter noise τ'`. Default `'Series'`. */
  seriesTitle?: string;
  /** Default `'linear'`; `'log'` for parameters spanning decades (x must then be > 0). */
  xScale?: 'linear' | 'log';
}

/**
 * With at most this many distinct x values the interval is drawn as error bars (a band
 * between so few points would suggest a trend between them that was not measured).
 */
export const ERROR_BAR_MAX_X = 5;

/**
 * Rate against a numeric parameter (Putnam's propositions 1, 3-8 as curves): one line per
 * outcome, coloured and shaped by outcome (fixed colours, {@link OUTCOME_COLORS}); the
 * interval as a shaded band, or as error bars when there are at most
 * {@link ERROR_BAR_MAX_X} distinct x values. A `series` column adds a second grouping shown
 * by stroke dash ({@link SERIES_DASHES}); with error bars, series are dodged sideways by a
 * few points so their bars do not hide each other. The y axis is a proportion from 0.
 *
 * @example
 * rateChart([{ x: 0, outcome: 'agreement', rate: 0.9, lo: 0.85, hi: 0.94 }], { theme: 'paper', columns: 1, xTitle: 'σ' });
 * // => a Vega-Lite spec with data.values[0].outcome === 'Agreement'
 */
export function rateChart(rows: readonly RateRow[], options: RateChartOptions): TopLevelSpec {
  requireRows(rows, 'rateChart rows');
  const size = figureSize(options);
  const outcomes = new Set<string>();
  const series: string[] = [];
  const xs = new Set<number>();
  const hasSeries = rows[0]!.series !== undefined;
  const values = rows.map((row, i) => {
    const where = `rateChart rows[${i}]`;
    const x = requireFinite(row.x, `${where}.x`);
    if (options.xScale === 'log' && x <= 0) {
      throw new UserError(`${where}.x: a log x scale needs x > 0, got ${x}`);
    }
    const outcome = requireOutcome(row.outcome, `${where}.outcome`);
    const rate = requireProportion(row.rate, `${where}.rate`);
    const lo = requireProportion(row.lo, `${where}.lo`);
    const hi = requireProportion(row.hi, `${where}.hi`);
    if (!(lo <= rate && rate <= hi)) {
      throw new UserError(`${where}: expected lo <= rate <= hi, got ${lo}, ${rate}, ${hi}`);
    }
    if ((row.series !== undefined) !== hasSeries) {
      throw new UserError(
        `${where}.series: either every row has a series or none does (rows[0] ${hasSeries ? 'has' : 'has not'})`,
      );
    }
    xs.add(x);
    outcomes.add(outcome);
    if (hasSeries) {
      const name = requireName(row.series, `${where}.series`);
      if (!series.includes(name)) series.push(name);
    }
    return {
      x,
      outcome: OUTCOME_LABELS[outcome],
      rate,
      lo,
      hi,
      ...(hasSeries && { series: row.series }),
    };
  });
  if (series.length > SERIES_DASHES.length) {
    throw new UserError(
      `rateChart rows: ${series.length} series (${series.join(', ')}), but at most ${SERIES_DASHES.length} can be told apart by dash`,
    );
  }
  const present = OUTCOMES.filter((o) => outcomes.has(o));
  const errorBars = xs.size <= ERROR_BAR_MAX_X;
  const dodge = errorBars && series.length > 1 ? size.label / 2 : 0;
  const transform = dodge
    ? [
        {
          calculate: `(indexof(${JSON.stringify(series)}, datum.series) - ${(series.length - 1) / 2}) * ${dodge}`,
          as: 'dodge',
        },
      ]
    : [];
  const offset = dodge ? { xOffset: { expr: 'datum.dodge' } } : {};
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: options.xTitle,
    scale: { type: options.xScale ?? 'linear', zero: false, nice: false },
  };
  const y = {
    type: 'quantitative' as const,
    title: options.yTitle ?? 'Share of runs',
    scale: { zero: true },
  };
  const detail = hasSeries ? { detail: { field: 'series', type: 'nominal' as const } } : {};
  // Two legends side by side below a narrow figure only fit as single columns.
  const legend = { legend: { symbolOpacity: 1, ...(hasSeries && { columns: 1 }) } };
  const color = {
    field: 'outcome',
    type: 'nominal' as const,
    title: 'Outcome',
    ...legend,
    scale: {
      domain: present.map((o) => OUTCOME_LABELS[o]),
      range: present.map((o) => OUTCOME_COLORS[o]),
    },
  };
  const shape = {
    field: 'outcome',
    type: 'nominal' as const,
    title: 'Outcome',
    scale: {
      domain: present.map((o) => OUTCOME_LABELS[o]),
      range: present.map((o) => OUTCOME_SHAPES[o]),
    },
  };
  const dash = hasSeries
    ? {
        strokeDash: {
          field: 'series',
          type: 'nominal' as const,
          title: options.seriesTitle ?? 'Series',
          sort: null,
          scale: {
            domain: series,
            range: SERIES_DASHES.slice(0, series.length).map((d) => [...d]),
          },
          legend: { symbolType: 'stroke', symbolSize: size.label * 20, columns: 1 },
        },
      }
    : {};
  const interval = errorBars
    ? {
        mark: { type: 'rule' as const, strokeWidth: size.stroke * 0.8, ...offset },
        encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color, ...detail },
      }
    : {
        mark: { type: 'area' as const, opacity: 0.18 },
        encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color, ...detail },
      };
  return {
    // The stacked legends of a second grouping take about a fifth of the height.
    ...figureFrame(options, hasSeries ? size.height * 1.2 : size.height),
    data: { values },
    transform,
    encoding: { x, y: { ...y, field: 'rate' } },
    layer: [
      interval,
      { mark: { type: 'line', ...offset }, encoding: { color, ...dash } },
      { mark: { type: 'point', ...offset }, encoding: { color, shape, ...detail } },
    ],
  } as TopLevelSpec;
}
