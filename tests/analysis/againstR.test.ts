/**
 * The hypothesis tests against R 4.2.2 (Debian's r-base-core; cluster-robust errors written out
 * by hand in base R) on worked data sets. Each block holds the R script that computed the pinned numbers and its output.
 */
import { describe, expect, it } from 'vitest';
import { cochranArmitage } from '../../src/analysis/cochranArmitage.ts';
import { hypothesisTest } from '../../src/analysis/hypothesisTest.ts';
import { logisticRegression } from '../../src/analysis/logisticRegression.ts';
import { mcnemar } from '../../src/analysis/mcnemar.ts';
import {
  logisticScoreTest,
  multipleLogisticRegression,
} from '../../src/analysis/multipleLogisticRegression.ts';
import { regressionDesign } from '../../src/analysis/regressionDesign.ts';
import { weightedLeastSquares } from '../../src/analysis/weightedLeastSquares.ts';
import { welchT } from '../../src/analysis/welchT.ts';

/** Relative closeness, for numbers of any size. */
function close(actual: number, expected: number, relative = 1e-9) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

describe('regression against R', () => {
  /*
   * a <- rep(c(0, 0.5, 1), each = 3); b <- rep(c(0, 0.1, 0.2), times = 3)
   * n <- c(40, 50, 60, 45, 55, 65, 50, 60, 70); y <- c(30, 33, 35, 28, 29, 30, 22, 21, 18)
   * ac <- a - mean(a); bc <- b - mean(b)
   * ctl <- glm.control(epsilon = 1e-14, maxit = 100)
   * fit <- glm(cbind(y, n - y) ~ ac * bc, family = binomial, control = ctl)
   * summary(fit)$coefficients; deviance(fit)
   *                     Estimate      Std. Error          z value          Pr(>|z|)
   * (Intercept)  0.0729639924977 0.0959122386971  0.7607370392863 4.46814146873e-01
   * ac          -1.3427682679900 0.2389326418101 -5.6198611366669 1.91111002584e-08
   * bc          -3.6709707419417 1.1790655475266 -3.1134577289979 1.84908995644e-03
   * ac:bc       -0.2846659698105 2.9357574205052 -0.0969650856785 9.22754121347e-01
   * deviance 0.589237860696 df 5
   * main <- glm(cbind(y, n - y) ~ ac + bc, family = binomial, control = ctl)
   * (Intercept)  0.0738977133412 0.0954746457636  0.774003535182 4.38928700693e-01
   * ac          -1.3464692004933 0.2359497990522 -5.706591850903 1.15260720512e-08
   * bc          -3.6822888706828 1.1736928186225 -3.137353157706 1.70480645878e-03
   * restricted <- glm(cbind(y, n - y) ~ ac, family = binomial, control = ctl)
   * anova(restricted, main, test = "Rao")   # Rao 9.96291573394, Pr(>Chi) 0.0015972
   * The regression test is quasi-binomial with phi = max(1, Pearson / df); here R's phi is below 1:
   * summary(glm(cbind(y, n - y) ~ ac + bc, family = quasibinomial, control = ctl))$dispersion
   *   0.0999277077786164, so phi = 1 and t on G - p = 6 df: 2 * pt(-abs(z), 6) for bc
   *   0.0201355033720755, qt(0.975, 6) 2.44691185114497
   * Overdispersed: y2 <- c(30, 22, 41, 20, 38, 22, 31, 18, 30)
   * q2 <- glm(cbind(y2, n - y2) ~ ac + bc, family = quasibinomial, control = ctl)
   * summary(q2)$dispersion 5.62716667802225, df.residual 6; summary(q2)$coefficients
   *                     Estimate        Std. Error            t value            Pr(>|t|)
   * (Intercept)  0.0892156331316677 0.219998736804504  0.405527933603304 0.699154003011630
   * ac          -0.7338448704934473 0.535448334196946 -1.370524145142876 0.219584223269110
   * bc          -2.4035833253457364 2.691454341673758 -0.893042578552902 0.406225154774441
   */
  const cells = [0, 0.5, 1].flatMap((a) => [0, 0.1, 0.2].map((b) => ({ values: { a, b } })));
  const n = [40, 50, 60, 45, 55, 65, 50, 60, 70];
  const y = [30, 33, 35, 28, 29, 30, 22, 21, 18];

  it('grouped logistic regression with an interaction matches glm', () => {
    const design = regressionDesign(cells, ['a', 'b'], [['a', 'b']]);
    expect(design.names).toEqual(['(intercept)', 'a', 'b', 'a:b']);
    const fit = multipleLogisticRegression(design.rows, y, n);
    expect(fit.boundaryCells).toBe(0);
    expect(fit.aliased).toEqual([false, false, false, false]);
    const estimates = [0.0729639924977, -1.34276826799, -3.6709707419417, -0.2846659698105];
    const errors = [0.0959122386971, 0.2389326418101, 1.1790655475266, 2.9357574205052];
    estimates.forEach((e, k) => {
      close(fit.coefficients[k]!, e, 1e-9);
    });
    errors.forEach((e, k) => {
      close(fit.standardErrors[k]!, e, 1e-9);
    });
    close(fit.deviance, 0.589237860696, 1e-9);
    expect(fit.residualDf).toBe(5);
  });

  it('the regression test reads the coefficient of on, on G - p degrees of freedom, and the Rao score test matches anova', () => {
    const design = regressionDesign(cells, ['a', 'b']);
    const r = hypothesisTest(
      'regression',
      {
        kind: 'regression',
        design,
        column: 2,
        response: { kind: 'binary', successes: y, trials: n },
      },
      { outcome: 'agreement', on: 'b' },
    );
    close(r.estimate, -3.6822888706828, 1e-9);
    close(r.p, 0.0201355033720755, 1e-8);
    close(r.hi - r.estimate, 2.44691185114497 * 1.1736928186225, 1e-9);
    expect(r.compared).toBe('quasi-binomial logistic over 9 cells, 2 parameters');
    expect(r.estimand).toBe(
      'log odds ratio of agreement per unit of b, 1 other term held fixed (positive: agreement rises with it)',
    );
    const score = logisticScoreTest(design.rows, y, n, 2);
    close(score.z * score.z, 9.96291573394, 1e-9);
    close(score.p, 0.0015972, 1e-4);
    expect(score.z).toBeLessThan(0);
  });

  it('overdispersed cells widen the logistic interval as quasibinomial does', () => {
    const design = regressionDesign(cells, ['a', 'b']);
    const y2 = [30, 22, 41, 20, 38, 22, 31, 18, 30];
    const r = hypothesisTest('regression', {
      kind: 'regression',
      design,
      column: 1,
      response: { kind: 'binary', successes: y2, trials: n },
    });
    close(r.estimate, -0.7338448704934473, 1e-9);
    close(r.hi - r.estimate, 2.44691185114497 * 0.535448334196946, 1e-9);
    close(r.p, 0.21958422326911, 1e-8);
    const fit = multipleLogisticRegression(design.rows, y2, n);
    close(fit.pearson / fit.residualDf, 5.62716667802225, 1e-9);
  });

  /*
   * Separation along a + b: the cells off the diagonal a + b = 2 are all 0 or all n.
   * g <- expand.grid(b = 0:2, a = 0:2); g$s <- c(0, 0, 30, 0, 20, 50, 25, 50, 50); g$n <- 50
   * sep <- glm(cbind(s, n - s) ~ a + b, family = binomial, data = g, control = ctl)
   *   (warning: fitted probabilities numerically 0 or 1 occurred)
   *   a 31.3149331354100 SE 2739707.88262584 p 0.999990880158491   (diverging, as is b)
   * The 3 cells off the boundary (the diagonal, where b = 2 - a: design rank 2) carry 1
   * residual df: inner <- abs(predict(sep)) < 25
   * sum(residuals(sep, "pearson")[inner]^2) / 1 = 3.01010101010101 = phi
   * anova(glm(cbind(s, n - s) ~ b, family = binomial, data = g, control = ctl), sep,
   *       test = "Rao")   # Rao 178.7128715465
   * 2 * pt(-sqrt(178.7128715465 / 3.01010101010101), 1) = 0.0821621981291632
   */
  it('under separation along a combination of columns, every column in it is tested by the score test', () => {
    const grid = [0, 1, 2].flatMap((a) => [0, 1, 2].map((b) => ({ values: { a, b } })));
    const design = regressionDesign(grid, ['a', 'b']);
    const s = [0, 0, 30, 0, 20, 50, 25, 50, 50];
    const trials = s.map(() => 50);
    const fit = multipleLogisticRegression(design.rows, s, trials);
    expect(fit.boundaryCells).toBe(6);
    // the intercept (a and b centred) is fixed by the cell a = b = 1; a and b run off together
    expect(fit.diverged).toEqual([false, true, true]);
    expect(fit.aliased).toEqual([false, false, true]);
    const r = hypothesisTest('regression', {
      kind: 'regression',
      design,
      column: 1,
      response: { kind: 'binary', successes: s, trials },
    });
    expect(r.compared).toBe(
      'quasi-binomial logistic over 9 cells, 2 parameters (separation: 6 cells fitted at 0 or 1), score test',
    );
    expect(r.estimate).toBe(Number.POSITIVE_INFINITY);
    const score = logisticScoreTest(design.rows, s, trials, 1);
    close(score.z * score.z, 178.7128715465, 1e-8);
    close(r.p, 0.0821621981291632, 1e-9);
    expect(fit.interiorDf).toBe(1);
  });

  /*
   * Separation along b alone: b = 0 all 0/100, b = 2 all 100/100, b = 1 10, 45, 50 at
   * a = 0, 1, 2. Only the 3 cells at b = 1 inform a, so the test must be the quasi-binomial
   * fit of those cells (1 residual df), not one on 9 - 3 = 6 df:
   * d <- data.frame(a = c(0, 1, 2), y = c(10, 45, 50), n = 100)
   * summary(glm(cbind(y, n - y) ~ a, family = quasibinomial, data = d))
   *   a 0.949655303173 SE 0.544202556418 p 0.331277587294; dispersion 10.6610250505103
   * (the full binomial fit's SE for a, 0.166671435139, times sqrt(10.6610222759138), the
   * Pearson statistic of its 3 interior cells, is 0.544202584984; p 0.331277601710017)
   */
  it('under separation counts only the cells off the boundary for the dispersion and the df', () => {
    const grid = [0, 1, 2].flatMap((a) => [0, 1, 2].map((b) => ({ values: { a, b } })));
    const design = regressionDesign(grid, ['a', 'b']);
    const s = grid.map(({ values: { a, b } }) => (b === 0 ? 0 : b === 2 ? 100 : [10, 45, 50][a]!));
    const trials = s.map(() => 100);
    const fit = multipleLogisticRegression(design.rows, s, trials);
    expect(fit.boundaryCells).toBe(6);
    expect(fit.interiorDf).toBe(1);
    const r = hypothesisTest('regression', {
      kind: 'regression',
      design,
      column: 1,
      response: { kind: 'binary', successes: s, trials },
    });
    close(r.estimate, 0.949655303173, 1e-8);
    close(r.p, 0.331277601710017, 1e-6);
    close(r.hi - r.estimate, 12.7062047361747 * 0.544202584984007, 1e-6);
  });

  /*
   * set.seed(2026)
   * x1 <- c(0.05, 0.21, 0.33, 0.48, 0.62, 0.79, 0.94)
   * x2 <- c(0.71, 0.12, 0.93, 0.40, 0.58, 0.26, 0.85)
   * n <- c(6, 9, 5, 8, 7, 10, 6); cell <- rep(seq_along(n), n)
   * y <- round(10 + 8 * x1[cell] - 5 * x2[cell] + 6 * x1[cell] * x2[cell] +
   *            rnorm(sum(n), sd = 1 + 3 * x1[cell]))
   * tapply(y, cell, sum); tapply(y^2, cell, sum)
   *   sum    38 91 53 113 106 155 116
   *   sumsq  250 933 575 1653 1630 2493 2296
   * d <- data.frame(y = y, a = x1[cell] - mean(x1), b = x2[cell] - mean(x2))
   * fit <- lm(y ~ a * b, data = d); X <- model.matrix(fit); e <- residuals(fit)
   * B <- solve(crossprod(X)); meat <- 0
   * for (g in unique(cell)) {          # CR3, clustered by cell, on the runs
   *   i <- cell == g; Xg <- X[i, , drop = FALSE]
   *   u <- t(Xg) %*% solve(diag(sum(i)) - Xg %*% B %*% t(Xg), e[i]); meat <- meat + u %*% t(u)
   * }
   * V <- B %*% meat %*% B; df <- length(n) - ncol(X)
   * est <- coef(fit); se <- sqrt(diag(V)); t <- est / se; p <- 2 * pt(-abs(t), df)
   *                          est                se                   t                    p
   * (Intercept) 12.971964689847159  0.895948311493766 14.4784743979479273 0.000714321747799744
   * a           12.510952518655508  4.009755139981708  3.1201288063471577 0.052466278983963339
   * b            0.109911317237147  4.132380403610226  0.0265975797245394 0.980451054060402338
   * a:b          8.214409539539535 15.856826314951510  0.5180361679180475 0.640213890936618846
   * df 3, qt(0.975, 3) = 3.18244630528371
   */
  const lhs = [0.05, 0.21, 0.33, 0.48, 0.62, 0.79, 0.94].map((a, k) => ({
    values: { a, b: [0.71, 0.12, 0.93, 0.4, 0.58, 0.26, 0.85][k]! },
  }));
  const runs = [6, 9, 5, 8, 7, 10, 6];
  const sum = [38, 91, 53, 113, 106, 155, 116];
  const sumsq = [250, 933, 575, 1653, 1630, 2493, 2296];

  it('least squares from per-cell sums with errors clustered by cell matches CR3 on the runs', () => {
    const design = regressionDesign(lhs, ['a', 'b'], [['a', 'b']]);
    const fit = weightedLeastSquares(design.rows, runs, sum);
    const estimates = [12.971964689847, 12.510952518656, 0.109911317237, 8.21440953954];
    const errors = [0.895948311493766, 4.009755139981708, 4.132380403610226, 15.85682631495151];
    estimates.forEach((e, k) => {
      close(fit.coefficients[k]!, e, 1e-10);
    });
    errors.forEach((e, k) => {
      close(fit.standardErrors[k]!, e, 1e-10);
    });
    expect(fit.residualDf).toBe(3);
    const r = hypothesisTest(
      'regression',
      {
        kind: 'regression',
        design,
        column: 1,
        response: { kind: 'mean', n: runs, sum, sumOfSquares: sumsq },
      },
      { outcome: 'rounds', on: 'a' },
    );
    close(r.p, 0.052466278983963339, 1e-8);
    close(r.hi - r.estimate, 3.18244630528371 * 4.009755139981708, 1e-10);
    expect(r.compared).toBe('least squares (CR3 by cell) over 7 cells, 2 parameters with a x b');
  });
});

