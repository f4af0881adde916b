import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { discover, readDiscovery, writeDiscovery } from '../../src/analysis/discovery.ts';
import { pastePrimBox, prim } from '../../src/analysis/prim.ts';
import { readResults } from '../../src/analysis/readResults.ts';
import { writeSyntheticResults } from './syntheticResults.ts';

/** The known box of the synthetic case: [0.2, 0.5] x [0.6, 0.9] x [0, 1]. */
const inBox = (a: number, b: number) => a >= 0.2 && a <= 0.5 && b >= 0.6 && b <= 0.9;

/**
 * Tolerance on each recovered bound. With n = 2,000 uniform points about 180 fall in the box
 * (volume 0.09); a peel removes 5% of the box, so near the end one peel moves a bound by
 * about 0.05 x its width (0.015), and the nearest case point to a true bound is ~0.3/180
 * inside it. 0.02 allows one peel too many plus that gap.
 */
const TOLERANCE = 0.02;

describe('prim', () => {
  it('recovers a known box from 2,000 uniform points in [0, 1]^3', () => {
    const random = seedrandom.alea('prim-known-box');
    const n = 2000;
    const x = [0, 1, 2].map(() => Float64Array.from({ length: n }, () => random()));
    const y = Float64Array.from({ length: n }, (_, i) => (inBox(x[0]![i]!, x[1]![i]!) ? 1 : 0));
    const { trajectory, limits } = prim(x, y);
    expect(trajectory[0]).toEqual(limits);
    expect(trajectory[0]!.coverage).toBe(1);
    // Every peel keeps at least 5% of the points and never lowers the density below the start.
    for (const box of trajectory) expect(box.support).toBeGreaterThanOrEqual(0.05);
    const densest = trajectory.findIndex((b) => b.density === 1);
    const box = pastePrimBox(x, y, trajectory[densest]!);
    expect(box.density).toBe(1);
    expect(box.coverage).toBeGreaterThan(0.9);
    const error = [box.lo[0]! - 0.2, box.lo[1]! - 0.6, box.hi[0]! - 0.5, box.hi[1]! - 0.9];
    expect(Math.max(...error.map(Math.abs))).toBeLessThan(TOLERANCE);
    // The third dimension is left at the sample's range.
    expect(box.lo[2]).toBe(limits.lo[2]);
    expect(box.hi[2]).toBe(limits.hi[2]);
  });

  it('peels exactly as an independent base-R implementation of the same rules', () => {
    // R 4.2.2 (/usr/bin/Rscript):
    // # Base-R PRIM peeling (Friedman and Fisher 1999), written independently of the TypeScript:
    // # peel alpha 0.05 (at least one point, ties with the last removed go too), min support 0.05,
    // # best mean, ties: fewer removed, then lower dimension, lower side first.
    // n <- 500; alpha <- 0.05; minSupport <- 0.05
    // a <- sqrt(c(2, 3, 5))
    // X <- outer(1:n, a, function(j, s) (j * s) %% 1)
    // y <- as.numeric(X[, 1] >= 0.2 & X[, 1] <= 0.5 & X[, 2] >= 0.6 & X[, 2] <= 0.9)
    // inbox <- rep(TRUE, n); lo <- apply(X, 2, min); hi <- apply(X, 2, max)
    // out <- c()
    // repeat {
    //   m <- max(1, floor(alpha * sum(inbox)))
    //   best <- NULL
    //   for (d in 1:3) for (low in c(TRUE, FALSE)) {
    //     v <- sort(X[inbox, d])
    //     edge <- if (low) v[m] else v[length(v) - m + 1]
    //     kept <- inbox & (if (low) X[, d] > edge else X[, d] < edge)
    //     if (sum(kept) == 0 || sum(kept) / n < minSupport) next
    //     mu <- mean(y[kept]); removed <- sum(inbox) - sum(kept)
    //     if (is.null(best) || mu > best$mu || (mu == best$mu && removed < best$removed))
    //       best <- list(mu = mu, removed = removed, kept = kept, d = d, low = low)
    //   }
    //   if (is.null(best)) break
    //   inbox <- best$kept
    //   if (best$low) lo[best$d] <- min(X[inbox, best$d]) else hi[best$d] <- max(X[inbox, best$d])
    //   out <- rbind(out, c(sum(inbox), sum(y[inbox]) / sum(y), mean(y[inbox]), lo, hi))
    // }
    // cat(nrow(out), "peels\n")
    // for (i in c(1, 10, 30, nrow(out))) cat(i, sprintf("%.15g", out[i, ]), "\n")
    // prints: 68 peels
    // 1 475 1 0.103157894736842 0.0529573173852214 0.00239233993352173 0.000733137435872777 0.999133448222778 0.998618781895345 0.99762751742071
    // 10 304 1 0.161184210526316 0.183766184073569 0.00239233993352173 0.000733137435872777 0.790980646509752 0.998618781895345 0.99762751742071
    // 30 115 1 0.426086956521739 0.212336883819262 0.210235533030598 0.000733137435872777 0.499566724111389 0.998618781895345 0.99762751742071
    // 68 25 0.510204081632653 1 0.345237791560692 0.601159160339193 0.000733137435872777 0.499566724111389 0.893501015380025 0.99762751742071
    const n = 500;
    const x = [2, 3, 5].map((p) =>
      Float64Array.from({ length: n }, (_, j) => {
        const v = (j + 1) * Math.sqrt(p);
        return v - Math.floor(v);
      }),
    );
    const y = Float64Array.from({ length: n }, (_, i) => (inBox(x[0]![i]!, x[1]![i]!) ? 1 : 0));
    const { trajectory } = prim(x, y);
    expect(trajectory).toHaveLength(69);
    const R: Record<number, number[]> = {
      1: [
        475, 1, 0.103157894736842, 0.0529573173852214, 0.00239233993352173, 0.000733137435872777,
        0.999133448222778, 0.998618781895345, 0.99762751742071,
      ],
      10: [
        304, 1, 0.161184210526316, 0.183766184073569, 0.00239233993352173, 0.000733137435872777,
        0.790980646509752, 0.998618781895345, 0.99762751742071,
      ],
      30: [
        115, 1, 0.426086956521739, 0.212336883819262, 0.210235533030598, 0.000733137435872777,
        0.499566724111389, 0.998618781895345, 0.99762751742071,
      ],
      68: [
        25, 0.510204081632653, 1, 0.345237791560692, 0.601159160339193, 0.000733137435872777,
        0.499566724111389, 0.893501015380025, 0.99762751742071,
      ],
    };
    for (const [step, row] of Object.entries(R)) {
      const box = trajectory[Number(step)]!;
      const got = [box.count, box.coverage, box.density, ...box.lo, ...box.hi];
      for (const [i, v] of got.entries()) expect(v).toBeCloseTo(row[i]!, 13);
    }
  });

  it('pastes back what a peel cut off when the mean allows it', () => {
    // 1-D: cases on [0, 0.5) of 100 points; a box peeled to [0, 0.3] pastes back to [0, 0.49].
    const x = [Float64Array.from({ length: 100 }, (_, i) => i / 100)];
    const y = Float64Array.from({ length: 100 }, (_, i) => (i < 50 ? 1 : 0));
    const box = pastePrimBox(x, y, {
      lo: [0],
      hi: [0.3],
      count: 31,
      coverage: 0.62,
      density: 1,
      support: 0.31,
    });
    expect(box.hi[0]).toBe(0.49);
    expect(box.density).toBe(1);
    expect(box.coverage).toBe(1);
  });
});

