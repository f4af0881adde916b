import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { morrisSensitivity, readMorris, writeMorris } from '../../src/analysis/morris.ts';
import { morrisMeasures } from '../../src/analysis/morrisMeasures.ts';
import { readResults } from '../../src/analysis/readResults.ts';
import { readSensitivity } from '../../src/analysis/sensitivity.ts';
import { morrisTrajectories } from '../../src/engine/designs/morris.ts';
import { designSeed } from '../../src/engine/seeds.ts';
import { writeSyntheticResults } from './syntheticResults.ts';

const QUOTA = 'countries.B.ratification.quota';
const FOREIGN = 'countries.A.negotiator.beliefs.sigmaForeign';
const OWN = 'countries.A.negotiator.beliefs.sigmaOwn';
const PARTICLES = 'countries.A.negotiator.beliefs.particles';

/** Four parameters: two linear ranges, a log range and an integer one. */
const PARAMETERS = [
  { path: QUOTA, range: [0.5, 1] as [number, number] },
  { path: FOREIGN, range: [0, 0.3] as [number, number] },
  { path: OWN, range: [0.01, 0.3] as [number, number], scale: 'log' as const },
  { path: PARTICLES, range: [1, 8] as [number, number], integer: true },
];

function experiment(trajectories: number, seed: number, candidates?: number) {
  return {
    name: 'synthetic-morris',
    parameters: PARAMETERS,
    design: {
      kind: 'morris' as const,
      trajectories,
      levels: 4,
      ...(candidates && { candidates }),
    },
    replications: 2,
    seed,
  };
}

/** Each parameter's unit coordinate: the fraction of its range (of its log range for sigmaOwn). */
function units(values: Record<string, unknown>) {
  const v = (p: string) => values[p] as number;
  return [
    (v(QUOTA) - 0.5) / 0.5,
    v(FOREIGN) / 0.3,
    Math.log(v(OWN) / 0.01) / Math.log(0.3 / 0.01),
    (v(PARTICLES) - 1) / 7,
  ];
}

/** Sobol's G function with a = (0, 1, 4.5, 9). */
const G = (x: number[]) =>
  x.reduce(
    (p, xi, i) => (p * (Math.abs(4 * xi - 2) + [0, 1, 4.5, 9][i]!)) / (1 + [0, 1, 4.5, 9][i]!),
    1,
  );

