import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { margin } from '../../src/model/margin.ts';
import { fromUniform } from '../../src/model/random.ts';
import { chamberPasses, chamberYesShares, ratifies } from '../../src/model/vote.ts';
import { makeProfile } from './makeProfile.ts';

describe('chamberPasses', () => {
  it('needs share >= quota and > 1/2: a tie never passes', () => {
    expect(chamberPasses(2 / 3, 2 / 3)).toBe(true);
    expect(chamberPasses(0.5, 0.5)).toBe(false);
    expect(chamberPasses(0.5, 0.4)).toBe(false);
    expect(chamberPasses(0.6, 0.5)).toBe(true);
    expect(chamberPasses(0.99, 1)).toBe(false);
  });
});

describe('ratifies (expected vote)', () => {
  it('median voter: ideal points 0.1, 0.3, 0.7 and q = 0 ratify [0, 0.6]', () => {
    const p = makeProfile({ ideal: [0.1, 0.3, 0.7], reversion: 0 });
    expect(ratifies(p, 0.5)).toBe(true);
    expect(ratifies(p, 0)).toBe(true);
    expect(ratifies(p, 0.7)).toBe(false);
    expect(ratifies(p, -0.1)).toBe(false);
  });

  it('one chamber in one dimension: the share of weight whose margin() is >= 0, bit for bit', () => {
    // 41 constituents with lognormal-like weights, kappa, good will, payments, underselling;
    // agreements at the roots 2v - q (margins of rounding size), at q and in between
    const rng = seedrandom.alea('shares');
    const ideal = Array.from({ length: 41 }, () => rng());
    const weight = ideal.map(() => 0.5 + rng());
    const kappa = ideal.map(() => (rng() < 0.5 ? 0 : 0.02 * (rng() - 0.5)));
    const payments = Float64Array.from(ideal, () => (rng() < 0.7 ? 0 : 0.01 * rng()));
    const members = Array.from({ length: 41 }, (_, j) => j).filter((j) => j % 5 !== 0);
    const p = makeProfile({ ideal, weight, kappa, reversion: 0.1, goodWill: 0.001 });
    p.chambers = [{ members: Int32Array.from(members), quota: 0.5 }];
    const points = [0.1, 0.3, ...ideal.map((v) => 2 * v - 0.1)];
    for (const lambda of [1, 0.6]) {
      for (const pay of [null, payments]) {
        for (const x of points) {
          let total = 0;
          let yes = 0;
          for (const j of members) {
            total += weight[j]!;
            if (margin(p, j, x, lambda, pay === null ? 0 : pay[j]!) >= 0) yes += weight[j]!;
          }
          const share = chamberYesShares(p, x, { lambda, payments: pay }, new Float64Array(1));
          expect(share[0]).toBe(yes / total);
        }
      }
    }
  });

  it('an indifferent constituent votes yes (closed win-sets)', () => {
    // ideal 0.25, q = 0: accepts [0, 0.5] with both ends
    const p = makeProfile({ ideal: [0.25], reversion: 0 });
    expect(ratifies(p, 0.5)).toBe(true);
    expect(ratifies(p, 0.5000001)).toBe(false);
  });

  it('weights, quotas and several chambers', () => {
    // sincere yes at x = 0.2: constituents 0 and 1 (ideal 0.1, 0.25), not 2 (ideal 0.05)
    const p = makeProfile({ ideal: [0.1, 0.25, 0.05], reversion: 0, weight: [1, 1, 3] });
    expect(ratifies(p, 0.2)).toBe(false); // 2 of 5
    p.weight[2] = 1;
    expect(ratifies(p, 0.2)).toBe(true); // 2 of 3
    p.chambers[0]!.quota = 0.75;
    expect(ratifies(p, 0.2)).toBe(false);
    const two = makeProfile({
      ideal: [0.1, 0.25, 0.05],
      reversion: 0,
      chambers: [
        { members: [0, 1], quota: 0.5 },
        { members: [2], quota: 0.5 },
      ],
    });
    expect(chamberYesShares(two, 0.2, {}, new Float64Array(2))).toEqual(Float64Array.of(1, 0));
    expect(ratifies(two, 0.2)).toBe(false);
    expect(ratifies(two, 0.1)).toBe(true);
  });

  it('party discipline: yes weight d line + (1 - d) sincere', () => {
    // x = 0.2, q = 0: members 0 and 1 (ideal 0.1, 0.15) accept; 2, 3, 4 (ideal 0.05) do not.
    // Party 0 = {0, 1, 2}: its line is yes (2 of 3). Members 3 and 4 have no party.
    const spec = {
      ideal: [0.1, 0.15, 0.05, 0.05, 0.05],
      reversion: 0,
      party: [0, 0, 0, -1, -1],
    };
    const shares = new Float64Array(1);
    // d = 0: 2/5; d = 1: 3/5; d = 1/2: (0 + 0.5 * 2 + 0.5 * 3) / 5 = 1/2, a tie
    expect(chamberYesShares(makeProfile({ ...spec, discipline: 0 }), 0.2, {}, shares)[0]).toBe(0.4);
    expect(chamberYesShares(makeProfile({ ...spec, discipline: 1 }), 0.2, {}, shares)[0]).toBe(0.6);
    expect(chamberYesShares(makeProfile({ ...spec, discipline: 0.5 }), 0.2, {}, shares)[0]).toBe(
      0.5,
    );
    expect(ratifies(makeProfile({ ...spec, discipline: 1 }), 0.2)).toBe(true);
    expect(ratifies(makeProfile({ ...spec, discipline: 0.5 }), 0.2)).toBe(false);
  });

  it('side payments and underselling move the margins', () => {
    const p = makeProfile({ ideal: [0.25], reversion: 0 });
    // x = 0.6: margin 0.0625 - 0.1225 = -0.06; a payment of 0.06 makes it 0
    expect(ratifies(p, 0.6)).toBe(false);
    expect(ratifies(p, 0.6, { payments: Float64Array.of(0.06) })).toBe(true);
    // lambda 1/2 at x = 0.4: 0.03125 - 0.0225 > 0, at x = 0.45: 0.03125 - 0.04 < 0
    expect(ratifies(p, 0.4, { lambda: 0.5 })).toBe(true);
    expect(ratifies(p, 0.45, { lambda: 0.5 })).toBe(false);
  });
});

