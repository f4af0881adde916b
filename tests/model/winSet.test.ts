import { describe, expect, it } from 'vitest';
import { chamberPasses, ratifies } from '../../src/model/vote.ts';
import { createIntervals, intervalsSize, winSet } from '../../src/model/winSet.ts';
import { makeProfile } from './makeProfile.ts';

function bounds(iv: ReturnType<typeof createIntervals>) {
  return Array.from({ length: iv.count }, (_, t) => [iv.lo[t]!, iv.hi[t]!]);
}

describe('winSet', () => {
  it('median voter: ideal points 0.1, 0.3, 0.7, q = 0 give [q, 2m - q] = [0, 0.6]', () => {
    const p = makeProfile({ ideal: [0.1, 0.3, 0.7], reversion: 0 });
    expect(bounds(winSet(p, [0, 1], {}, createIntervals()))).toEqual([[0, 2 * 0.3]]);
  });

  it('is closed: every end passes the vote, and says so', () => {
    const p = makeProfile({
      ideal: [0.1, 0.3, 0.45, 0.7],
      weight: [1, 1.3, 0.7, 1.1],
      reversion: 0,
    });
    const w = winSet(p, [0, 1], {}, createIntervals());
    expect(w.closed).toBe(true);
    for (let t = 0; t < w.count; t++) {
      expect(ratifies(p, w.lo[t]!)).toBe(true);
      expect(ratifies(p, w.hi[t]!)).toBe(true);
    }
  });

  it('one chamber of some constituents: the others do not count', () => {
    // members 0, 1, 2 of ideal points 0.1, 0.3, 0.7, 0.05: their median 0.3 gives [0, 0.6]
    const p = makeProfile({
      ideal: [0.1, 0.3, 0.7, 0.05],
      chambers: [{ members: [0, 1, 2], quota: 0.5 }],
    });
    expect(bounds(winSet(p, [0, 1], {}, createIntervals()))).toEqual([[0, 0.6]]);
    const everyone = makeProfile({ ideal: [0.1, 0.3, 0.7, 0.05], reversion: 0 });
    expect(bounds(winSet(everyone, [0, 1], {}, createIntervals()))).toEqual([[0, 0.2]]);
  });

  it('is clipped to the box', () => {
    const p = makeProfile({ ideal: [0.1, 0.3, 0.7], reversion: 0 });
    expect(bounds(winSet(p, [0.2, 0.5], {}, createIntervals()))).toEqual([[0.2, 0.5]]);
    expect(winSet(p, [0.7, 1], {}, createIntervals()).count).toBe(0);
  });

  it('keeps an isolated point: q itself when q is the median', () => {
    const p = makeProfile({ ideal: [0.25, 0.5, 0.75], reversion: 0.5 });
    const w = winSet(p, [0, 1], {}, createIntervals(1));
    expect(bounds(w)).toEqual([[0.5, 0.5]]);
    expect(intervalsSize(w)).toBe(0);
  });

  it('can be a union of disjoint intervals', () => {
    // Simple majority, q = 0. Constituent 1 (ideal 0.5, kappa 1) accepts the whole box, so
    // the win-set is where 0 or 2 also accepts:
    const p = makeProfile({ ideal: [0.125, 0.5, 0.875], reversion: 0, kappa: [0, 1, -0.75] });
    // 0: [0, 0.25]; 1: radius^2 = 0.25 + 1, [-0.62, 1.62]; 2: radius^2 = 0.765625 - 0.75, [0.75, 1]
    expect(bounds(winSet(p, [0, 1], {}, createIntervals()))).toEqual([
      [0, 0.25],
      [0.75, 1],
    ]);
  });

  it('divide form: side 0 accepts x >= c, side 1 accepts x <= 1 - c', () => {
    const a = makeProfile({ form: 'divide', side: 0, reservation: [0.25, 0.5, 0.75] });
    const b = makeProfile({ form: 'divide', side: 1, reservation: [0.25, 0.5, 0.75] });
    expect(bounds(winSet(a, [0, 1], {}, createIntervals()))).toEqual([[0.5, 1]]);
    expect(bounds(winSet(b, [0, 1], {}, createIntervals()))).toEqual([[0, 0.5]]);
    a.goodWill = 0.25;
    expect(bounds(winSet(a, [0, 1], {}, createIntervals()))).toEqual([[0.25, 1]]);
  });

  it('refuses D > 1', () => {
    const p = makeProfile({ D: 2, ideal: [0, 0], reversion: [0, 0] });
    expect(() => winSet(p, [0, 1], {}, createIntervals())).toThrow(/one-dimensional/);
  });
});

describe('winSet and ratifies with non-integer weights (rounding never decides a vote)', () => {
  const box = [0, 1] as const;
  const ideal = [0.1, 0.15, 0.2, 0.25, 0.3, 0.6, 0.65, 0.7, 0.75, 0.8];

  it('a tie fails whatever the weights: 5 of 10 equal weights yes at x = 0.7', () => {
    for (const w of [1, 0.1, 0.3, 0.7]) {
      const p = makeProfile({ ideal, weight: new Array<number>(10).fill(w) });
      // q = 0: constituent v accepts [0, 2v]; at x = 0.7 exactly the five v >= 0.6 say yes
      // (with w = 0.1 their share is computed as 0.5000000000000001)
      expect(ratifies(p, 0.7)).toBe(false);
      // six say yes up to 2 * 0.3 = 0.6, five beyond: the win-set is [0, 0.6]
      const w0 = winSet(p, box, {}, createIntervals());
      expect([w0.count, w0.lo[0], w0.hi[0]]).toEqual([1, 0, 0.6]);
    }
  });

  it('unanimity passes when everyone says yes, with lognormal weights', () => {
    const weight = [0.37, 1.91, 0.52, 2.2, 0.13, 0.77, 1.05, 0.29, 3.3, 0.61];
    const p = makeProfile({ ideal, weight, quota: 1 });
    // everyone accepts [0, 2v]: unanimity holds on [0, 2 min v] = [0, 0.2]
    const w1 = winSet(p, box, {}, createIntervals());
    expect([w1.count, w1.lo[0], w1.hi[0]]).toEqual([1, 0, 0.2]);
    expect(ratifies(p, 0.2)).toBe(true);
    expect(ratifies(p, 0.2000001)).toBe(false);
  });

  it('chamberPasses allows only a relative 1e-12 of rounding', () => {
    expect(chamberPasses(0.5000000000000001, 0.5)).toBe(false);
    expect(chamberPasses(0.9999999999999998, 1)).toBe(true);
    expect(chamberPasses(0.5 + 1e-9, 0.5)).toBe(true);
    expect(chamberPasses(1 - 1e-9, 1)).toBe(false);
  });
});