describe('morris measures', () => {
  it('gives each coefficient exactly for a linear function: mu = mu* = a_i, sigma = 0', () => {
    const a = [2, -3, 0.5, 0];
    const effects = Float64Array.from({ length: 10 * 4 }, (_, j) => a[j % 4]!);
    const measures = morrisMeasures(effects, 4, undefined, { resamples: 200 });
    measures.forEach((m, i) => {
      expect(m.mu).toBe(a[i]);
      expect(m.mu_star).toBe(Math.abs(a[i]!));
      expect(m.sigma).toBe(0);
      expect([m.mu_lo, m.mu_hi, m.mu_star_lo, m.mu_star_hi]).toEqual([
        a[i],
        a[i],
        Math.abs(a[i]!),
        Math.abs(a[i]!),
      ]);
      expect([m.sigma_lo, m.sigma_hi]).toEqual([0, 0]);
      expect(m.noise_sd).toBeNaN();
    });
  });

  it('bootstraps whole trajectories, seeded: same seed same intervals, and they hold the estimate', () => {
    const random = seedrandom.alea('effects');
    const effects = Float64Array.from({ length: 30 * 3 }, () => random() * 4 - 1);
    const one = morrisMeasures(effects, 3, undefined, { seed: 's' });
    expect(morrisMeasures(effects, 3, undefined, { seed: 's' })).toEqual(one);
    expect(morrisMeasures(effects, 3, undefined, { seed: 't' })).not.toEqual(one);
    for (const m of one) {
      expect(m.mu_lo).toBeLessThan(m.mu);
      expect(m.mu_hi).toBeGreaterThan(m.mu);
      expect(m.mu_star_lo).toBeLessThan(m.mu_star);
      expect(m.mu_star_hi).toBeGreaterThan(m.mu_star);
      expect(m.sigma_lo).toBeLessThan(m.sigma);
      expect(m.sigma_hi).toBeGreaterThan(m.sigma);
      // Uniform on [-1, 3] over 30 trajectories: mu 1 +- 2 sd / sqrt(30) ~ 0.42, sigma ~ 1.15.
      expect(Math.abs(m.mu - 1)).toBeLessThan(0.7);
      expect(m.mu_hi - m.mu_lo).toBeGreaterThan(0.5);
      expect(m.mu_hi - m.mu_lo).toBeLessThan(1.2);
    }
    expect(() => morrisMeasures(Float64Array.of(1, 2), 2)).toThrow(/r >= 2/);
  });

  it('a linear model through a results folder: EE_i = a_i (hi - lo), log and integer ranges included', () => {
    const a = [0.8, -2, 0.25, 0.1];
    const dir = writeSyntheticResults(experiment(8, 3), (values, record) => {
      const v = (p: string) => values[p] as number;
      record.winSetSize[0] =
        a[0]! * v(QUOTA) + a[1]! * v(FOREIGN) + a[2]! * Math.log(v(OWN)) + a[3]! * v(PARTICLES);
    });
    const result = morrisSensitivity(readResults(dir), { outputs: ['winset_A'], resamples: 100 });
    const expected = [0.8 * 0.5, -2 * 0.3, 0.25 * Math.log(30), 0.1 * 7];
    result.outputs[0]!.measures.forEach((m, i) => {
      expect(m.mu).toBeCloseTo(expected[i]!, 12);
      expect(m.mu_star).toBeCloseTo(Math.abs(expected[i]!), 12);
      expect(m.sigma).toBeLessThan(1e-12);
      expect(m.noise_sd).toBe(0);
    });
    expect(result.cells).toBeLessThanOrEqual(8 * 5);
  });

  it("matches an independent base-R computation on Sobol's G function (same code path as games)", () => {
    // The trajectories of this design (seed 1991), as grid levels of (quota, sigmaForeign,
    // sigmaOwn, particles), pinned here and fed to R:
    const dir = writeSyntheticResults(experiment(6, 1991), (values, record) => {
      record.winSetSize[0] = G(units(values));
    });
    const results = readResults(dir);
    const trajectories = morrisTrajectories(
      PARAMETERS,
      { kind: 'morris', trajectories: 6, levels: 4 },
      seedrandom.alea(designSeed(1991)),
    );
    expect(
      trajectories.map((t) =>
        Array.from({ length: 5 }, (_, s) => t.levels.slice(s * 4, s * 4 + 4).join('')).join(' '),
      ),
    ).toEqual([
      '3202 1202 1200 1220 1020',
      '1011 3011 3211 3231 3233',
      '1021 1001 1003 3003 3203',
      '0002 2002 2022 2020 2220',
      '3013 1013 1033 1031 1231',
      '3201 1201 1203 1223 1023',
    ]);
    // R 4.2.2 (/usr/bin/Rscript), elementary effects in base R, written independently:
    // tr <- c("3202 1202 1200 1220 1020", "1011 3011 3211 3231 3233", "1021 1001 1003 3003 3203",
    //         "0002 2002 2022 2020 2220", "3013 1013 1033 1031 1231", "3201 1201 1203 1223 1023")
    // lo <- c(0.5, 0, 0.01, 1); hi <- c(1, 0.3, 0.3, 8); a <- c(0, 1, 4.5, 9)
    // value <- function(l) {            # grid level (0..3) to parameter value
    //   u <- l / 3
    //   c(lo[1] + u[1] * (hi[1] - lo[1]), lo[2] + u[2] * (hi[2] - lo[2]),
    //     lo[3] * (hi[3] / lo[3])^u[3], round(lo[4] + u[4] * (hi[4] - lo[4])))
    // }
    // unit <- function(v) c((v[1:2] - lo[1:2]) / (hi[1:2] - lo[1:2]),
    //                       log(v[3] / lo[3]) / log(hi[3] / lo[3]), (v[4] - lo[4]) / (hi[4] - lo[4]))
    // G <- function(x) prod((abs(4 * x - 2) + a) / (1 + a))
    // EE <- matrix(NA, length(tr), 4)
    // for (t in seq_along(tr)) {
    //   pts <- lapply(strsplit(tr[t], " ")[[1]], function(s) value(as.numeric(strsplit(s, "")[[1]])))
    //   for (s in 2:5) {
    //     x0 <- unit(pts[[s - 1]]); x1 <- unit(pts[[s]]); i <- which(x0 != x1)
    //     EE[t, i] <- (G(x1) - G(x0)) / (x1[i] - x0[i])
    //   }
    // }
    // for (i in 1:4) cat(sprintf("%.15g", c(mean(EE[, i]), mean(abs(EE[, i])), sd(EE[, i]))), "\n")
    // prints (mu, mu*, sigma per parameter):
    // 1.69437229437229 2.85930735930736 2.64818533917094
    // -1.21587301587302 1.21587301587302 0.818104640686865
    // -0.0273208273208275 0.35978835978836 0.416686316426444
    // 0.0905050505050506 0.175622895622896 0.182398714054362
    const R = [
      [1.69437229437229, 2.85930735930736, 2.64818533917094],
      [-1.21587301587302, 1.21587301587302, 0.818104640686865],
      [-0.0273208273208275, 0.35978835978836, 0.416686316426444],
      [0.0905050505050506, 0.175622895622896, 0.182398714054362],
    ];
    const result = morrisSensitivity(results, { outputs: ['winset_A'], resamples: 200 });
    result.outputs[0]!.measures.forEach((m, i) => {
      expect(m.mu).toBeCloseTo(R[i]![0]!, 12);
      expect(m.mu_star).toBeCloseTo(R[i]![1]!, 12);
      expect(m.sigma).toBeCloseTo(R[i]![2]!, 12);
      expect(m.mu_star_lo).toBeLessThanOrEqual(m.mu_star);
      expect(m.mu_star_hi).toBeGreaterThanOrEqual(m.mu_star);
    });
    // mu* ranks the parameters as G's a does (the smaller a_i, the more important).
    const muStar = result.outputs[0]!.measures.map((m) => m.mu_star);
    expect([...muStar].sort((x, y) => y - x)).toEqual(muStar);
  });

  it('says how noisy one effect is: two runs at f -+ c give noise sd sqrt(2) c / step', () => {
    const c = 0.01;
    let call = 0;
    const dir = writeSyntheticResults(experiment(5, 4), (values, record) => {
      record.winSetSize[0] = units(values)[0]! + (call++ % 2 === 0 ? c : -c);
    });
    const result = morrisSensitivity(readResults(dir), { outputs: ['winset_A'], resamples: 50 });
    const steps = [2 / 3, 2 / 3, 2 / 3, 5 / 7]; // the integer range's rounded steps are 5/7
    result.outputs[0]!.measures.forEach((m, i) => {
      expect(m.noise_sd).toBeCloseTo((Math.SQRT2 * c) / steps[i]!, 12);
    });
    expect(result.outputs[0]!.measures[0]!.mu).toBeCloseTo(1, 12);
  });

  it('writes sensitivity.csv/.md/.json that the report reads back, and skips an output it cannot analyse', () => {
    const dir = writeSyntheticResults(experiment(4, 8, 12), (values, record, random) => {
      record.outcome = random() < units(values)[0]! ? 'agreement' : 'no_agreement';
    });
    const result = morrisSensitivity(readResults(dir), {
      outputs: ['agreement', 'ratification_failure'],
      resamples: 50,
    });
    expect(result.candidates).toBe(12);
    expect(result.outputs[0]!.skipped).toBeUndefined();
    expect(result.outputs[1]!.skipped).toMatch(/^cell \d+ has no trials$/);
    const written = writeMorris(dir, result);
    expect(written.map((f) => f.slice(dir.length + 1))).toEqual([
      'sensitivity.csv',
      'sensitivity.md',
      'sensitivity.json',
    ]);
    const csv = readFileSync(join(dir, 'sensitivity.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe(
      'output,kind,parameter,mu,mu_lo,mu_hi,mu_star,mu_star_lo,mu_star_hi,sigma,sigma_lo,sigma_hi,noise_sd,trajectories',
    );
    expect(csv).toHaveLength(1 + 4 + 1);
    expect(csv[1]!.startsWith(`agreement,rate,${QUOTA},`)).toBe(true);
    expect(readMorris(dir)).toEqual(result);
    expect(readSensitivity(dir)).toBeUndefined();
    expect(readFileSync(join(dir, 'sensitivity.md'), 'utf8')).toMatch(
      /^# Sensitivity \(Morris elementary effects\)\n\nMorris design: r = 4 trajectories chosen from 12 random candidates/,
    );
  });

  it('does not estimate the noise of an effect under common random numbers', () => {
    const dir = writeSyntheticResults(
      { ...experiment(3, 2), crn: true },
      (values, record, random) => {
        record.outcome = random() < units(values)[0]! ? 'agreement' : 'no_agreement';
      },
    );
    const result = morrisSensitivity(readResults(dir), { outputs: ['agreement'], resamples: 20 });
    expect(result.note).toBe('under common random numbers the cells share their replication noise');
    for (const m of result.outputs[0]!.measures) expect(m.noise_sd).toBeNaN();
  });

  it('refuses a design that is not morris', () => {
    const dir = writeSyntheticResults(
      { ...experiment(2, 1), design: { kind: 'lhs', cells: 10 } },
      () => {},
    );
    expect(() => morrisSensitivity(readResults(dir))).toThrow(
      /Morris measures need a 'morris' design .* this sweep used 'lhs'/,
    );
  });
});