describe('ratifies (noisy vote)', () => {
  it('with tau > 0 a constituent votes yes with probability 1 / (1 + exp(-Delta / tau))', () => {
    // ideal 0.25, q = 0, x = 0.3: Delta = 0.0625 - 0.0025 = 0.06; tau = 0.05
    const p = makeProfile({ ideal: [0.25], reversion: 0, tau: 0.05 });
    const expected = 1 / (1 + Math.exp(-0.06 / 0.05));
    const rng = fromUniform(seedrandom.alea('noise'));
    const N = 20_000;
    let yes = 0;
    for (let t = 0; t < N; t++) if (ratifies(p, 0.3, { rng })) yes++;
    const se = Math.sqrt((expected * (1 - expected)) / N);
    expect(Math.abs(yes / N - expected)).toBeLessThan(4 * se);
    // without an rng the vote is the expected one: yes, since Delta >= 0
    expect(ratifies(p, 0.3)).toBe(true);
  });

  it('with discipline d a party member votes the line with probability d', () => {
    // member 0 (ideal 0.05) is against x = 0.2, members 1 and 2 are for: the line is yes.
    // Chamber = {0} alone, so it passes iff member 0 votes the line: probability d = 0.3.
    const p = makeProfile({
      ideal: [0.05, 0.1, 0.15],
      reversion: 0,
      party: [0, 0, 0],
      discipline: 0.3,
      chambers: [{ members: [0], quota: 0.5 }],
    });
    const rng = fromUniform(seedrandom.alea('discipline'));
    const N = 20_000;
    let yes = 0;
    for (let t = 0; t < N; t++) if (ratifies(p, 0.2, { rng })) yes++;
    expect(Math.abs(yes / N - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / N));
  });
});
