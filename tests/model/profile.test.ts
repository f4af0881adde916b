import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  copyProfile,
  drawProfile,
  medianConstituent,
  shiftedCopy,
} from '../../src/model/profile.ts';
import { fromUniform } from '../../src/model/random.ts';
import { shiftLevelII } from '../../src/negotiation/shiftLevelII.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { makeProfile } from './makeProfile.ts';

describe('drawProfile', () => {
  it('takes explicit ideal points, reversion, chambers and parties from the scenario', () => {
    const s = parseScenario({
      countries: [
        {
          reversion: 0.9,
          constituents: { idealPoints: { kind: 'explicit', values: [0.2, 0.5, 0.9, 0.1] } },
          ratification: {
            chambers: [{ members: { from: 1, to: 3 }, quota: 0.6 }, { members: [0, 3] }],
            parties: { kind: 'ideology', count: 2 },
            discipline: 0.5,
          },
        },
        {},
      ],
    });
    const p = drawProfile(s, 0, fromUniform(seedrandom.alea('1')));
    expect(p.M).toBe(4);
    expect(Array.from(p.ideal)).toEqual([0.2, 0.5, 0.9, 0.1]);
    expect(Array.from(p.reversion)).toEqual([0.9]);
    expect(p.chambers.map((c) => [Array.from(c.members), c.quota])).toEqual([
      [[1, 2], 0.6],
      [[0, 3], 0.5],
    ]);
    // ranks by ideal point: 0.1 (j=3), 0.2 (j=0) in party 0; 0.5, 0.9 in party 1
    expect(Array.from(p.party)).toEqual([0, 1, 1, 0]);
    expect(p.parties).toBe(2);
    expect(p.discipline).toBe(0.5);
  });

  it('divide form: reservations; country 1 is side 1 with reversion 1 (its share 0)', () => {
    const s = parseScenario({
      form: 'divide',
      countries: [{}, { constituents: { reservations: { kind: 'explicit', values: [0.3] } } }],
    });
    const b = drawProfile(s, 1, fromUniform(seedrandom.alea('1')));
    expect([b.side, b.M, b.reservation[0], b.reversion[0]]).toEqual([1, 1, 0.3, 1]);
    const a = drawProfile(s, 0, fromUniform(seedrandom.alea('1')));
    expect([a.side, a.M, a.reversion[0]]).toEqual([0, 101, 0]);
  });

  it('draws into a target: the same values as a fresh draw, in the target arrays', () => {
    const s = parseScenario({
      countries: [
        {
          constituents: { count: 7, weights: { kind: 'lognormal' } },
          ratification: { chambers: [{ members: { from: 0, to: 4 } }, { members: [1, 5, 6] }] },
        },
        { constituents: { count: 5 }, ratification: { parties: { kind: 'ideology' } } },
      ],
    });
    const target = drawProfile(s, 0, fromUniform(seedrandom.alea('first')));
    const { ideal, weight, chambers } = target;
    const members = chambers[1]!.members;
    const into = drawProfile(s, 0, fromUniform(seedrandom.alea('second')), target);
    expect(into).toBe(target);
    expect(into.ideal).toBe(ideal);
    expect(into.weight).toBe(weight);
    expect(into.chambers).toBe(chambers);
    expect(into.chambers[1]!.members).toBe(members);
    expect(into).toEqual(drawProfile(s, 0, fromUniform(seedrandom.alea('second'))));
    // another country (5 constituents, one chamber of all, parties) into the same target
    const other = drawProfile(s, 1, fromUniform(seedrandom.alea('third')), target);
    expect(other).toEqual(drawProfile(s, 1, fromUniform(seedrandom.alea('third'))));
    expect(Array.from(other.chambers[0]!.members)).toEqual([0, 1, 2, 3, 4]);
  });

  it('redraw: a profile drawn again for its country equals a fresh draw, whatever moved since', () => {
    const countries = [
      { constituents: { count: 7, weights: { kind: 'lognormal' } } },
      {
        reversion: 1,
        constituents: {
          count: 6,
          kappa: { kind: 'constant', value: 0.05 },
          weights: { kind: 'constant', value: 2 },
          groups: [
            { share: 0.5, salience: 3, idealPoints: { kind: 'normal', mean: 0.8 } },
            { share: 0.5 },
          ],
        },
        ratification: { chambers: [{ members: { from: 0, to: 4 } }, { members: [1, 5] }] },
      },
      {
        constituents: { count: 5, kappa: { kind: 'normal', sd: 0.1 } },
        ratification: { parties: { kind: 'ideology', count: 2 }, discipline: 0.5 },
      },
    ];
    const scenarios = [
      parseScenario({ countries }),
      parseScenario({ countries, space: { D: 2 } }),
      parseScenario({
        form: 'divide',
        countries: [countries[0]!, { ...countries[1]!, constituents: { count: 6 } }],
      }),
    ];
    let compared = 0;
    for (const s of scenarios) {
      for (let k = 0; k < s.countries.length; k++) {
        const target = drawProfile(s, k, fromUniform(seedrandom.alea(`first ${k}`)));
        for (let run = 0; run < 5; run++) {
          // what a run moves: the ideal points, or the reservations (reverberation, drift)
          (s.form === 'divide' ? target.reservation : target.ideal).fill(0.123);
          const seed = `run ${run} ${k}`;
          const into = drawProfile(s, k, fromUniform(seedrandom.alea(seed)), target, true);
          expect(into).toBe(target);
          expect(into).toEqual(drawProfile(s, k, fromUniform(seedrandom.alea(seed))));
          compared++;
        }
      }
    }
    expect(compared).toBe(40);
  });

  it('draws the same profile from the same seed', () => {
    const s = parseScenario({});
    const one = drawProfile(s, 0, fromUniform(seedrandom.alea('seed')));
    const two = drawProfile(s, 0, fromUniform(seedrandom.alea('seed')));
    expect(Buffer.from(one.ideal.buffer).equals(Buffer.from(two.ideal.buffer))).toBe(true);
  });
});

