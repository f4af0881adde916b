import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { sobolIndices } from '../../src/analysis/sobolIndices.ts';
import { designCells } from '../../src/engine/designs/index.ts';

/** Ishigami and Homma (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1 on [-pi, pi]^3. */
function ishigami(x1: number, x2: number, x3: number, a = 7, b = 0.1) {
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
}

/** The Ishigami function's indices in closed form (Sobol' and Levitan 1999; Saltelli et al. 2008, 4.6). */
function ishigamiIndices(a = 7, b = 0.1) {
  const pi4 = Math.PI ** 4;
  const V1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const V2 = a ** 2 / 8;
  const V13 = b ** 2 * Math.PI ** 8 * (1 / 18 - 1 / 50);
  const V = V1 + V2 + V13;
  return { S1: [V1 / V, V2 / V, 0], ST: [(V1 + V13) / V, V2 / V, V13 / V] };
}

/** Sobol's G function: prod (|4 x_i - 2| + a_i) / (1 + a_i) on [0, 1]^k, and its indices. */
function gIndices(a: readonly number[]) {
  const Vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const V = Vi.reduce((p, v) => p * (1 + v), 1) - 1;
  return {
    S1: Vi.map((v) => v / V),
    ST: Vi.map((v, i) => (v * Vi.reduce((p, w, j) => (j === i ? p : p * (1 + w)), 1)) / V),
  };
}

/** Outputs of a model at every cell of a Saltelli design over `k` parameters x1..xk. */
function saltelliOutputs(
  k: number,
  range: [number, number],
  baseCells: number,
  model: (x: number[]) => number,
) {
  const parameters = Array.from({ length: k }, (_, i) => ({ path: `x${i + 1}`, range }));
  const cells = designCells(parameters, { kind: 'saltelli', baseCells }, 'sensitivity-test');
  expect(cells).toHaveLength(baseCells * (k + 2));
  return Float64Array.from(cells, (c) => model(parameters.map((p) => c.values[p.path] as number)));
}

