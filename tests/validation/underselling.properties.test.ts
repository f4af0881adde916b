import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { drawProfile } from '../../src/model/profile.ts';
import { fromUniform } from '../../src/model/random.ts';
import { ratifies } from '../../src/model/vote.ts';
import { createIntervals, intervalsContain, winSet } from '../../src/model/winSet.ts';
import { playGame } from '../../src/negotiation/game.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { exactCountries } from '../negotiation/fixtures/exactCountries.ts';

/*
 * MODEL.md section 3: a negotiator who undersells acts as if his own win-set were smaller
 * than he believes it is. Whatever the constituents' stakes (an isolationist's is negative:
 * he prefers no agreement), good will and payments, lambda < 1 must never enlarge an
 * acceptance set: every point the undersold vote ratifies, the sincere vote ratifies, and
 * the undersold win-set lies inside the sincere one; smaller lambda, smaller set.
 */

type CountryInput = NonNullable<ScenarioInput['countries']>[number];
const BOX: [number, number] = [0, 1];

const profiles = fc
  .record({
    form: fc.constantFrom('spatial' as const, 'divide' as const),
    side: fc.constantFrom(0, 1),
    values: fc.array(fc.double({ min: 0.001, max: 0.999, noNaN: true }), {
      minLength: 1,
      maxLength: 15,
    }),
    q: fc.double({ min: 0, max: 1, noNaN: true }),
    kappa: fc.constantFrom(
      { kind: 'constant', value: 0 } as const,
      { kind: 'constant', value: -0.05 } as const,
      { kind: 'normal', mean: -0.02, sd: 0.05 } as const,
      { kind: 'mix', isolationistShare: 0.7, isolationist: -0.1 } as const,
    ),
    goodWill: fc.double({ min: -0.05, max: 0.1, noNaN: true }),
    quota: fc.constantFrom(0.5, 2 / 3, 1),
    seed: fc.integer(),
  })
  .map(({ form, side, values, q, kappa, goodWill, quota, seed }) => {
    const input: CountryInput = {
      reversion: q,
      goodWill,
      constituents:
        form === 'spatial'
          ? { idealPoints: { kind: 'explicit', values }, kappa }
          : { reservations: { kind: 'explicit', values } },
      ratification: { quota },
    };
    const countries = [{}, {}] as CountryInput[];
    countries[side] = input;
    return drawProfile(
      parseScenario({ form, countries }),
      side,
      fromUniform(seedrandom.alea(String(seed))),
    );
  });

const lambdas = fc
  .tuple(
    fc.double({ min: 0.05, max: 1, noNaN: true }),
    fc.double({ min: 0.05, max: 1, noNaN: true }),
  )
  .map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);

describe('underselling never enlarges an acceptance set', () => {
  it('pointwise: what the vote under lambda ratifies, the vote under a larger lambda ratifies', () => {
    fc.assert(
      fc.property(
        profiles,
        lambdas,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 20, maxLength: 20 }),
        (p, [small, large], xs) => {
          for (const x of xs) {
            if (ratifies(p, x, { lambda: small }))
              expect(ratifies(p, x, { lambda: large })).toBe(true);
            if (ratifies(p, x, { lambda: large })) expect(ratifies(p, x)).toBe(true);
          }
        },
      ),
      { numRuns: 3000, seed: 5 },
    );
  });

  it('the win-set under lambda lies inside the win-set under a larger lambda and under 1', () => {
    fc.assert(
      fc.property(profiles, lambdas, (p, [small, large]) => {
        const inner = winSet(p, BOX, { lambda: small }, createIntervals());
        const outer = winSet(p, BOX, { lambda: large }, createIntervals());
        const sincere = winSet(p, BOX, {}, createIntervals());
        for (let t = 0; t < inner.count; t++) {
          for (const x of [inner.lo[t]!, inner.hi[t]!, (inner.lo[t]! + inner.hi[t]!) / 2]) {
            expect(intervalsContain(outer, x)).toBe(true);
            expect(intervalsContain(sincere, x)).toBe(true);
          }
        }
      }),
      { numRuns: 3000, seed: 6 },
    );
  });

  it("the issue's reproducer: an isolationist with good will stays empty when undersold", () => {
    // v = 0.5, q = 0.3, kappa = -0.05, g = 0.008: stake 0.04 - 0.05 = -0.01, -0.01 + 0.008 < 0
    const country = (lambda: number): CountryInput => ({
      reversion: 0.3,
      goodWill: 0.008,
      constituents: {
        idealPoints: { kind: 'explicit', values: [0.5] },
        kappa: { kind: 'constant', value: -0.05 },
      },
      negotiator: { underselling: lambda, ideal: 0.5 },
    });
    const scenario = (name: string) =>
      parseScenario({
        protocol: { name },
        countries: exactCountries([
          country(0.5),
          { reversion: 0.6, constituents: { idealPoints: { kind: 'explicit', values: [0.5] } } },
        ]),
      });
    const p = drawProfile(scenario('alternating'), 0, fromUniform(seedrandom.alea('0')));
    expect(winSet(p, BOX, {}, createIntervals()).count).toBe(0);
    expect(winSet(p, BOX, { lambda: 0.5 }, createIntervals()).count).toBe(0);
    for (const name of ['alternating', 'ultimatum', 'nash', 'midpoint']) {
      expect(playGame(scenario(name), '1').outcome).toBe('no_agreement');
    }
  });
});
