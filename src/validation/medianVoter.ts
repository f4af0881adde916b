import { drawProfile, medianConstituent } from '../model/profile.ts';
import type { Rng } from '../model/random.ts';
import { ratifies } from '../model/vote.ts';
import { createIntervals, winSet } from '../model/winSet.ts';
import { parseScenario } from '../scenario/parse.ts';
import { shareResult, type ValidationCase } from './validationCase.ts';

/** Random profiles the median-voter case draws. */
const PROFILES = 2000;

/**
 * The median-voter win-set (MODEL.md section 2). One dimension, equal weights, `kappa = 0`,
 * odd `M`, simple majority, reversion `q`: constituent `j` accepts `x` iff
 * `(x - v_j)^2 <= (q - v_j)^2`, i.e. `x` between `q` and `2 v_j - q`. Order the constituents
 * by ideal point; the interval of `j` reaches past `x > q` iff `v_j >= (x + q) / 2`, so `x`
 * has a majority (`(M + 1) / 2` of `M`) iff the median `m` does, iff `x <= 2m - q` (mirror
 * for `x < q`). So `W = [min(q, 2m - q), max(q, 2m - q)]`, closed: both ends are ratified
 * (at `2m - q` the median is indifferent and votes yes).
 *
 * The case draws profiles of odd size 1 to 101 with ideal points and `q` uniform on [0, 1],
 * in a box [-1, 2] that never cuts the win-set, and counts the profiles whose computed win-set
 * is exactly (bit for bit) that one interval with both ends ratified by the model's own vote.
 * Exact value 1.
 */
export const medianVoter: ValidationCase = {
  id: 'median-voter',
  run(rng: Rng) {
    let matches = 0;
    const out = createIntervals();
    const median = new Float64Array(1);
    for (let t = 0; t < PROFILES; t++) {
      const M = 2 * Math.floor(rng.uniform() * 51) + 1;
      const values = Array.from({ length: M }, () => rng.uniform());
      const q = rng.uniform();
      const scenario = parseScenario({
        space: { lo: -1, hi: 2 },
        countries: [
          { reversion: q, constituents: { idealPoints: { kind: 'explicit', values } } },
          {},
        ],
      });
      const p = drawProfile(scenario, 0, rng);
      const m = medianConstituent(p, median)[0]!;
      const w = winSet(p, [-1, 2], {}, out);
      const lo = Math.min(q, 2 * m - q);
      const hi = Math.max(q, 2 * m - q);
      if (w.count === 1 && w.lo[0] === lo && w.hi[0] === hi && ratifies(p, lo) && ratifies(p, hi))
        matches++;
    }
    return [
      shareResult(
        'median-voter win-set, odd M <= 101: W = [q, 2m - q], ends ratified',
        'share of profiles = 1',
        1,
        matches,
        PROFILES,
      ),
    ];
  },
};
