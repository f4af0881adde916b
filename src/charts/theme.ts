import type { Config } from 'vega-lite';
import { UserError } from '../errors.ts';
import type { Outcome } from '../negotiation/record.ts';

/**
 * Figure geometry. One Vega pixel is one PostScript point (1/72 in): font sizes in the
 * config are therefore in points, a figure `width` in px is its width in points, the PDF
 * page is the SVG's size in points, and the PNG is rendered at 300/72 px per Vega px
 * (300 dpi). A one-column paper figure is 3.5 in = 252 pt wide, so its PNG is 1050 px.
 */
export const POINTS_PER_INCH = 72;

/** Where a figure goes: a journal page (`paper`) or a 16:9 slide (`slides`). */
export type FigureTheme = 'paper' | 'slides';

/**
 * The options every spec builder takes. `columns` is the figure's width: 1 = one column of
 * a two-column journal page (3.5 in) or half a slide (6 in); 2 = full text width (7 in) or
 * a full slide (12 in of a 13.33 in slide). `title` is drawn above the plot when given;
 * journals usually want it in the caption instead. `subtitle` goes under the title (or alone):
 * pooled figures use it to say what they pool over.
 */
export interface FigureOptions {
  theme: FigureTheme;
  columns: 1 | 2;
  title?: string;
  subtitle?: string;
}

/**
 * How an outcome is written in a figure (legend labels). Every legend and stack orders the
 * outcomes as `OUTCOMES` (src/negotiation/record.ts) does, so an outcome keeps its
 * label, colour, shape and place across all figures.
 */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  agreement: 'Agreement',
  no_agreement: 'No agreement',
  involuntary_defection: 'Involuntary defection',
  voluntary_defection: 'Voluntary defection',
  aborted: 'Aborted',
};

/**
 * Outcome colours from the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"),
 * chosen so that outcomes that sit next to each other in a stack differ in lightness
 * (CIELAB L*): agreement blue #0072B2 (L* 46), no agreement orange #E69F00 (71),
 * involuntary defection black (0), voluntary defection bluish green #009E73 (58), and, for
 * talks never opened, a light grey #C8C8C8 (81, outside Okabe-Ito: every colour of it left
 * lies within 20 L* of bluish green). Neighbours differ by 25, 71, 58 and 23 L*, so stacks
 * survive grayscale printing; line charts add
 * {@link OUTCOME_SHAPES} as a second cue.
 */
export const OUTCOME_COLORS: Record<Outcome, string> = {
  agreement: '#0072B2',
  no_agreement: '#E69F00',
  involuntary_defection: '#000000',
  voluntary_defection: '#009E73',
  aborted: '#C8C8C8',
};

/** Point shapes (Vega symbol names) that double the outcome colour for grayscale readers. */
export const OUTCOME_SHAPES: Record<Outcome, string> = {
  agreement: 'circle',
  no_agreement: 'square',
  involuntary_defection: 'triangle-up',
  voluntary_defection: 'diamond',
  aborted: 'cross',
};

/**
 * Colours for other categories (groups, countries): Okabe-Ito, reordered so that each
 * colour differs in lightness from the one before it (L* 46, 71, 0, 58, 61, 70, 54):
 * blue, orange, black, bluish green, reddish purple, sky blue, vermillion. Yellow is left out:
 * on white it is too light for lines and points.
 */
export const CATEGORY_COLORS = [
  '#0072B2',
  '#E69F00',
  '#000000',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
] as const;

/**
 * Stroke dash patterns (Vega `strokeDash` arrays, in points) for a second grouping of lines,
 * e.g. uncertainty levels: solid, dashed, dotted, dash-dot, long dash. Solid is the empty
 * pattern `[]`, not `[1, 0]`: PDF dash lengths must be positive (PDFKit refuses a 0).
 */
export const SERIES_DASHES: readonly (readonly number[])[] = [
  [],
  [5, 2],
  [1, 2],
  [6, 2, 1, 2],
  [10, 3],
];

/** The sizes a theme fixes (all in points). */
interface ThemeScale {
  /** Figure width per `columns` (1, 2). */
  widths: [number, number];
  /** Default figure height per `columns`. */
  heights: [number, number];
  /** White margin around the figure, inside its size. */
  padding: number;
  label: number;
  title: number;
  chartTitle: number;
  /** Point area (Vega `size`, squared points). */
  point: number;
  stroke: number;
}

const SCALES: Record<FigureTheme, ThemeScale> = {
  paper: {
    widths: [3.5 * POINTS_PER_INCH, 7 * POINTS_PER_INCH],
    heights: [2.5 * POINTS_PER_INCH, 3 * POINTS_PER_INCH],
    padding: 4,
    label: 8,
    title: 9,
    chartTitle: 10,
    point: 20,
    stroke: 1.25,
  },
  slides: {
    widths: [6 * POINTS_PER_INCH, 12 * POINTS_PER_INCH],
    heights: [4.5 * POINTS_PER_INCH, 5.5 * POINTS_PER_INCH],
    padding: 12,
    label: 14,
    title: 16,
    chartTitle: 20,
    point: 70,
    stroke: 2.5,
  },
};

/** The font every figure uses; its TTFs are shipped by `@expo-google-fonts/ibm-plex-sans`. */
export const FONT_FAMILY = 'IBM Plex Sans';

