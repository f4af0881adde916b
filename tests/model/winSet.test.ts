import { describe, expect, it } from 'vitest';
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
