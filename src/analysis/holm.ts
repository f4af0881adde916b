/**
 * Holm-Bonferroni step-down adjusted p-values (Holm 1979, "A simple sequentially rejective
 * multiple test procedure", Scand. J. Statist. 6: 65-70), returned in the input order. With the
 * m p-values sorted ascending, `p_(1) <= ... <= p_(m)`:
 *
 * `adjusted_(i) = min(1, max_(j <= i) (m - j + 1) p_(j))`.
 *
 * Rejecting every hypothesis whose adjusted p-value is below alpha controls the family-wise
 * error rate at alpha under any dependence. The adjusted values keep the order of the raw ones
 * (ties share the same value) and are capped at 1; this is R's `p.adjust(p, "holm")`.
 *
 * @param pValues raw p-values, each in [0, 1]
 * @returns adjusted p-values, one per input, in the input order
 * @throws RangeError naming the first p-value outside [0, 1] (or NaN)
 * @example
 * holm([0.01, 0.04, 0.03, 0.005]); // => [0.03, 0.06, 0.06, 0.02]
 */
export function holm(pValues: ArrayLike<number>): Float64Array {
  const m = pValues.length;
  for (let i = 0; i < m; i++) {
    const p = pValues[i]!;
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(`holm: pValues[${i}] must be a p-value in [0, 1]; got ${p}.`);
    }
  }
  const order = Array.from({ length: m }, (_, i) => i).sort((i, j) => pValues[i]! - pValues[j]!);
  const adjusted = new Float64Array(m);
  let runningMax = 0;
  for (let rank = 0; rank < m; rank++) {
    const index = order[rank]!;
    runningMax = Math.max(runningMax, Math.min(1, (m - rank) * pValues[index]!));
    adjusted[index] = runningMax;
  }
  return adjusted;
}
