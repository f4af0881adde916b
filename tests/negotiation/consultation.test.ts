import { describe, expect, it } from 'vitest';
import { drawBeliefs } from '../../src/negotiation/beliefs.ts';
import { consult } from '../../src/negotiation/consultation.ts';
import { placeNegotiators } from '../../src/negotiation/gains.ts';
import { createGame } from '../../src/negotiation/game.ts';
import { drawLevelII } from '../../src/negotiation/levelII.ts';
import { createGameState } from '../../src/negotiation/state.ts';
import type { TraceEvent } from '../../src/negotiation/trace.ts';
import { parseScenario, type ScenarioInput } from '../../src/scenario/parse.ts';

/**
 * A's four constituents sit at 0.2, 0.4, 0.6, 0.8: mean 0.5, population variance
 * s^2 = (0.3^2 + 0.1^2 + 0.1^2 + 0.3^2) / 4 = 0.05. His own uncertainty sigma_own = 0.1.
 * A poll of n = 5 leaves the error variance sigma^2 s^2 / (s^2 + n sigma^2) = 0.01 * 0.05 /
 * (0.05 + 0.05) = 0.005, half the 0.01 without the poll: the shift scales by
 * sqrt(0.05 / 0.1) = sqrt(1/2).
 */
function scenario(poll: number, delay = 0): ScenarioInput {
  return {
    protocol: { name: 'ultimatum' },
    countries: [
      {
        reversion: 0,
        constituents: { idealPoints: { kind: 'explicit', values: [0.2, 0.4, 0.6, 0.8] } },
        negotiator: { beliefs: { sigmaOwn: 0.1, sigmaForeign: 0 }, consultation: { poll, delay } },
      },
      { reversion: 1, constituents: { idealPoints: { kind: 'normal', mean: 0.7 } } },
    ],
  };
}

/** The variance of A's own particle's shift over `n` seeds (steps of game.ts up to beliefs). */
function ownShiftVariance(poll: number, n: number): number {
  const s = createGameState(parseScenario(scenario(poll)));
  let sum = 0;
  let sumsq = 0;
  for (let r = 0; r < n; r++) {
    drawLevelII(s.levelII, s.scenario, s.streams.start(`poll-${r}`));
    placeNegotiators(s);
    consult(s);
    drawBeliefs(s);
    const shift = s.beliefs.particles[0]![0]!.ideal[0]! - s.levelII.truth[0]!.ideal[0]!;
    sum += shift;
    sumsq += shift * shift;
  }
  return (sumsq - (sum * sum) / n) / (n - 1);
}

describe('prior consultation', () => {
  it('shrinks his own error by sqrt(1/2) for a poll of 5 (trace)', () => {
    const events: TraceEvent[] = [];
    createGame(parseScenario(scenario(5))).play('s', events);
    const poll = events.find((e) => e.type === 'consultation');
    expect(poll?.type === 'consultation' && poll.scale[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(poll?.type === 'consultation' && poll.poll).toBe(5);
  });

  it('halves the variance of his own error: 0.01 without the poll, 0.005 with n = 5', () => {
    // 4,000 seeds of a normal shift: the sample variance's standard error is
    // v sqrt(2 / 4000) = 0.022 v; allow 4 of them.
    const n = 4000;
    expect(Math.abs(ownShiftVariance(0, n) - 0.01)).toBeLessThan(4 * 0.022 * 0.01);
    expect(Math.abs(ownShiftVariance(5, n) - 0.005)).toBeLessThan(4 * 0.022 * 0.005);
  });

  it('delays Level I by its rounds: a setter plays round 3 after a delay of 3, 4 rounds in all', () => {
    const record = createGame(parseScenario(scenario(5, 3))).play('s');
    expect(record.rounds).toBe(4);
    expect(createGame(parseScenario(scenario(5, 0))).play('s').rounds).toBe(1);
  });

  it('refuses a poll with prior beliefs, saying where and what would do', () => {
    const input = scenario(5);
    input.countries![0]!.negotiator!.beliefs = { mode: 'prior' };
    expect(() => parseScenario(input)).toThrow(
      /countries\[0\]\.negotiator\.consultation\.poll.*'estimate'/,
    );
  });
});
