import type { TopLevelSpec } from 'vega-lite';
import { UserError } from '../errors.ts';
import { OUTCOMES } from '../negotiation/record.ts';
import { requireName, requireOutcome, requireProportion, requireRows } from './checks.ts';
import {
  type FigureOptions,
  figureFrame,
  figureSize,
  OUTCOME_COLORS,
  OUTCOME_LABELS,
} from './theme.ts';

/** The share of a design cell's runs that ended in `outcome`. */
export interface OutcomeShareRow {
  cell: string;
  outcome: string;
  share: number;
}

/** {@link outcomeSharesChart}'s options: the titles of the cell axis and the share axis. */
export interface OutcomeSharesChartOptions extends FigureOptions {
  /** Title of the cell axis, e.g. `'Ratification rule'`; default none (cell names say it). */
  cellTitle?: string;
  /** Default `'Share of runs'`. */
  shareTitle?: string;
}

/** How far a cell's shares may sum from 1 (rounded inputs) before it is an error. */
export const SHARE_SUM_TOLERANCE = 1e-3;

/**
 * How each design cell's runs ended: one horizontal bar per cell (cells top to bottom in
 * first-appearance order, names read without rotation), stacked left to right in the fixed
 * outcome order agreement, no agreement, involuntary, voluntary defection, with the fixed
 * outcome colours. The figure grows with the cells, so that each bar is at least 1.6 label
 * heights and every cell keeps its label. A cell's shares must sum to 1 within
 * {@link SHARE_SUM_TOLERANCE}.
 *
 * @example
 * outcomeSharesChart([{ cell: 'θ = 1/2', outcome: 'agreement', share: 1 }], { theme: 'paper', columns: 1 });
 * // => a Vega-Lite spec with one full-width blue bar
 */
export function outcomeSharesChart(
  rows: readonly OutcomeShareRow[],
  options: OutcomeSharesChartOptions,
): TopLevelSpec {
  requireRows(rows, 'outcomeSharesChart rows');
  const sums = new Map<string, number>();
  const present = new Set<string>();
  const values = rows.map((row, i) => {
    const where = `outcomeSharesChart rows[${i}]`;
    const cell = requireName(row.cell, `${where}.cell`);
    const outcome = requireOutcome(row.outcome, `${where}.outcome`);
    const share = requireProportion(row.share, `${where}.share`);
    sums.set(cell, (sums.get(cell) ?? 0) + share);
    present.add(outcome);
    return { cell, outcome: OUTCOME_LABELS[outcome], rank: OUTCOMES.indexOf(outcome), share };
  });
  for (const [cell, sum] of sums) {
    if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
      throw new UserError(
        `outcomeSharesChart rows: the shares of cell ${JSON.stringify(cell)} sum to ${sum}, expected 1 (within ${SHARE_SUM_TOLERANCE})`,
      );
    }
  }
  const outcomes = OUTCOMES.filter((o) => present.has(o));
  const size = figureSize(options);
  // The legend has one column in a narrow paper figure, else up to four (the theme's).
  const narrow = options.columns === 1 && options.theme === 'paper';
  const legendRows = narrow ? outcomes.length : Math.ceil(outcomes.length / 4);
  // What is not plot (padding, x axis, legend, title), rounded up: measured besides padding
  // and title, 5.5 label heights plus 1.75 per legend row on paper, 6.9 with one row on
  // slides. The rest of the height gives each cell at least 1.6 label heights.
  const chrome =
    2 * size.padding +
    size.label * (6 + 2 * legendRows) +
    (options.title === undefined ? 0 : size.chartTitle + size.label);
  const band = size.label * 1.6;
  return {
    ...figureFrame(options, Math.max(size.height, sums.size * band + chrome)),
    data: { values },
    mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      y: {
        field: 'cell',
        type: 'nominal',
        title: options.cellTitle ?? null,
        sort: null,
        // A cell's name is its only label: never hide one to avoid an overlap, and centre
        // every name on its bar (the theme's flush labels would pull the ends inwards).
        axis: { ticks: false, domain: false, labelOverlap: false, labelFlush: false },
      },
      x: {
        field: 'share',
        type: 'quantitative',
        title: options.shareTitle ?? 'Share of runs',
        stack: 'zero',
        scale: { domain: [0, 1], nice: false },
      },
      color: {
        field: 'outcome',
        type: 'nominal',
        title: 'Outcome',
        // Beside long cell names a narrow figure has room for one legend column only.
        legend: {
          symbolType: 'square',
          ...(narrow && { columns: 1 }),
        },
        scale: {
          domain: outcomes.map((o) => OUTCOME_LABELS[o]),
          range: outcomes.map((o) => OUTCOME_COLORS[o]),
        },
      },
      order: { field: 'rank', type: 'quantitative' },
    },
  } as TopLevelSpec;
}