describe('copyProfile', () => {
  it('copies into fresh arrays, or into the target arrays when given', () => {
    const p = makeProfile({ ideal: [0.1, 0.3, 0.7], reversion: 0 });
    const copy = copyProfile(p);
    expect(copy.ideal).not.toBe(p.ideal);
    expect(copy).toEqual(p);
    const target = makeProfile({ ideal: [0, 0, 0], reversion: 1 });
    const ideal = target.ideal;
    const into = copyProfile(p, target);
    expect(into).toBe(target);
    expect(into.ideal).toBe(ideal);
    expect(into).toEqual(p);
  });
});

describe('medianConstituent', () => {
  it('is the weighted median per dimension', () => {
    const out = new Float64Array(1);
    expect(medianConstituent(makeProfile({ ideal: [0.9, 0.2, 0.5] }), out)[0]).toBe(0.5);
    // even count, equal weights: midpoint of the middle two
    expect(medianConstituent(makeProfile({ ideal: [0.25, 0.5, 0.75, 1] }), out)[0]).toBe(0.625);
    // weight 3 on 0.9 outweighs 0.2 and 0.5 together
    const heavy = makeProfile({ ideal: [0.9, 0.2, 0.5], weight: [3, 1, 1] });
    expect(medianConstituent(heavy, out)[0]).toBe(0.9);
    const two = makeProfile({ D: 2, ideal: [0, 1, 0.5, 0, 1, 0.25] });
    expect(Array.from(medianConstituent(two, new Float64Array(2)))).toEqual([0.5, 0.25]);
    const divide = makeProfile({ form: 'divide', reservation: [0.3, 0.1, 0.2] });
    expect(medianConstituent(divide, out)[0]).toBe(0.2);
  });

  it('ties and half the weight exactly: the midpoint of the two middle values', () => {
    const out = new Float64Array(1);
    // equal weights 0.1: the cumulative 0.1 + 0.1 is exactly half of the total 0.4
    const tenths = makeProfile({ ideal: [1, 0.75, 0.25, 0.5], weight: [0.1, 0.1, 0.1, 0.1] });
    expect(medianConstituent(tenths, out)[0]).toBe(0.625);
    // weights 1, 2, 1, 2 on 0.5, 0.5, 0.2, 0.8: 0.2 and 0.5 carry 1 + 1 + 2 = 4 of 6 > 3
    const tied = makeProfile({ ideal: [0.5, 0.5, 0.2, 0.8], weight: [1, 2, 1, 2] });
    expect(medianConstituent(tied, out)[0]).toBe(0.5);
    // weights 1, 1, 2 on 0.2, 0.4, 0.9: 0.2 and 0.4 carry exactly half, so (0.4 + 0.9) / 2
    const half = makeProfile({ ideal: [0.9, 0.4, 0.2], weight: [2, 1, 1] });
    expect(medianConstituent(half, out)[0]).toBe(0.65);
  });

  it('agrees with the definition on random profiles (equal and unequal weights)', () => {
    const rng = seedrandom.alea('median');
    const out = new Float64Array(1);
    for (let trial = 0; trial < 200; trial++) {
      const M = 1 + Math.floor(rng() * 40);
      // coarse values make ties common
      const ideal = Array.from({ length: M }, () => Math.floor(rng() * 10) / 10);
      const equal = trial % 2 === 0;
      const weight = Array.from({ length: M }, () => (equal ? 1 : 1 + Math.floor(rng() * 3)));
      const order = ideal.map((_, j) => j).sort((a, b) => ideal[a]! - ideal[b]! || a - b);
      const total = weight.reduce((a, b) => a + b, 0);
      let cumulative = 0;
      let expected = Number.NaN;
      for (let r = 0; r < M; r++) {
        cumulative += weight[order[r]!]!;
        if (cumulative >= total / 2) {
          expected =
            cumulative === total / 2 && r + 1 < M
              ? (ideal[order[r]!]! + ideal[order[r + 1]!]!) / 2
              : ideal[order[r]!]!;
          break;
        }
      }
      expect(medianConstituent(makeProfile({ ideal, weight }), out)[0]).toBe(expected);
    }
  });
});

