import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/model/profile.ts';
import { createIntervals, intervalsContain, winSet } from '../../src/model/winSet.ts';
import { createGame } from '../../src/negotiation/game.ts';
import type { TraceEvent } from '../../src/negotiation/trace.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { exactCountries } from '../negotiation/fixtures/exactCountries.ts';

/**
 * Aspiration adaptation reaches agreement when agreement is possible and known to be.
 * Ideal points N(0.3, 0.1^2) and N(0.7, 0.1^2), M = 51 each, reversions 0 and 1, exact
 * beliefs, no noise, vetoes `phi = 0.01`. The true win-sets are `[0, 2 m_A]` and
 * `[2 m_B - 1, 1]`; they overlap in a stretch of positive length unless
 * `m_B - m_A >= 1/2`. A sample median has standard deviation about
 * `sqrt(pi / 2) 0.1 / sqrt(51) = 0.0176`, the difference `0.0248`, so that happens with
 * probability `P(Z > 0.1 / 0.0248 = 4.03) = 2.8e-5`. Where they overlap, every
 * negotiator knows it, and each proposer concedes at his aspiration `0.9^t`, which falls
 * below both normalised utilities at the middle of the overlap within a few rounds
 * (about 0.6 with this geometry: `t >= 5`), far before `T = 50`. Expected failures in 300
 * games: `300 * 2.8e-5 = 0.008`, so at most 1 (Poisson: `P(>= 2) < 4e-5`).
 *
 * The vetoes narrow this: with default negotiators at the medians, A accepts only
 * `x <= m_A + sqrt(m_A^2 - phi)` and B only `x >= m_B - sqrt((1 - m_B)^2 - phi)`, so a
 * game whose overlap lies outside both vetoes cannot agree (e.g. `m_A = 0.26`,
 * `m_B = 0.744`: overlap `[0.487, 0.521]`, vetoes `x <= 0.500` and `x >= 0.508`). Every
 * game whose feasible stretch (overlap and vetoes) is longer than two grid steps (so it holds
 * a candidate) must agree.
 */
describe('alternating with exact beliefs and overlapping win-sets', () => {
  const phi = 0.01;
  const scenario = parseScenario({
    countries: exactCountries([
      {
        reversion: 0,
        constituents: { count: 51, idealPoints: { kind: 'normal', mean: 0.3, sd: 0.1 } },
        negotiator: { reservation: phi },
      },
      {
        reversion: 1,
        constituents: { count: 51, idealPoints: { kind: 'normal', mean: 0.7, sd: 0.1 } },
        negotiator: { reservation: phi },
      },
    ]),
  });

  it('agrees in (nearly) every game, inside both win-sets and both vetoes', () => {
    const game = createGame(scenario);
    const games = 300;
    let agreements = 0;
    const winSets = [createIntervals(), createIntervals()];
    for (let s = 0; s < games; s++) {
      const events: TraceEvent[] = [];
      const r = game.play(`overlap-${s}`, events);
      const levelII = events.find((e) => e.type === 'levelII') as { profiles: Profile[] };
      const median = (p: Profile) => Array.from(p.ideal).sort((a, b) => a - b)[25]!;
      const [mA, mB] = levelII.profiles.map(median) as [number, number];
      const upper = Math.min(2 * mA, mA + Math.sqrt(mA * mA - phi));
      const lower = Math.max(2 * mB - 1, mB - Math.sqrt((1 - mB) ** 2 - phi));
      if (upper - lower > 2 * 0.005) expect(r.outcome).toBe('agreement');
      if (r.outcome !== 'agreement') continue;
      agreements++;
      expect(r.rounds).toBeLessThan(50);
      for (let k = 0; k < 2; k++) {
        winSet(levelII.profiles[k]!, [0, 1], {}, winSets[k]!);
        expect(intervalsContain(winSets[k]!, r.agreement[0]!)).toBe(true);
        expect(r.negotiatorGain[k]).toBeGreaterThanOrEqual(phi);
        expect(r.medianGain[k]).toBeGreaterThanOrEqual(0);
      }
    }
    expect(agreements).toBeGreaterThanOrEqual(games - 1);
  });
});
