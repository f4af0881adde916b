/*
 * The benchmark scenarios. `reference`: 2 countries, D = 1, 101 constituents each,
 * `alternating`, K = 1, T = 50, sigma_foreign = 0.1 (the C yardstick's game; no involuntary
 * defection by construction: every negotiator knows his own country exactly). `defection`: the
 * same with sigma_own = 0.05 for both negotiators and a 3/4 quota in B, so that misjudging
 * one's own Level II makes some tentative agreements fail ratification.
 */
import type { ScenarioInput } from '../src/scenario/parse.ts';

function scenario(sigmaOwn: number, quotaB: number): ScenarioInput {
  const negotiator = { beliefs: { particles: 1, sigmaOwn, sigmaForeign: 0.1 } };
  return {
    countries: [
      {
        reversion: 0,
        constituents: { count: 101, idealPoints: { kind: 'normal', mean: 0.4 } },
        negotiator,
      },
      {
        reversion: 1,
        constituents: { count: 101, idealPoints: { kind: 'normal', mean: 0.6 } },
        ratification: { quota: quotaB },
        negotiator,
      },
    ],
    protocol: { name: 'alternating', deadline: 50 },
  };
}

export const benchScenarios: { name: string; label: string; input: ScenarioInput }[] = [
  {
    name: 'reference',
    label: '2 countries, D = 1, M = 101, alternating, K = 1, T = 50, sigma_foreign = 0.1',
    input: scenario(0, 0.5),
  },
  {
    name: 'defection',
    label: 'the same with sigma_own = 0.05 and a 3/4 quota in B',
    input: scenario(0.05, 0.75),
  },
];

/**
 * The library as the command and its workers run it: compiled, from dist/ (`npm run bench`
 * builds it first).
 */
export async function compiledLibrary() {
  return (await import(
    new URL('../dist/lib/index.js', import.meta.url).href
  )) as typeof import('../src/index.ts');
}
