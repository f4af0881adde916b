import { drawProfile } from '../model/profile.ts';
import type { Rng } from '../model/random.ts';
import { overlapSize } from '../model/winSetSize.ts';
import { parseScenario } from '../scenario/parse.ts';
import { meanResult, shareResult, type ValidationCase } from './validationCase.ts';

const DRAWS = 20_000;

/**
 * Putnam's Figure 1 with one constituent per country (MODEL.md section 2): divide form,
 * `c_A, c_B` iid U(0, 1). `W_A = [c_A, 1]` (A's share at least its reservation) and
 * `W_B = [0, 1 - c_B]`; they overlap, with length `1 - c_A - c_B`, iff `s = c_A + c_B < 1`.
 * `s` has density `s` on (0, 1), so `P(s < 1) = 1/2`; given `s < 1` its density is `2s`, and
 * `E[1 - s | s < 1] = int_0^1 (1 - s) 2s ds = 1 - 2/3 = 1/3` (variance
 * `E[(1 - s)^2 | .] - 1/9 = 1/6 - 1/9 = 1/18`). Non-empty means size > 0.
 */
export const divideOverlap: ValidationCase = {
  id: 'divide-overlap',
  run(rng: Rng) {
    const scenario = parseScenario({
      form: 'divide',
      countries: [{ constituents: { count: 1 } }, { constituents: { count: 1 } }],
    });
    const a = drawProfile(scenario, 0, rng);
    const b = drawProfile(scenario, 1, rng);
    let overlaps = 0;
    let sum = 0;
    let sumOfSquares = 0;
    for (let t = 0; t < DRAWS; t++) {
      drawProfile(scenario, 0, rng, a);
      drawProfile(scenario, 1, rng, b);
      const size = overlapSize([a, b], [0, 1]);
      if (size > 0) {
        overlaps++;
        sum += size;
        sumOfSquares += size * size;
      }
    }
    return [
      shareResult(
        'divide form, c_A, c_B ~ U(0, 1): P(W_A and W_B overlap)',
        '1/2',
        1 / 2,
        overlaps,
        DRAWS,
      ),
      meanResult(
        'divide form, c_A, c_B ~ U(0, 1): E[overlap length | overlap]',
        '1/3',
        1 / 3,
        overlaps,
        sum,
        sumOfSquares,
      ),
    ];
  },
};