/**
 * The sizes a builder needs beyond the config: figure width and height, padding, font sizes
 * (labels, axis titles, chart title), all in points, point area and line width. Throws on an
 * unknown theme or column count.
 *
 * @example
 * figureSize({ theme: 'paper', columns: 1 }).width; // => 252 (3.5 in at 72 pt/in)
 */
export function figureSize(options: Pick<FigureOptions, 'theme' | 'columns'>) {
  const scale = SCALES[options.theme];
  if (scale === undefined) {
    throw new UserError(
      `figure options.theme: expected 'paper' or 'slides', got ${JSON.stringify(options.theme)}`,
    );
  }
  if (options.columns !== 1 && options.columns !== 2) {
    throw new UserError(
      `figure options.columns: expected 1 or 2, got ${JSON.stringify(options.columns)}`,
    );
  }
  const i = options.columns - 1;
  return {
    width: scale.widths[i],
    height: scale.heights[i],
    padding: scale.padding,
    label: scale.label,
    title: scale.title,
    chartTitle: scale.chartTitle,
    point: scale.point,
    stroke: scale.stroke,
  };
}

/**
 * The Vega-Lite `config` of a theme: IBM Plex Sans throughout, 8 pt labels and 9 pt titles
 * on paper (14/16 pt on slides), light grid, no view frame, legends below the plot in one
 * or two rows, and `autosize: fit` so the whole figure, legends included, is exactly
 * {@link figureSize}'s width and height.
 *
 * @example
 * themeConfig({ theme: 'paper', columns: 1 }).axis?.labelFontSize; // => 8
 */
export function themeConfig(options: Pick<FigureOptions, 'theme' | 'columns'>): Config {
  const size = figureSize(options);
  const ink = '#222222';
  return {
    font: FONT_FAMILY,
    background: 'white',
    padding: size.padding,
    autosize: { type: 'fit', contains: 'padding' },
    view: { stroke: null },
    title: {
      fontSize: size.chartTitle,
      fontWeight: 'bold',
      color: ink,
      anchor: 'start',
      offset: size.label / 2,
      subtitleFontSize: size.label,
      subtitleColor: '#555555',
      subtitlePadding: size.label / 4,
    },
    axis: {
      labelFontSize: size.label,
      titleFontSize: size.title,
      titleFontWeight: 'normal',
      labelColor: ink,
      titleColor: ink,
      domainColor: '#555555',
      tickColor: '#555555',
      tickSize: size.label / 2.5,
      labelPadding: 2,
      titlePadding: size.label / 2,
      gridColor: '#e6e6e6',
      gridWidth: 0.5,
      domainWidth: 0.75,
      tickWidth: 0.75,
      labelFlush: true,
      labelOverlap: true,
    },
    // Flush end labels read as misplaced ticks on a vertical axis (the "1.0" sat below its
    // tick, level with points at 0.97); centred labels fit in the padding.
    axisY: { labelFlush: false },
    legend: {
      orient: 'bottom',
      direction: 'horizontal',
      columns: options.columns === 1 && options.theme === 'paper' ? 2 : 4,
      labelFontSize: size.label,
      titleFontSize: size.label,
      titleFontWeight: 'bold',
      labelColor: ink,
      titleColor: ink,
      symbolSize: size.point * 2,
      symbolStrokeWidth: size.stroke,
      columnPadding: size.label,
      rowPadding: size.label / 4,
      padding: 0,
      offset: size.label,
      labelLimit: size.width / 2,
      gradientLength: size.width / 2,
      gradientThickness: size.label,
    },
    header: { labelFontSize: size.label, titleFontSize: size.title },
    point: { size: size.point, strokeWidth: size.stroke, filled: true, opacity: 1 },
    line: { strokeWidth: size.stroke },
    rule: { strokeWidth: size.stroke },
    text: { fontSize: size.label, color: ink },
    range: { category: [...CATEGORY_COLORS] },
  };
}

/**
 * The top-level properties every builder's spec starts with: schema, size (overall, legends
 * included, see {@link themeConfig}), config and the optional title and subtitle. `height` overrides the
 * theme's default height when a figure needs more rows.
 *
 * @example
 * figureFrame({ theme: 'paper', columns: 2 }).width; // => 504 (7 in)
 */
export function figureFrame(options: FigureOptions, height?: number) {
  const size = figureSize(options);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: size.width,
    height: height ?? size.height,
    config: themeConfig(options),
    ...(options.subtitle !== undefined
      ? { title: subtitled(options, options.subtitle) }
      : options.title !== undefined && { title: options.title }),
  };
}

/**
 * A title with a subtitle, the subtitle broken into lines that fit the figure (IBM Plex Sans
 * averages about 0.52 em per character); alone, the subtitle becomes the title in its style
 * (Vega draws no subtitle under an empty title).
 */
function subtitled(options: FigureOptions, subtitle: string) {
  const size = figureSize(options);
  const perLine = Math.floor((size.width - 2 * size.padding) / (0.52 * size.label));
  const lines: string[] = [];
  for (const word of subtitle.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= perLine) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else lines.push(word);
  }
  if (options.title !== undefined) return { text: options.title, subtitle: lines };
  return { text: lines, fontSize: size.label, fontWeight: 'normal' as const, color: '#555555' };
}
