import { join } from 'node:path';
import type { ColumnTable } from 'arquero';
import { type FigureFormat, renderFigure } from '../charts/render.ts';
import type { FigureTheme } from '../charts/theme.ts';
import { duplicateFigure, type Figure } from '../engine/experiment.ts';
import { UserError } from '../errors.ts';
import { figureSpec } from './figureSpec.ts';
import type { Results } from './readResults.ts';

/** How {@link drawFigures} draws: file formats besides the spec, and the theme. */
export interface DrawOptions {
  formats: readonly FigureFormat[];
  theme: FigureTheme;
}

/**
 * Draws an experiment's declared figures into `<results>/figures/`: for each figure `name`,
 * `name.vl.json` (the Vega-Lite spec with its data) and `name.svg`, `name.png` (300 dpi),
 * `name.pdf` (vector, fonts embedded) as asked, one column wide (3.5 in on paper, 6 in on
 * slides). The per-run rows are read once, only if a figure needs them.
 *
 * @returns the paths written, figure by figure
 */
export async function drawFigures(
  results: Results,
  figures: readonly Figure[],
  options: DrawOptions,
  runs: () => ColumnTable,
): Promise<string[]> {
  const written: string[] = [];
  // The figures may come from a manifest written elsewhere: their names are checked again.
  const duplicate = duplicateFigure(figures);
  if (duplicate) throw new UserError(`figures[${duplicate.index}].name: ${duplicate.message}`);
  for (const [index, figure] of figures.entries()) {
    const spec = figureSpec(results, figure, index, { theme: options.theme, columns: 1 }, runs);
    written.push(
      ...(await renderFigure(spec, join(results.dir, 'figures', figure.name), options.formats)),
    );
  }
  return written;
}
