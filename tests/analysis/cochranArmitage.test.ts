import { describe, expect, it } from 'vitest';
import { cochranArmitage } from '../../src/analysis/cochranArmitage.ts';

// Agresti, Categorical Data Analysis (2nd ed., 2002), sections 3.4.6 and 5.3.5 (data from
// Graubard and Korn 1987): maternal alcohol consumption (scores 0, 0.5, 1.5, 4.0, 7.0 drinks/day) and
// infant malformation (48/17114, 38/14502, 5/793, 1/127, 1/38): z^2 = 6.57, P = 0.010 two-sided,
// "P = 0.005" for the one-sided alternative of a positive trend.
describe('cochranArmitage', () => {
  it("reproduces Agresti's alcohol and malformation trend test", () => {
    const result = cochranArmitage(
      [0, 0.5, 1.5, 4.0, 7.0],
      [48, 38, 5, 1, 1],
      [17114, 14502, 793, 127, 38],
    );
    expect(result.chiSquare).toBeCloseTo(6.57, 2);
    expect(result.z).toBeCloseTo(Math.sqrt(6.57), 2);
    expect(result.pTwoSided).toBeCloseTo(0.01, 3);
    expect(result.pIncreasing).toBeCloseTo(0.005, 3);
    expect(result.pIncreasing + result.pDecreasing).toBeCloseTo(1, 15);
  });

  it('matches a hand computation (0/10 at score 0, 10/10 at score 1: b = 1, z = sqrt(20))', () => {
    // xbar = 0.5, p = 0.5, sum (x - xbar) y = 5, sum n (x - xbar)^2 = 5
    const result = cochranArmitage([0, 1], [0, 10], [10, 10]);
    expect(result.slope).toBeCloseTo(1, 15);
    expect(result.z).toBeCloseTo(Math.sqrt(20), 14);
  });

  it('flips sign with reversed scores, ignores empty levels, and is invariant to linear rescoring', () => {
    const base = cochranArmitage([1, 2, 3], [2, 5, 9], [20, 20, 20]);
    expect(cochranArmitage([3, 2, 1], [2, 5, 9], [20, 20, 20]).z).toBeCloseTo(-base.z, 14);
    expect(cochranArmitage([1, 2, 3, 99], [2, 5, 9, 0], [20, 20, 20, 0]).z).toBeCloseTo(base.z, 14);
    expect(cochranArmitage([10, 20, 30], [2, 5, 9], [20, 20, 20]).z).toBeCloseTo(base.z, 14);
  });

  it('gives z = 0, p = 1 when every trial had the same outcome', () => {
    expect(cochranArmitage([0, 1, 2], [0, 0, 0], [5, 5, 5])).toMatchObject({ z: 0, pTwoSided: 1 });
  });

  it('rejects constant scores, no trials, and mismatched lengths', () => {
    expect(() => cochranArmitage([1, 1], [1, 2], [5, 5])).toThrow(/at least two distinct values/);
    expect(() => cochranArmitage([1, 2], [0, 0], [0, 0])).toThrow(/no level has any trials/);
    expect(() => cochranArmitage([1, 2, 3], [1, 2], [5, 5])).toThrow(
      /scores, successes and trials must have the same length; got 3, 2 and 2/,
    );
  });
});
