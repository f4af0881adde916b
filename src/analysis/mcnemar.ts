import { normalTwoSidedP } from './normalTwoSidedP.ts';
import { regularizedIncompleteBeta } from './regularizedIncompleteBeta.ts';

/** Below this many discordant pairs (b + c) the exact binomial p-value is used by default. */
const EXACT_BELOW = 25;

/** Options of {@link mcnemar}. */
export interface McNemarOptions {
  /** Subtract 1 from |b - c| in the chi-square statistic (Edwards 1948). Default false, as in Agresti. */
  continuity?: boolean;
  /** Force the exact binomial p-value (true) or the chi-square one (false). Default: exact when b + c < 25. */
  exact?: boolean;
}

/** Result of McNemar's test. */
export interface McNemarTest {
  /** Signed `(b - c) / sqrt(b + c)`, positive when b > c; 0 when b + c = 0. */
  z: number;
  /** Chi-square statistic with 1 degree of freedom, `(|b - c| - k)^2 / (b + c)`, k = 1 with continuity correction, else 0. */
  chiSquare: number;
  /** Two-sided p-value, from the method below. */
  p: number;
  /** How p was computed: exact binomial, or chi-square with 1 degree of freedom. */
  method: 'exact' | 'chi-square';
}

/**
 * McNemar's test (McNemar 1947) that two paired binary outcomes have the same success rate,
 * from the discordant counts only: `b` pairs with success under the first condition and failure
 * under the second, `c` the reverse (Agresti, Categorical Data Analysis, 2nd ed., 2002, section
 * 10.1). Under the null each discordant pair is equally likely to go either way.
 *
 * Chi-square form: `z = (b - c) / sqrt(b + c)`, `chiSquare = (|b - c| - k)^2 / (b + c)`, p from
 * chi-square with 1 degree of freedom. Exact form, used by default when `b + c < 25` (a common
 * rule of thumb for where the chi-square approximation becomes poor):
 * `p = min(1, 2 P(X <= min(b, c)))` with `X ~ Binomial(b + c, 1/2)`, from
 * `P(X <= k) = I_(1/2)(n - k, k + 1)`. No discordant pairs give z = 0 and p = 1.
 *
 * @param b discordant pairs of one kind (success then failure), a whole number >= 0
 * @param c discordant pairs of the other kind (failure then success), a whole number >= 0
 * @param options continuity correction and exact/chi-square choice
 * @returns z, chi-square, p and the method used
 * @throws RangeError when b or c is not a whole number >= 0
 * @example
 * // 1 against 9: exact p = 2 (1 + 10) / 2^10 = 0.021484375
 * mcnemar(1, 9); // => { z: -2.5298, chiSquare: 6.4, p: 0.021484375, method: 'exact' }
 */
export function mcnemar(b: number, c: number, options: McNemarOptions = {}): McNemarTest {
  for (const [name, value] of [
    ['b', b],
    ['c', c],
  ] as const) {
    if (!(Number.isInteger(value) && value >= 0)) {
      throw new RangeError(
        `mcnemar: ${name} must be a whole number of discordant pairs >= 0; got ${name} = ${value}.`,
      );
    }
  }
  const discordant = b + c;
  const exact = options.exact ?? discordant < EXACT_BELOW;
  const method = exact ? 'exact' : 'chi-square';
  if (discordant === 0) return { z: 0, chiSquare: 0, p: 1, method };
  const correction = options.continuity ? 1 : 0;
  const excess = Math.max(0, Math.abs(b - c) - correction);
  const chiSquare = (excess * excess) / discordant;
  const z = (b - c) / Math.sqrt(discordant);
  if (!exact) return { z, chiSquare, p: normalTwoSidedP(Math.sqrt(chiSquare)), method };
  const smaller = Math.min(b, c);
  const lowerTail = regularizedIncompleteBeta(0.5, discordant - smaller, smaller + 1);
  return { z, chiSquare, p: Math.min(1, 2 * lowerTail), method };
}
