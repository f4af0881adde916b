/*
 * Games per second on one core for the benchmark scenarios (bench/scenarios.ts), compiled as
 * the workers run them: one `createGame` reused for every game, as the engine plays a batch
 * of replications. The outcome shares show what each scenario exercises.
 */
import { benchScenarios, compiledLibrary } from './scenarios.ts';

const { createGame, parseScenario } = await compiledLibrary();

/**
 * Plays games for at least `seconds` in chunks of 500; returns games per second over all of
 * them and in the fastest chunk (the machine may be shared), rounds and outcome counts.
 */
function measure(game: ReturnType<typeof createGame>, seconds: number, offset: number) {
  let games = 0;
  let rounds = 0;
  let best = 0;
  const outcomes: Record<string, number> = {};
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    const chunk = performance.now();
    for (let s = 0; s < 500; s++) {
      const r = game.play(String(offset + games + s));
      rounds += r.rounds;
      outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
    }
    best = Math.max(best, 500 / ((performance.now() - chunk) / 1000));
    games += 500;
  }
  const perSecond = games / ((performance.now() - start) / 1000);
  return { perSecond, best, rounds: rounds / games, games, outcomes };
}

export default async function bench() {
  for (const { name, label, input } of benchScenarios) {
    const game = createGame(parseScenario(input));
    measure(game, 1, 0);
    const { perSecond, best, rounds, games, outcomes } = measure(game, 3, 1e6);
    const shares = Object.entries(outcomes)
      .map(([o, n]) => `${o} ${((100 * n) / games).toFixed(1)}%`)
      .join(', ');
    console.log(`game: ${name} scenario (${label})`);
    console.log(
      `  ${Math.round(perSecond)} games/s on one core, ${Math.round(best)} in the fastest 500 (${rounds.toFixed(2)} rounds per game; ${shares})`,
    );
  }
}
