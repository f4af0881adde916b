import { describe, expect, it } from 'vitest';
import { logisticRegression } from '../../src/analysis/logisticRegression.ts';

// Agresti, Categorical Data Analysis (2nd ed., 2002), section 4.2, Table 4.2 (Norton and
// Dunn 1985): snoring (scores 0, 2, 4, 5) and heart disease (24/1379, 35/638, 21/213, 30/254).
// Logit fit: alpha = -3.8662 (SE 0.1662), beta = 0.3973 (SE 0.0500).
describe('logisticRegression', () => {
  it("reproduces Agresti's snoring and heart disease fit", () => {
    const fit = logisticRegression([0, 2, 4, 5], [24, 35, 21, 30], [1379, 638, 213, 254]);
    expect(fit.converged).toBe(true);
    expect(fit.separated).toBe(false);
    expect(fit.test).toBe('wald');
    expect(fit.intercept).toBeCloseTo(-3.8662, 4);
    expect(fit.slope).toBeCloseTo(0.3973, 4);
    expect(fit.interceptSE).toBeCloseTo(0.1662, 4);
    expect(fit.slopeSE).toBeCloseTo(0.05, 4);
    expect(fit.z).toBeCloseTo(fit.slope / fit.slopeSE, 14);
    expect(fit.oddsRatio).toBeCloseTo(Math.exp(0.3973), 3);
    expect(fit.oddsRatioLo).toBeCloseTo(Math.exp(fit.slope - 1.959963984540054 * fit.slopeSE), 14);
    expect(fit.p).toBeLessThan(1e-14);
  });

  it('matches the closed form of a 2 x 2 table (x = 0, 1): slope = log odds ratio, Woolf SE', () => {
    // 1/4 at x = 0, 3/4 at x = 1: intercept = logit(1/4) = -ln 3, slope = ln 9,
    // SE(slope) = sqrt(1/1 + 1/3 + 1/3 + 1/1), SE(intercept) = sqrt(1/1 + 1/3)
    const fit = logisticRegression([0, 1], [1, 3], [4, 4]);
    expect(fit.intercept).toBeCloseTo(-Math.log(3), 10);
    expect(fit.slope).toBeCloseTo(Math.log(9), 10);
    expect(fit.slopeSE).toBeCloseTo(Math.sqrt(8 / 3), 10);
    expect(fit.interceptSE).toBeCloseTo(Math.sqrt(4 / 3), 10);
    expect(fit.oddsRatio).toBeCloseTo(9, 9);
  });

  it('accepts typed arrays and ignores groups without trials', () => {
    const fit = logisticRegression(
      new Float64Array([0, 1, 7]),
      new Float64Array([1, 3, 0]),
      new Float64Array([4, 4, 0]),
    );
    expect(fit.slope).toBeCloseTo(Math.log(9), 10);
  });

  it('flags complete and quasi-complete separation without iterating, with the score test', () => {
    const complete = logisticRegression([0, 1, 2], [0, 0, 3], [3, 3, 3]);
    expect(complete).toMatchObject({
      separated: true,
      converged: false,
      iterations: 0,
      slope: Number.POSITIVE_INFINITY,
      slopeSE: Number.POSITIVE_INFINITY,
      test: 'score',
      oddsRatioLo: 0,
      oddsRatioHi: Number.POSITIVE_INFINITY,
    });
    // score test = Cochran-Armitage: xbar = 1, p = 1/3, sum (x - xbar) y = 3, sum n (x - xbar)^2 = 6,
    // z = 3 / sqrt(2/9 * 6) = 2.598
    expect(complete.z).toBeCloseTo(3 / Math.sqrt((2 / 9) * 6), 14);
    const quasi = logisticRegression([0, 1, 2], [3, 1, 0], [3, 3, 3]);
    expect(quasi.separated).toBe(true);
    expect(quasi.slope).toBe(Number.NEGATIVE_INFINITY);
    expect(quasi.z).toBeLessThan(0);
  });

  it('reports no trend when every trial had the same outcome', () => {
    const fit = logisticRegression([0, 1, 2], [0, 0, 0], [5, 5, 5]);
    expect(fit).toMatchObject({
      separated: true,
      slope: 0,
      intercept: Number.NEGATIVE_INFINITY,
      z: 0,
      p: 1,
    });
  });

  it('rejects a predictor without variation', () => {
    expect(() => logisticRegression([2, 2, 5], [1, 2, 0], [5, 5, 0])).toThrow(
      /x must take at least two distinct values among groups with trials > 0/,
    );
  });
});
