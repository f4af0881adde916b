/** What a test says about a directional proposition. */
export type Verdict = 'supported' | 'contradicted' | 'inconclusive';

/** The direction in which a proposition expects the outcome to move as the factor grows. */
export type ExpectedDirection = 'increasing' | 'decreasing';

/**
 * Verdict on a directional proposition (e.g. Putnam's "larger win-sets make agreement more
 * likely") from an effect estimate, its multiplicity-adjusted p-value (e.g. from {@link holm})
 * and the expected direction. The rule, at significance level alpha:
 *
 * - `supported`: adjusted p < alpha and the estimate's sign matches the direction
 *   (positive for 'increasing', negative for 'decreasing');
 * - `contradicted`: adjusted p < alpha and the sign is the opposite;
 * - `inconclusive`: otherwise, including an estimate of exactly 0 and a NaN estimate or p.
 *
 * @param estimate effect estimate whose sign gives the observed direction (a slope, a difference, a trend z)
 * @param expected the direction the proposition predicts
 * @param adjustedP the p-value after adjustment for multiple testing
 * @param alpha significance level, default 0.05
 * @returns the verdict
 * @example
 * verdict(0.4, 'increasing', 0.001); // => 'supported'
 * verdict(0.4, 'decreasing', 0.001); // => 'contradicted'
 * verdict(0.4, 'increasing', 0.2); // => 'inconclusive'
 */
export function verdict(
  estimate: number,
  expected: ExpectedDirection,
  adjustedP: number,
  alpha = 0.05,
): Verdict {
  if (!(adjustedP < alpha) || estimate === 0 || Number.isNaN(estimate)) return 'inconclusive';
  const increasing = estimate > 0;
  return increasing === (expected === 'increasing') ? 'supported' : 'contradicted';
}
