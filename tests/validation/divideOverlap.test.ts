import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { drawProfile } from '../../src/model/profile.ts';
import { fromUniform } from '../../src/model/random.ts';
import { overlapSize } from '../../src/model/winSetSize.ts';
import { parseScenario } from '../../src/scenario/parse.ts';

/*
 * MODEL.md section 2, Putnam's Figure 1: divide form, one constituent per country with
 * c_A, c_B iid U(0, 1). W_A = [c_A, 1], W_B = [0, 1 - c_B]; they overlap (size > 0) iff
 * c_A + c_B < 1: probability 1/2. Given that, s = c_A + c_B has density 2s on (0, 1) and the
 * overlap 1 - s has mean 1/3 and variance 1/6 - 1/9 = 1/18.
 */

describe('divide form overlap', () => {
  it('P(overlap) = 1/2 and E[overlap | overlap] = 1/3 within 4 standard errors', () => {
    const scenario = parseScenario({
      form: 'divide',
      countries: [{ constituents: { count: 1 } }, { constituents: { count: 1 } }],
    });
    const a = fromUniform(seedrandom.alea('divide A'));
    const b = fromUniform(seedrandom.alea('divide B'));
    const N = 20_000;
    let overlaps = 0;
    let length = 0;
    for (let t = 0; t < N; t++) {
      const size = overlapSize([drawProfile(scenario, 0, a), drawProfile(scenario, 1, b)], [0, 1]);
      if (size > 0) {
        overlaps++;
        length += size;
      }
    }
    expect(Math.abs(overlaps / N - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / N));
    expect(Math.abs(length / overlaps - 1 / 3)).toBeLessThan(4 * Math.sqrt(1 / 18 / overlaps));
  });
});
