import { UserError } from '../errors.ts';
import { OUTCOMES, RATE_NAMES, type RunLayout, summaryMetrics } from './columns.ts';
import { didYouMean, NO_PARAMETERS, validChoices } from './didYouMean.ts';
import { duplicateFigure, type Figure, nameProblem } from './experiment.ts';

/** The fields each kind of figure must have (see `figureSpec`). */
const REQUIRED: Record<Figure['kind'], readonly ('x' | 'y' | 'series')[]> = {
  rate: ['x'],
  heatmap: ['x', 'y'],
  shares: [],
  gains: [],
};

/**
 * Checks an experiment's figures before any game is played, with the rules `figureSpec`
 * draws them by: `x`, `y` and `series` name varied parameters (a rate figure's `x` may
 * instead name a mean of `summaryMetrics`, e.g. `winset_B`); a rate figure has `x`, a
 * heatmap `x` and `y`; `outcomes` are outcome names (a heatmap's may also be
 * `ratification_failure`, see `RATE_NAMES`).
 *
 * @param figures the experiment's figures
 * @param parameters the varied parameters' paths, as written in the experiment
 * @param layout the countries and dimension of the sweep (they fix the metric names)
 * @throws UserError naming `figures[i] 'name'` and the field, the valid names and the nearest one
 */
export function checkFigures(
  figures: readonly Figure[],
  parameters: readonly string[],
  layout: RunLayout,
) {
  figures.forEach((figure, i) => void checkFigure(figure, i, parameters, layout));
  const duplicate = duplicateFigure(figures);
  if (duplicate) throw new UserError(`figures[${duplicate.index}].name: ${duplicate.message}`);
}

/**
 * Checks one figure by the rules of {@link checkFigures}.
 *
 * @param figure the declared figure
 * @param i its position in the experiment's `figures` (for messages)
 * @param parameters the varied parameters' paths
 * @param layout the countries and dimension of the sweep
 * @throws UserError naming `figures[i] 'name'` and the field, the valid names and the nearest one
 */
export function checkFigure(
  figure: Figure,
  i: number,
  parameters: readonly string[],
  layout: RunLayout,
) {
  const unsafe = nameProblem(figure.name, 'files in figures/');
  if (unsafe) throw new UserError(`figures[${i}].name: ${unsafe}`);
  const metrics = summaryMetrics(layout);
  const where = `figures[${i}] '${figure.name}'`;
  for (const field of ['x', 'y', 'series'] as const) {
    const path = figure[field];
    const valid =
      figure.kind === 'rate' && field === 'x' ? [...parameters, ...metrics] : parameters;
    const what = valid === parameters ? 'a varied parameter' : 'a varied parameter or a mean';
    if (path === undefined) {
      if (!REQUIRED[figure.kind].includes(field)) continue;
      throw new UserError(
        `${where}.${field}: a ${figure.kind} figure needs ${field}, ${what}; ${validChoices(valid, NO_PARAMETERS)}`,
      );
    }
    if (!valid.includes(path)) {
      throw new UserError(
        `${where}.${field}: '${path}' is not ${what}; ${validChoices(valid, NO_PARAMETERS)}.${didYouMean(path, valid)}`,
      );
    }
  }
  const allowed: readonly string[] = figure.kind === 'heatmap' ? RATE_NAMES : OUTCOMES;
  for (const outcome of figure.outcomes ?? []) {
    if (!allowed.includes(outcome)) {
      throw new UserError(
        `${where}.outcomes: unknown outcome '${outcome}'; valid: ${allowed.join(', ')}.${didYouMean(outcome, allowed)}`,
      );
    }
  }
}