describe('sobolIndices', () => {
  it('matches an independent base-R computation of the same estimators on Ishigami', () => {
    // R 4.2.2 (/usr/bin/Rscript), the estimators written out independently in base R:
    //   N <- 1000; k <- 3
    //   alpha <- sqrt(c(2, 3, 5, 7, 11, 13))
    //   U <- outer(1:N, alpha, function(j, a) (j * a) %% 1)
    //   A <- -pi + 2 * pi * U[, 1:3]; B <- -pi + 2 * pi * U[, 4:6]
    //   f <- function(X) sin(X[, 1]) + 7 * sin(X[, 2])^2 + 0.1 * X[, 3]^4 * sin(X[, 1])
    //   f0 <- mean(c(f(A), f(B))); g <- function(X) f(X) - f0
    //   fA <- g(A); fB <- g(B)
    //   V <- mean(c(fA, fB)^2)
    //   S1 <- ST <- numeric(k)
    //   for (i in 1:k) {
    //     ABi <- A; ABi[, i] <- B[, i]; fAB <- g(ABi)
    //     S1[i] <- mean(fB * (fAB - fA)) / V
    //     ST[i] <- mean((fA - fAB)^2) / 2 / V
    //   }
    //   print(sprintf("%.15g", V)); print(sprintf("%.15g", S1)); print(sprintf("%.15g", ST))
    // [1] "13.9780459219914"
    // [1] "0.29491222304052"    "0.45374903662107"    "0.00367198714228097"
    // [1] "0.505373584276487" "0.437014049172316" "0.245448935166936"
    const N = 1000;
    const k = 3;
    const alpha = [2, 3, 5, 7, 11, 13].map(Math.sqrt);
    const u = (j: number, d: number) => {
      const x = j * alpha[d]!;
      return -Math.PI + 2 * Math.PI * (x - Math.floor(x));
    };
    const y = new Float64Array(N * (k + 2));
    for (let j = 0; j < N; j++) {
      const A = [0, 1, 2].map((d) => u(j + 1, d));
      const B = [3, 4, 5].map((d) => u(j + 1, d));
      const f = (x: number[]) => ishigami(x[0]!, x[1]!, x[2]!);
      y[j * (k + 2)] = f(A);
      for (let i = 0; i < k; i++)
        y[j * (k + 2) + 1 + i] = f(A.map((a, d) => (d === i ? B[d]! : a)));
      y[j * (k + 2) + k + 1] = f(B);
    }
    const result = sobolIndices(y, k, undefined, { resamples: 10 });
    expect(result.variance).toBeCloseTo(13.9780459219914, 10);
    const S1 = [0.29491222304052, 0.45374903662107, 0.00367198714228097];
    const ST = [0.505373584276487, 0.437014049172316, 0.245448935166936];
    result.uncorrected.forEach((p, i) => {
      expect(p.S1).toBeCloseTo(S1[i]!, 11);
      expect(p.ST).toBeCloseTo(ST[i]!, 11);
    });
    expect(result.noiseShare).toBeNaN();
    expect(result.corrected[0]!.S1).toBeNaN();
  });

  it('recovers the Ishigami indices (a = 7, b = 0.1) inside the bootstrap intervals', () => {
    const exact = ishigamiIndices();
    // The published values (Saltelli et al. 2008, table 4.2, rounded to 4 places).
    expect(exact.S1.map((s) => Number(s.toFixed(4)))).toEqual([0.3139, 0.4424, 0]);
    expect(exact.ST.map((s) => Number(s.toFixed(4)))).toEqual([0.5576, 0.4424, 0.2437]);
    const y = saltelliOutputs(3, [-Math.PI, Math.PI], 4096, (x) => ishigami(x[0]!, x[1]!, x[2]!));
    const { uncorrected } = sobolIndices(y, 3);
    uncorrected.forEach((p, i) => {
      expect(p.S1_lo).toBeLessThanOrEqual(exact.S1[i]!);
      expect(p.S1_hi).toBeGreaterThanOrEqual(exact.S1[i]!);
      expect(p.ST_lo).toBeLessThanOrEqual(exact.ST[i]!);
      expect(p.ST_hi).toBeGreaterThanOrEqual(exact.ST[i]!);
      // With N = 4096 the intervals are a few hundredths wide.
      expect(p.S1_hi - p.S1_lo).toBeLessThan(0.1);
      expect(p.ST_hi - p.ST_lo).toBeLessThan(0.1);
    });
  });

  it("recovers Sobol's G function indices (a = 0, 1, 4.5, 9, 99, 99) inside the bootstrap intervals", () => {
    const a = [0, 1, 4.5, 9, 99, 99];
    const exact = gIndices(a);
    const y = saltelliOutputs(6, [0, 1], 4096, (x) =>
      x.reduce((p, xi, i) => (p * (Math.abs(4 * xi - 2) + a[i]!)) / (1 + a[i]!), 1),
    );
    const { uncorrected } = sobolIndices(y, 6);
    uncorrected.forEach((p, i) => {
      expect(p.S1_lo).toBeLessThanOrEqual(exact.S1[i]!);
      expect(p.S1_hi).toBeGreaterThanOrEqual(exact.S1[i]!);
      expect(p.ST_lo).toBeLessThanOrEqual(exact.ST[i]!);
      expect(p.ST_hi).toBeGreaterThanOrEqual(exact.ST[i]!);
    });
    expect(exact.S1[0]).toBeCloseTo(0.7163, 4);
  });

  it('gives the same intervals for the same seed and others for another', () => {
    const y = saltelliOutputs(3, [-Math.PI, Math.PI], 256, (x) => ishigami(x[0]!, x[1]!, x[2]!));
    const one = sobolIndices(y, 3, undefined, { resamples: 200, seed: 's' });
    const two = sobolIndices(y, 3, undefined, { resamples: 200, seed: 's' });
    const other = sobolIndices(y, 3, undefined, { resamples: 200, seed: 't' });
    expect(two).toEqual(one);
    expect(other.uncorrected[0]!.S1_lo).not.toBe(one.uncorrected[0]!.S1_lo);
    expect(other.uncorrected[0]!.S1).toBe(one.uncorrected[0]!.S1);
  });

  it('removes replication noise: corrected indices stay put from 50 to 400 replications, uncorrected ones drift', () => {
    // A rate p(x) = 0.2 + 0.3 x1 + 0.2 x2^2 on [0, 1]^3, each cell estimated from R Bernoulli
    // runs. Var p = 0.09/12 + 0.04 (1/5 - 1/9) = 0.011056: S1 = (0.678, 0.322, 0), ST the same.
    // The noise p(1 - p)/R averages ~0.0044 at R = 50 (a share of ~28%) and ~0.00055 at 400.
    const V1 = 0.09 / 12;
    const V2 = 0.04 * (1 / 5 - 1 / 9);
    const exact = [V1 / (V1 + V2), V2 / (V1 + V2), 0];
    const parameters = [1, 2, 3].map((i) => ({ path: `x${i}`, range: [0, 1] as [number, number] }));
    const cells = designCells(parameters, { kind: 'saltelli', baseCells: 1024 }, 'noise');
    const indices = (R: number) => {
      const random = seedrandom.alea(`runs-${R}`);
      const y = new Float64Array(cells.length);
      const noise = new Float64Array(cells.length);
      cells.forEach((cell, c) => {
        const x = parameters.map((p) => cell.values[p.path] as number);
        const p = 0.2 + 0.3 * x[0]! + 0.2 * x[1]! ** 2;
        let successes = 0;
        for (let r = 0; r < R; r++) if (random() < p) successes++;
        const rate = successes / R;
        y[c] = rate;
        noise[c] = (rate * (1 - rate)) / (R - 1);
      });
      return sobolIndices(y, 3, noise, { resamples: 300 });
    };
    const few = indices(50);
    const many = indices(400);
    expect(few.noiseShare).toBeGreaterThan(0.2);
    expect(few.noiseShare).toBeLessThan(0.36);
    expect(many.noiseShare).toBeLessThan(0.07);
    for (let i = 0; i < 3; i++) {
      const [a, b] = [few.corrected[i]!, many.corrected[i]!];
      // Corrected: each inside the other's bootstrap interval, and near the exact value.
      expect(b.S1).toBeGreaterThan(a.S1_lo);
      expect(b.S1).toBeLessThan(a.S1_hi);
      expect(b.ST).toBeGreaterThan(a.ST_lo);
      expect(b.ST).toBeLessThan(a.ST_hi);
      expect(Math.abs(a.ST - exact[i]!)).toBeLessThan(0.06);
      expect(Math.abs(b.ST - exact[i]!)).toBeLessThan(0.04);
    }
    // Uncorrected: x1's first-order index is pulled down by ~28% at R = 50 ...
    expect(many.uncorrected[0]!.S1 - few.uncorrected[0]!.S1).toBeGreaterThan(0.1);
    // ... and the inert x3 gets a total index of about the noise share.
    expect(few.uncorrected[2]!.ST).toBeGreaterThan(0.2);
    expect(few.uncorrected[2]!.ST_lo).toBeGreaterThan(many.uncorrected[2]!.ST_hi);
  });
});
