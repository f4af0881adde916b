import { describe, expect, it } from 'vitest';
import { hypothesisTest } from '../../src/analysis/hypothesisTest.ts';

describe('hypothesisTest', () => {
  it('trend: slope of the rates and its interval (hand-checked)', () => {
    // rates 0.2 and 0.4 at x = 0, 1 (100 trials each): xbar 0.5, S = 50, slope 10 / 50 = 0.2;
    // SE = sqrt(0.25 * 100 * 0.16 + 0.25 * 100 * 0.24) / 50 = sqrt(10) / 50;
    // z = 10 / sqrt(0.3 * 0.7 * 50) = 3.0861, p = 2 (1 - Phi(3.0861)) = 0.002028
    const r = hypothesisTest('trend', {
      kind: 'binary',
      x: [0, 1],
      successes: [20, 40],
      trials: [100, 100],
    });
    expect(r.estimate).toBeCloseTo(0.2, 12);
    expect(r.lo).toBeCloseTo(0.2 - (1.959964 * Math.sqrt(10)) / 50, 6);
    expect(r.hi).toBeCloseTo(0.2 + (1.959964 * Math.sqrt(10)) / 50, 6);
    expect(r.p).toBeCloseTo(0.002028, 5);
  });

  it('logistic: log odds ratio 2 ln 3 with its Wald interval', () => {
    // 1/4 at x = 0, 3/4 at x = 1: b = ln 9, SE = sqrt(1 + 1/3 + 1/3 + 1) = 1.632993
    const r = hypothesisTest('logistic', {
      kind: 'binary',
      x: [0, 1],
      successes: [1, 3],
      trials: [4, 4],
    });
    expect(r.estimate).toBeCloseTo(Math.log(9), 8);
    expect(r.lo).toBeCloseTo(Math.log(9) - 1.959964 * 1.632993, 5);
    expect(r.hi).toBeCloseTo(Math.log(9) + 1.959964 * 1.632993, 5);
    // Wald z = 2.1972 / 1.632993 = 1.34551, p = 0.17846
    expect(r.p).toBeCloseTo(0.17846, 4);
  });

  it('mcnemar: paired difference (up - down) / pairs and the exact p', () => {
    // 9 up, 1 down of 20 pairs: d = 0.4, Var = (10/20 - 0.16) / 20 = 0.017,
    // exact p = 2 (1 + 10) / 2^10 = 0.021484375
    const r = hypothesisTest('mcnemar', { kind: 'paired', up: 9, down: 1, pairs: 20 });
    expect(r.estimate).toBeCloseTo(0.4, 12);
    expect(r.hi - r.estimate).toBeCloseTo(1.959964 * Math.sqrt(0.017), 6);
    expect(r.p).toBeCloseTo(0.021484375, 14);
  });

  it('mcnemar: the Wald interval clipped to [-1, 1]', () => {
    // 0 up, 29 down of 30: d = -29/30 = -0.9667, Var = (29/30 - d^2) / 30 = 0.0010741,
    // d -+ 1.96 * 0.032774 = [-1.0309, -0.9024]: the lower end clipped to -1
    const r = hypothesisTest('mcnemar', { kind: 'paired', up: 0, down: 29, pairs: 30 });
    expect(r.estimate).toBeCloseTo(-29 / 30, 12);
    expect(r.lo).toBe(-1);
    expect(r.hi).toBeCloseTo(-0.9024, 4);
  });

  it('welch: difference of means from running sums, highest minus lowest level', () => {
    // level 1: n 10, mean 1, s^2 2 (sum 10, sumsq 18 + 10); level 0: mean 0, s^2 2;
    // a middle level is ignored. t = 1 / sqrt(0.4) = 1.5811, df 18, p = 0.1313
    const r = hypothesisTest('welch', {
      kind: 'mean',
      x: [1, 0.5, 0],
      n: [10, 10, 10],
      sum: [10, 100, 0],
      sumOfSquares: [28, 1000, 18],
    });
    expect(r.estimate).toBe(1);
    expect(r.p).toBeCloseTo(0.1313, 4);
  });

  it('welch on a rate: the rates as means of 0/1 outcomes', () => {
    // 30/100 vs 10/100: difference 0.2, se = sqrt(0.21/99 + 0.09/99) = 0.05505
    const r = hypothesisTest(
      'welch',
      { kind: 'binary', x: [2, 1], successes: [30, 10], trials: [100, 100] },
      { outcome: 'agreement', on: 'q' },
    );
    expect(r.estimate).toBeCloseTo(0.2, 12);
    expect(r.estimand).toBe(
      'difference in the rate of agreement, highest minus lowest level of q (positive: higher at the highest)',
    );
    expect(r.compared).toBe('highest vs lowest of 2 levels');
    expect((r.hi - r.lo) / 2).toBeCloseTo(Math.sqrt(0.3 / 99) * 1.97214, 3);
  });

  it('refuses evidence that does not fit the test', () => {
    expect(() =>
      hypothesisTest('trend', {
        kind: 'mean',
        x: [0, 1],
        n: [2, 2],
        sum: [1, 1],
        sumOfSquares: [1, 1],
      }),
    ).toThrow('trend tests a rate; for a mean use welch.');
    expect(() =>
      hypothesisTest('mcnemar', { kind: 'binary', x: [0, 1], successes: [1, 1], trials: [2, 2] }),
    ).toThrow('mcnemar needs paired outcomes');
  });
  it('labels a logistic slope separated by the parameter as a score test, with no interval', () => {
    // 0/50, 0/50, 50/50 at x = 0, 1, 2: the MLE slope is +Infinity. Cochran-Armitage by hand:
    // pbar = 1/3, T = sum x (y - n pbar) = 50, Var = pbar (1 - pbar) (sum n x^2 - (sum n x)^2 / N)
    // = (2/9) (250 - 150) = 200/9, z = 50 / sqrt(200/9) = 10.6066, p = 2 (1 - Phi(z)) = 2.78e-26
    const r = hypothesisTest('logistic', {
      kind: 'binary',
      x: [0, 1, 2],
      successes: [0, 0, 50],
      trials: [50, 50, 50],
    });
    expect(r.compared).toBe('slope over 3 levels (separated: score test)');
    expect(r.estimate).toBe(Number.POSITIVE_INFINITY);
    expect(r.lo).toBe(Number.NEGATIVE_INFINITY);
    expect(r.hi).toBe(Number.POSITIVE_INFINITY);
    expect(r.p / 2.78e-26).toBeCloseTo(1, 2);
    // every run alike: no evidence either way
    const alike = hypothesisTest('logistic', {
      kind: 'binary',
      x: [0, 1, 2],
      successes: [0, 0, 0],
      trials: [50, 50, 50],
    });
    expect(alike.compared).toBe('slope over 3 levels (every run alike: no evidence)');
    expect(alike.estimate).toBe(0);
  });
  it('gives no welch test, p 1, when a compared level has fewer than two observations', () => {
    // gain_B is a mean over ratified runs: one ratified run at the highest level
    const r = hypothesisTest(
      'welch',
      { kind: 'mean', x: [0, 1], n: [10, 1], sum: [2, 0.5], sumOfSquares: [0.6, 0.25] },
      { outcome: 'gain_B', on: 'q' },
    );
    expect(r.compared).toBe('highest vs lowest of 2 levels (1 observation(s) at one: no test)');
    expect(r.estimate).toBeCloseTo(0.5 - 0.2, 12);
    expect(r.p).toBe(1);
    expect([r.lo, r.hi]).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
  });
});
