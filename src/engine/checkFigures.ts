import { UserError } from '../errors.ts';
import { OUTCOMES, RATE_NAMES, type RunLayout, summaryMetrics } from './columns.ts';
import type { Design, VariedParameter } from './designs/index.ts';
import { didYouMean, NO_PARAMETERS, validChoices } from './didYouMean.ts';
import { duplicateFigure, type Figure, nameProblem } from './experiment.ts';

/** The fields each kind of figure must have (see `figureSpec`). */
const REQUIRED: Record<Figure['kind'], readonly ('x' | 'y' | 'series')[]> = {
  rate: ['x'],
  heatmap: ['x', 'y'],
  shares: [],
  gains: [],
  scatter: ['x'],
  partial: ['x'],
  sensitivity: [],
};

/** Designs that sample a parameter's `range` at points no two cells share. */
const SAMPLING: readonly Design['kind'][] = ['random', 'lhs', 'sobol', 'saltelli'];

/**
 * The parameters a design samples continuously: those with a `range` in a `random`, `lhs`,
 * `sobol` or `saltelli` design (no two cells share a value, so nothing pools by value).
 * An `integer` range has few values and is not continuous. In a `morris` design every
 * parameter counts: its cells share the p grid levels, but they lie on trajectories, so the
 * cells at one level of a parameter are not a balanced mix of the others' levels.
 */
export function continuousParameters(
  parameters: readonly VariedParameter[],
  design: Design,
): string[] {
  if (design.kind === 'morris') return parameters.map((p) => p.path);
  if (!SAMPLING.includes(design.kind)) return [];
  return parameters.filter((p) => p.range !== undefined && !p.integer).map((p) => p.path);
}

/**
 * Checks an experiment's figures before any game is played, with the rules `figureSpec`
 * draws them by: `x`, `y` and `series` name varied parameters (a rate figure's `x` may
 * instead name a mean of `summaryMetrics`, e.g. `winset_B`); a rate, scatter or partial figure has
 * `x`, a heatmap `x` and `y`; `outcomes` are outcome names (a heatmap's may also be
 * `ratification_failure`, see `RATE_NAMES`; a scatter, partial or sensitivity figure's one
 * rate or mean). On a continuous design ({@link continuousParameters}) `rate` and `heatmap`
 * figures, and `shares` or `gains` grouped by a continuous parameter, are refused: they
 * pool cells that share a value, and no two cells do (on a `morris` design, the cells that
 * share a level are no balanced mix); `scatter`, `partial` (and, for a `saltelli` or `morris`
 * design, `sensitivity`) are named instead. A `sensitivity` figure needs a `saltelli` or
 * `morris` design.
 *
 * @param figures the experiment's figures
 * @param parameters the varied parameters, as written in the experiment
 * @param layout the countries and dimension of the sweep (they fix the metric names)
 * @param design the experiment's design
 * @throws UserError naming `figures[i] 'name'` and the field, the valid names and the nearest one
 */
export function checkFigures(
  figures: readonly Figure[],
  parameters: readonly VariedParameter[],
  layout: RunLayout,
  design: Design,
) {
  figures.forEach((figure, i) => void checkFigure(figure, i, parameters, layout, design));
  const duplicate = duplicateFigure(figures);
  if (duplicate) throw new UserError(`figures[${duplicate.index}].name: ${duplicate.message}`);
}

/**
 * Checks one figure by the rules of {@link checkFigures}.
 *
 * @param figure the declared figure
 * @param i its position in the experiment's `figures` (for messages)
 * @param parameters the varied parameters
 * @param layout the countries and dimension of the sweep
 * @param design the experiment's design
 * @throws UserError naming `figures[i] 'name'` and the field, the valid names and the nearest one
 */
export function checkFigure(
  figure: Figure,
  i: number,
  parameters: readonly VariedParameter[],
  layout: RunLayout,
  design: Design,
) {
  const unsafe = nameProblem(figure.name, 'files in figures/');
  if (unsafe) throw new UserError(`figures[${i}].name: ${unsafe}`);
  const paths = parameters.map((p) => p.path);
  const metrics = summaryMetrics(layout);
  const where = `figures[${i}] '${figure.name}'`;
  for (const field of ['x', 'y', 'series'] as const) {
    const path = figure[field];
    const valid = figure.kind === 'rate' && field === 'x' ? [...paths, ...metrics] : paths;
    const what = valid === paths ? 'a varied parameter' : 'a varied parameter or a mean';
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
  const single = ['scatter', 'partial', 'sensitivity'].includes(figure.kind);
  const allowed: readonly string[] =
    figure.kind === 'heatmap' ? RATE_NAMES : single ? [...RATE_NAMES, ...metrics] : OUTCOMES;
  for (const outcome of figure.outcomes ?? []) {
    if (!allowed.includes(outcome)) {
      throw new UserError(
        `${where}.outcomes: unknown outcome '${outcome}'; valid: ${allowed.join(', ')}.${didYouMean(outcome, allowed)}`,
      );
    }
  }
  if (single && (figure.outcomes?.length ?? 0) > 1) {
    throw new UserError(
      `${where}.outcomes: a ${figure.kind} figure draws one rate or mean, got ${figure.outcomes!.length} (${figure.outcomes!.join(', ')}); declare one figure per output`,
    );
  }
  if (figure.kind === 'sensitivity' && design.kind !== 'saltelli' && design.kind !== 'morris') {
    throw new UserError(
      `${where}: a sensitivity figure draws Sobol indices (a 'saltelli' design) or Morris measures (a 'morris' design), but this experiment's design is '${design.kind}'; use design: { kind: 'saltelli', baseCells: 1024 } or { kind: 'morris', trajectories: 20, levels: 4 }`,
    );
  }
  const continuous = continuousParameters(parameters, design);
  const sensitivityKind =
    design.kind === 'saltelli'
      ? ", 'sensitivity' (Sobol indices)"
      : design.kind === 'morris'
        ? ", 'sensitivity' (mu* against sigma)"
        : '';
  const alternatives = `use kind 'scatter' (each cell's estimate against one parameter, with binned means), 'partial' (partial dependence from the multi-factor regression)${sensitivityKind}, or a grid design`;
  const named = continuous.map((p) => `'${p}'`).join(', ');
  const why =
    design.kind === 'morris'
      ? `places its cells on trajectories, so the cells at one level of ${named} are not a balanced mix of the other parameters' levels`
      : `samples ${named} continuously (no two cells share a value)`;
  const refuse = (what: string) => {
    throw new UserError(
      `${where}: a ${figure.kind} figure ${what}, but this ${design.kind} design ${why}; ${alternatives}`,
    );
  };
  if (continuous.length === 0) return;
  if (figure.kind === 'rate' || figure.kind === 'heatmap') {
    refuse('pools the cells that share each value of its parameters');
  }
  if (figure.kind === 'shares') {
    if (figure.x === undefined) refuse('draws one bar per cell');
    else if (continuous.includes(figure.x)) refuse(`pools the cells that share each value of x`);
  }
  if (
    figure.kind === 'gains' &&
    figure.series !== undefined &&
    continuous.includes(figure.series)
  ) {
    refuse('groups runs by each value of series');
  }
}
