/*
 * Games per second on one core for the reference scenario of issue 3: two countries, D = 1,
 * 101 constituents each, `alternating`, K = 1 particle, T = 50 rounds, sigma_foreign = 0.1.
 * One `createGame` reused for every game, as the engine runs a batch of replications.
 */
import { createGame } from '../src/negotiation/game.ts';
import { parseScenario } from '../src/scenario/parse.ts';

const reference = parseScenario({
  countries: [
    {
      reversion: 0,
      constituents: { count: 101, idealPoints: { kind: 'normal', mean: 0.4 } },
      negotiator: { beliefs: { particles: 1, sigmaForeign: 0.1 } },
    },
    {
      reversion: 1,
      constituents: { count: 101, idealPoints: { kind: 'normal', mean: 0.6 } },
      negotiator: { beliefs: { particles: 1, sigmaForeign: 0.1 } },
    },
  ],
  protocol: { name: 'alternating', deadline: 50 },
});

/** Plays games for at least `seconds`, returns games per second and mean rounds. */
function measure(seconds: number, offset: number) {
  const game = createGame(reference);
  let games = 0;
  let rounds = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (let s = 0; s < 500; s++) rounds += game.play(String(offset + games + s)).rounds;
    games += 500;
  }
  return { perSecond: games / ((performance.now() - start) / 1000), rounds: rounds / games };
}

export default async function bench() {
  measure(1, 0);
  const { perSecond, rounds } = measure(3, 1e6);
  console.log(
    `game: reference scenario (2 countries, D = 1, M = 101, alternating, K = 1, T = 50, sigma_foreign = 0.1)`,
  );
  console.log(
    `  ${Math.round(perSecond)} games/s on one core (${rounds.toFixed(2)} rounds per game)`,
  );
}
