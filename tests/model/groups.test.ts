import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createIntervals, intervalsSize } from '../../src/model/intervals.ts';
import { margin } from '../../src/model/margin.ts';
import { drawProfile } from '../../src/model/profile.ts';
import { fromUniform } from '../../src/model/random.ts';
import { issueProfile, singleIssueOverlap } from '../../src/model/singleIssue.ts';
import { ratifies } from '../../src/model/vote.ts';
import { winSet } from '../../src/model/winSet.ts';
import { overlapSize } from '../../src/model/winSetSize.ts';
import { meanSalience } from '../../src/negotiation/levelII.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { groupSizes } from '../../src/scenario/schema.ts';

import { makeProfile } from './makeProfile.ts';

const rng = () => fromUniform(seedrandom.alea('groups'));

describe('groupSize: counts, or shares by largest remainder', () => {
  it('shares 0.6 and 0.4 of 101: floors 60 and 40, the one left to the larger remainder', () => {
    // 0.6 * 101 = 60.6 and 0.4 * 101 = 40.4: floors 60 + 40 = 100, remainders 0.6 > 0.4
    expect(groupSizes(101, [{ share: 0.6 }, { share: 0.4 }])).toEqual([61, 40]);
  });

  it('three thirds of 10: 3 each, the one left to the first (equal remainders)', () => {
    expect(groupSizes(10, [{ share: 1 / 3 }, { share: 1 / 3 }, { share: 1 / 3 }])).toEqual([
      4, 3, 3,
    ]);
  });

  it('shares 0.285 and 0.715 of 100: remainders 0.5 and 0.5 tie despite float noise, the one left to the earlier', () => {
    // exactly 28.5 and 71.5: floors 28 + 71 = 99, one left, equal remainders: to group 0.
    // In floats 0.285 * 100 = 28.499999999999996 < 71.5 - 71, which without the tolerance gave [28, 72]
    expect(groupSizes(100, [{ share: 0.285 }, { share: 0.715 }])).toEqual([29, 71]);
  });

  it('10^5 groups by share parse and draw: sizes by largest remainder, in linear-log time', () => {
    // G = 10^5 groups of M = 250,000: shares 3/(4G) for the first half, 5/(4G) for the second
    // (sum 1): share M = 1.875 and 3.125, floors 1 and 3 (sum 2 * 50,000 = 200,000), 50,000 left;
    // remainders 0.875 > 0.125, so each of the first half gets one more: 2 and 3 members.
    // The quadratic method took hours here.
    const G = 100_000;
    const M = 250_000;
    const groups = Array.from({ length: G }, (_, g) => ({ share: (g < G / 2 ? 3 : 5) / (4 * G) }));
    const sizes = groupSizes(M, groups);
    expect(sizes[0]).toBe(2);
    expect(sizes[G / 2 - 1]).toBe(2);
    expect(sizes[G / 2]).toBe(3);
    expect(sizes[G - 1]).toBe(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(M);
    const scenario = parseScenario({
      countries: [
        {
          constituents: {
            count: M,
            groups: groups.map((g, t) => (t === G - 1 ? { ...g, salience: 2 } : g)),
          },
        },
        {},
      ],
    });
    const p = drawProfile(scenario, 0, rng());
    // the last group's 3 members are the last constituents, salience 2; the one before, 1
    expect([p.salience[M - 4], p.salience[M - 3], p.salience[M - 1]]).toEqual([1, 2, 2]);
  });

  it('counts as given', () => {
    expect(groupSizes(5, [{ count: 2 }, { count: 3 }])).toEqual([2, 3]);
  });
});

describe('drawProfile with interest groups', () => {
  const scenario = parseScenario({
    space: { D: 2 },
    countries: [
      {
        reversion: [0, 0],
        constituents: {
          salience: [1, 2],
          groups: [
            {
              name: 'industry',
              count: 2,
              idealPoints: { kind: 'explicit', values: [[0.6, -0.1], 0.5] },
              salience: [1, 0.5],
            },
            { name: 'consumers', count: 1, idealPoints: { kind: 'explicit', values: [[0, 0.4]] } },
          ],
        },
      },
      {},
    ],
  });

  it('counts the groups, draws each from its own generator and gives it its salience', () => {
    expect(scenario.countries[0]!.constituents.count).toBe(3);
    const p = drawProfile(scenario, 0, rng());
    expect(Array.from(p.ideal)).toEqual([0.6, -0.1, 0.5, 0.5, 0, 0.4]);
    // the consumers have no salience of their own: the country's (1, 2)
    expect(Array.from(p.salience)).toEqual([1, 0.5, 1, 0.5, 1, 2]);
  });

  it('weighs each loss with its constituent salience', () => {
    const p = drawProfile(scenario, 0, rng());
    // constituent 0, v = (0.6, -0.1), s = (1, 0.5), x = (0.3, 0.3):
    // L(q) = 0.36 + 0.5 * 0.01 = 0.365; L(x) = 0.09 + 0.5 * 0.16 = 0.17; margin 0.195
    expect(margin(p, 0, [0.3, 0.3])).toBeCloseTo(0.195, 15);
    // constituent 2, v = (0, 0.4), s = (1, 2): L(q) = 0.32, L(x) = 0.09 + 0.02 = 0.11; 0.21
    expect(margin(p, 2, [0.3, 0.3])).toBeCloseTo(0.21, 15);
  });

  it('the median constituent gets the weighted mean salience', () => {
    const p = drawProfile(scenario, 0, rng());
    const out = new Float64Array(2);
    meanSalience(p, out, 0);
    // (1 + 1 + 1) / 3 = 1 and (0.5 + 0.5 + 2) / 3 = 1
    expect(out[0]).toBe(1);
    expect(out[1]).toBeCloseTo(1, 15);
  });

  it('without groups every constituent has the country salience, the draws unchanged', () => {
    const plain = parseScenario({ countries: [{ constituents: { salience: 3 } }, {}] });
    const one = parseScenario({
      countries: [{ constituents: { salience: 3, groups: [{ share: 1 }] } }, {}],
    });
    const p = drawProfile(plain, 0, rng());
    expect(Array.from(p.salience)).toEqual(new Array(101).fill(3));
    // one group of everyone with the country's generator draws the same ideal points
    expect(Array.from(drawProfile(one, 0, rng()).ideal)).toEqual(Array.from(p.ideal));
  });
});

describe('one-dimensional win-sets with constituent saliences', () => {
  it('salience 4 and kappa 0.01 shrink the pivotal ball to 0.3 + sqrt(0.0925)', () => {
    // v = 0.2, 0.3, 0.9 with s = 1, 4, 1, kappa 0.01, q = 0, majority (2 of 3):
    // radii sqrt(0.04 + 0.01), sqrt((4 * 0.09 + 0.01) / 4) = sqrt(0.0925), sqrt(0.82);
    // constituents 1 and 2 accept up to 0.3 + 0.304138 = 0.604138, so W = [0, 0.604138]
    // (with s = 1 for constituent 1 it would be 0.3 + sqrt(0.1) = 0.616228)
    const p = makeProfile({ ideal: [0.2, 0.3, 0.9], salience: [1, 4, 1], kappa: 0.01 });
    const w = winSet(p, [0, 1], {}, createIntervals());
    expect(w.count).toBe(1);
    expect(w.lo[0]).toBe(0);
    expect(w.hi[0]).toBeCloseTo(0.3 + Math.sqrt(0.0925), 12);
    expect(ratifies(p, w.hi[0]!, {})).toBe(true);
    expect(ratifies(p, w.hi[0]! + 1e-9, {})).toBe(false);
  });
});

describe('issueProfile: issue d of every constituent, ideal point and salience', () => {
  // Three constituents, q = (0, 0), kappa 0.01, majority (2 of 3). Issue 0: v = 0.7, 0.1, 0.1
  // with s = 1: radii sqrt(0.49 + 0.01), sqrt(0.02), sqrt(0.02), so constituents 1 and 2 accept
  // up to 0.1 + sqrt(0.02) = 0.241421. Issue 1: v = 0.2, 0.3, 0.9 with s = 1, 4, 1: constituent
  // 1 accepts |x - 0.3| <= sqrt((4 * 0.09 + 0.01) / 4) = sqrt(0.0925), so W = [0, 0.604138]
  // (with issue 0's salience 1 for constituent 1 it would be 0.3 + sqrt(0.1) = 0.616228).
  const p = makeProfile({
    D: 2,
    ideal: [0.7, 0.2, 0.1, 0.3, 0.1, 0.9],
    salience: [1, 1, 1, 4, 1, 1],
    reversion: [0, 0],
    kappa: 0.01,
  });

  it('issue 1 has its own win-set, from its ideal points and saliences', () => {
    const w0 = winSet(issueProfile(p, 0), [0, 1], {}, createIntervals());
    const w1 = winSet(issueProfile(p, 1), [0, 1], {}, createIntervals());
    expect([w0.count, w0.lo[0]]).toEqual([1, 0]);
    expect(w0.hi[0]).toBeCloseTo(0.1 + Math.sqrt(0.02), 12);
    expect([w1.count, w1.lo[0]]).toEqual([1, 0]);
    expect(w1.hi[0]).toBeCloseTo(0.3 + Math.sqrt(0.0925), 12);
    expect(w1.hi[0]).toBeCloseTo(0.604138, 6);
  });
});

describe('meanSalience weighs constituents', () => {
  it('weights (1, 3), saliences (0.5, 2): (0.5 + 3 * 2) / 4 = 1.625', () => {
    // unweighted it would be 1.25
    const out = new Float64Array(1);
    meanSalience(makeProfile({ ideal: [0, 0], weight: [1, 3], salience: [0.5, 2] }), out, 0);
    expect(out[0]).toBe(1.625);
  });
});

describe("groups without a generator read the country's explicit values by constituent", () => {
  it('values [0.1, 0.2, 0.3], groups of 1 and 2: the second group holds 0.2 and 0.3', () => {
    // indexed from the group's first member it would read values 0 and 1: 0.1, 0.2
    const s = parseScenario({
      countries: [
        {
          constituents: {
            idealPoints: { kind: 'explicit', values: [0.1, 0.2, 0.3] },
            groups: [{ count: 1 }, { count: 2, salience: 2 }],
          },
        },
        {},
      ],
    });
    const p = drawProfile(s, 0, rng());
    expect(Array.from(p.ideal)).toEqual([0.1, 0.2, 0.3]);
    expect(Array.from(p.salience)).toEqual([1, 2, 2]);
  });
});

describe('synergistic linkage: a package overlap where no single issue has one', () => {
  // US: one constituent v = (0.5, -0.1), salience (1, s); Germany: v = (-0.1, 0.5), (1, 1);
  // q = (0, 0). Margins: US x1 (1 - x1) - s x2 (x2 + 0.2), Germany x2 (1 - x2) - x1 (x1 + 0.2).
  const countries = (s: number) => [
    makeProfile({ D: 2, ideal: [0.5, -0.1], reversion: [0, 0], salience: [1, s] }),
    makeProfile({ D: 2, ideal: [-0.1, 0.5], reversion: [0, 0] }),
  ];

  it('on each issue alone one country accepts only the reversion', () => {
    // issue 0 alone (x2 = 0): Germany's margin -x1 (x1 + 0.2) < 0 for x1 > 0, W = {0};
    // issue 1 alone: the US's -s x2 (x2 + 0.2) < 0 for x2 > 0. Both overlaps are [0, 0].
    for (const d of [0, 1]) {
      const overlap = singleIssueOverlap(countries(1), d, [0, 1]);
      expect(intervalsSize(overlap)).toBe(0);
      expect([overlap.lo[0], overlap.hi[0]]).toEqual([0, 0]);
    }
    // the US alone on issue 0: x1 (1 - x1) >= 0 on [0, 1], whatever its salience on issue 1
    const us = issueProfile(countries(100)[0]!, 0);
    expect(intervalsSize(winSet(us, [0, 1], {}, createIntervals()))).toBe(1);
  });

  it('the package (0.3, 0.3) passes in both with s = 1 and fails in the US with s = 2', () => {
    // US: 0.3 * 0.7 - s 0.3 * 0.5 = 0.21 - 0.15 s; Germany: 0.3 * 0.7 - 0.3 * 0.5 = 0.06
    const [us1, germany] = countries(1);
    expect(margin(us1!, 0, [0.3, 0.3])).toBeCloseTo(0.06, 15);
    expect(margin(germany!, 0, [0.3, 0.3])).toBeCloseTo(0.06, 15);
    expect(margin(countries(2)[0]!, 0, [0.3, 0.3])).toBeCloseTo(-0.09, 15);
  });

  it('the package overlap closes when the US intensity s reaches 25', () => {
    // Near q the US accepts x2 / x1 < 0.5 / (0.1 s) = 5 / s, Germany x2 / x1 > 0.1 / 0.5 = 0.2:
    // a wedge of packages iff 5 / s > 0.2, s < 25 (two ellipses through q with one tangent
    // line at s = 25 lie on either side of it). At s = 20 the package x = (0.01, 0.00225),
    // slope 0.225 inside (0.2, 0.25), passes: US 0.0099 - 20 * 0.00225 * 0.20225 = 0.00080,
    // Germany 0.00225 * 0.99775 - 0.01 * 0.21 = 0.000145.
    const [us20, germany] = countries(20);
    expect(margin(us20!, 0, [0.01, 0.00225])).toBeCloseTo(0.0099 - 20 * 0.00225 * 0.20225, 15);
    expect(margin(germany!, 0, [0.01, 0.00225])).toBeCloseTo(0.00225 * 0.99775 - 0.0021, 15);
    expect(ratifies(us20!, [0.01, 0.00225], {}) && ratifies(germany!, [0.01, 0.00225], {})).toBe(
      true,
    );
    // At s = 30 only q itself is in both: of the 4096 Sobol points of the size estimate, the
    // first, (0, 0), is q (every margin 0 there, an indifferent vote is yes): 1 / 4096.
    expect(overlapSize(countries(30), [0, 1])).toBe(1 / 4096);
    // at s = 1 many more: the overlap has area
    expect(overlapSize(countries(1), [0, 1])).toBeGreaterThan(0.05);
  });
});
