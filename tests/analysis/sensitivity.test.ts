import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResults } from '../../src/analysis/readResults.ts';
import { readSensitivity, sensitivity, writeSensitivity } from '../../src/analysis/sensitivity.ts';
import { writeSyntheticResults } from './syntheticResults.ts';

const QUOTA = 'countries.B.ratification.quota';
const FOREIGN = 'countries.A.negotiator.beliefs.sigmaForeign';
const OWN = 'countries.A.negotiator.beliefs.sigmaOwn';

/** A saltelli experiment over three scenario parameters, each mapped to [-pi, pi] by the model. */
function experiment(replications: number, baseCells: number, crn = false) {
  return {
    name: 'synthetic-saltelli',
    parameters: [
      { path: QUOTA, range: [0.5, 1] as [number, number] },
      { path: FOREIGN, range: [0, 0.3] as [number, number] },
      { path: OWN, range: [0, 0.3] as [number, number] },
    ],
    design: { kind: 'saltelli' as const, baseCells },
    replications,
    seed: 7,
    crn,
  };
}

const toPi = (v: number, lo: number, hi: number) => -Math.PI + (2 * Math.PI * (v - lo)) / (hi - lo);

describe('sensitivity', () => {
  it('gives the Ishigami indices when the cells come from the Ishigami function (same code path as games)', () => {
    const dir = writeSyntheticResults(experiment(2, 1024), (values, record) => {
      const x1 = toPi(values[QUOTA] as number, 0.5, 1);
      const x2 = toPi(values[FOREIGN] as number, 0, 0.3);
      const x3 = toPi(values[OWN] as number, 0, 0.3);
      record.winSetSize[0] = Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
    });
    const result = sensitivity(readResults(dir), { outputs: ['winset_A'], resamples: 500 });
    const [output] = result.outputs;
    // Two equal runs per cell: no replication noise, so corrected = uncorrected.
    expect(output!.noiseShare).toBe(0);
    expect(output!.corrected).toBe(true);
    const S1 = [0.3139, 0.4424, 0];
    const ST = [0.5576, 0.4424, 0.2437];
    output!.indices.forEach((p, i) => {
      expect(p.S1_lo).toBeLessThanOrEqual(S1[i]!);
      expect(p.S1_hi).toBeGreaterThanOrEqual(S1[i]!);
      expect(p.ST_lo).toBeLessThanOrEqual(ST[i]!);
      expect(p.ST_hi).toBeGreaterThanOrEqual(ST[i]!);
      expect(p.S1).toBe(output!.uncorrected[i]!.S1);
    });
    const written = writeSensitivity(dir, result);
    expect(written.map((f) => f.slice(dir.length + 1))).toEqual([
      'sensitivity.csv',
      'sensitivity.md',
      'sensitivity.json',
    ]);
    const csv = readFileSync(join(dir, 'sensitivity.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe(
      'output,kind,parameter,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi,corrected,S1_uncorrected,S1_uncorrected_lo,S1_uncorrected_hi,ST_uncorrected,ST_uncorrected_lo,ST_uncorrected_hi,variance,noise_share',
    );
    expect(csv[1]!.startsWith(`winset_A,mean,${QUOTA},`)).toBe(true);
    expect(readSensitivity(dir)).toEqual(result);
  });

  it('skips outputs it cannot analyse and says why', () => {
    // Tentative agreements only where the quota is below 0.75.
    const dir = writeSyntheticResults(experiment(20, 8), (values, record, random) => {
      const open = (values[QUOTA] as number) < 0.75;
      record.outcome = open && random() < 0.5 ? 'agreement' : 'no_agreement';
    });
    const result = sensitivity(readResults(dir), {
      outputs: ['agreement', 'voluntary_defection', 'ratification_failure', 'gain_A'],
      resamples: 50,
    });
    const reasons = result.outputs.map((o) => o.skipped);
    expect(reasons[0]).toBeUndefined();
    expect(reasons[1]).toBe('constant over all cells');
    expect(reasons[2]).toMatch(/^cell \d+ has no trials$/);
    expect(reasons[3]).toMatch(/^cell \d+ has no run counted$/);
  });

  it('reports uncorrected indices under common random numbers', () => {
    const dir = writeSyntheticResults(experiment(20, 8, true), (values, record, random) => {
      record.outcome = random() < (values[QUOTA] as number) ? 'agreement' : 'no_agreement';
    });
    const result = sensitivity(readResults(dir), { outputs: ['agreement'], resamples: 50 });
    expect(result.note).toMatch(/common random numbers/);
    expect(result.outputs[0]!.corrected).toBe(false);
    expect(result.outputs[0]!.indices).toEqual(result.outputs[0]!.uncorrected);
  });

  it('refuses a design that is not saltelli, and an unknown output', () => {
    const dir = writeSyntheticResults(
      { ...experiment(2, 4), design: { kind: 'lhs', cells: 10 } },
      () => {},
    );
    expect(() => sensitivity(readResults(dir))).toThrow(
      /Sobol indices need a 'saltelli' design .* this sweep used 'lhs'/,
    );
    const salt = writeSyntheticResults(experiment(2, 4), () => {});
    expect(() => sensitivity(readResults(salt), { outputs: ['involuntary_defectoin'] })).toThrow(
      /--outcome: 'involuntary_defectoin' is not an outcome rate or metric of this sweep; valid: agreement, .* Did you mean 'involuntary_defection'\?/,
    );
  });
});
