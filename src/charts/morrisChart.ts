import type { TopLevelSpec } from 'vega-lite';
import { UserError } from '../errors.ts';
import { requireFinite, requireName, requireRows } from './checks.ts';
import { type FigureOptions, figureFrame, figureSize } from './theme.ts';

/** One parameter's mu* with its interval, and sigma. */
export interface MorrisRow {
  parameter: string;
  mu_star: number;
  mu_star_lo: number;
  mu_star_hi: number;
  sigma: number;
}

/** {@link morrisChart}'s options: the theme, width, title and the axis titles. */
export interface MorrisChartOptions extends FigureOptions {
  /** Default `'μ* (mean |elementary effect|)'`. */
  xTitle?: string;
  /** Default `'σ (sd of the elementary effects)'`. */
  yTitle?: string;
}

/**
 * The Morris plot (Morris 1991, figure 1; with mu* as in Campolongo et al. 2007): each
 * parameter a point at its mu* (x, the overall influence) and sigma (y, interactions and
 * non-linearity), labelled (to the right of the point in the plot's left half, to its left
 * in the right half), with its mu* interval as a horizontal line through the point.
 * Parameters near the origin are negligible; far right, influential; high up, involved in
 * interactions or non-linear. Both axes start at 0.
 *
 * @example
 * morrisChart([{ parameter: 'x1', mu_star: 2.9, mu_star_lo: 1.8, mu_star_hi: 3.9, sigma: 2.6 }], { theme: 'paper', columns: 1 });
 * // => a Vega-Lite spec with a point, its interval and its label
 */
export function morrisChart(rows: readonly MorrisRow[], options: MorrisChartOptions): TopLevelSpec {
  requireRows(rows, 'morrisChart rows');
  const values = rows.map((row, i) => {
    const where = `morrisChart rows[${i}]`;
    const value = {
      parameter: requireName(row.parameter, `${where}.parameter`),
      mu_star: requireFinite(row.mu_star, `${where}.mu_star`),
      lo: requireFinite(row.mu_star_lo, `${where}.mu_star_lo`),
      hi: requireFinite(row.mu_star_hi, `${where}.mu_star_hi`),
      sigma: requireFinite(row.sigma, `${where}.sigma`),
    };
    if (!(value.lo <= value.hi)) {
      throw new UserError(
        `${where}: expected mu_star_lo <= mu_star_hi, got ${value.lo}, ${value.hi}`,
      );
    }
    return value;
  });
  const size = figureSize(options);
  const height = size.height * 1.2;
  const right = Math.max(...values.map((v) => v.hi), ...values.map((v) => v.mu_star)) * 1.1;
  const domainEnd = right > 0 ? right : 1;
  const highest = Math.max(...values.map((v) => v.sigma)) * 1.15;
  // Labels moved up widen the sigma axis, which shrinks a line of text in sigma units: place twice.
  const first = placeLabels(values, domainEnd, highest > 0 ? highest : 1, size, height);
  const wider = Math.max(highest, ...first.map((l) => l.top));
  const labels = placeLabels(values, domainEnd, wider, size, height);
  const top = Math.max(wider, ...labels.map((l) => l.top));
  const x = {
    type: 'quantitative' as const,
    title: options.xTitle ?? 'μ* (mean |elementary effect|)',
    scale: { domain: [0, domainEnd], nice: false },
  };
  const y = {
    field: 'sigma',
    type: 'quantitative' as const,
    title: options.yTitle ?? 'σ (sd of the elementary effects)',
    scale: { domain: [0, top > 0 ? top : 1], nice: false },
  };
  return {
    ...figureFrame(options, height),
    data: { values: values.map((v, i) => ({ ...v, label: labels[i]!.y })) },
    encoding: { y },
    layer: [
      {
        mark: { type: 'rule', color: '#888888', strokeWidth: size.stroke * 0.8 },
        encoding: { x: { ...x, field: 'lo' }, x2: { field: 'hi' } },
      },
      {
        // A leader from a point to its label where the label had to move up.
        transform: [{ filter: 'datum.label > datum.sigma' }],
        mark: { type: 'rule', color: '#bbbbbb', strokeWidth: size.stroke * 0.5 },
        encoding: { x: { ...x, field: 'mu_star' }, y2: { field: 'label' } },
      },
      {
        mark: { type: 'point', filled: true, color: '#0072B2', size: size.point * 1.5 },
        encoding: { x: { ...x, field: 'mu_star' } },
      },
      // Labels to the right of a point in the left half, to its left in the right half.
      ...(['left', 'right'] as const).map((align) => ({
        transform: [{ filter: `datum.mu_star ${align === 'left' ? '<=' : '>'} ${domainEnd / 2}` }],
        mark: {
          type: 'text' as const,
          align,
          baseline: 'bottom' as const,
          dx: (align === 'left' ? 1 : -1) * size.label * 0.4,
          dy: -size.label * 0.2,
          fontSize: size.label * 0.9,
          color: '#222222',
        },
        encoding: {
          x: { ...x, field: 'mu_star' },
          y: { ...y, field: 'label' },
          text: { field: 'parameter' },
        },
      })),
    ],
  } as TopLevelSpec;
}

/**
 * Where each point's label sits (in sigma units): at its point, or moved up above the labels
 * it would overlap (labels are placed from the lowest point up). Sizes in pixels are estimated
 * from the figure's size (IBM Plex Sans averages about 0.52 em per character).
 */
function placeLabels(
  values: readonly { parameter: string; mu_star: number; sigma: number }[],
  right: number,
  top: number,
  size: ReturnType<typeof figureSize>,
  height: number,
) {
  const font = size.label * 0.9;
  const plotWidth = size.width - 5 * size.label;
  const plotHeight = height - 9 * size.label;
  const lineHeight = ((font * 1.2) / plotHeight) * top;
  const placed: { x0: number; x1: number; y: number }[] = [];
  const out = values.map(() => ({ y: 0, top: 0 }));
  const order = values.map((_, i) => i).sort((a, b) => values[a]!.sigma - values[b]!.sigma);
  for (const i of order) {
    const v = values[i]!;
    const width = ((v.parameter.length * 0.52 * font + size.label * 0.4) / plotWidth) * right;
    const [x0, x1] =
      v.mu_star <= right / 2 ? [v.mu_star, v.mu_star + width] : [v.mu_star - width, v.mu_star];
    let y = v.sigma;
    for (let moved = true; moved; ) {
      moved = false;
      for (const box of placed) {
        // Only ever up, so the search ends.
        if (
          x0 < box.x1 &&
          box.x0 < x1 &&
          Math.abs(y - box.y) < lineHeight &&
          box.y + lineHeight > y
        ) {
          y = box.y + lineHeight;
          moved = true;
        }
      }
    }
    placed.push({ x0, x1, y });
    out[i] = { y, top: y + 1.5 * lineHeight };
  }
  return out;
}
