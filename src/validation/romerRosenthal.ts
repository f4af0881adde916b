import type { Rng } from '../model/random.ts';
import { playGame } from '../negotiation/game.ts';
import { parseScenario } from '../scenario/parse.ts';
import { exactCountry } from './exact.ts';
import { shareResult, type ValidationCase, type ValidationResult } from './validationCase.ts';

const GAMES = 500;

/**
 * Spatial games of a Romer-Rosenthal setter: A's negotiator (ideal 1, his one constituent at
 * 1) makes one take-it-or-leave-it offer to B, whose odd number (1 to 21) of constituents
 * have ideal points uniform on `(q, 1)`; both reversions are `q`. B's win-set is
 * `[q, 2m - q]` (see the median-voter case; `m > q`), A's is `[q, 1]`, and with exact beliefs
 * the setter's expected utility `-(x - 1)^2` is highest at the point of `W_B` nearest 1:
 * `x = min(1, 2m - q)` (Romer and Rosenthal 1978). Counts the games whose agreement is
 * exactly that point and is ratified.
 */
function spatialSetter(rng: Rng, qLo: number, qHi: number): ValidationResult {
  let matches = 0;
  for (let t = 0; t < GAMES; t++) {
    const q = qLo + (qHi - qLo) * rng.uniform();
    const M = 2 * Math.floor(rng.uniform() * 11) + 1;
    const values = Array.from({ length: M }, () => q + (1 - q) * rng.uniform());
    const m = [...values].sort((a, b) => a - b)[(M - 1) / 2]!;
    const r = playGame(
      parseScenario({
        protocol: { name: 'ultimatum' },
        countries: [
          exactCountry({
            reversion: q,
            constituents: { idealPoints: { kind: 'explicit', values: [1] } },
            negotiator: { ideal: 1 },
          }),
          exactCountry({
            reversion: q,
            constituents: { idealPoints: { kind: 'explicit', values } },
          }),
        ],
      }),
      `setter-${t}`,
    );
    if (r.outcome === 'agreement' && r.agreement[0] === Math.min(1, 2 * m - q)) matches++;
  }
  const qs = qLo === qHi ? `q = ${qLo}` : `q ~ U(${qLo}, ${qHi})`;
  return shareResult(
    `Romer-Rosenthal setter, spatial, ${qs}: offer = min(1, 2m - q), ratified`,
    'share of games = 1',
    1,
    matches,
    GAMES,
  );
}

/**
 * The divide form's setter: A's share `x`, A's one constituent accepts any share
 * (reservation 0), B's one constituent accepts `1 - x >= c_B`, `c_B ~ U(0.001, 0.999)`. The setter's
 * utility is his share, so he offers the largest `x` in `W_B = [0, 1 - c_B]`: exactly
 * `1 - c_B`, which B ratifies (its constituent is indifferent and votes yes).
 */
function divideSetter(rng: Rng): ValidationResult {
  let matches = 0;
  for (let t = 0; t < GAMES; t++) {
    // not a multiple of 2^-53, so that `1 - c` rounds as it does for most reservations
    const c = 0.001 + 0.998 * rng.uniform();
    const r = playGame(
      parseScenario({
        form: 'divide',
        protocol: { name: 'ultimatum' },
        countries: [
          exactCountry({ constituents: { reservations: { kind: 'explicit', values: [0] } } }),
          exactCountry({ constituents: { reservations: { kind: 'explicit', values: [c] } } }),
        ],
      }),
      `divide-setter-${t}`,
    );
    if (r.outcome === 'agreement' && r.agreement[0] === 1 - c) matches++;
  }
  return shareResult(
    'Romer-Rosenthal setter, divide, c_B ~ U(0.001, 0.999): offer = 1 - c_B, ratified',
    'share of games = 1',
    1,
    matches,
    GAMES,
  );
}

/** The setter's best offer, exactly, with exact beliefs (Romer and Rosenthal 1978). */
export const romerRosenthal: ValidationCase = {
  id: 'setter',
  run: (rng) => [spatialSetter(rng, 0, 0), spatialSetter(rng, 0.05, 0.35), divideSetter(rng)],
};
