import { describe, expect, it } from 'vitest';
import { createGame } from '../../src/negotiation/game.ts';
import type { TraceEvent } from '../../src/negotiation/trace.ts';
import { parseScenario, type ScenarioInput } from '../../src/scenario/parse.ts';
import { exactCountries } from './fixtures/exactCountries.ts';

/**
 * A is a setter (ultimatum) facing B's unanimity rule, all known exactly (sigma = 0).
 * A: ideal points 0.1, 0.2, 0.5, reversion 0; A's negotiator is the median 0.2, whose gain
 * 0.04 - (x - 0.2)^2 is positive on (0, 0.4).
 * B: ideal points 0.5, 0.651, 0.9, reversion 1, unanimity. Each constituent accepts the ball
 * around v of radius 1 - v: [0, 1], [0.302, 1], [0.8, 1]; so W_B = [0.8, 1], where A's gain is
 * negative. B's negotiator is the median 0.651: as executive he accepts [2 * 0.651 - 1, 1] =
 * [0.302, 1].
 */
function scenario(autonomy: number): ScenarioInput {
  return {
    protocol: { name: 'ultimatum' },
    countries: exactCountries([
      {
        reversion: 0,
        constituents: { idealPoints: { kind: 'explicit', values: [0.1, 0.2, 0.5] } },
      },
      {
        reversion: 1,
        autonomy,
        constituents: { idealPoints: { kind: 'explicit', values: [0.5, 0.651, 0.9] } },
        ratification: { quota: 1 },
      },
    ]),
  };
}

describe('executive autonomy (state strength)', () => {
  it('a = 0: B ratifies only W_B = [0.8, 1], where A gains nothing; no agreement', () => {
    const record = createGame(parseScenario(scenario(0))).play('s');
    expect(record.outcome).toBe('no_agreement');
  });

  it('a = 1: B ratifies what its executive accepts, [0.302, 1]; A offers the grid point 0.305', () => {
    // The grid steps by 0.005; the candidate of [0.302, 0.4) nearest A's ideal 0.2 is 0.305,
    // A's gain there 0.04 - 0.105^2 = 0.028975; B's executive's gain 0.349^2 - 0.346^2 > 0.
    const record = createGame(parseScenario(scenario(1))).play('s');
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.305, 12);
    expect(record.negotiatorGain[0]).toBeCloseTo(0.028975, 12);
  });

  it('a = 1/2: A believes B ratifies 0.305 with probability 1/2, and half the votes pass', () => {
    // believed P(B ratifies 0.305) = a * 1 + (1 - a) * 0 = 0.5; A still offers 0.305 (expected
    // gain 0.5 * 0.028975 beats anything in W_B, where his gain is negative). B's Level II
    // (unanimity) rejects it, so it passes exactly when the executive decides: P = 1/2.
    // 2,000 games: the agreement share is within 4 sd = 4 sqrt(0.25 / 2000) = 0.045 of 0.5.
    const game = createGame(parseScenario(scenario(0.5)));
    const events: TraceEvent[] = [];
    game.play('trace', events);
    const offer = events.find((e) => e.type === 'offer');
    expect(offer?.type === 'offer' && offer.believed).toEqual([1, 0.5]);
    const n = 2000;
    let agreements = 0;
    for (let r = 0; r < n; r++) {
      const record = game.play(`half-${r}`);
      if (record.outcome === 'agreement') agreements++;
      else expect(record.outcome).toBe('involuntary_defection');
    }
    // B's vote passes exactly when its executive decided (its Level II says no)
    const vote = events.filter((e) => e.type === 'vote' && e.country === 1);
    expect(vote.length).toBe(1);
    expect(vote[0]!.type === 'vote' && vote[0]!.passed === (vote[0]!.executive === true)).toBe(
      true,
    );
    expect(Math.abs(agreements / n - 0.5)).toBeLessThan(0.045);
  });
});
