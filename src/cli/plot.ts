import type { FigureFormat } from '../charts/render.ts';
import type { FigureTheme } from '../charts/theme.ts';
import { UserError } from '../errors.ts';
import { type Command, parseFlags } from './command.ts';

const FORMATS: readonly FigureFormat[] = ['svg', 'png', 'pdf'];
const THEMES: readonly FigureTheme[] = ['paper', 'slides'];

/** `twolevel plot`: draws an experiment's declared figures from its results folder. */
export const command: Command = {
  name: 'plot',
  summary: "draw the experiment's figures (Vega-Lite spec, SVG, PNG, PDF)",
  help: `Usage: twolevel plot <results dir> [--format svg,png,pdf] [--theme paper|slides]

Draws every figure the experiment declares into <results dir>/figures/: <name>.vl.json (the
Vega-Lite spec with its data) and one file per format: SVG, PNG (300 dpi) and PDF (vector,
fonts embedded). Figures are one column wide: 3.5 in on paper, 6 in on slides.

Options:
  --format LIST   formats to write, from svg, png, pdf (default: all three)
  --theme NAME    paper (default) or slides

Example:
  twolevel plot results/winset-size --format png,pdf --theme slides`,
  async run(argv) {
    const { values, positionals } = parseFlags('plot', argv, {
      format: { type: 'string', default: FORMATS.join(',') },
      theme: { type: 'string', default: 'paper' },
    });
    if (positionals.length !== 1) {
      throw new UserError(
        `twolevel plot: expected one results folder, got ${positionals.length}. Run 'twolevel plot --help'.`,
      );
    }
    const formats = values.format.split(',').map((f) => f.trim()) as FigureFormat[];
    for (const format of formats) {
      if (!FORMATS.includes(format)) {
        throw new UserError(`--format: unknown format '${format}'; valid: ${FORMATS.join(', ')}`);
      }
    }
    const theme = values.theme as FigureTheme;
    if (!THEMES.includes(theme)) {
      throw new UserError(`--theme: expected one of ${THEMES.join(', ')}, got '${values.theme}'`);
    }
    const { readResults, readRuns } = await import('../analysis/readResults.ts');
    const { drawFigures } = await import('../analysis/drawFigures.ts');
    const results = readResults(positionals[0]!);
    const figures = results.manifest.experiment.figures;
    if (figures.length === 0) {
      throw new UserError(
        `${results.dir}: the experiment declares no figures; add figures: [{ name, kind, x, ... }] to it.`,
      );
    }
    const written = await drawFigures(results, figures, { formats, theme }, () =>
      readRuns(results),
    );
    for (const path of written) console.log(path);
  },
};
