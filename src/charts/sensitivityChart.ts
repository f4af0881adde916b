import type { TopLevelSpec } from 'vega-lite';
import { UserError } from '../errors.ts';
import { requireFinite, requireName, requireRows } from './checks.ts';
import { CATEGORY_COLORS, type FigureOptions, figureFrame, figureSize } from './theme.ts';

/** One parameter's first-order (`S1`) and total (`ST`) index with their intervals. */
export interface SensitivityRow {
  parameter: string;
  S1: number;
  S1_lo: number;
  S1_hi: number;
  ST: number;
  ST_lo: number;
  ST_hi: number;
}

/** {@link sensitivityChart}'s options: the theme, width, title and the index axis title. */
export interface SensitivityChartOptions extends FigureOptions {
  /** Default `'Sobol index (share of variance)'`. */
  xTitle?: string;
}

/** How the two indices are named in the legend. */
const INDEX_LABELS = { S1: 'First order S1', ST: 'Total ST' } as const;

/**
 * Sobol indices as horizontal bars, one pair per parameter: first order S1 and total ST
 * side by side (S1 blue, ST orange, Okabe-Ito), each with its interval as a line through the
 * bar's end. Parameters are sorted by total index, largest on top, so the ranking reads
 * downwards; a gap between a parameter's two bars is its share through interactions. The
 * index axis runs from 0 (or the lowest interval end, when an estimate is negative) to 1.
 *
 * @example
 * sensitivityChart([{ parameter: 'x1', S1: 0.31, S1_lo: 0.29, S1_hi: 0.33, ST: 0.56, ST_lo: 0.53, ST_hi: 0.59 }], { theme: 'paper', columns: 1 });
 * // => a Vega-Lite spec with two bars and two interval rules
 */
export function sensitivityChart(
  rows: readonly SensitivityRow[],
  options: SensitivityChartOptions,
): TopLevelSpec {
  requireRows(rows, 'sensitivityChart rows');
  const values = rows.flatMap((row, i) => {
    const where = `sensitivityChart rows[${i}]`;
    const parameter = requireName(row.parameter, `${where}.parameter`);
    return (['S1', 'ST'] as const).map((index) => {
      const value = requireFinite(row[index], `${where}.${index}`);
      const lo = requireFinite(row[`${index}_lo`], `${where}.${index}_lo`);
      const hi = requireFinite(row[`${index}_hi`], `${where}.${index}_hi`);
      if (!(lo <= hi)) {
        throw new UserError(`${where}: expected ${index}_lo <= ${index}_hi, got ${lo}, ${hi}`);
      }
      return { parameter, index: INDEX_LABELS[index], value, lo, hi, total: row.ST };
    });
  });
  const order = [...rows].sort((a, b) => b.ST - a.ST).map((r) => r.parameter);
  const size = figureSize(options);
  const low = Math.min(0, ...values.map((v) => v.lo));
  const high = Math.max(1, ...values.map((v) => v.hi));
  const x = {
    type: 'quantitative' as const,
    title: options.xTitle ?? 'Sobol index (share of variance)',
    scale: { domain: [low, high], nice: false },
  };
  const color = {
    field: 'index',
    type: 'nominal' as const,
    title: null,
    scale: { domain: Object.values(INDEX_LABELS), range: [CATEGORY_COLORS[0], CATEGORY_COLORS[1]] },
  };
  const y = { field: 'parameter', type: 'nominal' as const, title: null, sort: order };
  const yOffset = { field: 'index', type: 'nominal' as const, sort: Object.values(INDEX_LABELS) };
  // Room for each pair of bars, plus the legend and the axis.
  const height = Math.max(size.height, rows.length * size.label * 3.2 + size.label * 8);
  return {
    ...figureFrame(options, height),
    data: { values },
    encoding: { y, yOffset },
    layer: [
      { mark: { type: 'bar' }, encoding: { x: { ...x, field: 'value' }, color } },
      {
        mark: { type: 'rule', color: '#222222', strokeWidth: size.stroke * 0.8 },
        encoding: { x: { ...x, field: 'lo' }, x2: { field: 'hi' } },
      },
    ],
  } as TopLevelSpec;
}
