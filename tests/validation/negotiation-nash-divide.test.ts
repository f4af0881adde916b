import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/negotiation/game.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { exactCountries } from '../negotiation/fixtures/exactCountries.ts';

/**
 * The Nash bargaining solution of dividing a stake when no agreement gives both 0 and each
 * side's win-set is `x >= c_A` (A's share) and `1 - x >= c_B`: maximise `x (1 - x)` on
 * `[c_A, 1 - c_B]`, i.e. `clip(1/2, c_A, 1 - c_B)` when `c_A + c_B <= 1`, no agreement
 * otherwise. Reservations on a grid of sixteenths are exact binary fractions, so `c_A + c_B <= 1`
 * is decided without rounding; `1/2` and the win-set ends are candidates.
 */
describe('nash with full information in the divide form', () => {
  const play = (cA: number, cB: number, name = 'nash') =>
    playGame(
      parseScenario({
        form: 'divide',
        protocol: { name },
        countries: exactCountries([
          { constituents: { reservations: { kind: 'explicit', values: [cA] } } },
          { constituents: { reservations: { kind: 'explicit', values: [cB] } } },
        ]),
      }),
      'nash',
    );

  it('gives A the share clip(1/2, c_A, 1 - c_B) on a 17 x 17 grid of reservations', () => {
    let agreements = 0;
    for (let a = 0; a <= 16; a++) {
      for (let b = 0; b <= 16; b++) {
        const cA = a / 16;
        const cB = b / 16;
        const r = play(cA, cB);
        if (cA + cB <= 1) {
          expect(r.outcome).toBe('agreement');
          expect(r.agreement[0]).toBe(Math.min(Math.max(0.5, cA), 1 - cB));
          agreements++;
        } else {
          expect(r.outcome).toBe('no_agreement');
          expect(r.agreement[0]).toBeNaN();
        }
      }
    }
    // pairs with a + b <= 16: 17 * 18 / 2 = 153
    expect(agreements).toBe(153);
  });

  it('midpoint splits the overlap [c_A, 1 - c_B]: c_A = 0.2, c_B = 0.3 gives 0.45', () => {
    expect(play(0.2, 0.3, 'midpoint').agreement[0]).toBeCloseTo(0.45, 12);
  });
});