describe('shiftedCopy', () => {
  it('is bit for bit what copyProfile then shiftLevelII make, and leaves the source alone (fixed-seed random profiles, D = 1 and 2, divide form)', () => {
    const scenarios = [
      parseScenario({
        countries: [
          {
            constituents: {
              count: 57,
              kappa: { kind: 'normal', mean: 0, sd: 0.1 },
              weights: { kind: 'lognormal', sigma: 0.5 },
            },
          },
          {},
        ],
      }),
      parseScenario({ space: { D: 2 }, countries: [{ constituents: { count: 31 } }, {}] }),
      parseScenario({ form: 'divide', countries: [{ constituents: { count: 23 } }, {}] }),
    ];
    const rng = seedrandom.alea('shiftedCopy');
    for (const scenario of scenarios) {
      let target: ReturnType<typeof drawProfile> | undefined;
      for (let trial = 0; trial < 20; trial++) {
        const truth = drawProfile(scenario, 0, fromUniform(rng));
        if (trial === 3) truth.ideal[0] = -0;
        const before = copyProfile(truth);
        const delta = Float64Array.from({ length: scenario.space.D }, () =>
          trial % 5 === 0 ? 0 : rng() - 0.5,
        );
        const want = shiftLevelII(copyProfile(truth), delta);
        target = shiftedCopy(truth, delta, target);
        expect(target).toStrictEqual(want);
        for (let j = 0; j < want.ideal.length; j++)
          expect(Object.is(target.ideal[j], want.ideal[j])).toBe(true);
        expect(truth).toStrictEqual(before);
        expect(target.form === 'divide' ? target.reservation : target.ideal).not.toBe(
          truth.form === 'divide' ? truth.reservation : truth.ideal,
        );
      }
    }
  });
});
