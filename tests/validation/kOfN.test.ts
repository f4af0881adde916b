import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { drawProfile } from '../../src/model/profile.ts';
import { fromUniform } from '../../src/model/random.ts';
import { winSetSize } from '../../src/model/winSetSize.ts';
import { parseScenario } from '../../src/scenario/parse.ts';

/*
 * MODEL.md section 2: ideal points iid U(0, 1), q = 0, quota k of n: constituent j accepts
 * [0, 2 v_j], so W = [0, 2 v_(n-k+1)] with v_(r) the r-th smallest ideal point, and
 * E|W| = 2 (n - k + 1) / (n + 1). Var|W| = 4 r (n - r + 1) / ((n + 1)^2 (n + 2)), r = n - k + 1.
 */

const n = 101;
const draws = 2000;

describe('k-of-n quota win-set', () => {
  it.each([51, 68, 101])('k = %d: E|W| = 2(n - k + 1)/(n + 1) within 4 standard errors', (k) => {
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
    const rng = fromUniform(seedrandom.alea(`k of n ${k}`));
    let sum = 0;
    for (let t = 0; t < draws; t++) sum += winSetSize(drawProfile(scenario, 0, rng), [-1, 3]);
    const r = n - k + 1;
    const expected = (2 * r) / (n + 1);
    const sd = Math.sqrt((4 * r * (n - r + 1)) / ((n + 1) ** 2 * (n + 2)));
    expect(Math.abs(sum / draws - expected)).toBeLessThan((4 * sd) / Math.sqrt(draws));
  });
});