describe('discover', () => {
  it('recovers the known box from a sweep whose cells are the synthetic case (same code path as games)', () => {
    const A = 'countries.A.negotiator.beliefs.sigmaForeign';
    const B = 'countries.A.negotiator.beliefs.sigmaOwn';
    const C = 'countries.B.ratification.quota';
    const dir = writeSyntheticResults(
      {
        name: 'known-box',
        parameters: [
          { path: A, range: [0, 1] },
          { path: B, range: [0, 1] },
          { path: C, range: [0.001, 1] },
        ],
        design: { kind: 'random', cells: 2000 },
        replications: 1,
        seed: 3,
      },
      (values, record) => {
        const inside = inBox(values[A] as number, values[B] as number);
        record.outcome = inside ? 'involuntary_defection' : 'agreement';
      },
    );
    const result = discover(readResults(dir), {
      output: 'involuntary_defection',
      direction: 'above',
      threshold: 0.2,
    });
    expect(result.cells).toBe(2000);
    expect(result.box.density).toBe(1);
    expect(result.box.coverage).toBeGreaterThan(0.9);
    expect(result.restrictions.map((r) => r.parameter)).toEqual([A, B]);
    const [a, b] = result.restrictions;
    expect(Math.abs(a!.lo - 0.2)).toBeLessThan(TOLERANCE);
    expect(Math.abs(a!.hi - 0.5)).toBeLessThan(TOLERANCE);
    expect(Math.abs(b!.lo - 0.6)).toBeLessThan(TOLERANCE);
    expect(Math.abs(b!.hi - 0.9)).toBeLessThan(TOLERANCE);
    // Without either restriction the box would hold many non-cases.
    expect(a!.densityWithout).toBeLessThan(0.5);
    expect(b!.densityWithout).toBeLessThan(0.5);
    writeDiscovery(dir, result);
    expect(readDiscovery(dir)).toEqual(result);
    expect(() =>
      discover(readResults(dir), { output: 'agreement', direction: 'below', threshold: 0 }),
    ).toThrow(/no cell has agreement < 0 \(the 2000 cells range from 0.00 to 1.00\)/);
    expect(() =>
      discover(
        readResults(dir),
        { output: 'agreement', direction: 'above', threshold: 0.5 },
        { peelAlpha: 2 },
      ),
    ).toThrow('--peel-alpha: expected a number between 0 and 1, got 2');
  });
});
