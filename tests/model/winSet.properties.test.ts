import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { margin } from '../../src/model/margin.ts';
import type { Profile } from '../../src/model/profile.ts';
import { ratifies } from '../../src/model/vote.ts';
import {
  createIntervals,
  type Intervals,
  intersectIntervals,
  intervalsContain,
  intervalsSize,
  winSet,
} from '../../src/model/winSet.ts';
import { makeProfile } from './makeProfile.ts';

/*
 * Property tests: the exact sweep of winSet against the brute-force vote of ratifies.
 * Values are dyadic (multiples of 1/16, 1/64, integer weights, discipline in quarters) so that
 * sums of weights are exact and both sides decide ties identically.
 */

const BOX: [number, number] = [-1, 2];

const dyadic = (lo: number, hi: number, denominator: number) =>
  fc.integer({ min: lo * denominator, max: hi * denominator }).map((k) => k / denominator);

interface Options {
  spatialOnly?: boolean;
  /** kappa = 0 and no good will, so that interval ends are exact. */
  exactEnds?: boolean;
}

function profiles({ spatialOnly = false, exactEnds = false }: Options = {}) {
  return fc
    .record({
      form: spatialOnly ? fc.constant('spatial' as const) : fc.constantFrom('spatial', 'divide'),
      M: fc.integer({ min: 1, max: 12 }),
    })
    .chain(({ form, M }) => {
      const each = <T>(a: fc.Arbitrary<T>) => fc.array(a, { minLength: M, maxLength: M });
      const index = fc.integer({ min: 0, max: M - 1 });
      return fc.record({
        form: fc.constant(form),
        side: fc.constantFrom(0 as const, 1 as const),
        ideal: each(dyadic(-1, 2, 16)),
        reservation: each(dyadic(0, 1, 16)),
        kappa: exactEnds ? fc.constant(0) : each(dyadic(-0.25, 0.25, 64)),
        weight: each(fc.integer({ min: 1, max: 3 })),
        reversion: dyadic(-0.5, 1.5, 16),
        salience: fc.constantFrom(0.25, 1, 4),
        goodWill: exactEnds && form === 'spatial' ? fc.constant(0) : dyadic(-0.125, 0.125, 64),
        chambers: fc.array(
          fc.record({
            members: fc.uniqueArray(index, { minLength: 1, maxLength: M }),
            quota: fc.constantFrom(0.5, 0.6, 2 / 3, 0.75, 1),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        party: each(fc.integer({ min: -1, max: 2 })),
        discipline: fc.constantFrom(0, 0.25, 0.5, 0.75, 1),
      });
    })
    .map((spec) => makeProfile(spec));
}

const points = fc.array(fc.double({ min: BOX[0], max: BOX[1], noNaN: true }), {
  minLength: 20,
  maxLength: 20,
});

/** Whether some constituent's margin at `x` is within `epsilon` of 0 (x is near a breakpoint). */
function nearBreakpoint(p: Profile, x: number, lambda = 1, epsilon = 1e-9) {
  for (let j = 0; j < p.M; j++) if (Math.abs(margin(p, j, x, lambda)) < epsilon) return true;
  return false;
}

/** Whether `a` is inside `b`: every end of `a` is in `b` and the overlap keeps all of `a`. */
function isInside(a: Intervals, b: Intervals) {
  for (let t = 0; t < a.count; t++) {
    if (!intervalsContain(b, a.lo[t]!) || !intervalsContain(b, a.hi[t]!)) return false;
  }
  const both = intersectIntervals(a, b, createIntervals());
  return Math.abs(intervalsSize(both) - intervalsSize(a)) <= 1e-12;
}

describe('winSet agrees with the expected vote of ratifies', () => {
  it('at random points away from breakpoints (chambers, quotas, weights, parties)', () => {
    const w = createIntervals();
    fc.assert(
      fc.property(profiles(), points, (p, xs) => {
        winSet(p, BOX, {}, w);
        for (const x of xs) {
          if (nearBreakpoint(p, x)) continue;
          expect(intervalsContain(w, x)).toBe(ratifies(p, x));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with underselling and side payments', () => {
    const w = createIntervals();
    const payments = fc.array(dyadic(0, 0.25, 64), { minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(profiles(), points, dyadic(0.25, 1, 16), payments, (p, xs, lambda, pay) => {
        const options = { lambda, payments: Float64Array.from(pay) };
        winSet(p, BOX, options, w);
        for (const x of xs) {
          let near = false;
          for (let j = 0; j < p.M; j++) {
            if (Math.abs(margin(p, j, x, lambda, pay[j])) < 1e-9) near = true;
          }
          if (near) continue;
          expect(intervalsContain(w, x)).toBe(ratifies(p, x, options));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is closed: every end of the win-set ratifies (exact ends)', () => {
    const w = createIntervals();
    fc.assert(
      fc.property(profiles({ exactEnds: true }), (p) => {
        winSet(p, BOX, {}, w);
        for (let t = 0; t < w.count; t++) {
          expect(ratifies(p, w.lo[t]!)).toBe(true);
          expect(ratifies(p, w.hi[t]!)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with kappa = 0 every win-set holds the reversion q', () => {
    const w = createIntervals();
    fc.assert(
      fc.property(profiles({ spatialOnly: true, exactEnds: true }), (p) => {
        expect(intervalsContain(winSet(p, BOX, {}, w), p.reversion[0]!)).toBe(true);
      }),
    );
  });
});

describe('comparative statics of the win-set', () => {
  it('raising good will never shrinks it', () => {
    fc.assert(
      fc.property(profiles(), dyadic(0, 0.25, 64), (p, raise) => {
        const before = winSet(p, BOX, {}, createIntervals());
        p.goodWill += raise;
        const after = winSet(p, BOX, {}, createIntervals());
        expect(isInside(before, after)).toBe(true);
        expect(intervalsSize(after)).toBeGreaterThanOrEqual(intervalsSize(before));
      }),
      { numRuns: 200 },
    );
  });

  it('raising a constituent cost of no agreement kappa never shrinks it', () => {
    fc.assert(
      fc.property(
        profiles({ spatialOnly: true }),
        fc.nat(),
        dyadic(0, 0.25, 64),
        (p, at, raise) => {
          const before = winSet(p, BOX, {}, createIntervals());
          p.kappa[at % p.M] += raise;
          const after = winSet(p, BOX, {}, createIntervals());
          expect(isInside(before, after)).toBe(true);
          expect(intervalsSize(after)).toBeGreaterThanOrEqual(intervalsSize(before));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('raising a quota never enlarges it', () => {
    fc.assert(
      fc.property(profiles(), fc.nat(), fc.constantFrom(0.6, 0.75, 0.9, 1), (p, at, quota) => {
        const before = winSet(p, BOX, {}, createIntervals());
        const chamber = p.chambers[at % p.chambers.length]!;
        chamber.quota = Math.max(chamber.quota, quota);
        const after = winSet(p, BOX, {}, createIntervals());
        expect(isInside(after, before)).toBe(true);
        expect(intervalsSize(after)).toBeLessThanOrEqual(intervalsSize(before));
      }),
      { numRuns: 200 },
    );
  });
});
