import { describe, expect, it } from 'vitest';
import { createGame } from '../../src/negotiation/game.ts';
import { parseScenario, type ScenarioInput } from '../../src/scenario/parse.ts';
import { hawkSetter } from './fixtures/hawkSetter.ts';

/**
 * The hawkish setter of `hawkSetter` (W_A = [0, 0.7], B's policy gain 0.01 - (x - 0.9)^2
 * positive only on (0.8, 1]: no agreement). With standing weight omega his gain adds
 * omega S_B(x), S_B the share of B's constituents who gain (|x - v| < 1 - v: x in (0, 1),
 * (0.3, 1), (0.6, 1)), so on (0.6, 0.7] S_B = 1 and his best offer in W_A is x = 0.7, worth
 * 0.01 - 0.2^2 + omega = omega - 0.03: he offers it iff omega > 0.03.
 */
const scenario = (standing: number) => hawkSetter({ motives: { standing } });

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

/**
 * The A and B of `hawkSetter` (B the setter, exact beliefs; W_A = [0, 0.7], W_B = [0.3, 1], B's
 * median m = 0.65), B's negotiator now a dove with ideal v = 0.6 and B's reverberation eta = 1/2. His
 * policy gain 0.16 - (x - 0.6)^2 peaks at x = 0.6, inside both win-sets: without the motive he
 * offers 0.6. With balance weight mu his utility adds mu B(x), B(x) = (m - v)^2 -
 * (m + eta (x - m) - v)^2 = 0.0025 - (0.5 x - 0.275)^2, and the sum peaks where
 * -2 (x - 0.6) - mu (0.5 x - 0.275) = 0: x = v + mu eta (1 - eta) (v - m) / (1 + mu eta^2),
 * 0.575 for mu = 4 (a grid point): the dove concedes to A to pull his hawkish Level II toward
 * himself, at a policy gain of 0.16 - 0.025^2 = 0.159375.
 */
function balanceScenario(balance: number, eta = 0.5): ScenarioInput {
  const input = hawkSetter({ ideal: 0.6, motives: { balance } });
  input.countries![1]!.reverberation = { eta };
  return input;
}

describe("negotiators' motives: shifting the Level II balance", () => {
  it('mu = 0: the dove offers his ideal point 0.6', () => {
    const record = createGame(parseScenario(balanceScenario(0))).play('s');
    expect(record.agreement[0]).toBeCloseTo(0.6, 12);
  });

  it('mu = 4, eta = 1/2: he offers 0.575, at a policy gain of 0.159375', () => {
    const record = createGame(parseScenario(balanceScenario(4))).play('s');
    expect(record.outcome).toBe('agreement');
    expect(record.agreement[0]).toBeCloseTo(0.575, 12);
    expect(record.negotiatorGain[1]).toBeCloseTo(0.159375, 12);
  });

  it('refuses a balance motive without reverberation, in the divide form, or with autonomy', () => {
    expect(() => parseScenario(balanceScenario(4, 0))).toThrow(
      /countries\[1\]\.negotiator\.motives\.balance: .*reverberation\.eta > 0/,
    );
    const autonomous = balanceScenario(4);
    autonomous.countries![1]!.autonomy = 0.5;
    expect(() => parseScenario(autonomous)).toThrow(
      /countries\[1\]\.negotiator\.motives\.balance: .*autonomy/,
    );
    expect(() =>
      parseScenario({
        form: 'divide',
        countries: [{}, { negotiator: { motives: { balance: 1 } }, reverberation: { eta: 0.5 } }],
      }),
    ).toThrow(/countries\[1\]\.negotiator\.motives\.balance: .*divide form/);
  });
});
