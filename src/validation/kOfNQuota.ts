import { drawProfile } from '../model/profile.ts';
import type { Rng } from '../model/random.ts';
import { winSetSize } from '../model/winSetSize.ts';
import { parseScenario } from '../scenario/parse.ts';
import { meanResult, type ValidationCase, type ValidationResult } from './validationCase.ts';

const n = 101;
const DRAWS = 4000;
const QUOTAS = [51, 68, 101];

/**
 * The k-of-n quota (MODEL.md section 2). Ideal points `v_j` iid U(0, 1), `q = 0`, `kappa = 0`,
 * quota `theta = k / n` with `k > n / 2`. Constituent `j` accepts `(x - v_j)^2 <= v_j^2`,
 * i.e. `x in [0, 2 v_j]`. A point `x >= 0` passes iff at least `k` constituents have
 * `v_j >= x / 2`, iff `x / 2 <= v_(r)`, the `r`-th smallest ideal point with `r = n - k + 1`
 * (exactly `k` ideal points are `>= v_(r)`). So `W = [0, 2 v_(r)]` and `|W| = 2 v_(r)`. The
 * `r`-th order statistic of `n` uniforms is Beta(r, n - r + 1), with mean `r / (n + 1)`:
 * `E|W| = 2 (n - k + 1) / (n + 1)`. (Variance `4 r (n - r + 1) / ((n + 1)^2 (n + 2))`, so
 * 4,000 draws give a standard error of at most 0.0016.) The box [-1, 3] never cuts `W`.
 * For n = 101: k = 51 gives 1, k = 68 gives 68/102 = 2/3, k = 101 (unanimity) gives 2/102.
 */
export const kOfNQuota: ValidationCase = {
  id: 'k-of-n',
  run(rng: Rng): ValidationResult[] {
    return QUOTAS.map((k) => {
      const scenario = parseScenario({
        space: { lo: -1, hi: 3 },
        countries: [
          {
            reversion: 0,
            constituents: { count: n, idealPoints: { kind: 'uniform', lo: 0, hi: 1 } },
            ratification: { quota: k / n },
          },
          {},
        ],
      });
      let sum = 0;
      let sumOfSquares = 0;
      let p = drawProfile(scenario, 0, rng);
      for (let t = 0; t < DRAWS; t++) {
        if (t > 0) p = drawProfile(scenario, 0, rng, p);
        const size = winSetSize(p, [-1, 3]);
        sum += size;
        sumOfSquares += size * size;
      }
      return meanResult(
        `k-of-n quota, n = ${n}, k = ${k}, ideal points U(0, 1), q = 0: E|W|`,
        '2(n - k + 1)/(n + 1)',
        (2 * (n - k + 1)) / (n + 1),
        DRAWS,
        sum,
        sumOfSquares,
      );
    });
  },
};
