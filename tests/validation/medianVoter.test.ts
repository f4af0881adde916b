import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { drawProfile, medianConstituent } from '../../src/model/profile.ts';
import { fromUniform } from '../../src/model/random.ts';
import { createIntervals, intervalsSize, winSet } from '../../src/model/winSet.ts';
import { parseScenario } from '../../src/scenario/parse.ts';

/*
 * MODEL.md section 2: 1-D spatial, equal weights, kappa = 0, odd M, simple majority:
 * W = [q, 2m - q] (or [2m - q, q]) with m the median ideal point; |W| = 2 |m - q|.
 */

function medianVoterWinSet(values: number[], q: number) {
  const scenario = parseScenario({
    space: { lo: -5, hi: 5 },
    countries: [{ reversion: q, constituents: { idealPoints: { kind: 'explicit', values } } }, {}],
  });
  const p = drawProfile(scenario, 0, fromUniform(seedrandom.alea('median voter')));
  const m = medianConstituent(p, new Float64Array(1))[0]!;
  return { m, w: winSet(p, [-5, 5], {}, createIntervals()) };
}

describe('median-voter win-set (exact)', () => {
  it.each([
    [[0.1, 0.3, 0.7], 0],
    [[0.2, 0.5, 0.6, 0.8, 0.95], 0.9],
    [[0.4], 0.1],
    [[0.9, 0.1, 0.35, 0.62, 0.48, 0.77, 0.05], 1],
    [[0.25, 0.5, 0.75], 0.5],
  ])('ideal points %j, q = %d', (values, q) => {
    const { m, w } = medianVoterWinSet(values, q);
    expect(w.count).toBe(1);
    expect([w.lo[0], w.hi[0]]).toEqual([Math.min(q, 2 * m - q), Math.max(q, 2 * m - q)]);
    expect(intervalsSize(w)).toBeCloseTo(2 * Math.abs(m - q), 14);
  });

  it('for 200 random profiles of odd size up to 101', () => {
    const rng = seedrandom.alea('random median voters');
    for (let t = 0; t < 200; t++) {
      const M = 2 * Math.floor(rng() * 51) + 1;
      const values = Array.from({ length: M }, () => rng());
      const q = rng();
      const { m, w } = medianVoterWinSet(values, q);
      expect(m).toBe([...values].sort((a, b) => a - b)[(M - 1) / 2]);
      expect([w.count, w.lo[0], w.hi[0]]).toEqual([
        1,
        Math.min(q, 2 * m - q),
        Math.max(q, 2 * m - q),
      ]);
    }
  });
});