describe('the one-parameter tests against R', () => {
  it('welch matches t.test', () => {
    /*
     * x <- c(3.1, 4.7, 2.2, 5.9, 4.4, 3.8, 6.1, 2.9); z <- c(1.2, 2.8, 0.7, 3.3, 1.9, 2.4)
     * t.test(x, z): t 3.27106215667, df 11.9748963095, p 0.00670714253652,
     *               95% CI 0.69671948648 3.47828051352 (sums 33.1, 12.3; sumsq 150.77, 30.03)
     */
    const r = hypothesisTest(
      'welch',
      { kind: 'mean', x: [1, 0], n: [8, 6], sum: [33.1, 12.3], sumOfSquares: [150.77, 30.03] },
      { outcome: 'gain_B', on: 'q' },
    );
    close(r.p, 0.00670714253652, 1e-8);
    close(r.lo, 0.69671948648, 1e-9);
    close(r.hi, 3.47828051352, 1e-9);
    expect(r.compared).toBe('highest vs lowest of 2 levels');
    const x = [3.1, 4.7, 2.2, 5.9, 4.4, 3.8, 6.1, 2.9];
    const z = [1.2, 2.8, 0.7, 3.3, 1.9, 2.4];
    const mean = (v: number[]) => v.reduce((s, e) => s + e, 0) / v.length;
    const variance = (v: number[]) =>
      v.reduce((s, e) => s + (e - mean(v)) ** 2, 0) / (v.length - 1);
    const t = welchT(8, mean(x), variance(x), 6, mean(z), variance(z));
    close(t.t, 3.27106215667, 1e-10);
    close(t.df, 11.9748963095, 1e-10);
  });

  it('trend matches prop.trend.test, and logistic matches glm', () => {
    /*
     * s <- c(12, 19, 25, 31); m <- rep(100, 4); sc <- c(0, 1, 2, 4)
     * prop.trend.test(s, m, sc): X-squared 11.1507368178, p 0.00083998303373
     * summary(glm(cbind(s, m - s) ~ sc, family = binomial))$coefficients
     *                    Estimate      Std. Error        z value          Pr(>|z|)
     * (Intercept) -1.792867781175 0.2086463070753 -8.59285652503 8.48334406284e-18
     * sc           0.267866781065 0.0812979621116  3.29487694534 9.84647873581e-04
     */
    const scores = [0, 1, 2, 4];
    const s = [12, 19, 25, 31];
    const m = [100, 100, 100, 100];
    const trend = cochranArmitage(scores, s, m);
    close(trend.chiSquare, 11.1507368178, 1e-10);
    close(trend.pTwoSided, 0.00083998303373, 1e-8);
    const fit = logisticRegression(scores, s, m);
    close(fit.intercept, -1.792867781175, 1e-9);
    close(fit.slope, 0.267866781065, 1e-9);
    close(fit.slopeSE, 0.0812979621116, 1e-9);
    close(fit.p, 9.84647873581e-4, 1e-8);
    // the multi-factor fit with one parameter is the same model
    const design = regressionDesign(
      scores.map((v) => ({ values: { sc: v } })),
      ['sc'],
    );
    const multi = multipleLogisticRegression(design.rows, s, m);
    close(multi.coefficients[1]!, 0.267866781065, 1e-9);
    close(multi.standardErrors[1]!, 0.0812979621116, 1e-9);
  });

  it('mcnemar matches mcnemar.test and binom.test', () => {
    /*
     * mcnemar.test(matrix(c(50, 31, 14, 40), 2), correct = FALSE):
     *   McNemar's chi-squared 6.42222222222, p 0.0112701048493
     * binom.test(3, 15, 0.5)$p.value: 0.03515625
     */
    const chi = mcnemar(31, 14, { exact: false });
    close(chi.chiSquare, 6.42222222222, 1e-10);
    close(chi.p, 0.0112701048493, 1e-9);
    close(mcnemar(3, 12).p, 0.03515625, 1e-12);
  });
});
