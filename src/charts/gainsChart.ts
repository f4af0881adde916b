import type { TopLevelSpec } from 'vega-lite';
import { UserError } from '../errors.ts';
import { requireFinite, requireName, requireRows } from './checks.ts';
import { CATEGORY_COLORS, type FigureOptions, figureFrame, figureSize } from './theme.ts';

/** One run's gain for one country (utility at the agreement minus at no agreement). */
export interface GainRow {
  country: string;
  gain: number;
  /** Optional grouping, e.g. `'smaller win-set'` / `'larger win-set'`. */
  group?: string;
}

/** {@link gainsChart}'s options: axis and legend titles. */
export interface GainsChartOptions extends FigureOptions {
  /** Default `'Gain over no agreement'`. */
  gainTitle?: string;
  /** Default `'Country'`. */
  countryTitle?: string;
  /** Legend title of `group`; default `'Group'`. */
  groupTitle?: string;
}

/**
 * The distribution of gains by country, for Putnam's (1988) Schelling conjecture: given
 * agreement, the side with the smaller win-set gains more. Drawn as Tukey box plots from the
 * raw per-run gains (box = quartiles, line = median, whiskers to the furthest point within
 * 1.5 IQR, points beyond), side by side per `group` when given, over a dashed rule at 0
 * (no better than no agreement). Box plots were chosen over mean +- interval because gains
 * are often skewed and bounded, and the spread is itself the result.
 *
 * @example
 * gainsChart([{ country: 'A', gain: 0.3 }, { country: 'B', gain: 0.1 }], { theme: 'paper', columns: 1 });
 * // => a Vega-Lite spec with a box per country
 */
export function gainsChart(rows: readonly GainRow[], options: GainsChartOptions): TopLevelSpec {
  requireRows(rows, 'gainsChart rows');
  const grouped = rows[0]!.group !== undefined;
  const groups: string[] = [];
  const countries: string[] = [];
  const values = rows.map((row, i) => {
    const where = `gainsChart rows[${i}]`;
    const country = requireName(row.country, `${where}.country`);
    const gain = requireFinite(row.gain, `${where}.gain`);
    if (!countries.includes(country)) countries.push(country);
    if ((row.group !== undefined) !== grouped) {
      throw new UserError(`${where}.group: either every row has a group or none does`);
    }
    if (!grouped) return { country, gain };
    const group = requireName(row.group, `${where}.group`);
    if (!groups.includes(group)) groups.push(group);
    return { country, gain, group };
  });
  if (groups.length > CATEGORY_COLORS.length) {
    throw new UserError(
      `gainsChart rows: ${groups.length} groups, but at most ${CATEGORY_COLORS.length} have distinct colours`,
    );
  }
  // An explicit domain (always holding 0, the no-agreement line) spares vega an extent over
  // the outlier layer, which warns when there are no outliers.
  let low = 0;
  let high = 0;
  for (const v of values) {
    low = Math.min(low, v.gain);
    high = Math.max(high, v.gain);
  }
  const size = figureSize(options);
  const group = grouped
    ? {
        color: {
          field: 'group',
          type: 'nominal' as const,
          title: options.groupTitle ?? 'Group',
          scale: { domain: groups, range: CATEGORY_COLORS.slice(0, groups.length) },
          legend: { symbolType: 'square' },
        },
        xOffset: { field: 'group', type: 'nominal' as const, sort: groups },
      }
    : {};
  return {
    ...figureFrame(options),
    data: { values },
    layer: [
      {
        mark: {
          type: 'rule',
          color: '#777777',
          strokeDash: [3, 2],
          strokeWidth: size.stroke * 0.6,
        },
        encoding: { y: { datum: 0, type: 'quantitative' } },
      },
      {
        mark: {
          type: 'boxplot',
          extent: 1.5,
          size: size.label * (grouped ? 1.6 : 2.4),
          ...(grouped ? {} : { color: CATEGORY_COLORS[0] }),
          median: { color: 'white', strokeWidth: size.stroke },
          rule: { color: '#333333', strokeWidth: size.stroke * 0.6 },
          ticks: false,
          outliers: { size: size.point / 2, filled: false, strokeWidth: size.stroke * 0.5 },
        },
        encoding: {
          x: {
            field: 'country',
            type: 'nominal',
            title: options.countryTitle ?? 'Country',
            sort: countries,
            axis: { labelAngle: 0 },
          },
          y: {
            field: 'gain',
            type: 'quantitative',
            title: options.gainTitle ?? 'Gain over no agreement',
            scale: { domain: [low, high], nice: true },
          },
          ...group,
        },
      },
    ],
  } as TopLevelSpec;
}
