import type { Rng } from '../model/random.ts';
import { playGame } from '../negotiation/game.ts';
import { parseScenario } from '../scenario/parse.ts';
import { exactCountry } from './exact.ts';
import { shareResult, type ValidationCase } from './validationCase.ts';

const GAMES = 1000;

/**
 * The Nash bargaining solution over the win-sets' overlap, divide form, one constituent per
 * country, `c_A, c_B ~ U(0.001, 0.999)`, exact beliefs. No agreement gives both 0, so the Nash product
 * is `x (1 - x)`, concave with its peak at 1/2; on the overlap `[c_A, 1 - c_B]` its maximum is
 * the point nearest 1/2: `clip(1/2, c_A, 1 - c_B) = min(max(1/2, c_A), 1 - c_B)`. With no
 * overlap (`c_A > 1 - c_B`) there is no agreement. Counts the games that end exactly so (1/2
 * is on the candidate grid; the win-sets' ends are candidates).
 */
export const constrainedNash: ValidationCase = {
  id: 'nash',
  run(rng: Rng) {
    let matches = 0;
    for (let t = 0; t < GAMES; t++) {
      // not multiples of 2^-53, so that `1 - c` rounds as it does for most reservations
      const cA = 0.001 + 0.998 * rng.uniform();
      const cB = 0.001 + 0.998 * rng.uniform();
      const r = playGame(
        parseScenario({
          form: 'divide',
          protocol: { name: 'nash' },
          countries: [
            exactCountry({ constituents: { reservations: { kind: 'explicit', values: [cA] } } }),
            exactCountry({ constituents: { reservations: { kind: 'explicit', values: [cB] } } }),
          ],
        }),
        `nash-${t}`,
      );
      const overlap = cA <= 1 - cB;
      const expected = Math.min(Math.max(0.5, cA), 1 - cB);
      if (
        overlap
          ? r.outcome === 'agreement' && r.agreement[0] === expected
          : r.outcome === 'no_agreement'
      )
        matches++;
    }
    return [
      shareResult(
        'constrained Nash, divide, c_A, c_B ~ U(0.001, 0.999): x = clip(1/2, c_A, 1 - c_B)',
        'share of games = 1',
        1,
        matches,
        GAMES,
      ),
    ];
  },
};
