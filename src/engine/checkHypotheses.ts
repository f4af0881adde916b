import { UserError } from '../errors.ts';
import { cellMetrics, RATE_NAMES, type RunLayout } from './columns.ts';
import { didYouMean } from './didYouMean.ts';
import type { Hypothesis } from './experiment.ts';

/**
 * Checks that each hypothesis names a varied parameter in `on` and, in `outcome`, a rate
 * ({@link RATE_NAMES}) or a metric of the layout ({@link cellMetrics}); the planner calls it
 * before any game is played, {@link evaluateHypotheses} again on a results folder.
 *
 * @param hypotheses the experiment's hypotheses
 * @param parameters the varied parameters' paths, as written in the experiment
 * @param layout the countries and dimension of the sweep (they fix the metric names)
 * @throws UserError naming `hypotheses[i]` and the field, the valid names and the nearest one
 */
export function checkHypotheses(
  hypotheses: readonly Hypothesis[],
  parameters: readonly string[],
  layout: RunLayout,
) {
  const metrics = cellMetrics(layout).map((m) => m.name);
  hypotheses.forEach((hypothesis, i) => {
    const where = `hypotheses[${i}]`;
    if (!parameters.includes(hypothesis.on)) {
      throw new UserError(
        `${where}.on: '${hypothesis.on}' is not a varied parameter of this experiment; valid: ${parameters.join(', ') || '(none)'}.${didYouMean(hypothesis.on, parameters)}`,
      );
    }
    if (!RATE_NAMES.includes(hypothesis.outcome) && !metrics.includes(hypothesis.outcome)) {
      throw new UserError(
        `${where}.outcome: unknown outcome '${hypothesis.outcome}'; valid rates: ${RATE_NAMES.join(', ')}; valid means: ${metrics.join(', ')}.${didYouMean(hypothesis.outcome, [...RATE_NAMES, ...metrics])}`,
      );
    }
  });
}
