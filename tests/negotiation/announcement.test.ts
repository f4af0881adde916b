import { describe, expect, it } from 'vitest';
import { createGame } from '../../src/negotiation/game.ts';
import type { TraceEvent } from '../../src/negotiation/trace.ts';
import { parseScenario, type ScenarioInput } from '../../src/scenario/parse.ts';

/**
 * A is a setter (ultimatum), all beliefs exact (sigma 0). A: ideal points 0.05, 0.15, 0.5,
 * reversion 0: W_A = [0, 0.3], A's negotiator the median 0.15 (gain 0.0225 - (x - 0.15)^2).
 * B: 0.5, 0.6, 0.7, reversion 1: W_B = [0.2, 1] (the median's ball of radius 0.4). Without
 * any announcement A offers the point of W_B nearest his ideal, x = 0.2 (gain 0.02), and B's
 * negotiator (the median 0.6) gains 0.4^2 - 0.4^2 = 0.
 * B undersells with lambda: constituent v then accepts |x - v| <= sqrt(lambda) (1 - v), and the
 * lower end of B's believed majority win-set is the median's, 0.6 (1 + sqrt(lambda)) - sqrt(lambda):
 * 0.28 for lambda = 0.64, 0.4 for lambda = 0.25.
 */
function scenario(lambda: number, credibility: number): ScenarioInput {
  const exact = { sigmaOwn: 0, sigmaForeign: 0 };
  return {
    protocol: { name: 'ultimatum' },
    countries: [
      {
        reversion: 0,
        constituents: { idealPoints: { kind: 'explicit', values: [0.05, 0.15, 0.5] } },
        negotiator: { beliefs: exact },
      },
      {
        reversion: 1,
        constituents: { idealPoints: { kind: 'explicit', values: [0.5, 0.6, 0.7] } },
        negotiator: { beliefs: exact, underselling: lambda, announcement: { credibility } },
      },
    ],
  };
}

const play = (lambda: number, credibility: number, trace?: TraceEvent[]) =>
  createGame(parseScenario(scenario(lambda, credibility))).play('s', trace);

describe('announced win-sets', () => {
  it('kappa = 0: underselling says nothing to the setter; he offers 0.2', () => {
    const record = play(0.25, 0);
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.2, 12);
    expect(record.negotiatorGain[1]).toBeCloseTo(0, 12);
  });

  it('kappa = 1, lambda = 0.64: believed, B gets 0.28, a gain of 0.16 - 0.32^2 = 0.0576', () => {
    const events: TraceEvent[] = [];
    const record = play(0.64, 1, events);
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.28, 9);
    expect(record.negotiatorGain[1]).toBeCloseTo(0.0576, 9);
    expect(events.some((e) => e.type === 'announcement' && e.negotiator === 1)).toBe(true);
  });

  it('kappa = 1, lambda = 0.25: B announces [0.4, 0.8], A sees no overlap with W_A: breakdown', () => {
    expect(play(0.25, 1).outcome).toBe('no_agreement');
  });

  it('kappa = 1/2, lambda = 0.64: half believed, A gambles on 0.2 (0.5 x 0.02 > 1 x 0.0056)', () => {
    // A's believed P(B ratifies) is 1/2 on [0.2, 0.28) and 1 from 0.28; his expected gain is
    // 0.5 (0.0225 - (x - 0.15)^2) there, largest at x = 0.2 (0.01), against 0.0225 - 0.13^2 =
    // 0.0056 at 0.28.
    const record = play(0.64, 0.5);
    expect(record.agreement[0]).toBeCloseTo(0.2, 12);
  });
});
