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

/**
 * Plays games for at least `seconds` in chunks of 500; returns games per second over all of
 * them and in the fastest chunk (the machine may be shared), and the mean number of rounds.
 */
function measure(seconds: number, offset: number) {
  const game = createGame(reference);
  let games = 0;
  let rounds = 0;
  let best = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    const chunk = performance.now();
    for (let s = 0; s < 500; s++) rounds += game.play(String(offset + games + s)).rounds;
    best = Math.max(best, 500 / ((performance.now() - chunk) / 1000));
    games += 500;
  }
  const perSecond = games / ((performance.now() - start) / 1000);
  return { perSecond, best, rounds: rounds / games };
}

export default async function bench() {
  measure(1, 0);
  const { perSecond, best, rounds } = measure(3, 1e6);
  console.log(
    `game: reference scenario (2 countries, D = 1, M = 101, alternating, K = 1, T = 50, sigma_foreign = 0.1)`,
  );
  console.log(
    `  ${Math.round(perSecond)} games/s on one core, ${Math.round(best)} in the fastest 500 (${rounds.toFixed(2)} rounds per game)`,
  );
}
