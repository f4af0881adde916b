import { describe, expect, it } from 'vitest';
import { createGame } from '../../src/negotiation/game.ts';
import { parseScenario, type ScenarioInput } from '../../src/scenario/parse.ts';

/**
 * B's negotiator is a hawk (ideal 0.9) and the setter (ultimatum, proposer B), all beliefs
 * exact. A: ideal points 0.2, 0.35, 0.5, reversion 0, so W_A = [0, 2 * 0.35] = [0, 0.7]. B:
 * 0.5, 0.65, 0.8, reversion 1. B's policy gain 0.01 - (x - 0.9)^2 is positive only on
 * (0.8, 1], outside W_A: no agreement. With standing weight omega his gain adds omega S_B(x),
 * S_B the share of B's constituents who gain (|x - v| < 1 - v: x in (0, 1), (0.3, 1), (0.6, 1)),
 * so on (0.6, 0.7] S_B = 1 and his best offer in W_A is x = 0.7, worth
 * 0.01 - 0.2^2 + omega = omega - 0.03: he offers it iff omega > 0.03.
 */
function scenario(standing: number): ScenarioInput {
  const exact = { sigmaOwn: 0, sigmaForeign: 0 };
  return {
    protocol: { name: 'ultimatum', proposer: 1 },
    countries: [
      {
        reversion: 0,
        constituents: { idealPoints: { kind: 'explicit', values: [0.2, 0.35, 0.5] } },
        negotiator: { beliefs: exact },
      },
      {
        reversion: 1,
        constituents: { idealPoints: { kind: 'explicit', values: [0.5, 0.65, 0.8] } },
        negotiator: { ideal: 0.9, beliefs: exact, motives: { standing } },
      },
    ],
  };
}

describe("negotiators' motives: domestic standing", () => {
  it('omega = 0.02 < 0.03: the hawk offers nothing', () => {
    expect(createGame(parseScenario(scenario(0.02))).play('s').outcome).toBe('no_agreement');
  });

  it('omega = 0.05 > 0.03: he offers 0.7, at a policy gain of 0.01 - 0.04 = -0.03', () => {
    const record = createGame(parseScenario(scenario(0.05))).play('s');
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.7, 12);
    expect(record.negotiatorGain[1]).toBeCloseTo(-0.03, 12);
  });

  it('refuses standing together with autonomy, with the path', () => {
    const input = scenario(0.05);
    input.countries![1]!.autonomy = 0.5;
    expect(() => parseScenario(input)).toThrow(/countries\[1\]\.negotiator\.motives\.standing/);
  });
});
