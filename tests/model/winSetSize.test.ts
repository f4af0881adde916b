import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { drawProfile } from '../../src/model/profile.ts';
import { fromUniform } from '../../src/model/random.ts';
import { createIntervals, type Intervals, winSet } from '../../src/model/winSet.ts';
import { overlapSize, winSetContains, winSetSize } from '../../src/model/winSetSize.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { makeProfile } from './makeProfile.ts';

function bytes(iv: Intervals) {
  return Buffer.concat([
    Buffer.from(iv.lo.buffer, 0, iv.count * 8),
    Buffer.from(iv.hi.buffer, 0, iv.count * 8),
  ]);
}

describe('winSetSize and overlapSize', () => {
  it('one dimension: exact lengths', () => {
    const p = makeProfile({ ideal: [0.1, 0.3, 0.7], reversion: 0 });
    expect(winSetSize(p, [0, 1])).toBeCloseTo(0.6, 15);
    expect(winSetSize(p, [0.5, 1])).toBeCloseTo(0.1, 15);
    const q = makeProfile({ ideal: [0.5, 0.6, 0.9], reversion: 1 });
    // W_q = [2 * 0.6 - 1, 1] = [0.2, 1]; overlap [0.2, 0.6]
    expect(overlapSize([p, q], [0, 1])).toBeCloseTo(0.4, 15);
    // options per country: underselling only in the second, lambda = 1/2 on q:
    // v = 0.6 accepts |x - 0.6|^2 <= 0.08, x >= 0.6 - 0.2828
    expect(overlapSize([p, q], [0, 1], [{}, { lambda: 0.5 }])).toBeCloseTo(
      0.6 - (0.6 - Math.sqrt(0.08)),
      12,
    );
  });

  it('winSetContains is the expected vote', () => {
    const p = makeProfile({ ideal: [0.1, 0.3, 0.7], reversion: 0, tau: 1 });
    expect(winSetContains(p, 0.6)).toBe(true);
    expect(winSetContains(p, 0.61)).toBe(false);
  });

  it('D = 2 counts the Sobol points inside the box', () => {
    // a constituent with kappa so large it accepts the whole box: size 1 of [0, 1]^2, 4 of [0, 2]^2
    const p = makeProfile({ D: 2, ideal: [0.5, 0.5], reversion: [0.5, 0.5], kappa: 10 });
    expect(winSetSize(p, [0, 1])).toBe(1);
    expect(winSetSize(p, [0, 2], { points: 256 })).toBe(4);
  });
});

describe('reproducibility', () => {
  it('the same scenario and seed give the same win-sets bit for bit', () => {
    const scenario = parseScenario({
      countries: [
        {
          constituents: {
            count: 501,
            kappa: { kind: 'normal', mean: 0.01, sd: 0.02 },
            weights: { kind: 'lognormal' },
          },
          ratification: { parties: { kind: 'ideology', count: 3 }, discipline: 0.4 },
        },
        { reversion: { kind: 'uniform', lo: 0.5, hi: 1 } },
      ],
    });
    for (const i of [0, 1]) {
      const one = winSet(
        drawProfile(scenario, i, fromUniform(seedrandom.alea('s'))),
        [0, 1],
        {},
        createIntervals(),
      );
      const two = winSet(
        drawProfile(scenario, i, fromUniform(seedrandom.alea('s'))),
        [0, 1],
        {},
        createIntervals(),
      );
      expect(one.count).toBeGreaterThan(0);
      expect(bytes(one).equals(bytes(two))).toBe(true);
    }
  });
});
