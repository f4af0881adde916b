/**
 * Validates grouped binomial data (one predictor value, a success count and a trial count per
 * group): equal lengths, finite predictor values, trials >= 0 and successes in [0, trials].
 * Shared by {@link cochranArmitage} and {@link logisticRegression}.
 *
 * @param caller the calling function's name, for the error message
 * @param predictorName what the caller calls the predictor (`scores`, `x`)
 * @throws RangeError naming the first offending array and index, and what would be valid
 * @example
 * checkGroupedBinomial('f', 'x', [0, 1], [3, 2], [2, 2]); // throws: successes[0] must be in [0, 2]
 */
export function checkGroupedBinomial(
  caller: string,
  predictorName: string,
  predictor: ArrayLike<number>,
  successes: ArrayLike<number>,
  trials: ArrayLike<number>,
): void {
  if (predictor.length !== successes.length || predictor.length !== trials.length) {
    throw new RangeError(
      `${caller}: ${predictorName}, successes and trials must have the same length; got ${predictor.length}, ${successes.length} and ${trials.length}.`,
    );
  }
  for (let i = 0; i < predictor.length; i++) {
    const n = trials[i]!;
    const y = successes[i]!;
    if (!Number.isFinite(predictor[i]!)) {
      throw new RangeError(
        `${caller}: ${predictorName}[${i}] must be a finite number; got ${predictor[i]}.`,
      );
    }
    if (!(n >= 0 && Number.isFinite(n))) {
      throw new RangeError(`${caller}: trials[${i}] must be a finite number >= 0; got ${n}.`);
    }
    if (!(y >= 0 && y <= n)) {
      throw new RangeError(
        `${caller}: successes[${i}] must be in [0, trials[${i}]] = [0, ${n}]; got ${y}.`,
      );
    }
  }
}
